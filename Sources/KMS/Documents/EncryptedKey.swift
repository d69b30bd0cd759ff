/// An `xenc:EncryptedKey` of the security extension (TS 33.180 D.3.4,
/// D.3.5.2 `EncKeyContentType`): key material wrapped with the TrK by AES-256
/// key wrap (RFC 3394, `xmlenc#kw-aes256`).
public struct EncryptedKey: Sendable, Hashable {
    /// `EncryptionMethod/@Algorithm`.
    public var algorithm: String
    /// `ds:KeyInfo/ds:KeyName`: the name of the key that wrapped it (a TrK).
    public var keyName: String
    /// `CipherData/CipherValue` (base64 in the document).
    public var cipherValue: [UInt8]
    /// `CarriedKeyName`: the name of the key carried (a new TrK or InK).
    public var carriedKeyName: String?

    /// The algorithm of the D.3.4 profile: AES-256 key wrap.
    public static let keyWrapAES256 = "http://www.w3.org/2001/04/xmlenc#kw-aes256"

    public init(algorithm: String = EncryptedKey.keyWrapAES256, keyName: String, cipherValue: [UInt8], carriedKeyName: String? = nil) {
        self.algorithm = algorithm
        self.keyName = keyName
        self.cipherValue = cipherValue
        self.carriedKeyName = carriedKeyName
    }

    static let fields: [XMLSequence.Field] = [
        .init("EncryptionMethod", rank: 0), .init("CipherData", rank: 2), .init("CarriedKeyName", required: false, rank: 4),
    ]

    /// Reads an `EncryptedKey` element.
    init(element: XMLTreeElement) throws(KMSError) {
        guard element.isElement("EncryptedKey", in: XMLNamespace.xmlEnc) else { throw KMSError.unexpectedElement(element.name) }
        let fields = try XMLSequence(element, namespace: XMLNamespace.xmlEnc, fields: Self.fields)
        let method = try fields.required("EncryptionMethod")
        guard let algorithm = method.attribute("Algorithm") else { throw KMSError.missingElement("EncryptionMethod/@Algorithm") }
        self.algorithm = algorithm
        let keyInfo = try XMLSequence(element, namespace: XMLNamespace.xmlDSig, fields: [.init("KeyInfo", rank: 0)])
        let keyNames = try XMLSequence(keyInfo.required("KeyInfo"), namespace: XMLNamespace.xmlDSig, fields: [.init("KeyName", rank: 0)])
        keyName = try keyNames.text("KeyName")
        let cipherData = try XMLSequence(fields.required("CipherData"), namespace: XMLNamespace.xmlEnc, fields: [.init("CipherValue", rank: 0)])
        cipherValue = try XMLValue.base64(cipherData.text("CipherValue"), "CipherValue")
        carriedKeyName = try fields.optionalText("CarriedKeyName")
    }

    func write(into writer: inout XMLWriter, typed: Bool) {
        var attributes = [("xmlns", XMLNamespace.xmlEnc)]
        if typed { attributes.append(("Type", XMLAlgorithm.encryptedKeyType)) }
        writer.open("EncryptedKey", attributes)
        writer.empty("EncryptionMethod", [("Algorithm", algorithm)])
        writer.open("ds:KeyInfo")
        writer.element("ds:KeyName", keyName)
        writer.close()
        writer.open("CipherData")
        writer.element("CipherValue", Base64Text.encode(cipherValue))
        writer.close()
        if let carriedKeyName { writer.element("CarriedKeyName", carriedKeyName) }
        writer.close()
    }
}
