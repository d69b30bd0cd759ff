import MIKEY
import SRTP

/// What a crypto session's policy parameters (the Annex E default, or an SP)
/// ask of SRTP, in the SRTP module's terms. Only what TS 33.180 §7.5 and
/// Annex E allow is accepted: AES-GCM (RFC 7714) with a 16-octet tag and a
/// 12-octet salt, the AES-CM PRF, key derivation rate 0, encryption on, and
/// optionally RCCm3 carrying the ROC (RFC 4771, Table E.2.2-1).
public struct SRTPSessionSettings: Sendable, Equatable {
    /// AEAD_AES_128_GCM or AEAD_AES_256_GCM, from the session key length.
    public let profile: SRTPProfile
    /// RCCm3's R: the ROC travels in every R-th packet; 0 when the
    /// authentication algorithm is not RCCm3.
    public let rocTransmissionRate: Int
    /// The session's SPI, the MKI its packets carry (E.2.2, E.3.3); empty when
    /// the message gives none, and the key identifier serves.
    public let spi: [UInt8]

    /// The settings `parameters` call for, with the session's SPI.
    ///
    /// - Throws: ``MikeySakkeError/unsupportedValue(field:value:)`` naming the
    ///   first parameter (as "SP <type>") whose value this stack cannot honour.
    public init(parameters: [SecurityPolicyParameter], spi: [UInt8] = []) throws(MikeySakkeError) {
        self.spi = spi
        func require(_ type: SRTPPolicyType, absent: UInt64, allows: (UInt64) -> Bool) throws(MikeySakkeError) -> UInt64 {
            let given: UInt64? = if let present = parameters.first(where: { $0.type == type.rawValue }) { present.integerValue } else { absent }
            guard let given, allows(given) else {
                throw .unsupportedValue(field: "SP \(type)", value: Int(clamping: given ?? UInt64.max))
            }
            return given
        }
        let aesGCM = UInt64(AnnexEProfile.aesGCM), rccm3 = UInt64(AnnexEProfile.rccm3)
        _ = try require(.encryptionAlgorithm, absent: 1) { $0 == aesGCM }
        let keyLength = try require(.sessionEncryptionKeyLength, absent: 16) { $0 == 16 || $0 == 32 }
        _ = try require(.sessionSaltLength, absent: 12) { $0 == 12 }
        _ = try require(.srtpPRF, absent: 0) { $0 == 0 }
        _ = try require(.keyDerivationRate, absent: 0) { $0 == 0 }
        _ = try require(.srtpEncryption, absent: 1) { $0 == 1 }
        _ = try require(.srtcpEncryption, absent: 1) { $0 == 1 }
        _ = try require(.aeadAuthenticationTagLength, absent: 16) { $0 == 16 }
        let authentication = try require(.authenticationAlgorithm, absent: 0) { $0 == 0 || $0 == rccm3 }
        if authentication == rccm3 {
            _ = try require(.srtpAuthenticationTagLength, absent: 4) { $0 == 4 }
            rocTransmissionRate = Int(try require(.rocTransmissionRate, absent: 1) { (1 ... 0xFFFF).contains($0) })
        } else {
            rocTransmissionRate = 0
        }
        profile = keyLength == 16 ? .aeadAES128GCM : .aeadAES256GCM
    }

    /// The SRTP policy of these settings.
    public var policy: SRTPPolicy { SRTPPolicy(rocTransmissionRate: rocTransmissionRate) }
}
