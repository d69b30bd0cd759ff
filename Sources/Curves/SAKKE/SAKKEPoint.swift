import BigNum
import Octets

/// A point of the order-q subgroup ⟨P⟩ of the SAKKE curve y² = x³ − 3x over
/// the 1024-bit p (RFC 6508 §2.1), other than the identity, in affine
/// coordinates. Encoded as 04 ‖ x ‖ y, 257 octets (RFC 6508 §2.2, RFC 6509).
///
/// Invariant: every `SAKKEPoint` a caller can hold is on the curve and of
/// order q. The curve has cofactor 4, so decoding checks both (a Z_T or R
/// with a component of order 2 or 4 would leak r modulo that order through
/// R = [r]([b]P + Z_T)); the group operations keep the invariant. An RSK,
/// which is secret, is decoded by `SAKKE.ReceiverSecretKey` in constant time,
/// and its order is proved by its validation.
public struct SAKKEPoint: Sendable {
    private(set) var x: FieldElement
    private(set) var y: FieldElement

    init(unchecked x: FieldElement, _ y: FieldElement) {
        self.x = x
        self.y = y
    }

    /// 1 + 2 · 128.
    public static let encodedCount = 257

    /// Decodes a public point 04 ‖ x ‖ y (Z_T, R_(b,S)) with every check:
    /// length, prefix, coordinates below p, the curve equation, the order-q
    /// subgroup (``SAKKECurve/isInPrimeOrderSubgroupVartime(_:)``, variable time).
    ///
    /// - Throws: `CurveError.invalidLength`, `.unsupportedEncoding`,
    ///   `.pointAtInfinity`, `.coordinateOutOfRange`, `.notOnCurve`, `.notInSubgroup`.
    public init(encoded bytes: some Collection<UInt8>) throws {
        try self.init(encodedOnCurve: bytes)
        guard SAKKECurve.isInPrimeOrderSubgroupVartime(self) else { throw CurveError.notInSubgroup }
    }

    /// Decodes 04 ‖ x ‖ y and checks the curve equation, in constant time in
    /// the coordinates (they may be secret: an RSK's), but not the subgroup:
    /// for callers that prove the order themselves.
    ///
    /// - Throws: `CurveError.invalidLength`, `.unsupportedEncoding`,
    ///   `.pointAtInfinity`, `.coordinateOutOfRange`, `.notOnCurve`.
    package init(encodedOnCurve bytes: some Collection<UInt8>) throws {
        let field = SAKKECurve.field
        let (x, y) = try UncompressedPointEncoding.coordinates(of: bytes, coordinateLength: 128) { try field.element(bigEndianBytes: $0) }
        // y² = x³ − 3x = x·(x² − 3); whether the point is on the curve is public by design.
        let onCurve = field.square(y) == field.multiply(x, field.subtract(field.square(x), field.element(word: 3)))
        guard ConstantTimeValidation.declassify(onCurve) else { throw CurveError.notOnCurve }
        self.init(unchecked: x, y)
    }

    /// 04 ‖ x ‖ y.
    public var encoded: [UInt8] {
        var octets = [UInt8](repeating: 0, count: Self.encodedCount)
        octets.withUnsafeMutableBytes { encode(into: $0) }
        return octets
    }

    /// 04 ‖ x ‖ y into the first ``encodedCount`` octets of `octets`, in
    /// constant time, with no temporary: for a secret point (an RSK) written
    /// straight into wiped storage.
    package func encode(into octets: UnsafeMutableRawBufferPointer) {
        precondition(octets.count >= Self.encodedCount, "a SAKKE point needs \(Self.encodedCount) octets")
        let field = SAKKECurve.field
        octets[0] = 0x04
        field.write(x, into: UnsafeMutableRawBufferPointer(rebasing: octets[1 ..< 1 + field.byteCount]))
        field.write(y, into: UnsafeMutableRawBufferPointer(rebasing: octets[(1 + field.byteCount)...]))
    }

    /// −P = (x, −y).
    public var negated: SAKKEPoint {
        SAKKEPoint(unchecked: x, SAKKECurve.field.negate(y))
    }

    /// Overwrites both coordinates with zero (for a secret point: an RSK).
    package mutating func wipe() {
        x.wipe()
        y.wipe()
    }
}

extension SAKKEPoint: Equatable {
    /// Whether both coordinates agree, in constant time (no short circuit:
    /// one side may derive from a secret scalar, as the recomputed R does).
    public static func == (lhs: SAKKEPoint, rhs: SAKKEPoint) -> Bool {
        ConstantTime.word(lhs.x == rhs.x) & ConstantTime.word(lhs.y == rhs.y) == 1
    }
}

extension SAKKEPoint: CustomStringConvertible {
    /// Points a caller holds are public values (Z_T, R_(b,S), [a]P + Z_T; an
    /// RSK stays inside `SAKKE.ReceiverSecretKey`): the encoding in hex.
    public var description: String { "SAKKEPoint(\(Hex.encode(encoded)))" }
}
