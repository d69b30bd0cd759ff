import BigNum

/// A point of the SAKKE curve y² = x³ − 3x over the 1024-bit p (RFC 6508
/// §2.1) other than the identity, in affine coordinates, known to be on the
/// curve. Encoded as 04 ‖ x ‖ y, 257 octets (RFC 6508 §2.2, RFC 6509).
///
/// The curve has cofactor 4: a point on the curve need not be in the order-q
/// subgroup; ``isInPrimeOrderSubgroupVartime`` tells.
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
        let octets = Array(bytes)
        if octets == [0] { throw CurveError.pointAtInfinity }
        guard octets.count == Self.encodedCount else {
            throw CurveError.invalidLength(expected: Self.encodedCount, actual: octets.count)
        }
        guard octets[0] == 0x04 else { throw CurveError.unsupportedEncoding(prefix: octets[0]) }
        let field = SAKKECurve.field
        guard let x = try? field.element(bigEndianBytes: octets[1 ..< 129]),
            let y = try? field.element(bigEndianBytes: octets[129 ..< 257])
        else { throw CurveError.coordinateOutOfRange }
        // y² = x³ − 3x = x·(x² − 3).
        let three = field.element(word: 3)
        guard field.square(y) == field.multiply(x, field.subtract(field.square(x), three)) else { throw CurveError.notOnCurve }
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
