/// The namespace URIs of TS 33.180 D.3.5 and of the W3C recommendations its
/// security extension uses, with the algorithm identifiers this package
/// accepts.
enum XMLNamespace {
    /// The base KMS interface schema (D.3.5.1).
    static let kmsInterface = "urn:3gpp:ns:mcsecKMSInterface:1.0"
    /// The security extension (D.3.5.2).
    static let kmsSecurityExtension = "urn:3gpp:ns:mcsecKMSSecExt:1.0"
    /// XML Signature (XML-DSig 1.0).
    static let xmlDSig = "http://www.w3.org/2000/09/xmldsig#"
    /// XML Encryption 1.0.
    static let xmlEnc = "http://www.w3.org/2001/04/xmlenc#"
    /// XML Schema instance (`xsi:type`).
    static let xmlSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
}

/// The algorithm URIs of the D.3.4 signature and key-encryption profile.
enum XMLAlgorithm {
    /// Inclusive canonical XML 1.0 without comments.
    static let canonicalXML10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    /// HMAC-SHA-256 (RFC 4051 §2.2.2).
    static let hmacSHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"
    /// SHA-256 digests (XML Encryption §5.7.2).
    static let sha256 = "http://www.w3.org/2001/04/xmlenc#sha256"
    /// The enveloped-signature transform (XML-DSig §6.6.4).
    static let envelopedSignature = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
    /// AES-256 key wrap (RFC 3394; XML Encryption §5.6.3).
    static let keyWrapAES256 = "http://www.w3.org/2001/04/xmlenc#kw-aes256"
    /// The `Type` of an `EncryptedKey`.
    static let encryptedKeyType = "http://www.w3.org/2001/04/xmlenc#EncryptedKey"
}
