import CLibXML2

/// A parsed XML document, held by libxml2 and freed with the last reference.
///
/// Parsing is hardened for documents from the network (TS 33.180 Annex D
/// responses arrive over HTTPS from a server the client may not trust yet):
/// a size limit before anything is parsed; any `DOCTYPE` refused, so no DTD is
/// read, no entity is declared and none can expand (XXE, "billion laughs");
/// `XML_PARSE_NONET`, so nothing is ever fetched; no entity substitution;
/// libxml2's default depth limit (256) and no `XML_PARSE_HUGE`; no message
/// printed to standard error; UTF-8 only, whatever the XML declaration says
/// (so the `DOCTYPE` check of the bytes cannot be dodged by another
/// encoding); and limits on the tree's shape (``maximumNamespaceDeclarations``,
/// ``maximumAttributes``), since inclusive canonicalisation, which runs
/// before a signature can be checked, costs the product of the elements and
/// the namespaces in scope.
final class XMLTree: @unchecked Sendable {
    // Owned by this object; never mutated after init, so readers may share it.
    let document: xmlDocPtr

    /// The default limit on a document's size: 4 MiB, far above any KMS
    /// response (a key set is about 2 KiB of XML) and small enough that a
    /// hostile document cannot exhaust memory.
    static let defaultMaximumSize = 4 << 20

    /// The most namespace declarations a document may make in all: the
    /// Annex D documents make at most seven.
    static let maximumNamespaceDeclarations = 32

    /// The most attributes an element may carry: Annex D elements carry at most four.
    static let maximumAttributes = 16

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` as UTF-8.
    ///
    /// - Throws: ``KMSError/documentTooLarge(limit:)`` (also for any size
    ///   libxml2 cannot take, 2 GiB and over), ``KMSError/doctypeRefused``,
    ///   ``KMSError/malformedXML``, ``KMSError/documentTooComplex``.
    init(parsing bytes: some Collection<UInt8>, maximumSize: Int = XMLTree.defaultMaximumSize) throws(KMSError) {
        _ = Self.initialized
        let limit = min(maximumSize, Int(Int32.max))
        guard bytes.count <= limit else { throw KMSError.documentTooLarge(limit: limit) }
        let octets = Array(bytes)
        // "<!DOCTYPE" is case-sensitive (XML 1.0 §2.8): its absence means no
        // DTD, so nothing to load and no entity to declare. Checked before
        // libxml2 sees the document, and again on the tree below.
        guard !Self.contains(octets, Array("<!DOCTYPE".utf8)) else { throw KMSError.doctypeRefused }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = octets.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let parsed else { throw KMSError.malformedXML }
        guard parsed.pointee.intSubset == nil, parsed.pointee.extSubset == nil else {
            xmlFreeDoc(parsed)
            throw KMSError.doctypeRefused
        }
        guard let root = xmlDocGetRootElement(parsed) else {
            xmlFreeDoc(parsed)
            throw KMSError.malformedXML
        }
        guard Self.hasModestShape(root) else {
            xmlFreeDoc(parsed)
            throw KMSError.documentTooComplex
        }
        document = parsed
    }

    /// Whether the tree under `root` stays within ``maximumNamespaceDeclarations``
    /// and ``maximumAttributes`` (walked without recursion).
    private static func hasModestShape(_ root: xmlNodePtr) -> Bool {
        var declarations = 0
        var pending = [root]
        while let node = pending.popLast() {
            var attributes = 0
            var attribute = node.pointee.properties
            while let current = attribute {
                attributes += 1
                attribute = current.pointee.next
            }
            var namespace = node.pointee.nsDef
            while let current = namespace {
                declarations += 1
                namespace = current.pointee.next
            }
            guard attributes <= maximumAttributes, declarations <= maximumNamespaceDeclarations else { return false }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { pending.append(current) }
                child = current.pointee.next
            }
        }
        return true
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The document element.
    var root: XMLTreeElement {
        // init refused a document without one.
        XMLTreeElement(node: xmlDocGetRootElement(document), tree: self)
    }

    /// Inclusive C14N 1.0 without comments of `apex` and its descendants,
    /// less the subtree of `excluded` (the enveloped-signature transform),
    /// canonicalised in place so that inherited namespaces are kept.
    ///
    /// - Throws: ``KMSError/malformedXML`` when libxml2 cannot canonicalise.
    func canonicalized(_ apex: XMLTreeElement, excluding excluded: XMLTreeElement? = nil) throws(KMSError) -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        let length = cxml_c14n(document, apex.node, excluded?.node, &output)
        guard length >= 0, let output else { throw KMSError.malformedXML }
        defer { free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if haystack[start ..< start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }
}
