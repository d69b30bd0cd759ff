import BigNum

/// A public P-256 point with its odd multiples P, 3P, 5P, …, (2^(w−1) − 1)P
/// in affine form: the table a width-w NAF scalar multiplication reads.
///
/// Build one for a point that takes part in many verifications (a KMS's
/// KPAK, a frequent signer's Y = [HS]PVT + KPAK in ECCSI) and pass it to
/// ``P256/linearCombinationVartime(generatorScalar:_:)``: the table costs
/// about 2^(w−2) point additions once and saves about 256/(w+1) − 256/(v+1)
/// additions per use against a table of width v. Immutable and `Sendable`.
public struct P256PrecomputedPoint: Sendable {
    /// The point P.
    public let point: P256Point
    /// The NAF width w (2 … 10).
    public let windowBits: Int
    /// (2i + 1)·P for i = 0 … 2^(w−2) − 1.
    let multiples: [P256Point]

    /// Precomputes the odd multiples of `point` for width-`windowBits` NAFs.
    ///
    /// - Precondition: 2 ≤ windowBits ≤ 10.
    public init(_ point: P256Point, windowBits: Int = 6) {
        precondition((2 ... 10).contains(windowBits), "NAF width must be 2 … 10")
        self.point = point
        self.windowBits = windowBits
        let count = 1 << (windowBits - 2)
        // 2P is never the identity (odd prime order), and no odd multiple below
        // 2^(w−1) is either, so the conversions cannot fail.
        guard count > 1, let twice = try? P256JacobianPoint(point).doubledVartime().affineVartime() else {
            multiples = [point]
            return
        }
        var jacobian = [P256JacobianPoint(point)]
        for _ in 1 ..< count { jacobian.append(jacobian[jacobian.count - 1].addingVartime(twice)) }
        multiples = (try? P256JacobianPoint.batchAffineVartime(jacobian)) ?? [point]
    }
}
