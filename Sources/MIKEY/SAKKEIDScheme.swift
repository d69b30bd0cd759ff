/// The SAKKE payload's "ID scheme" (RFC 6509 §4.2 and TS 33.180 E.1.2).
public struct SAKKEIDScheme: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// RFC 6509 §4.2: tel URI with monthly keys.
    public static let telURIMonthlyKeys = SAKKEIDScheme(rawValue: 1)
    /// TS 33.180 E.1.2: "3GPP MCX hashed UID" (the F.2.1 UID). Code point 2 is
    /// the one deployed implementations use; the IANA request was never made.
    public static let mcxHashedUID = SAKKEIDScheme(rawValue: 2)

    public var description: String {
        switch self {
        case .telURIMonthlyKeys: "tel URI with monthly keys"
        case .mcxHashedUID: "3GPP MCX hashed UID"
        default: "ID scheme \(rawValue)"
        }
    }
}
