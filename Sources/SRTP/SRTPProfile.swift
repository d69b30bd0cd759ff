/// The SRTP protection profiles TS 33.180 §7.5 allows: AEAD AES-GCM with a
/// 16-octet tag and a 96-bit salt (RFC 7714 §12).
public enum SRTPProfile: String, Sendable, CaseIterable {
    case aeadAES128GCM = "AEAD_AES_128_GCM"
    case aeadAES256GCM = "AEAD_AES_256_GCM"

    /// Octets of the master and session encryption keys.
    public var keyLength: Int { self == .aeadAES128GCM ? 16 : 32 }
    /// Octets of the master and session salts (96 bits, RFC 7714 §12).
    public static let saltLength = 12
    /// Octets of the GCM authentication tag (RFC 7714 §14.2: 16).
    public static let tagLength = 16
}
