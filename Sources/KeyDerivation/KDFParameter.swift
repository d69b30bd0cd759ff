/// One parameter Pᵢ of the TS 33.220 Annex B.2 key derivation function, typed
/// so that an integer, a character string and raw octets cannot be confused:
/// each has its own encoding rule (TS 33.220 B.2.1).
public enum KDFParameter: Sendable, Equatable {
    /// Octets as they are (a key identifier, a RAND).
    case octets([UInt8])
    /// A character string, encoded as UTF-8 (B.2.1.2; 3GPP identifiers are
    /// ASCII, which UTF-8 leaves unchanged).
    case string(String)
    /// A non-negative integer, encoded big-endian in the minimum number of
    /// octets; 0 is the single octet 0x00 (B.2.1.1 and TS 33.180 F.2.1.2's
    /// "P4 = 0, L4 = 1").
    case integer(UInt64)

    /// The octets of Pᵢ.
    public var encoded: [UInt8] {
        switch self {
        case .octets(let bytes):
            return bytes
        case .string(let text):
            return Array(text.utf8)
        case .integer(let value):
            let significant = max(1, (value.bitWidth - value.leadingZeroBitCount + 7) / 8)
            return (0 ..< significant).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
        }
    }
}
