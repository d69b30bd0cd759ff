import Crypto
import Foundation
import Octets

/// The XML-DSig enveloped signature of the security extension (TS 33.180
/// D.1, D.3.4): HMAC-SHA-256 with the InK or TrK over the inclusive C14N 1.0
/// of `SignedInfo`, whose one `Reference` (`URI="#xmldoc"`) digests with
/// SHA-256 the canonical form of the document element that carries the
/// signature, less the signature itself.
///
/// Verification is strict where signature handling has failed before:
/// - only the document element's own `Signature` (its last child) counts,
///   and its `Reference` must name that element's `Id`, which no other
///   element may repeat, so the element then read is the element signed
///   (no signature wrapping);
/// - the only transforms are enveloped-signature and C14N 1.0 (the D.3.4
///   examples omit the enveloped-signature transform although the signature
///   lies inside the element it signs; both forms are read as enveloped);
/// - `HMACOutputLength`, when present, is honoured, and below 128 bits
///   refused (the CVE-2009-0217 truncation attack); only HMAC-SHA-256;
/// - the key is the one `KeyName` names among the keys the caller gave:
///   never another (xmlsec1 tries every loaded key);
/// - digest and MAC are compared in constant time (`SecretBytes` equality).
enum XMLSignature {
    /// The `Id` of a signed document element, as in the D.3.4 examples.
    static let documentID = "xmldoc"
    private static let digestPlaceholder = "<DigestValue>@DIGEST@</DigestValue>"
    private static let signaturePlaceholder = "<SignatureValue>@SIGNATURE@</SignatureValue>"

    /// Writes the `Signature` template (placeholders for the values) as the last child of the open element.
    static func writeTemplate(keyName: String, into writer: inout XMLWriter) {
        writer.open("Signature", [("xmlns", XMLNamespace.xmlDSig)])
        writer.open("SignedInfo")
        writer.empty("CanonicalizationMethod", [("Algorithm", XMLAlgorithm.canonicalXML10)])
        writer.open("SignatureMethod", [("Algorithm", XMLAlgorithm.hmacSHA256)])
        writer.element("HMACOutputLength", "256")
        writer.close()
        writer.open("Reference", [("URI", "#" + documentID)])
        writer.open("Transforms")
        writer.empty("Transform", [("Algorithm", XMLAlgorithm.envelopedSignature)])
        writer.close()
        writer.empty("DigestMethod", [("Algorithm", XMLAlgorithm.sha256)])
        writer.element("DigestValue", "@DIGEST@")
        writer.close()
        writer.close()
        writer.element("SignatureValue", "@SIGNATURE@")
        writer.open("KeyInfo")
        writer.element("KeyName", keyName)
        writer.close()
        writer.close()
    }

