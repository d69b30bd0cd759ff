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
    /// [32²⁰⁵]Q = [2¹⁰²⁵]Q, public: where ``multiply(batch:)`` starts its accumulators.
    private let offset: SAKKEPoint
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
        projective.append(rowBase)
        var affine = Self.batchAffine(projective)
        offset = affine.removeLast()
        entries = affine
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

    /// [kᵢ]Q for every scalar kᵢ of `scalars` (in ``SAKKECurve/scalarField``),
    /// for a KMS issuing many RSKs (RFC 6508 §6.1.1).
    ///
    /// The accumulators stay affine: each window adds its entry to all of them
    /// at once, with one inversion shared by the batch (Montgomery's trick), so
    /// an addition costs five products and a square instead of the eleven
    /// products of a complete projective addition. They start at the public
    /// offset [2¹⁰²⁵]Q, subtracted at the end, so none is the identity; a zero
    /// digit adds the point (0, 0), whose sum is discarded by mask. Constant
    /// time in the scalars but for one event: two summands with the same x,
    /// where the affine formula does not apply (for scalars unknown to an
    /// attacker, probability about 2⁻¹⁰⁰⁰ per addition). Then the batch is
    /// computed again, scalar by scalar, with ``multiply(_:)``.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when a scalar is 0.
    package func multiply(batch scalars: [FieldElement]) throws -> [SAKKEPoint] {
        guard scalars.count > 1 else { return try scalars.map { scalar in try multiply(scalar) } }
        do { return try affineSums(scalars) } catch { return try scalars.map { scalar in try multiply(scalar) } }
    }

    /// ``multiply(batch:)`` in affine coordinates; throws on an exceptional sum.
    private func affineSums(_ scalars: [FieldElement]) throws -> [SAKKEPoint] {
        let field = SAKKECurve.field
        let count = scalars.count
        var digits = scalars.map { scalar in ScalarRecoding.signedWindows(ofScalar: scalar, count: Self.windowCount) }
        var xs = [FieldElement](repeating: offset.x, count: count), ys = [FieldElement](repeating: offset.y, count: count)
        var addendXs = xs, addendYs = ys, differences = xs
        var keeps = [Bool](repeating: false, count: count)
        defer {
            for index in 0 ..< count {
                digits[index].wipe()
                xs[index].wipe(); ys[index].wipe(); addendXs[index].wipe(); addendYs[index].wipe(); differences[index].wipe()
            }
            keeps.wipe()
        }
        /// Every accumulator plus its addend, by the affine formula with the
        /// batch's one inversion; an accumulator whose `keeps` is set stays.
        func addAll() throws {
            for index in 0 ..< count { differences[index] = field.subtract(addendXs[index], xs[index]) }
            var inverses = try field.inverses(of: differences)
            defer { for index in 0 ..< count { inverses[index].wipe() } }
            for index in 0 ..< count {
                var slope = field.multiply(field.subtract(addendYs[index], ys[index]), inverses[index])
                var x = field.subtract(field.subtract(field.square(slope), xs[index]), addendXs[index])
                var y = field.subtract(field.multiply(slope, field.subtract(xs[index], x)), ys[index])
                xs[index] = field.select(x, xs[index], if: keeps[index])
                ys[index] = field.select(y, ys[index], if: keeps[index])
                slope.wipe(); x.wipe(); y.wipe()
            }
        }
        try entries.withUnsafeBufferPointer { table in
            for window in 0 ..< Self.windowCount {
                for index in 0 ..< count {
                    (addendXs[index], addendYs[index], keeps[index]) = Self.entry(of: digits[index][window], window: window, in: table)
                }
                try addAll()
            }
        }
        let minusOffsetY = field.negate(offset.y)
        for index in 0 ..< count {
            addendXs[index] = offset.x
            addendYs[index] = minusOffsetY
            keeps[index] = false
        }
        try addAll()
        return (0 ..< count).map { index in SAKKEPoint(unchecked: xs[index], ys[index]) }
    }

    /// [k]Q + R in constant time, with one inversion, for k in ``SAKKECurve/scalarField``.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when the sum is the identity.
    package func multiply(_ k: FieldElement, plus point: SAKKEPoint) throws -> SAKKEPoint {
        try SAKKECurve.affine(multiplyProjective(k).adding(affineX: point.x, point.y))
    }

    func multiplyProjective(_ k: FieldElement) -> SAKKEProjectivePoint {
        var digits = ScalarRecoding.signedWindows(ofScalar: k, count: Self.windowCount)
        defer { digits.wipe() }
        var accumulator = SAKKEProjectivePoint.identity
        entries.withUnsafeBufferPointer { table in
            for window in 0 ..< Self.windowCount {
                let (x, y, isZero) = Self.entry(of: digits[window], window: window, in: table)
                let sum = accumulator.adding(affineX: x, y)
                accumulator = sum.selecting(accumulator, if: isZero)
            }
        }
        return accumulator
    }

    /// ±[|digit|·32^window]Q for a signed digit in −15 … 16, by a masked scan
    /// of the window's 16 entries and a masked negation: (0, 0) and `isZero`
    /// for a zero digit, whose sum the caller discards by mask.
    private static func entry(
        of digit: Int, window: Int, in table: UnsafeBufferPointer<SAKKEPoint>
    ) -> (x: FieldElement, y: FieldElement, isZero: Bool) {
        let field = SAKKECurve.field
        let sign = digit >> 63 // −1 for a negative digit, else 0
        let magnitude = (digit ^ sign) &- sign
        var x = field.zero, y = field.zero
        for index in 0 ..< 16 {
            let hit = ConstantTime.isEqual(index + 1, magnitude)
            x = field.select(x, table[16 * window + index].x, if: hit)
            y = field.select(y, table[16 * window + index].y, if: hit)
        }
        return (x, field.select(y, field.negate(y), if: ConstantTime.isEqual(sign, -1)), ConstantTime.isEqual(magnitude, 0))
    }
}
