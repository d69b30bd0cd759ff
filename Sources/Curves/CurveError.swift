/// Errors thrown by the `Curves` module.
///
/// Point decoding says which check failed (the input is public: a malformed
/// key or message, not a failed verification), so that a caller can report it.
public enum CurveError: Error, Equatable, Sendable {
    /// An encoded point had the wrong number of octets.
    case invalidLength(expected: Int, actual: Int)
    /// An encoded point did not start with 0x04 (uncompressed, SEC 1 §2.3.3),
    /// the only form RFC 6507/6508/6509 use. The identity's single 0x00 octet
    /// is reported as `pointAtInfinity`.
    case unsupportedEncoding(prefix: UInt8)
    /// The point at infinity where a proper point is required: as an encoded
    /// input, or as the result of a scalar multiplication or addition.
    case pointAtInfinity
    /// A coordinate was not below the field prime p.
    case coordinateOutOfRange
    /// The coordinates do not satisfy the curve equation.
    case notOnCurve
    /// The point is on the curve but not in the subgroup of prime order q.
    case notInSubgroup
}
