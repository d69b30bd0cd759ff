import Crypto
import Curves
import ECCSI
import Octets
import SAKKE

/// A KMS's master secrets (TS 33.180 §5.3): the ECCSI KMS Secret
/// Authentication Key KSAK (RFC 6507 §4.2) and the SAKKE master secret z
/// (RFC 6508 §6.1.1), with the key pairs they define.
///
/// They leave memory only wrapped under a caller's 32-octet key
/// (``wrapped(with:)``: AES-256 key wrap of KSAK ‖ z, RFC 3394), never in
/// clear; the octets are wiped when the last copy goes.
public struct KMSMasterSecrets: Sendable {
    /// The ECCSI pair (KSAK, KPAK).
    public let eccsi: ECCSI.KMSKeyPair
    /// The SAKKE pair (z, Z_T).
    public let sakke: SAKKE.KMSKeyPair
    /// KSAK ‖ z, 32 + 128 octets: the wrapped form's plaintext.
    private let octets: SecretBytes

    /// The eight octets in clear before the wrapped secrets: what the file is, and its version.
    static let magic = Array("MSKMS001".utf8)
    private static let ksakCount = 32, zCount = 128

    /// Fresh secrets from the system's CSPRNG.
    public init() {
        var generator = SecureRandomGenerator()
        while true {
            // z uniform in 1 … q − 1: 1022 random bits, drawn again until below q
            // (q > 2^1021, so fewer than two draws on average).
            let ksak = P256SecretScalar(using: &generator)
            let z = SecretBytes(count: Self.zCount) { bytes in
                for index in bytes.indices { bytes[index] = UInt8.random(in: 0 ... 255, using: &generator) }
                bytes[0] &= 0x3F
            }
            if let secrets = try? Self(ksak: ksak.withBigEndianBytes { SecretBytes($0) }, z: z) {
                self = secrets
                return
            }
        }
    }

    /// The secrets of a given KSAK (32 octets) and z (128 octets), big-endian.
    ///
    /// - Throws: ``KMSError/invalidMasterSecrets`` when either is out of range.
    public init(ksak: SecretBytes, z: SecretBytes) throws(KMSError) {
        guard ksak.count == Self.ksakCount, z.count == Self.zCount,
            let eccsi = ksak.withUnsafeBytes({ try? ECCSI.KMSKeyPair(ksakBytes: $0) }),
            let sakke = try? SAKKE.KMSKeyPair(z: z)
        else { throw KMSError.invalidMasterSecrets }
        self.eccsi = eccsi
        self.sakke = sakke
        octets = SecretBytes(count: Self.ksakCount + Self.zCount) { output in
            ksak.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: output[0 ..< Self.ksakCount]).copyMemory(from: $0) }
            z.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: output[Self.ksakCount...]).copyMemory(from: $0) }
        }
    }

    /// The secrets wrapped with `key`: "MSKMS001" ‖ AES-KW(key, KSAK ‖ z), 176 octets.
    public func wrapped(with key: SecurityKey) -> [UInt8] {
        do {
            let wrapped = try octets.withUnsafeBytes { try AES.KeyWrap.wrap(SymmetricKey(data: $0), using: key.key) }
            return Self.magic + Array(wrapped)
        } catch {
            // 160 octets under a 256-bit key is always in AES-KW's domain.
            preconditionFailure("AES key wrap of 160 octets failed: \(error)")
        }
    }

    /// The secrets that ``wrapped(with:)`` wrote under `key`.
    ///
    /// - Throws: ``KMSError/invalidMasterSecrets`` for another key, a damaged
    ///   file or values out of range (RFC 3394's integrity check decides).
    public init(wrapped: some Collection<UInt8>, key: SecurityKey) throws(KMSError) {
        let bytes = Array(wrapped)
        guard bytes.count == Self.magic.count + 8 + Self.ksakCount + Self.zCount, bytes.starts(with: Self.magic),
            let plain = try? AES.KeyWrap.unwrap(bytes.dropFirst(Self.magic.count), using: key.key)
        else { throw KMSError.invalidMasterSecrets }
        let (ksak, z) = plain.withUnsafeBytes { raw in
            (SecretBytes(raw[0 ..< Self.ksakCount]), SecretBytes(raw[Self.ksakCount...]))
        }
        try self.init(ksak: ksak, z: z)
    }
}

extension KMSMasterSecrets: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "KMSMasterSecrets(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
