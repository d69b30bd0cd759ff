/// The "ID Role" of an IDR payload (RFC 6043 §6.6, and the two roles of
/// TS 33.180 E.7 that IANA never assigned; see ``initiatorUID``).
public struct IdentityRole: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// IDRi, the initiator.
    public static let initiator = IdentityRole(rawValue: 1)
    /// IDRr, the responder (receiver).
    public static let responder = IdentityRole(rawValue: 2)
    /// IDRkms, a KMS.
    public static let kms = IdentityRole(rawValue: 3)
    /// IDRpsk, a pre-shared key.
    public static let preSharedKey = IdentityRole(rawValue: 4)
    /// IDRapp, an application.
    public static let application = IdentityRole(rawValue: 5)
    /// IDRkmsi, the initiator's KMS.
    public static let initiatorKMS = IdentityRole(rawValue: 6)
    /// IDRkmsr, the responder's KMS.
    public static let responderKMS = IdentityRole(rawValue: 7)
    /// IDRuidi (TS 33.180 E.7): the initiator's hidden identity, its 32-octet
    /// UID. Code point 8 is the one deployed implementations use; the spec
    /// left it to an IANA request that was never made.
    public static let initiatorUID = IdentityRole(rawValue: 8)
    /// IDRuidr (TS 33.180 E.7): the responder's UID; deployed code point 9.
    public static let responderUID = IdentityRole(rawValue: 9)

    public var description: String {
        switch self {
        case .initiator: "IDRi"
        case .responder: "IDRr"
        case .kms: "IDRkms"
        case .preSharedKey: "IDRpsk"
        case .application: "IDRapp"
        case .initiatorKMS: "IDRkmsi"
        case .responderKMS: "IDRkmsr"
        case .initiatorUID: "IDRuidi"
        case .responderUID: "IDRuidr"
        default: "ID role \(rawValue)"
        }
    }
}
