/// The children of an element read against its schema sequence: the elements
/// of the schema's namespace must be among `fields`, each at most as often as
/// allowed and in the schema's order (fields with the same `rank` may come in
/// either order: the D.3.4 examples swap `CertUri` and `KmsUri`); elements of
/// other namespaces are extensions (`xsd:any namespace="##other"`) and are
/// skipped; character data between elements is refused.
struct XMLSequence {
    /// One element of the sequence.
    struct Field {
        let name: String
        let aliases: [String]
        let isRequired: Bool
        let repeats: Bool
        let rank: Int

        init(_ name: String, aliases: [String] = [], required: Bool = true, repeats: Bool = false, rank: Int) {
            self.name = name
            self.aliases = aliases
            isRequired = required
            self.repeats = repeats
            self.rank = rank
        }
    }

    private var elements: [String: [XMLTreeElement]] = [:]

    /// Reads `parent`'s children in `namespace` against `fields`.
    ///
    /// - Throws: ``KMSError/unexpectedElement(_:)`` for an unknown element of
    ///   the namespace, ``KMSError/misplacedElement(_:)`` for a repeat or an
    ///   element out of order, ``KMSError/missingElement(_:)``,
    ///   ``KMSError/invalidValue(_:)`` for text between the elements.
    init(_ parent: XMLTreeElement, namespace: String, fields: [Field]) throws(KMSError) {
        guard !parent.hasMixedContent else { throw KMSError.invalidValue(parent.name) }
        var lastRank = Int.min
        for child in parent.children {
            // Extensions (xsd:any namespace="##other") are elements of another
            // namespace; an unqualified element is not one.
            guard let childNamespace = child.namespace else { throw KMSError.unexpectedElement(child.name) }
            guard childNamespace == namespace else { continue }
            guard let field = fields.first(where: { $0.name == child.name || $0.aliases.contains(child.name) }) else {
                throw KMSError.unexpectedElement(child.name)
            }
            let seen = elements[field.name]?.count ?? 0
            guard field.rank >= lastRank, seen == 0 || field.repeats else { throw KMSError.misplacedElement(child.name) }
            lastRank = field.rank
            elements[field.name, default: []].append(child)
        }
        for field in fields where field.isRequired && elements[field.name] == nil {
            throw KMSError.missingElement(field.name)
        }
    }

    /// The element `name`, or nil when the sequence omits it.
    func optional(_ name: String) -> XMLTreeElement? { elements[name]?.first }

    /// The element `name` (a required field, so present).
    func required(_ name: String) throws(KMSError) -> XMLTreeElement {
        guard let element = elements[name]?.first else { throw KMSError.missingElement(name) }
        return element
    }

    /// Every occurrence of `name`.
    func all(_ name: String) -> [XMLTreeElement] { elements[name] ?? [] }

    /// The trimmed text of `name`, or nil.
    func optionalText(_ name: String) throws(KMSError) -> String? {
        guard let element = optional(name) else { return nil }
        return try Self.simpleText(element)
    }

    /// The trimmed text of the required `name`.
    func text(_ name: String) throws(KMSError) -> String {
        try Self.simpleText(required(name))
    }

    /// The text of an element of simple type: no child elements.
    static func simpleText(_ element: XMLTreeElement) throws(KMSError) -> String {
        guard element.children.isEmpty else { throw KMSError.invalidValue(element.name) }
        return element.trimmedText
    }
}
