import Octets
import Crypto

/// The MIKEY pseudo-random function of RFC 3830 §4.1.2 with
/// PRF-HMAC-SHA-256 (RFC 6043 §6.1), and the key derivation of §4.1.3–4.1.4
/// that turns a TGK into the keys and salts of one crypto session.
///
/// PRF(inkey, label): inkey is cut into 256-bit pieces s₁ … sₙ (the last may be
/// shorter); each gives P(sᵢ, label, m) = HMAC(sᵢ, A₁ || label) || … ||
/// HMAC(sᵢ, Aₘ || label) with A₀ = label, Aⱼ = HMAC(sᵢ, Aⱼ₋₁) and
/// m = ⌈outkey_len / 256⌉; the output is the XOR of the n strings, cut to
/// outkey_len.
public enum MIKEYPRF {
    /// The constants of RFC 3830 §4.1.3 that start a label.
    public enum KeyType: UInt32, Sendable {
        /// Traffic-encrypting key (the SRTP master key).
        case tek = 0x2AD0_1C64
        /// Encryption key of the MIKEY message itself (§4.1.5).
        case encryption = 0x1579_8CEF
        /// Authentication key of the MIKEY message itself (§4.1.5).
        case authentication = 0x1B5C_7973
        /// Salting key (the SRTP master salt).
        case salt = 0x39A2_C14B
    }

    /// label = constant || cs_id || csb_id || RAND (RFC 3830 §4.1.3).
    public static func label(_ type: KeyType, csID: UInt8, csbID: UInt32, rand: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: 9 + rand.count)
        writer.writeInteger(type.rawValue)
        writer.writeInteger(csID)
        writer.writeInteger(csbID)
        writer.writeBytes(rand)
        return writer.bytes
    }

    /// PRF(inkey, label) of `length` octets.
    ///
    /// - Throws: `KeyDerivationError.emptyKey` for an empty inkey;
    ///   `.invalidOutputLength` for 0 octets or more than 255 blocks.
    public static func derive(inkey: SecretBytes, label: [UInt8], length: Int) throws -> SecretBytes {
        guard inkey.count > 0 else { throw KeyDerivationError.emptyKey }
        guard length > 0, length <= 255 * blockCount else { throw KeyDerivationError.invalidOutputLength(length) }
        let blocks = (length + blockCount - 1) / blockCount
        var output = [UInt8](repeating: 0, count: blocks * blockCount)
        defer { output.wipe() }
        inkey.withUnsafeBytes { inkeyBytes in
            for start in stride(from: 0, to: inkeyBytes.count, by: pieceCount) {
                let piece = SymmetricKey(data: UnsafeRawBufferPointer(rebasing: inkeyBytes[start ..< min(start + pieceCount, inkeyBytes.count)]))
                xorP(into: &output, piece: piece, label: label, blocks: blocks)
            }
        }
        return SecretBytes(output.prefix(length))
    }

    /// The key of type `type` for crypto session `csID` of the bundle `csbID`,
    /// from a TGK and the MIKEY RAND (RFC 3830 §4.1.4).
    ///
    /// - Throws: `KeyDerivationError.emptyKey` for an empty TGK,
    ///   `.invalidOutputLength` as ``derive(inkey:label:length:)``.
    public static func derive(
        tgk: SecretBytes, _ type: KeyType, csID: UInt8, csbID: UInt32, rand: [UInt8], length: Int
    ) throws -> SecretBytes {
        try derive(inkey: tgk, label: label(type, csID: csID, csbID: csbID, rand: rand), length: length)
    }

    /// Octets per HMAC-SHA-256 block and per inkey piece (256 bits).
    private static let blockCount = 32
    private static let pieceCount = 32

    /// output ^= P(piece, label, blocks).
    private static func xorP(into output: inout [UInt8], piece: SymmetricKey, label: [UInt8], blocks: Int) {
        var a = label
        defer { a.wipe() }
        for block in 0 ..< blocks {
            let next = HMAC<SHA256>.authenticationCode(for: a, using: piece)
            // A(j) replaces A(j − 1) in place once the first block has sized a:
            // no chain value is dropped unwiped.
            if a.count == blockCount {
                next.withUnsafeBytes { bytes in for index in 0 ..< blockCount { a[index] = bytes[index] } }
            } else {
                a.wipe()
                a = Array(next)
            }
            var authenticator = HMAC<SHA256>(key: piece)
            authenticator.update(data: a)
            authenticator.update(data: label)
            let chunk = authenticator.finalize()
            chunk.withUnsafeBytes { bytes in
                for index in 0 ..< blockCount { output[block * blockCount + index] ^= bytes[index] }
            }
        }
    }
}
