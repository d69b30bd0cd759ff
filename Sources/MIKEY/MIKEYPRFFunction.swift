/// The common header's 7-bit "PRF func" (RFC 3830 §6.1, Table 6.1.d; RFC 6043 §6.1.2).
public struct MIKEYPRFFunction: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt8

    /// `nil` for a value that does not fit 7 bits.
    public init?(rawValue: UInt8) {
        guard rawValue < 0x80 else { return nil }
        self.rawValue = rawValue
    }

    /// The 7 low bits of `bits`.
    init(bits: UInt8) { rawValue = bits & 0x7F }

    /// MIKEY-1, the HMAC-SHA-1 PRF of RFC 3830 §4.1.2.
    public static let mikey1 = MIKEYPRFFunction(bits: 0)
    /// PRF-HMAC-SHA-256 (RFC 6043 §6.1), the one TS 33.180 E.1.2 makes mandatory.
    public static let hmacSHA256 = MIKEYPRFFunction(bits: 1)
}
