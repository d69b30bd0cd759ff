import Foundation

/// A KMS response (TS 33.180 D.3, D.3.5.1 `KmsResponseType`): the header
/// (`KmsUri`, `UserUri`, `Time`, `KmsId`, `ClientReqUrl`) and one message or
/// an error. ``KMSResponseReader`` reads one from a document, checking its
/// signature when the security extension is in use; ``xml(signedWith:)``
/// writes one.
public struct KMSResponse: Sendable {
    /// `KmsError` (D.3.5.1 `ErrorType`).
    public struct ErrorReport: Sendable, Hashable {
        public var code: Int
        public var message: String

        public init(code: Int, message: String) {
            self.code = code
            self.message = message
        }
    }

    public var kmsURI: String
    public var userURI: String
    /// `Time`: when the KMS made the response.
    public var time: Date
    public var kmsID: String?
    /// `ClientReqUrl`: the URL the client posted to.
    public var clientRequestURL: String
    public var message: KMSMessage?
    public var error: ErrorReport?

    public init(
        kmsURI: String, userURI: String, time: Date, kmsID: String? = nil, clientRequestURL: String,
        message: KMSMessage?, error: ErrorReport? = nil
    ) {
        self.kmsURI = kmsURI
        self.userURI = userURI
        self.time = time
        self.kmsID = kmsID
        self.clientRequestURL = clientRequestURL
        self.message = message
        self.error = error
    }

    // MARK: Reading

    static let fields: [XMLSequence.Field] = [
        .init("KmsUri", rank: 0), .init("UserUri", rank: 1), .init("Time", rank: 2), .init("KmsId", required: false, rank: 3),
        .init("ClientReqUrl", rank: 4), .init("KmsMessage", required: false, rank: 5), .init("KmsError", required: false, rank: 6),
    ]

    /// Reads a `KmsResponse` element.
    init(element: XMLTreeElement) throws(KMSError) {
        guard element.isElement("KmsResponse", in: XMLNamespace.kmsInterface) else { throw KMSError.unexpectedElement(element.name) }
        let fields = try XMLSequence(element, namespace: XMLNamespace.kmsInterface, fields: Self.fields)
        kmsURI = try fields.text("KmsUri")
        userURI = try fields.text("UserUri")
        time = try XMLValue.date(fields.text("Time"), "Time")
        kmsID = try fields.optionalText("KmsId")
        clientRequestURL = try fields.text("ClientReqUrl")
        message = try fields.optional("KmsMessage").flatMap { element throws(KMSError) in try Self.message(element) }
        if let report = fields.optional("KmsError") {
            let errorFields = try XMLSequence(
                report, namespace: XMLNamespace.kmsInterface, fields: [.init("ErrorCode", rank: 0), .init("ErrorMsg", rank: 1)])
            guard let code = Int(try errorFields.text("ErrorCode")) else { throw KMSError.invalidValue("ErrorCode") }
            error = ErrorReport(code: code, message: try errorFields.text("ErrorMsg"))
        } else {
            error = nil
        }
    }

    private static func message(_ element: XMLTreeElement) throws(KMSError) -> KMSMessage? {
        guard !element.hasMixedContent else { throw KMSError.invalidValue("KmsMessage") }
        let ours = element.children.filter { $0.namespace == XMLNamespace.kmsInterface }
        guard ours.count <= 1 else { throw KMSError.misplacedElement("KmsMessage") }
        guard let content = ours.first else { return nil }
        let version = content.attribute("Version") ?? "1.0.0"
        switch content.name {
        case "KmsInit":
            let fields = try XMLSequence(content, namespace: XMLNamespace.kmsInterface, fields: [
                .init("SignedKmsCertificate", required: false, rank: 0), .init("KmsCertificate", required: false, rank: 0),
                .init("NewTransportKey", required: false, rank: 1), .init("NewIntegrityKey", required: false, rank: 2),
            ])
            let certificates = try certificates(in: content)
            guard certificates.count == 1 else { throw KMSError.missingElement("KmsCertificate") }
            return .initialization(KMSInit(
                version: version, certificate: certificates[0],
                newTransportKey: try newKey("NewTransportKey", fields, content), newIntegrityKey: try newKey("NewIntegrityKey", fields, content)))
        case "KmsKeyProv":
            let fields = try XMLSequence(content, namespace: XMLNamespace.kmsInterface, fields: [
                .init("KmsKeySet", required: false, repeats: true, rank: 0),
                .init("NewTransportKey", required: false, rank: 1), .init("NewIntegrityKey", required: false, rank: 2),
            ])
            return .keyProvision(KMSKeyProvision(
                version: version,
                keySets: try fields.all("KmsKeySet").map { element throws(KMSError) in try KMSKeySet(element: element) },
                newTransportKey: try newKey("NewTransportKey", fields, content), newIntegrityKey: try newKey("NewIntegrityKey", fields, content)))
        case "KmsCertCache":
            _ = try XMLSequence(content, namespace: XMLNamespace.kmsInterface, fields: [
                .init("SignedKmsCertificate", required: false, repeats: true, rank: 0),
                .init("KmsCertificate", required: false, repeats: true, rank: 0),
            ])
            let cacheNumber = try content.attribute("CacheNum").map { text throws(KMSError) in try XMLValue.unsigned(text, "CacheNum") }
            return .certificateCache(KMSCertificateCache(version: version, cacheNumber: cacheNumber, certificates: try certificates(in: content)))
        default:
            throw KMSError.unexpectedElement(content.name)
        }
    }

