/// The "Type" of a general extension payload (RFC 3830 §6.15, and the two
/// TS 33.180 types, E.5 and E.6, that IANA never assigned).
public struct GeneralExtensionType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Vendor ID (RFC 3830 §6.15).
    public static let vendorID = GeneralExtensionType(rawValue: 0)
    /// SDP IDs (RFC 3830 §6.15).
    public static let sdpIDs = GeneralExtensionType(rawValue: 1)
    /// SAKKE-to-self (E.5): a whole SAKKE payload encapsulating the key to the
    /// initiator's own UID. Deployed code point 6.
    public static let sakkeToSelf = GeneralExtensionType(rawValue: 6)
    /// 3GPP key parameters (E.6): an MCData protected payload holding the
    /// key's type, status, lifetime, name and groups. Deployed code point 7.
    public static let keyParameters = GeneralExtensionType(rawValue: 7)

    public var description: String {
        switch self {
        case .vendorID: "Vendor ID"
        case .sdpIDs: "SDP IDs"
        case .sakkeToSelf: "SAKKE-to-self"
        case .keyParameters: "3GPP key parameters"
        default: "extension type \(rawValue)"
        }
    }
}
