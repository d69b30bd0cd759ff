/// A MIKEY payload type: the value of a "Next payload" field (RFC 3830 §6.1,
/// Table 6.1.c; RFC 6043 §6.6; RFC 6509 §4.2). A struct rather than an enum
/// so that a type this package does not know can still be named in an error.
public struct MIKEYPayloadType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// "Last payload": no payload follows (RFC 3830 §6.1).
    public static let last = MIKEYPayloadType(rawValue: 0)
    /// SIGN (RFC 3830 §6.5).
    public static let signature = MIKEYPayloadType(rawValue: 4)
    /// T, the timestamp (RFC 3830 §6.6).
    public static let timestamp = MIKEYPayloadType(rawValue: 5)
    /// SP, a security policy (RFC 3830 §6.10).
    public static let securityPolicy = MIKEYPayloadType(rawValue: 10)
    /// RAND (RFC 3830 §6.11).
    public static let rand = MIKEYPayloadType(rawValue: 11)
    /// IDR, an identity with its role (RFC 6043 §6.6).
    public static let identity = MIKEYPayloadType(rawValue: 14)
    /// General extension (RFC 3830 §6.15).
    public static let generalExtension = MIKEYPayloadType(rawValue: 21)
    /// SAKKE (RFC 6509 §4.2).
    public static let sakke = MIKEYPayloadType(rawValue: 26)

    public var description: String {
        switch self {
        case .last: "last"
        case .signature: "SIGN"
        case .timestamp: "T"
        case .securityPolicy: "SP"
        case .rand: "RAND"
        case .identity: "IDR"
        case .generalExtension: "general extension"
        case .sakke: "SAKKE"
        default: "payload type \(rawValue)"
        }
    }
}
