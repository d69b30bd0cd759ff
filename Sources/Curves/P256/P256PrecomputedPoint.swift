import BigNum

/// A public P-256 point with its odd multiples P, 3P, 5P, …, (2^(w−1) − 1)P
/// in affine form: the table a width-w NAF scalar multiplication reads.
///
/// Build one for a point that takes part in many verifications (a KMS's
/// KPAK, a frequent signer's Y = [HS]PVT + KPAK in ECCSI) and pass it to
/// ``P256/linearCombinationVartime(generatorScalar:_:)``: the table costs
/// about 2^(w−2) point additions once and saves additions on every use.
///
/// With `splitScalars`, the table also holds the odd multiples of
/// P' = [2¹²⁸]P, and a scalar k = k₀ + k₁·2¹²⁸ is applied as [k₀]P + [k₁]P':
/// when every term of a combination is split, the shared chain of doublings
/// is 128 long instead of 256 (about a third of a verification saved). The
/// split costs 128 doublings more, once. Immutable and `Sendable`.
public struct P256PrecomputedPoint: Sendable {
    /// The point P.
    public let point: P256Point
    /// The NAF width w (2 … 10).
    public let windowBits: Int
    /// (2i + 1)·P for i = 0 … 2^(w−2) − 1.
    let multiples: [P256Point]
    /// (2i + 1)·[2¹²⁸]P, when split.
    let upperMultiples: [P256Point]?

    /// Precomputes the odd multiples of `point` for width-`windowBits` NAFs.
    ///
    /// - Precondition: 2 ≤ windowBits ≤ 10.
    public init(_ point: P256Point, windowBits: Int = 6, splitScalars: Bool = false) {
        precondition((2 ... 10).contains(windowBits), "NAF width must be 2 … 10")
        self.point = point
        self.windowBits = windowBits
        let count = 1 << (windowBits - 2)
        multiples = Self.oddMultiples(of: [P256JacobianPoint(point)], count: count)[0]
        if splitScalars {
            // [2¹²⁸]P is never the identity: P has odd prime order q > 2¹²⁸.
            let shifted = (0 ..< 128).reduce(P256JacobianPoint(point)) { accumulator, _ in accumulator.doubledVartime() }
            upperMultiples = Self.oddMultiples(of: [shifted], count: count)[0]
        } else {
            upperMultiples = nil
        }
    }

    /// A table of already computed odd multiples.
    init(point: P256Point, windowBits: Int, multiples: [P256Point]) {
        self.point = point
        self.windowBits = windowBits
        self.multiples = multiples
        upperMultiples = nil
    }

    /// For each point Pᵢ (none the identity, odd prime order): Pᵢ, 3Pᵢ, …,
    /// (2·count − 1)Pᵢ in affine form, with two field inversions in all (one
    /// for the points and their doubles, one for every multiple): odd multiples
    /// below 2¹⁰ of a point of odd prime order are never the identity.
    static func oddMultiples(of points: [P256JacobianPoint], count: Int) -> [[P256Point]] {
        let doubles = points.map { $0.doubledVartime() }
        guard let affine = try? P256JacobianPoint.batchAffineVartime(points + doubles) else {
            preconditionFailure("a point of odd prime order or its double was the identity")
        }
        let bases = Array(affine[..<points.count]), twice = Array(affine[points.count...])
        guard count > 1 else { return bases.map { [$0] } }
        var jacobian: [P256JacobianPoint] = []
        jacobian.reserveCapacity(points.count * count)
        for (base, double) in zip(bases, twice) {
            var current = P256JacobianPoint(base)
            jacobian.append(current)
            for _ in 1 ..< count {
                current = current.addingVartime(double)
                jacobian.append(current)
            }
        }
        guard let multiples = try? P256JacobianPoint.batchAffineVartime(jacobian) else {
            preconditionFailure("an odd multiple below 2^10 of a point of odd prime order was the identity")
        }
        return (0 ..< points.count).map { Array(multiples[$0 * count ..< ($0 + 1) * count]) }
    }

    /// The NAF digit streams of [k]P: one over the whole scalar, or two over its
    /// 128-bit halves when split, each with the table its digits index.
    func expansions(of k: FieldElement256) -> [(digits: [Int8], multiples: [P256Point])] {
        let words = P256.scalars.canonicalWords(k)
        guard let upperMultiples else {
            return [(ScalarRecoding.nonAdjacentFormVartime(words, width: windowBits), multiples)]
        }
        return [
            (ScalarRecoding.nonAdjacentFormVartime((words.0, words.1, 0, 0), width: windowBits), multiples),
            (ScalarRecoding.nonAdjacentFormVartime((words.2, words.3, 0, 0), width: windowBits), upperMultiples),
        ]
    }
}
