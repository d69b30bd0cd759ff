import Octets
import Crypto
import CryptoExtras

/// The SRTP key derivation of RFC 3711 §4.3 with the AES-CM PRF and key
/// derivation rate 0: each session key is the AES-CM keystream under the
/// master key, started at IV = (label·2⁴⁸ ⊕ master salt)·2¹⁶ (r = 0).
///
/// A 96-bit GCM master salt enters padded with 16 zero bits on the right
/// (RFC 7714 §11), so that both the 112-bit salts of RFC 3711 and the 96-bit
/// ones of RFC 7714 work.
public enum SRTPKeyDerivation {
    /// The labels of RFC 3711 §4.3.1 (and §4.3.2 for SRTCP).
    public enum Label: UInt8, Sendable {
        case srtpEncryption = 0x00
        case srtpAuthentication = 0x01
        case srtpSalt = 0x02
        case srtcpEncryption = 0x03
        case srtcpAuthentication = 0x04
        case srtcpSalt = 0x05
    }

    /// `length` octets of the session key with `label`.
    ///
    /// - Throws: `SRTPError.invalidKeyLength` for a master key of other than
    ///   16, 24 or 32 octets or a master salt of other than 12 or 14;
    ///   `.invalidOutputLength` as ``keystream(key:iv:count:)``.
    public static func derive(masterKey: SecretBytes, masterSalt: SecretBytes, label: Label, length: Int) throws -> SecretBytes {
        guard masterSalt.count == 12 || masterSalt.count == 14 else {
            throw SRTPError.invalidKeyLength(expected: [12, 14], actual: masterSalt.count)
        }
        // x = (label at octet 7 of a 14-octet key_id, r = 0) XOR the salt; IV = x || 0x0000.
        var iv = [UInt8](repeating: 0, count: 16)
        defer { iv.wipe() }
        masterSalt.withUnsafeBytes { salt in
            for index in 0 ..< salt.count { iv[index] = salt[index] }
        }
        iv[7] ^= label.rawValue
        return try keystream(key: masterKey, iv: iv, count: length)
    }

    /// The longest keystream AES-CM gives from one IV: 2¹⁶ blocks of 16 octets.
    public static let maximumKeystreamCount = 1 << 20

    /// `count` octets of AES-CM keystream (RFC 3711 §4.1.1) from the 16-octet
    /// initial counter block `iv`.
    ///
    /// - Throws: `SRTPError.invalidKeyLength` for a key of other than 16, 24
    ///   or 32 octets, `.invalidIVLength` for an IV of other than 16,
    ///   `.invalidOutputLength` for a count outside 0 … 2²⁰ (the 2¹⁶ blocks
    ///   of the 16-bit block counter, RFC 3711 §4.1.1).
    public static func keystream(key: SecretBytes, iv: [UInt8], count: Int) throws -> SecretBytes {
        guard [16, 24, 32].contains(key.count) else { throw SRTPError.invalidKeyLength(expected: [16, 24, 32], actual: key.count) }
        guard iv.count == 16 else { throw SRTPError.invalidIVLength(iv.count) }
        guard (0 ... maximumKeystreamCount).contains(count) else { throw SRTPError.invalidOutputLength(count) }
        let zeros = [UInt8](repeating: 0, count: count)
        let nonce = try AES._CTR.Nonce(nonceBytes: iv)
        var stream = try key.withUnsafeBytes { try AES._CTR.encrypt(zeros, using: SymmetricKey(data: $0), nonce: nonce) }
        defer { stream.resetBytes(in: stream.startIndex ..< stream.endIndex) }
        return SecretBytes(stream)
    }
}
