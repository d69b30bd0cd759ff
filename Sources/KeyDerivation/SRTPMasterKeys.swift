import Octets

/// An SRTP (or SRTCP) master key and master salt derived with the MIKEY PRF
/// (RFC 3830 §4.1.4, PRF-HMAC-SHA-256) as TS 33.180 §7.4 and §9.4.6 specify:
/// TGK = the distributed key, CSB ID = its (user) key identifier, RAND = the
/// MIKEY RAND sent with it, CS ID from Table E.1.3-1.
public struct SRTPMasterKeys: Sendable {
    /// The SRTP master key (16 octets for AES-128, 32 for AES-256).
    public let masterKey: SecretBytes
    /// The SRTP master salt (12 octets for the AEAD AES-GCM profiles of RFC 7714).
    public let masterSalt: SecretBytes

    /// The master key (label constant 0x2AD01C64) and salt (0x39A2C14B).
    ///
    /// - Throws: `KeyDerivationError.emptyKey` for an empty TGK,
    ///   `.invalidOutputLength` for a length outside 1 … 8160 octets.
    public static func derive(
        tgk: SecretBytes, csbID: UInt32, csID: UInt8, rand: [UInt8], keyLength: Int = 16, saltLength: Int = 12
    ) throws -> SRTPMasterKeys {
        SRTPMasterKeys(
            masterKey: try MIKEYPRF.derive(tgk: tgk, .tek, csID: csID, csbID: csbID, rand: rand, length: keyLength),
            masterSalt: try MIKEYPRF.derive(tgk: tgk, .salt, csID: csID, csbID: csbID, rand: rand, length: saltLength))
    }

    /// §7.4.1: a private call's keys from the PCK, the PCK-ID and the RAND.
    ///
    /// - Throws: as ``derive(tgk:csbID:csID:rand:keyLength:saltLength:)``.
    public static func privateCall(
        pck: SecretBytes, pckID: KeyIdentifier, rand: [UInt8], session: CryptoSessionID, keyLength: Int = 16, saltLength: Int = 12
    ) throws -> SRTPMasterKeys {
        try derive(tgk: pck, csbID: pckID.rawValue, csID: session.rawValue, rand: rand, keyLength: keyLength, saltLength: saltLength)
    }

    /// §7.4.2: a group's keys from the GMK, the GUK-ID (of the transmitting
    /// user, F.1.3) and the RAND.
    ///
    /// - Throws: as ``derive(tgk:csbID:csID:rand:keyLength:saltLength:)``.
    public static func groupCall(
        gmk: SecretBytes, gukID: KeyIdentifier, rand: [UInt8], session: CryptoSessionID, keyLength: Int = 16, saltLength: Int = 12
    ) throws -> SRTPMasterKeys {
        try derive(tgk: gmk, csbID: gukID.rawValue, csID: session.rawValue, rand: rand, keyLength: keyLength, saltLength: saltLength)
    }

    /// §9.4.6: the SRTCP master key and salt for floor, transmission and media
    /// control from the KFC, the KFC-ID and the KFC-RAND.
    ///
    /// - Throws: as ``derive(tgk:csbID:csID:rand:keyLength:saltLength:)``.
    public static func controlSignalling(
        kfc: SecretBytes, kfcID: KeyIdentifier, kfcRand: [UInt8], session: CryptoSessionID, keyLength: Int = 16, saltLength: Int = 12
    ) throws -> SRTPMasterKeys {
        try derive(tgk: kfc, csbID: kfcID.rawValue, csID: session.rawValue, rand: kfcRand, keyLength: keyLength, saltLength: saltLength)
    }
}
