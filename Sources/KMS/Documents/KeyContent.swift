import Octets

/// The content of `UserDecryptKey`, `UserSigningKeySSK` or `UserPubTokenPVT`
/// (D.3.5.1 `KeyContentType`, D.3.5.2 `EncKeyContentType`): hex octets, or
/// an `EncryptedKey` that the TrK unwraps.
public enum KeyContent: Sendable {
    /// The key's octets as the document gives them (a secret for the RSK and SSK).
    case plain(SecretBytes)
    /// The key wrapped with a TrK.
    case encrypted(EncryptedKey)

    /// Reads a key element: an `EncryptedKey` child, or hex text.
    init(element: XMLTreeElement) throws(KMSError) {
        let children = element.children
        if children.isEmpty {
            self = .plain(try XMLValue.secretHex(element.trimmedText, element.name))
            return
        }
        guard children.count == 1, !element.hasMixedContent else { throw KMSError.invalidValue(element.name) }
        self = .encrypted(try EncryptedKey(element: children[0]))
    }

    func write(_ name: String, into writer: inout XMLWriter) {
        switch self {
        case .plain(let bytes):
            writer.element(name, bytes.withUnsafeBytes { XMLValue.hexText($0) })
        case .encrypted(let key):
            writer.open(name, [("xsi:type", "se:EncKeyContentType")])
            key.write(into: &writer, typed: false)
            writer.close()
        }
    }
}
