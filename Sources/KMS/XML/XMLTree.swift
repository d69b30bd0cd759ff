import CLibXML2

/// A parsed XML document, held by libxml2 and freed with the last reference.
///
/// Parsing is hardened for documents from the network (TS 33.180 Annex D
/// responses arrive over HTTPS from a server the client may not trust yet):
/// a size limit before anything is parsed; any `DOCTYPE` refused, so no DTD is
/// read, no entity is declared and none can expand (XXE, "billion laughs");
/// `XML_PARSE_NONET`, so nothing is ever fetched; no entity substitution;
/// libxml2's default depth limit (256) and no `XML_PARSE_HUGE`; and no
/// message printed to standard error.
final class XMLTree: @unchecked Sendable {
    // Owned by this object; never mutated after init, so readers may share it.
    let document: xmlDocPtr

    /// The default limit on a document's size: 4 MiB, far above any KMS
    /// response (a key set is about 2 KiB of XML) and small enough that a
    /// hostile document cannot exhaust memory.
    static let defaultMaximumSize = 4 << 20

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes` (UTF-8, or the encoding its XML declaration names).
    ///
    /// - Throws: ``KMSError/documentTooLarge(limit:)``, ``KMSError/doctypeRefused``,
    ///   ``KMSError/malformedXML``.
    init(parsing bytes: some Collection<UInt8>, maximumSize: Int = XMLTree.defaultMaximumSize) throws(KMSError) {
        _ = Self.initialized
        guard bytes.count <= maximumSize else { throw KMSError.documentTooLarge(limit: maximumSize) }
        let octets = Array(bytes)
        // "<!DOCTYPE" is case-sensitive (XML 1.0 §2.8): its absence means no
        // DTD, so nothing to load and no entity to declare. Checked before
        // libxml2 sees the document, and again on the tree below.
        guard !Self.contains(octets, Array("<!DOCTYPE".utf8)) else { throw KMSError.doctypeRefused }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = octets.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
                }
            }
        }
        guard let parsed else { throw KMSError.malformedXML }
        guard parsed.pointee.intSubset == nil, parsed.pointee.extSubset == nil else {
            xmlFreeDoc(parsed)
            throw KMSError.doctypeRefused
        }
        guard xmlDocGetRootElement(parsed) != nil else {
            xmlFreeDoc(parsed)
            throw KMSError.malformedXML
        }
        document = parsed
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
