import Octets
import Foundation

/// AKMA key derivation (TS 33.535 Annex A, FC values 0x80 … 0x82, all with
/// the TS 33.220 B.2 KDF).
public enum AKMA {
    /// A.2: K_AKMA = KDF(K_AUSF, FC = 0x80, P0 = "AKMA", P1 = SUPI).
    ///
    /// - Throws: `KeyDerivationError.invalidKeyLength` unless K_AUSF is 32 octets;
    ///   `.parameterTooLong` for a SUPI over 65 535 octets.
    public static func anchorKey(kausf: SecretBytes, supi: String) throws -> SecretBytes {
        try KDF3GPP.derive(key: try checked(kausf), fc: 0x80, parameters: [.string("AKMA"), .string(supi)])
    }

    /// A.3: A-TID = KDF(K_AUSF, FC = 0x81, P0 = "A-TID", P1 = SUPI), 32 octets.
    ///
    /// - Throws: as ``anchorKey(kausf:supi:)``.
    public static func temporaryIdentifier(kausf: SecretBytes, supi: String) throws -> [UInt8] {
        try KDF3GPP.derive(key: try checked(kausf), fc: 0x81, parameters: [.string("A-TID"), .string(supi)])
            .withUnsafeBytes { Array($0) }
    }

    /// A.4: K_AF = KDF(K_AKMA, FC = 0x82, P0 = AF_ID), AF_ID = the AF's FQDN
    /// followed by the Ua* security protocol identifier (TS 33.220 Annex H).
    ///
    /// - Throws: `KeyDerivationError.invalidKeyLength` unless K_AKMA is 32 octets;
    ///   `.parameterTooLong` for an AF_ID over 65 535 octets.
    public static func applicationKey(kakma: SecretBytes, afIdentifier: [UInt8]) throws -> SecretBytes {
        try KDF3GPP.derive(key: try checked(kakma), fc: 0x82, parameters: [.octets(afIdentifier)])
    }

    /// AF_ID = FQDN || Ua* security protocol identifier (five octets, TS 33.220 Annex H).
    public static func afIdentifier(fqdn: String, uaProtocolIdentifier: [UInt8]) -> [UInt8] {
        Array(fqdn.utf8) + uaProtocolIdentifier
    }

    /// The A-KID (TS 33.535 §6.1): an NAI username@realm whose username holds
    /// the routing indicator and the A-TID and whose realm is the home network
    /// identifier. The specification does not fix how the two are joined;
    /// this package writes `<RID>.<A-TID in unpadded base64url>@<realm>`
    /// (see Docs/Differences.md).
    public static func keyIdentifier(routingIndicator: String, temporaryIdentifier: [UInt8], homeNetworkRealm: String) -> String {
        let encoded = Data(temporaryIdentifier).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "\(routingIndicator).\(encoded)@\(homeNetworkRealm)"
    }

    /// K_AUSF and K_AKMA are 256-bit keys.
    private static func checked(_ key: SecretBytes) throws -> SecretBytes {
        guard key.count == 32 else { throw KeyDerivationError.invalidKeyLength(actual: key.count, allowed: [32]) }
        return key
    }
}
