import Foundation
import KeyDerivation

/// What the values of MIKEY fields mean, as ``IMessageDescription`` prints
/// them: the code points of RFC 3830, RFC 6043, RFC 6509 and TS 33.180 Annex
/// E, and nil for a value none of them defines.
enum MIKEYFieldMeaning {
    /// HDR data type (RFC 3830 Table 6.1.a, RFC 6509 §4.1).
    static func dataType(_ type: MIKEYDataType) -> String? {
        type == .sakkeMessage ? "SAKKE msg" : nil
    }

    /// HDR PRF func (RFC 3830 Table 6.1.d, RFC 6043 §6.1.2).
    static func prf(_ prf: MIKEYPRFFunction) -> String? {
        switch prf {
        case .mikey1: "MIKEY-1"
        case .hmacSHA256: "PRF-HMAC-SHA-256"
        default: nil
        }
    }

    /// HDR V.
    static func verification(_ requested: Bool) -> String {
        requested ? "verification message requested" : "no verification message"
    }

    /// The kind of key a CSB ID identifies, from its purpose tag (TS 33.180
    /// Annex G; for a GMK the CSB ID is the receiver's GUK-ID, F.1.3).
    static func csbID(_ value: UInt32) -> String {
        guard let identifier = try? KeyIdentifier(rawValue: value) else { return "purpose tag \(value >> 28), undefined (Annex G)" }
        return switch identifier.purpose {
        case .gmk: "GUK-ID of a GMK"
        case .pck: "PCK-ID"
        case .csk: "CSK-ID"
        case .spk: "SPK-ID"
        case .mkfc: "MKFC-ID"
        case .mscck: "MSCCK-ID"
        case .musik: "MuSiK-ID"
        }
    }

    /// HDR CS ID map type (RFC 3830 §6.1, RFC 4738 §4.2.1, RFC 6043 §6.1.1).
    static func mapType(_ type: UInt8) -> String? {
        switch type {
        case 0: "SRTP-ID"
        case 1: "empty: the annex's default profile"
        case 2: "GENERIC-ID"
        default: nil
        }
    }

    /// A crypto session's CS ID (TS 33.180 Table E.1.3-1).
    static func csID(_ value: UInt8) -> String? {
        guard let session = CryptoSessionID(rawValue: value) else { return nil }
        return switch session {
        case .mcpttPrivateCallInitiator: "MCPTT private call, initiator's media"
        case .mcpttPrivateCallReceiver: "MCPTT private call, receiver's media"
        case .mcvideoPrivateCallInitiator: "MCVideo private call, initiator's media"
        case .mcvideoPrivateCallReceiver: "MCVideo private call, receiver's media"
        case .mcpttGroupCall: "MCPTT group call"
        case .mcvideoGroupCall: "MCVideo group call"
        case .cskSRTCPForMCPTT: "CSK, SRTCP for MCPTT"
        case .musikSRTCPForMCPTT: "MuSiK, SRTCP for MCPTT"
        case .cskSRTCPForMCVideo: "CSK, SRTCP for MCVideo"
        case .musikSRTCPForMCVideo: "MuSiK, SRTCP for MCVideo"
        }
    }

    /// A Prot type (RFC 3830 §6.10).
    static func protocolType(_ type: UInt8) -> String? {
        type == AnnexEProfile.srtpProtocol ? "SRTP" : nil
    }

    /// T's TS type (RFC 3830 §6.6).
    static func timestampType(_ type: UInt8) -> String? {
        switch type {
        case 0: "NTP-UTC"
        case 1: "NTP"
        case 2: "COUNTER"
        default: nil
        }
    }

    /// An NTP time (era 0) as an ISO 8601 date.
    static func date(_ time: NTPTimestamp) -> String {
        time.date.formatted(.iso8601)
    }

    /// Seconds since 1970 (TS 33.180 §8.5.4.1, E.6.4) as an ISO 8601 date.
    static func date(unixSeconds: UInt64) -> String {
        Date(timeIntervalSince1970: Double(unixSeconds)).formatted(.iso8601)
    }

    /// The SAKKE payload's SAKKE params (RFC 6509 §4.2).
    static func sakkeParameterSet(_ set: UInt8) -> String? {
        set == 1 ? "parameter set 1, RFC 6509 Appendix A" : nil
    }

    /// SIGN's S type (RFC 3830 §6.5, RFC 6509 §4.3).
    static func signatureType(_ type: UInt8) -> String? {
        switch type {
        case 0: "RSA/PKCS#1/1.5"
        case 1: "RSA/PSS"
        case SignaturePayload.eccsiType: "ECCSI"
        default: nil
        }
    }

    /// The Algorithm of an MCData protected payload (TS 33.180 Table 8.5.4.2-1).
    static func protectedPayloadAlgorithm(_ algorithm: UInt8) -> String? {
        algorithm == MCDataProtectedPayload.aes128GCM ? "DP_AES_128_GCM" : nil
    }

    /// What the value of an SRTP policy parameter of `type` means (RFC 3830
    /// §6.10.1, RFC 4771 §5, RFC 7714 §14, TS 33.180 Table E.2.2-1).
    static func srtpPolicyValue(type: UInt8, value: UInt64) -> String? {
        switch SRTPPolicyType(rawValue: type) {
        case .encryptionAlgorithm:
            [0: "NULL", 1: "AES-CM", 2: "AES-F8", UInt64(AnnexEProfile.aesGCM): "AES-GCM"][value]
        case .authenticationAlgorithm:
            [0: "NULL", 1: "HMAC-SHA-1", UInt64(AnnexEProfile.rccm3): "RCCm3"][value]
        case .srtpPRF:
            value == 0 ? "AES-CM" : nil
        case .srtpEncryption, .srtcpEncryption, .srtpAuthentication:
            [0: "off", 1: "on"][value]
        case .senderFECOrder:
            value == 0 ? "FEC-SRTP" : nil
        case .sessionEncryptionKeyLength, .sessionAuthenticationKeyLength, .sessionSaltLength, .srtpPrefixLength,
            .authenticationTagLength, .srtpAuthenticationTagLength, .srtcpAuthenticationTagLength, .aeadAuthenticationTagLength:
            "octets"
        default:
            nil
        }
    }
}
