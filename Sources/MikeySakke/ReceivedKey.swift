import KeyDerivation
import Octets

/// What an accepted I_MESSAGE delivered (RFC 6509 §5, TS 33.180 Annex E).
public struct ReceivedKey: Sendable {
    /// The distributed key: the PCK, GMK, CSK or MuSiK (the TGK of the MIKEY PRF).
    public let key: SecretBytes
    /// The key's identifier: the CSB ID, or for a GMK the GMK-ID recovered from the GUK-ID.
    public let keyIdentifier: KeyIdentifier
    /// The header's CSB ID as sent (for a GMK, this receiver's GUK-ID).
    public let csbID: UInt32
    /// The RAND.
    public let rand: [UInt8]
    /// The timestamp.
    public let time: NTPTimestamp
    /// The initiator's URI, nil only when hidden and accepted unconfirmed by policy.
    public let initiatorURI: String?
    /// The initiator's KMS URI.
    public let initiatorKMSURI: String
    /// The initiator's UID, under which the signature verified.
    public let initiatorUID: [UInt8]

    /// The SRTP (or SRTCP) master key and salt of crypto session `session`
    /// (TS 33.180 §7.4, §9.4.6): the MIKEY PRF over the key, the CSB ID and the RAND.
    ///
    /// - Throws: `KeyDerivationError` for lengths out of range.
    public func srtpMasterKeys(session: CryptoSessionID, keyLength: Int = 16, saltLength: Int = 12) throws -> SRTPMasterKeys {
        try SRTPMasterKeys.derive(tgk: key, csbID: csbID, csID: session.rawValue, rand: rand, keyLength: keyLength, saltLength: saltLength)
    }
}
