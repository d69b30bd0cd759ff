import KeyDerivation
import MIKEY
import Octets
import SRTP

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
    /// The crypto sessions the key serves, with their SRTP settings (Annex E:
    /// the default profile's sessions when the message names none).
    public let sessions: [CryptoSessionID: SRTPSessionSettings]
    /// The key parameters (E.6), when the message carried them. `process`
    /// refuses a revoked or expired key; a key whose activation time is still
    /// ahead is delivered (a GMS distributes keys before they are needed) and
    /// must not be used to send before then: see ``isActive(atUnixSeconds:)``.
    public let keyParameters: KeyParameters?

    /// Whether the key may be used to send at `unixSeconds` (seconds since
    /// 1970): from its activation time (E.6.4; 0 means the message's
    /// timestamp) until its expiry time (E.6.10; 0 means never). True without key parameters.
    public func isActive(atUnixSeconds unixSeconds: UInt64) -> Bool {
        guard let parameters = keyParameters else { return true }
        let activation = parameters.activationTime == 0 ? time.unixSeconds : parameters.activationTime
        return unixSeconds >= activation && (parameters.expiryTime == 0 || unixSeconds < parameters.expiryTime)
    }

    /// The SRTP (or SRTCP) master key and salt of crypto session `session`
    /// (TS 33.180 §7.4, §9.4.6): the MIKEY PRF over the key, the CSB ID and the RAND.
    ///
    /// - Throws: `KeyDerivationError` for lengths out of range.
    public func srtpMasterKeys(session: CryptoSessionID, keyLength: Int = 16, saltLength: Int = 12) throws -> SRTPMasterKeys {
        try SRTPMasterKeys.derive(tgk: key, csbID: csbID, csID: session.rawValue, rand: rand, keyLength: keyLength, saltLength: saltLength)
    }

    /// The SRTP master key of crypto session `session`, ready for an
    /// `SRTPSender`/`SRTPReceiver` (or the SRTCP ones) with ``SRTPSessionSettings/policy``:
    /// the profile the session's policy gives, the master key and salt from
    /// the MIKEY PRF, and as MKI `mki` when given, else the session's SPI when
    /// the message gave one, else the key identifier (GMK-ID ‖ GUK-ID for a
    /// GMK, TS 33.180 §7.5).
    ///
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` for a session the
    ///   message did not set up; `SRTPError` for an MKI of a length other than 0, 4 or 8.
    public func srtpMasterKey(for session: CryptoSessionID, mki: [UInt8]? = nil) throws -> SRTPMasterKey {
        guard let settings = sessions[session] else {
            throw MikeySakkeError.invalidArgument("the message sets up no crypto session \(session.rawValue)")
        }
        let keys = try srtpMasterKeys(session: session, keyLength: settings.profile.keyLength, saltLength: SRTPProfile.saltLength)
        let defaultMKI = keyIdentifier.purpose.usesEndPointDiversity ? keyIdentifier.bytes + csbIDBytes : keyIdentifier.bytes
        return try SRTPMasterKey(profile: settings.profile, masterKey: keys.masterKey, masterSalt: keys.masterSalt, mki: mki ?? (settings.spi.isEmpty ? defaultMKI : settings.spi))
    }

    private var csbIDBytes: [UInt8] { withUnsafeBytes(of: csbID.bigEndian) { Array($0) } }
}
