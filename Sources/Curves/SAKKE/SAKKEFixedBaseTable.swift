import BigNum
import Octets

/// A fixed-base table for one point Q of the SAKKE curve (P, a KMS's Z_T, or
/// a receiver's [b]P + Z_T): for each of the 205 signed five-bit windows i,
/// the affine points [j·32ⁱ]Q for j = 1 … 16 (3280 points, ≈ 840 KB). [k]Q
/// then needs no doubling: k is rewritten as Σ dᵢ·32ⁱ with dᵢ in −15 … 16,
/// and each window adds ±[|dᵢ|·32ⁱ]Q, found by a masked scan of its 16
/// entries and negated by mask, with one complete mixed addition (a zero
/// digit adds an entry whose sum is discarded by mask). Constant time in k.
/// Building costs about 3500 additions and one inversion.
package struct SAKKEFixedBaseTable: Sendable {
    package let base: SAKKEPoint
    /// Window i's entries at [16·i ..< 16·(i + 1)].
    private let entries: [SAKKEPoint]
    /// 205 windows cover 1025 bits: q < 2¹⁰²², so the top digit is at most 4
    /// and never carries.
    private static let windowCount = (SAKKECurve.order.bitWidth + 5) / 5

    /// The table of a point of order q (every `SAKKEPoint` is one).
    package init(_ base: SAKKEPoint) {
        self.base = base
        var projective: [SAKKEProjectivePoint] = []
        projective.reserveCapacity(Self.windowCount * 16)
        var rowBase = SAKKEProjectivePoint(x: base.x, y: base.y, z: SAKKECurve.field.one)
        for _ in 0 ..< Self.windowCount {
            var multiple = rowBase
            for index in 0 ..< 16 {
                projective.append(multiple)
                if index < 15 { multiple = multiple.adding(rowBase) }
            }
            // multiple = 16 · rowBase now; the next row starts at 32 · rowBase.
            rowBase = multiple.doubled()
        }
        entries = Self.batchAffine(projective)
    }

    /// The affine forms (one inversion for all; none of the points is the
    /// identity: [j·32ⁱ]Q = O would need q | j·32ⁱ, impossible for the prime
    /// q > 32 and Q of order q).
    private static func batchAffine(_ points: [SAKKEProjectivePoint]) -> [SAKKEPoint] {
        let field = SAKKECurve.field
        let zInverses: [FieldElement]
        do { zInverses = try field.inverses(of: points.map(\.z)) } catch {
            preconditionFailure("a multiple [j·32ⁱ]Q of a point of order q is the identity: \(error)")
        }
        return zip(points, zInverses).map { point, zInverse in
            SAKKEPoint(unchecked: field.multiply(point.x, zInverse), field.multiply(point.y, zInverse))
        }
    }

    /// [k]Q + [l]R from two tables, in constant time, with one inversion.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when the sum is the identity.
    package static func sum(_ first: SAKKEFixedBaseTable, _ k: FieldElement, _ second: SAKKEFixedBaseTable, _ l: FieldElement) throws -> SAKKEPoint {
        try SAKKECurve.affine(first.multiplyProjective(k).adding(second.multiplyProjective(l)))
    }

    /// [k]Q in constant time, for k in ``SAKKECurve/scalarField``.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when k = 0.
    package func multiply(_ k: FieldElement) throws -> SAKKEPoint {
        try SAKKECurve.affine(multiplyProjective(k))
    }

    /// [k]Q + R in constant time, with one inversion, for k in ``SAKKECurve/scalarField``.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when the sum is the identity.
    package func multiply(_ k: FieldElement, plus point: SAKKEPoint) throws -> SAKKEPoint {
        try SAKKECurve.affine(multiplyProjective(k).adding(affineX: point.x, point.y))
    }

    func multiplyProjective(_ k: FieldElement) -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        var digits = ScalarRecoding.signedWindows(ofScalar: k, count: Self.windowCount)
        defer { digits.wipe() }
        var accumulator = SAKKEProjectivePoint.identity
        entries.withUnsafeBufferPointer { table in
            for window in 0 ..< Self.windowCount {
                let digit = digits[window]
                let sign = digit >> 63 // −1 for a negative digit, else 0
                let magnitude = (digit ^ sign) &- sign
                var x = field.zero, y = field.zero
                for index in 0 ..< 16 {
                    let hit = ConstantTime.isEqual(index + 1, magnitude)
                    x = field.select(x, table[16 * window + index].x, if: hit)
                    y = field.select(y, table[16 * window + index].y, if: hit)
                }
                y = field.select(y, field.negate(y), if: ConstantTime.isEqual(sign, -1))
                let sum = accumulator.adding(affineX: x, y)
                accumulator = sum.selecting(accumulator, if: ConstantTime.isEqual(magnitude, 0))
            }
        }
        return accumulator
    }
}
