import Crypto
import Octets

/// A key of the security extension (TS 33.180 D.1, D.3.4): a Transport Key
/// (TrK, wraps key material and may sign) or an Integrity Key (InK, signs),
/// shared by the KMS's and the client's secure elements and referred to by
/// name (`ds:KeyName`, for example "tk.11.user@example.org"). AES-256 and
/// HMAC-SHA-256 keys: 32 octets. The key is held by swift-crypto's
/// `SymmetricKey`, which wipes it when released; it is never printed.
public struct SecurityKey: Sendable {
    /// The key's name.
    public let name: String
    let key: SymmetricKey

    /// A key of 32 octets.
    ///
    /// - Throws: ``KMSError/invalidKeyLength(_:)``.
    public init(name: String, bytes: SecretBytes) throws(KMSError) {
        guard bytes.count == 32 else { throw KMSError.invalidKeyLength(bytes.count) }
        self.name = name
        key = bytes.withUnsafeBytes { SymmetricKey(data: $0) }
    }

    /// A fresh random key from the system's CSPRNG.
    public init(name: String) {
        self.name = name
        key = SymmetricKey(size: .bits256)
    }

    init(name: String, key: SymmetricKey) {
        self.name = name
        self.key = key
    }

    /// The key's octets, for storing it in a secure element or a protected file.
    public var bytes: SecretBytes { key.withUnsafeBytes { SecretBytes($0) } }
}

extension SecurityKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SecurityKey(\(name), redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
