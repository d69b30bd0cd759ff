import BigNum

/// A fixed-base table for one point Q of the SAKKE curve (P, or a KMS's Z_T):
/// for each of the 256 four-bit windows i, the affine points [j·16ⁱ]Q for
/// j = 1 … 15 (3840 points, ≈ 1 MB). [k]Q then needs no doubling: one
/// complete mixed addition per window, of an entry found by a masked scan of
/// its 15 (a zero digit adds a dummy whose sum is discarded by mask).
/// Constant time in k. Building costs about 4000 additions and one inversion.
public struct SAKKEFixedBaseTable: Sendable {
    public let base: SAKKEPoint
    /// Window i's entries at [15·i ..< 15·(i + 1)].
    private let entries: [SAKKEPoint]
    private static let windowCount = (SAKKECurve.order.bitWidth + 3) / 4

    public init(_ base: SAKKEPoint) {
        self.base = base
        var projective: [SAKKEProjectivePoint] = []
        projective.reserveCapacity(Self.windowCount * 15)
        var rowBase = SAKKEProjectivePoint(x: base.x, y: base.y, z: SAKKECurve.field.one)
        for _ in 0 ..< Self.windowCount {
            var multiple = rowBase
            for _ in 0 ..< 15 {
                projective.append(multiple)
                multiple = multiple.adding(rowBase)
            }
            // multiple = 16 · rowBase now.
            rowBase = multiple
        }
        entries = Self.batchAffine(projective)
    }

    /// The affine forms (one inversion for all; the points are public and
    /// none is the identity: j·16ⁱ < 2¹⁰²⁶ is never a multiple of q for j ≤ 15
    /// unless 16ⁱ·j ≡ 0, impossible for the prime q > 16).
    private static func batchAffine(_ points: [SAKKEProjectivePoint]) -> [SAKKEPoint] {
        let field = SAKKECurve.field
        var prefix = [FieldElement](repeating: field.one, count: points.count)
        var running = field.one
        for (index, point) in points.enumerated() {
            running = field.multiply(running, point.z)
            prefix[index] = running
        }
        var inverse = (try? field.inverseVartime(running)) ?? field.zero
        var result = [SAKKEPoint](repeating: SAKKECurve.generator, count: points.count)
        for index in points.indices.reversed() {
            let zInverse = index == 0 ? inverse : field.multiply(inverse, prefix[index - 1])
            inverse = field.multiply(inverse, points[index].z)
            result[index] = SAKKEPoint(unchecked: field.multiply(points[index].x, zInverse), field.multiply(points[index].y, zInverse))
        }
        return result
    }

    /// [k]Q + [l]R from two tables, in constant time, with one inversion.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when the sum is the identity.
    public static func sum(_ first: SAKKEFixedBaseTable, _ k: BigUInt, _ second: SAKKEFixedBaseTable, _ l: BigUInt) throws -> SAKKEPoint {
        try SAKKECurve.affine(first.multiplyProjective(k).adding(second.multiplyProjective(l)))
    }

    /// [k]Q in constant time (k reduced mod q).
    ///
    /// - Throws: `CurveError.pointAtInfinity` when k ≡ 0 (mod q).
    public func multiply(_ k: BigUInt) throws -> SAKKEPoint {
        try SAKKECurve.affine(multiplyProjective(k))
    }

    func multiplyProjective(_ k: BigUInt) throws -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        let scalar = try k.modulo(SAKKECurve.order)
        var accumulator = SAKKEProjectivePoint.identity
        entries.withUnsafeBufferPointer { table in
            for window in 0 ..< Self.windowCount {
                // The window's bits are read at public positions; the digit only selects.
                let digit = (0 ..< 4).reduce(0) { $0 | Int(unsafeBitCast(scalar.testBit(4 * window + $1), to: UInt8.self)) << $1 }
                var x = field.zero, y = field.zero
                for index in 0 ..< 15 {
                    let hit = index + 1 == digit
                    x = field.select(x, table[15 * window + index].x, if: hit)
                    y = field.select(y, table[15 * window + index].y, if: hit)
                }
                let sum = accumulator.adding(affineX: x, y)
                accumulator = sum.selecting(accumulator, if: digit == 0)
            }
        }
        return accumulator
    }
}
