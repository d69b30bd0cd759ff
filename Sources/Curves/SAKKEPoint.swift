import BigNum

/// A point of the SAKKE curve y² = x³ − 3x over the 1024-bit p (RFC 6508
/// §2.1) other than the identity, in affine coordinates, known to be on the
/// curve. Encoded as 04 ‖ x ‖ y, 257 octets (RFC 6508 §2.2, RFC 6509).
///
/// The curve has cofactor 4: a point on the curve need not be in the order-q
/// subgroup; `SAKKECurve.isInPrimeOrderSubgroup(_:)` tells.
public struct SAKKEPoint: Sendable, Equatable {
    let x: FieldElement
    let y: FieldElement

    init(unchecked x: FieldElement, _ y: FieldElement) {
        self.x = x
        self.y = y
    }

    /// 1 + 2 · 128.
    public static let encodedCount = 257

    /// Decodes 04 ‖ x ‖ y with every check: length, prefix, coordinates below
    /// p, the curve equation.
    ///
    /// - Throws: `CurveError.invalidLength`, `.unsupportedEncoding`,
    ///   `.pointAtInfinity`, `.coordinateOutOfRange`, `.notOnCurve`.
    public init(encoded bytes: some Collection<UInt8>) throws {
        let field = SAKKECurve.field
        let (x, y) = try UncompressedPointEncoding.coordinates(of: bytes, coordinateLength: 128) { try field.element(bigEndianBytes: $0) }
        // y² = x³ − 3x = x·(x² − 3).
        guard field.square(y) == field.multiply(x, field.subtract(field.square(x), field.element(word: 3))) else {
            throw CurveError.notOnCurve
        }
        self.init(unchecked: x, y)
    }

    /// 04 ‖ x ‖ y.
    public var encoded: [UInt8] {
        [0x04] + SAKKECurve.field.bytes(x) + SAKKECurve.field.bytes(y)
    }

    /// −P = (x, −y).
    public var negated: SAKKEPoint {
        SAKKEPoint(unchecked: x, SAKKECurve.field.negate(y))
    }
}