    /// The certificates of the `KmsCertificate` and `SignedKmsCertificate`
    /// children of `content` (already read against its sequence), in document order.
    private static func certificates(in content: XMLTreeElement) throws(KMSError) -> [KMSCertificate] {
        try content.children.filter { $0.namespace == XMLNamespace.kmsInterface && $0.name.hasSuffix("KmsCertificate") }
            .map { element throws(KMSError) in
                if element.name == "KmsCertificate" { return try KMSCertificate(element: element) }
                let signed = try XMLSequence(element, namespace: XMLNamespace.kmsInterface, fields: [.init("KmsCertificate", rank: 0)])
                return try KMSCertificate(element: signed.required("KmsCertificate"))
            }
    }

    /// `NewTransportKey` / `NewIntegrityKey`: in the interface namespace as
    /// the D.3.4 examples write it, or in the security extension's, as the
    /// D.3.5.2 schema declares it.
    private static func newKey(_ name: String, _ fields: XMLSequence, _ content: XMLTreeElement) throws(KMSError) -> EncryptedKey? {
        let extensionElements = content.children.filter { $0.isElement(name, in: XMLNamespace.kmsSecurityExtension) }
        guard extensionElements.count + (fields.optional(name) == nil ? 0 : 1) <= 1 else { throw KMSError.misplacedElement(name) }
        guard let element = fields.optional(name) ?? extensionElements.first else { return nil }
        return try newKey(element)
    }

    /// A `NewTransportKey` / `NewIntegrityKey`: one `EncryptedKey`.
    private static func newKey(_ element: XMLTreeElement) throws(KMSError) -> EncryptedKey {
        let children = element.children
        guard children.count == 1, !element.hasMixedContent else { throw KMSError.invalidValue(element.name) }
        return try EncryptedKey(element: children[0])
    }

    // MARK: Writing

    /// The response as a document: a `KmsResponse`, or with `key` a
    /// `SignedKmsResponse` signed as D.3.4 shows (HMAC-SHA-256 enveloped
    /// signature with the InK or TrK).
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)`` when a value cannot be
    ///   written as XML.
    public func xml(signedWith key: SecurityKey? = nil) throws(KMSError) -> [UInt8] {
        var writer = XMLWriter()
        if let key {
            writer.open("SignedKmsResponse", [
                ("xmlns", XMLNamespace.kmsSecurityExtension), ("xmlns:xsi", XMLNamespace.xmlSchemaInstance),
                ("xmlns:ds", XMLNamespace.xmlDSig), ("xmlns:se", XMLNamespace.kmsSecurityExtension), ("Id", XMLSignature.documentID),
            ])
            write(into: &writer, attributes: [("xmlns", XMLNamespace.kmsInterface), ("Version", "1.0.0")])
            XMLSignature.writeTemplate(keyName: key.name, into: &writer)
            writer.close()
            return try XMLSignature.sign(writer.text, with: key)
        }
        write(into: &writer, attributes: [
            ("xmlns", XMLNamespace.kmsInterface), ("xmlns:xsi", XMLNamespace.xmlSchemaInstance),
            ("xmlns:ds", XMLNamespace.xmlDSig), ("xmlns:se", XMLNamespace.kmsSecurityExtension), ("Version", "1.0.0"),
        ])
        let bytes = Array(writer.text.utf8)
        // Parsed back: a value XML cannot carry (a control character) fails here, not at the client.
        guard (try? XMLTree(parsing: bytes, maximumSize: .max)) != nil else { throw KMSError.unwritableValue("KmsResponse") }
        return bytes
    }

    private func write(into writer: inout XMLWriter, attributes: [(String, String)]) {
        writer.open("KmsResponse", attributes)
        writer.element("KmsUri", kmsURI)
        writer.element("UserUri", userURI)
        writer.element("Time", XMLValue.text(time))
        if let kmsID { writer.element("KmsId", kmsID) }
        writer.element("ClientReqUrl", clientRequestURL)
        if let message {
            writer.open("KmsMessage")
            switch message {
            case .initialization(let content):
                var attributes = [("Version", content.version)]
                if content.newTransportKey != nil {
                    attributes.append(("xsi:type", content.newIntegrityKey == nil ? "se:KmsInitTkType" : "se:KmsInitTkIkType"))
                }
                writer.open("KmsInit", attributes)
                content.certificate.write(into: &writer, declaringNamespace: false)
                Self.write(newKey: content.newTransportKey, "NewTransportKey", into: &writer)
                Self.write(newKey: content.newIntegrityKey, "NewIntegrityKey", into: &writer)
                writer.close()
            case .keyProvision(let content):
                var attributes = [("Version", content.version)]
                if content.newTransportKey != nil || content.newIntegrityKey != nil {
                    attributes.append(("xsi:type", "se:KmsKeyProvTkIkType"))
                }
                writer.open("KmsKeyProv", attributes)
                for keySet in content.keySets { keySet.write(into: &writer) }
                Self.write(newKey: content.newTransportKey, "NewTransportKey", into: &writer)
                Self.write(newKey: content.newIntegrityKey, "NewIntegrityKey", into: &writer)
                writer.close()
            case .certificateCache(let content):
                var attributes = [("Version", content.version)]
                if let number = content.cacheNumber { attributes.append(("CacheNum", String(number))) }
                writer.open("KmsCertCache", attributes)
                for certificate in content.certificates { certificate.write(into: &writer, declaringNamespace: false) }
                writer.close()
            }
            writer.close()
        }
        if let error {
            writer.open("KmsError")
            writer.element("ErrorCode", String(error.code))
            writer.element("ErrorMsg", error.message)
            writer.close()
        }
        writer.close()
    }

    private static func write(newKey: EncryptedKey?, _ name: String, into writer: inout XMLWriter) {
        guard let newKey else { return }
        writer.open(name)
        newKey.write(into: &writer, typed: true)
        writer.close()
    }
}
