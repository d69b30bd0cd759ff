import BigNum
import Octets

/// The fixed-base table of G for constant-time [k]G: for each of the 52
/// signed 5-bit windows i, the affine points [j·32ⁱ]G for j = 1 … 16
/// (832 points, 53 KiB), so that [k]G = Σ [dᵢ·32ⁱ]G needs no doubling: 52
/// complete mixed additions, each of a point found by a constant-time scan of
/// its window's 16 entries. Built once, on first use (about a millisecond).
struct P256GeneratorComb: Sendable {
    private static let entriesPerWindow = 16
    /// Window i's entries at [16·i ..< 16·(i + 1)].
    private let entries: [P256Point]

    init() {
        var entries: [P256Point] = []
        entries.reserveCapacity(ScalarRecoding.signedWindowCount * Self.entriesPerWindow)
        var base = P256.generator
        for _ in 0 ..< ScalarRecoding.signedWindowCount {
            var multiples = [P256JacobianPoint(base)]
            for _ in 1 ..< Self.entriesPerWindow {
                multiples.append(multiples[multiples.count - 1].addingVartime(base))
            }
            // j·32ⁱ·G is never the identity for j ≤ 16 (q is a prime above 16 and 2).
            guard let affine = try? P256JacobianPoint.batchAffineVartime(multiples),
                let next = try? (0 ..< 5).reduce(P256JacobianPoint(base), { point, _ in point.doubledVartime() }).affineVartime()
            else { fatalError("P-256 comb: a multiple of G was the identity") }
            entries.append(contentsOf: affine)
            base = next
        }
        self.entries = entries
    }

    /// [k]G as a projective point; the identity for k = 0. Constant time.
    ///
    /// Windows 0 … 50 use the Jacobian mixed addition (7M + 4S) without its
    /// exceptional cases, which cannot occur there: before window i the
    /// accumulator is [sᵢ]G with |sᵢ| < 0.52·32ⁱ, the entry is [±d·32ⁱ]G with
    /// 1 ≤ d ≤ 16, and sᵢ ∓ d·32ⁱ is nonzero with absolute value below
    /// 16.52·2²⁵⁰ < q, so the two points are never equal or opposite. The
    /// accumulator is the identity exactly while every digit so far was 0
    /// (the lowest nonzero digit of a sum of signed digits below 32 in
    /// magnitude cannot cancel); that case takes the entry itself, by masked
    /// selection. The top window, whose digit is 0, 1 or 2, uses the complete
    /// projective addition, which has no exceptional case at all.
    func multiply(_ k: FieldElement256) -> P256ProjectivePoint {
        var words = P256.scalars.canonicalWords(k)
        defer { withUnsafeMutableBytes(of: &words) { if let base = $0.baseAddress { secureZero(base, count: $0.count) } } }
        var digits = ScalarRecoding.signedWindows(words)
        defer { for index in digits.indices { digits[index] = 0 } }
        let last = digits.count - 1
        return entries.withUnsafeBufferPointer { table in
            var accumulator = P256JacobianPoint.identity
            // 1 while every digit so far was 0; kept as an integer so that
            // updating it is a bitwise and, not a short-circuit branch.
            var accumulatorIsIdentity: UInt8 = 1
            for window in 0 ..< last {
                let (entry, isZeroDigit) = lookup(table, window: window, digit: digits[window])
                let sum = accumulator.addingUnchecked(entry)
                let fresh = P256JacobianPoint(entry)
                accumulator = sum.selecting(fresh, if: accumulatorIsIdentity != 0).selecting(accumulator, if: isZeroDigit)
                accumulatorIsIdentity &= unsafeBitCast(isZeroDigit, to: UInt8.self)
            }
            let (entry, isZeroDigit) = lookup(table, window: last, digit: digits[last])
            let projective = accumulator.projective
            return projective.adding(entry).selecting(projective, if: isZeroDigit)
        }
    }

    /// ±|d|·32^window·G by a scan of the window's 16 entries, and whether d = 0
    /// (then the returned point is a dummy, (0, 0)). Constant time.
    @inline(__always)
    private func lookup(_ table: UnsafeBufferPointer<P256Point>, window: Int, digit: Int) -> (P256Point, Bool) {
        let field = P256.field
        let (magnitude, negative) = P256ProjectivePoint.signedMagnitude(digit)
        var x = field.zero, y = field.zero
        let row = window * Self.entriesPerWindow
        for index in 0 ..< Self.entriesPerWindow {
            let hit = P256ProjectivePoint.equalWords(UInt64(index + 1), magnitude)
            x = field.select(x, table[row + index].x, if: hit)
            y = field.select(y, table[row + index].y, if: hit)
        }
        return (P256Point(unchecked: x, field.negate(y, if: negative)), P256ProjectivePoint.equalWords(magnitude, 0))
    }
}
