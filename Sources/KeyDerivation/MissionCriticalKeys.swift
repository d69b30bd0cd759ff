import Octets

/// The TS 33.180 Annex F.1.4 and F.1.5 derivations from a key and its
/// identifier (keys of 128 or 256 bits; a 128-bit input gives the 128 least
/// significant bits of the KDF output, a 256-bit input all of it).
public enum MissionCriticalKeys {
    /// F.1.4: the confidentiality (FC 0x51) and integrity (FC 0x52) keys from
    /// an XPK, P0 = MC service user ID, P1 = XPK-ID.
    ///
    /// - Throws: `KeyDerivationError.invalidKeyLength` unless the XPK is 16 or 32 octets;
    ///   `.parameterTooLong` for a user ID over 65 535 octets.
    public static func signallingKeys(xpk: SecretBytes, userIdentifier: String, xpkID: KeyIdentifier) throws -> SignallingKeys {
        let parameters: [KDFParameter] = [.string(userIdentifier), .octets(xpkID.bytes)]
        return SignallingKeys(
            confidentiality: try derive(xpk, fc: 0x51, parameters),
            integrity: try derive(xpk, fc: 0x52, parameters))
    }

    /// F.1.5: the MCData payload cipher key DPCK from a DPPK (FC 0x53, P0 = DPPK-ID).
    ///
    /// - Throws: `KeyDerivationError.invalidKeyLength` unless the DPPK is 16 or 32 octets.
    ///   (Its one parameter, the 4-octet DPPK-ID, is never too long.)
    public static func payloadCipherKey(dppk: SecretBytes, dppkID: KeyIdentifier) throws -> SecretBytes {
        try derive(dppk, fc: 0x53, [.octets(dppkID.bytes)])
    }

    private static func derive(_ key: SecretBytes, fc: UInt8, _ parameters: [KDFParameter]) throws -> SecretBytes {
        guard key.count == 16 || key.count == 32 else {
            throw KeyDerivationError.invalidKeyLength(actual: key.count, allowed: [16, 32])
        }
        return KDF3GPP.leastSignificant(key.count, of: try KDF3GPP.derive(key: key, fc: fc, parameters: parameters))
    }
}
