/// The common header's "data type" (RFC 3830 §6.1, Table 6.1.a; RFC 6509 §4.1).
public struct MIKEYDataType: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// "SAKKE msg": a MIKEY-SAKKE I_MESSAGE (RFC 6509 §4.1), the only data
    /// type of TS 33.180 Annex E (E.1.2).
    public static let sakkeMessage = MIKEYDataType(rawValue: 26)
}
