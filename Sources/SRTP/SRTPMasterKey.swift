import Octets

/// One master key of an SRTP context with its MKI and the session keys
/// derived from it for SRTP and SRTCP (RFC 3711 §4.3, kdr = 0; TS 33.180:
/// the MKI is the 4-octet PCK-ID or CSK-ID, or the 8-octet GMK-ID ‖ GUK-ID).
public struct SRTPMasterKey: Sendable {
    /// The Master Key Identifier carried in each packet (0, 4 or 8 octets).
    public let mki: [UInt8]
    let srtp: SRTPSessionKeys
    let srtcp: SRTPSessionKeys
    /// Whether SRTP and SRTCP use one session key and salt (a key built from
    /// given session keys). Then the GCM IV of SRTP index n (ROC 0, SEQ n)
    /// equals that of SRTCP index n, so ``SRTCPSender`` refuses such a key.
    package let sharesSessionKeys: Bool

    /// Derives the session keys of `profile` from a master key and a 12-octet master salt.
    ///
    /// - Throws: `SRTPError.invalidKeyLength`, `.invalidMKILength`.
    public init(profile: SRTPProfile, masterKey: SecretBytes, masterSalt: SecretBytes, mki: [UInt8] = []) throws {
        guard masterKey.count == profile.keyLength else {
            throw SRTPError.invalidKeyLength(expected: [profile.keyLength], actual: masterKey.count)
        }
        guard masterSalt.count == SRTPProfile.saltLength else {
            throw SRTPError.invalidKeyLength(expected: [SRTPProfile.saltLength], actual: masterSalt.count)
        }
        func derive(_ key: SRTPKeyDerivation.Label, _ salt: SRTPKeyDerivation.Label) throws -> SRTPSessionKeys {
            try SRTPSessionKeys(
                profile: profile,
                key: SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: masterSalt, label: key, length: profile.keyLength),
                salt: SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: masterSalt, label: salt, length: SRTPProfile.saltLength))
        }
        try self.init(
            mki: mki, srtp: derive(.srtpEncryption, .srtpSalt), srtcp: derive(.srtcpEncryption, .srtcpSalt), sharesSessionKeys: false)
    }

    /// A key whose session keys are given (no KDF), the same for SRTP and
    /// SRTCP: the form of the RFC 7714 test vectors. It serves SRTP senders
    /// and every receiver, but ``SRTCPSender`` refuses it: with one key and
    /// salt, SRTCP index n would reuse the IV of SRTP packet n (ROC 0).
    ///
    /// - Throws: `SRTPError.invalidKeyLength` for a key or salt of the wrong
    ///   length for `profile`, `.invalidMKILength` unless the MKI is 0, 4 or 8 octets.
    public init(profile: SRTPProfile, sessionKey: SecretBytes, sessionSalt: SecretBytes, mki: [UInt8] = []) throws {
        let keys = try SRTPSessionKeys(profile: profile, key: sessionKey, salt: sessionSalt)
        try self.init(mki: mki, srtp: keys, srtcp: keys, sharesSessionKeys: true)
    }

    /// The same, for a test vector that protects one packet in one direction
    /// under the key (the conformance runner): ``SRTCPSender`` accepts it.
    ///
    /// - Throws: as ``init(profile:sessionKey:sessionSalt:mki:)``.
    package init(vectorProfile profile: SRTPProfile, sessionKey: SecretBytes, sessionSalt: SecretBytes, mki: [UInt8]) throws {
        let keys = try SRTPSessionKeys(profile: profile, key: sessionKey, salt: sessionSalt)
        try self.init(mki: mki, srtp: keys, srtcp: keys, sharesSessionKeys: false)
    }

    private init(mki: [UInt8], srtp: SRTPSessionKeys, srtcp: SRTPSessionKeys, sharesSessionKeys: Bool) throws {
        guard [0, 4, 8].contains(mki.count) else { throw SRTPError.invalidMKILength(mki.count) }
        self.mki = mki
        self.srtp = srtp
        self.srtcp = srtcp
        self.sharesSessionKeys = sharesSessionKeys
    }
}
