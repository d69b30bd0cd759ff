import Octets
import Crypto

/// The generic key derivation function of TS 33.220 Annex B.2:
/// derived key = HMAC-SHA-256(Key, S) with S = FC || P0 || L0 || … || Pn || Ln,
/// every Lᵢ the length of Pᵢ in two octets, big-endian.
public enum KDF3GPP {
    /// The input string S for a function code `fc` and parameters P0 … Pn.
    ///
    /// - Throws: `KeyDerivationError.parameterTooLong` for a parameter over
    ///   65 535 octets.
    public static func inputString(fc: UInt8, parameters: [KDFParameter]) throws -> [UInt8] {
        var string: [UInt8] = [fc]
        for (index, parameter) in parameters.enumerated() {
            let value = parameter.encoded
            guard value.count <= Int(UInt16.max) else {
                throw KeyDerivationError.parameterTooLong(index: index, length: value.count)
            }
            string += value
            string += [UInt8(value.count >> 8), UInt8(value.count & 0xFF)]
        }
        return string
    }

    /// HMAC-SHA-256(key, S): the 32-octet derived key.
    ///
    /// - Throws: `KeyDerivationError.emptyKey` for an empty key;
    ///   `.parameterTooLong` as ``inputString(fc:parameters:)``.
    public static func derive(key: SecretBytes, fc: UInt8, parameters: [KDFParameter]) throws -> SecretBytes {
        guard key.count > 0 else { throw KeyDerivationError.emptyKey }
        let input = try inputString(fc: fc, parameters: parameters)
        return key.withUnsafeBytes { keyBytes in
            let mac = HMAC<SHA256>.authenticationCode(for: input, using: SymmetricKey(data: keyBytes))
            return mac.withUnsafeBytes { SecretBytes($0) }
        }
    }

    /// The last `count` octets (the `8·count` least significant bits) of a
    /// derived key, as TS 33.180 F.1.4 and F.1.5 take 128-bit keys.
    static func leastSignificant(_ count: Int, of key: SecretBytes) -> SecretBytes {
        key.withUnsafeBytes { SecretBytes($0.suffix(count)) }
    }
}
