/// The Status of a key's parameters (TS 33.180 E.6.9, Table E.6.9-1): a
/// 4-octet bit field, least significant bit first. Undefined bits are kept as
/// read and otherwise ignored.
public struct KeyStatus: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 0: 1 = not revoked, 0 = revoked (may not be used).
    public static let notRevoked = KeyStatus(rawValue: 1 << 0)
    /// Bit 1: 1 = the key has been shared with a Security Gateway.
    public static let sharedWithSecurityGateway = KeyStatus(rawValue: 1 << 1)

    /// A usable key, optionally shared with a Security Gateway.
    public init(sharedWithSecurityGateway shared: Bool = false) {
        rawValue = Self.notRevoked.rawValue | (shared ? Self.sharedWithSecurityGateway.rawValue : 0)
    }

    /// Whether the key is revoked (bit 0 clear).
    public var isRevoked: Bool { rawValue & Self.notRevoked.rawValue == 0 }
    /// Whether the key has been shared with a Security Gateway (bit 1 set).
    public var isSharedWithSecurityGateway: Bool { rawValue & Self.sharedWithSecurityGateway.rawValue != 0 }
}