    /// Fills in the template of `text`: the digest of the document element
    /// less the signature, then the HMAC of the canonical `SignedInfo`.
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)`` when the text does not parse
    ///   (a value XML cannot carry).
    static func sign(_ text: String, with key: SecurityKey) throws(KMSError) -> [UInt8] {
        let unsigned: XMLTree
        do { unsigned = try XMLTree(parsing: Array(text.utf8), maximumSize: .max) } catch { throw KMSError.unwritableValue("document") }
        guard let signature = unsigned.root.children.last else { throw KMSError.unwritableValue("Signature") }
        let digest = SHA256.hash(data: try unsigned.canonicalized(unsigned.root, excluding: signature))
        let digested = text.replacingFirst(digestPlaceholder, with: "<DigestValue>" + Base64Text.encode(Array(digest)) + "</DigestValue>")
        let withDigest: XMLTree
        do { withDigest = try XMLTree(parsing: Array(digested.utf8), maximumSize: .max) } catch { throw KMSError.unwritableValue("document") }
        guard let signedInfo = withDigest.root.children.last?.children.first else { throw KMSError.unwritableValue("SignedInfo") }
        let mac = HMAC<SHA256>.authenticationCode(for: try withDigest.canonicalized(signedInfo), using: key.key)
        let signed = digested.replacingFirst(
            signaturePlaceholder, with: "<SignatureValue>" + Base64Text.encode(Array(mac)) + "</SignatureValue>")
        return Array(signed.utf8)
    }

    /// Checks the signature of `root` (a signed document element) with the
    /// key its `KeyName` names among `keys`, and returns that key's name.
    ///
    /// - Throws: ``KMSError/signatureMissing``, ``KMSError/unknownKeyName(_:)``,
    ///   ``KMSError/unsupportedAlgorithm(_:)``, ``KMSError/invalidHMACOutputLength(_:)``,
    ///   ``KMSError/signatureReferenceMismatch``, ``KMSError/signatureInvalid``,
    ///   or a structural ``KMSError``.
    static func verify(_ root: XMLTreeElement, keys: [SecurityKey]) throws(KMSError) -> String {
        guard let signature = root.children.last, signature.isElement("Signature", in: XMLNamespace.xmlDSig) else {
            throw KMSError.signatureMissing
        }
        let parts = try XMLSequence(signature, namespace: XMLNamespace.xmlDSig, fields: [
            .init("SignedInfo", rank: 0), .init("SignatureValue", rank: 1), .init("KeyInfo", rank: 2),
        ])
        let signedInfo = try parts.required("SignedInfo")
        let info = try XMLSequence(signedInfo, namespace: XMLNamespace.xmlDSig, fields: [
            .init("CanonicalizationMethod", rank: 0), .init("SignatureMethod", rank: 1), .init("Reference", rank: 2),
        ])
        try requireAlgorithm(info.required("CanonicalizationMethod"), XMLAlgorithm.canonicalXML10)
        let method = try info.required("SignatureMethod")
        try requireAlgorithm(method, XMLAlgorithm.hmacSHA256)
        let macLength = try outputLength(method)

        let reference = try info.required("Reference")
        guard let rootID = root.attribute("Id"), reference.attribute("URI") == "#" + rootID,
            root.attributeValuesInSubtree(named: "Id").count(where: { $0 == rootID }) == 1
        else { throw KMSError.signatureReferenceMismatch }
        let referenceParts = try XMLSequence(reference, namespace: XMLNamespace.xmlDSig, fields: [
            .init("Transforms", required: false, rank: 0), .init("DigestMethod", rank: 1), .init("DigestValue", rank: 2),
        ])
        if let transforms = referenceParts.optional("Transforms") {
            let list = try XMLSequence(transforms, namespace: XMLNamespace.xmlDSig, fields: [.init("Transform", repeats: true, rank: 0)])
            let algorithms = list.all("Transform").map { $0.attribute("Algorithm") ?? "" }
            // The profile has two transforms at most: enveloped-signature, then C14N 1.0.
            guard algorithms.count <= 2 else { throw KMSError.misplacedElement("Transform") }
            guard algorithms.first == XMLAlgorithm.envelopedSignature else {
                throw KMSError.unsupportedAlgorithm(algorithms.first ?? "Transform")
            }
            for algorithm in algorithms.dropFirst() where algorithm != XMLAlgorithm.canonicalXML10 {
                throw KMSError.unsupportedAlgorithm(algorithm)
            }
        }
        try requireAlgorithm(referenceParts.required("DigestMethod"), XMLAlgorithm.sha256)
        let digestValue = try XMLValue.base64(referenceParts.text("DigestValue"), "DigestValue")

        let keyInfo = try XMLSequence(parts.required("KeyInfo"), namespace: XMLNamespace.xmlDSig, fields: [.init("KeyName", rank: 0)])
        let keyName = try keyInfo.text("KeyName")
        guard let key = keys.first(where: { $0.name == keyName }) else { throw KMSError.unknownKeyName(keyName) }
        let signatureValue = try XMLValue.base64(parts.text("SignatureValue"), "SignatureValue")

        let digest = Array(SHA256.hash(data: try root.tree.canonicalized(root, excluding: signature)))
        let mac = Array(HMAC<SHA256>.authenticationCode(for: try root.tree.canonicalized(signedInfo), using: key.key))
        // Both comparisons always run, and neither says where the values differ.
        let digestMatches = SecretBytes(digestValue) == SecretBytes(digest)
        let macMatches = SecretBytes(signatureValue) == SecretBytes(mac.prefix(macLength))
        guard digestMatches && macMatches else { throw KMSError.signatureInvalid }
        return keyName
    }

    /// The MAC length in octets: `HMACOutputLength` bits (128 … 256, a
    /// multiple of 8), or the whole 32 octets when absent.
    private static func outputLength(_ method: XMLTreeElement) throws(KMSError) -> Int {
        let fields = try XMLSequence(method, namespace: XMLNamespace.xmlDSig, fields: [.init("HMACOutputLength", required: false, rank: 0)])
        guard let text = try fields.optionalText("HMACOutputLength") else { return 32 }
        guard let bits = Int(text), (128 ... 256).contains(bits), bits.isMultiple(of: 8) else {
            throw KMSError.invalidHMACOutputLength(text)
        }
        return bits / 8
    }

    private static func requireAlgorithm(_ element: XMLTreeElement, _ algorithm: String) throws(KMSError) {
        let value = element.attribute("Algorithm")
        guard value == algorithm else { throw KMSError.unsupportedAlgorithm(value ?? element.name) }
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced.
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
