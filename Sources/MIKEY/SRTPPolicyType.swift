/// The SRTP policy parameter types (RFC 3830 §6.10.1 Table 6.10.1.a, RFC 4771
/// §5, and the tag-length types of TS 33.180 Table E.2.2-1).
public struct SRTPPolicyType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let encryptionAlgorithm = SRTPPolicyType(rawValue: 0)
    public static let sessionEncryptionKeyLength = SRTPPolicyType(rawValue: 1)
    public static let authenticationAlgorithm = SRTPPolicyType(rawValue: 2)
    public static let sessionAuthenticationKeyLength = SRTPPolicyType(rawValue: 3)
    public static let sessionSaltLength = SRTPPolicyType(rawValue: 4)
    public static let srtpPRF = SRTPPolicyType(rawValue: 5)
    public static let keyDerivationRate = SRTPPolicyType(rawValue: 6)
    public static let srtpEncryption = SRTPPolicyType(rawValue: 7)
    public static let srtcpEncryption = SRTPPolicyType(rawValue: 8)
    public static let senderFECOrder = SRTPPolicyType(rawValue: 9)
    public static let srtpAuthentication = SRTPPolicyType(rawValue: 10)
    public static let authenticationTagLength = SRTPPolicyType(rawValue: 11)
    public static let srtpPrefixLength = SRTPPolicyType(rawValue: 12)
    /// RFC 4771: how often the ROC travels in RCCm3 packets.
    public static let rocTransmissionRate = SRTPPolicyType(rawValue: 13)
    /// TS 33.180 Table E.2.2-1: SRTP authentication tag length (the ROC's 4 octets under RCCm3).
    public static let srtpAuthenticationTagLength = SRTPPolicyType(rawValue: 18)
    /// TS 33.180 Table E.2.2-1: SRTCP authentication tag length.
    public static let srtcpAuthenticationTagLength = SRTPPolicyType(rawValue: 19)
    /// RFC 7714 §14.2: the AEAD authentication tag length.
    public static let aeadAuthenticationTagLength = SRTPPolicyType(rawValue: 20)

    public var description: String {
        switch self {
        case .encryptionAlgorithm: "encryption algorithm"
        case .sessionEncryptionKeyLength: "session encryption key length"
        case .authenticationAlgorithm: "authentication algorithm"
        case .sessionAuthenticationKeyLength: "session authentication key length"
        case .sessionSaltLength: "session salt key length"
        case .srtpPRF: "SRTP PRF"
        case .keyDerivationRate: "key derivation rate"
        case .srtpEncryption: "SRTP encryption"
        case .srtcpEncryption: "SRTCP encryption"
        case .senderFECOrder: "sender's FEC order"
        case .srtpAuthentication: "SRTP authentication"
        case .authenticationTagLength: "authentication tag length"
        case .srtpPrefixLength: "SRTP prefix length"
        case .rocTransmissionRate: "ROC transmission rate"
        case .srtpAuthenticationTagLength: "SRTP authentication tag length"
        case .srtcpAuthenticationTagLength: "SRTCP authentication tag length"
        case .aeadAuthenticationTagLength: "AEAD authentication tag length"
        default: "SRTP policy type \(rawValue)"
        }
    }
}
