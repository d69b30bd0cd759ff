import BigNum

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
                let next = try? (0 ..< 5).reduce(P256JacobianPoint(base)) { point, _ in point.doubledVartime() }.affineVartime()
            else { fatalError("P-256 comb: a multiple of G was the identity") }
            entries.append(contentsOf: affine)
            base = next
        }
        self.entries = entries
    }

    /// [k]G as a projective point; the identity for k = 0. Constant time.
    func multiply(_ k: FieldElement256) -> P256ProjectivePoint {
        let field = P256.field
        var words = P256.scalars.canonicalWords(k)
        defer { withUnsafeMutableBytes(of: &words) { $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        var digits = ScalarRecoding.signedWindows(words)
        defer { for index in digits.indices { digits[index] = 0 } }
        var accumulator = P256ProjectivePoint.identity
        entries.withUnsafeBufferPointer { table in
            for (window, digit) in digits.enumerated() {
                let (magnitude, negative) = P256ProjectivePoint.signedMagnitude(digit)
                var x = field.zero, y = field.zero
                let row = window * Self.entriesPerWindow
                for index in 0 ..< Self.entriesPerWindow {
                    let hit = P256ProjectivePoint.equalWords(UInt64(index + 1), magnitude)
                    x = field.select(x, table[row + index].x, if: hit)
                    y = field.select(y, table[row + index].y, if: hit)
                }
                y = field.negate(y, if: negative)
                // For d = 0 the sum is computed with a dummy point and discarded.
                let sum = accumulator.adding(P256Point(unchecked: x, y))
                accumulator = sum.selecting(accumulator, if: magnitude == 0)
            }
        }
        return accumulator
    }
}
