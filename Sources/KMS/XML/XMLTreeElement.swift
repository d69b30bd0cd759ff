import CLibXML2

/// An element of an ``XMLTree``: its name, namespace, attributes, element
/// children and text. Keeps its tree alive.
struct XMLTreeElement: @unchecked Sendable {
    // Points into `tree`, which this value keeps alive; read only.
    let node: xmlNodePtr
    let tree: XMLTree

    init(node: xmlNodePtr, tree: XMLTree) {
        self.node = node
        self.tree = tree
    }

    /// The local name.
    var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, or nil for none.
    var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// Whether this element is `name` in `namespace`.
    func isElement(_ name: String, in namespace: String) -> Bool {
        self.name == name && self.namespace == namespace
    }

    /// The value of the unqualified attribute `name`, or nil.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// The values of every attribute named `name` in this subtree, whatever
    /// its namespace (for the uniqueness of `Id` values).
    func attributeValuesInSubtree(named name: String) -> [String] {
        var values: [String] = []
        if let value = attribute(name) { values.append(value) }
        for child in children { values += child.attributeValuesInSubtree(named: name) }
        return values
    }

    /// The element children, in document order.
    var children: [XMLTreeElement] {
        var result: [XMLTreeElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLTreeElement(node: current, tree: tree)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether the element has character data other than white space
    /// between or around its child elements.
    var hasMixedContent: Bool {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content,
                String(cString: content).contains(where: { !$0.isXMLWhitespace })
            {
                return true
            }
            child = current.pointee.next
        }
        return false
    }

    /// The concatenated text of the element and its descendants.
    var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(content) }
        return String(cString: content)
    }

    /// The text with leading and trailing XML white space removed (the
    /// `collapse` facet of `xsd:anyURI`, `xsd:integer`, `xsd:hexBinary`, …).
    var trimmedText: String {
        String(text.drop(while: \.isXMLWhitespace).reversed().drop(while: \.isXMLWhitespace).reversed())
    }
}

extension Character {
    /// XML's white space (XML 1.0 §2.3 S): space, tab, CR, LF.
    var isXMLWhitespace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" }
}
