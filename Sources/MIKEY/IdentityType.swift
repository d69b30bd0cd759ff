/// The "ID Type" of an IDR payload (RFC 6043 §6.6, RFC 3830 §6.7).
public struct IdentityType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// NAI (RFC 4282).
    public static let nai = IdentityType(rawValue: 0)
    /// URI (RFC 3986): the MC service user ID, a KMS URI.
    public static let uri = IdentityType(rawValue: 1)
    /// An octet string.
    public static let byteString = IdentityType(rawValue: 2)

    public var description: String {
        switch self {
        case .nai: "NAI"
        case .uri: "URI"
        case .byteString: "byte string"
        default: "ID type \(rawValue)"
        }
    }
}
