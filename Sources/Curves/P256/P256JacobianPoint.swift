import BigNum

/// A P-256 point in Jacobian coordinates (X : Y : Z), x = X/Z², y = Y/Z³, the
/// identity having Z = 0: the coordinates of the variable-time paths, where
/// the a = −3 doubling (3M + 5S, "dbl-2001-b") and the mixed addition with an
/// affine point (7M + 4S, "madd-2007-bl") are the cheapest known. The
/// additions branch on their exceptional cases, so these functions are for
/// public scalars and points only.
struct P256JacobianPoint {
    var x: FieldElement256
    var y: FieldElement256
    var z: FieldElement256

    static var identity: P256JacobianPoint {
        let field = P256.field
        return P256JacobianPoint(x: field.one, y: field.one, z: field.zero)
    }

    var isIdentity: Bool { P256.field.isZero(z) }

    /// 2·self (a = −3: α = 3(X − Z²)(X + Z²)).
    func doubledVartime() -> P256JacobianPoint {
        let field = P256.field
        let delta = field.square(z)
        let gamma = field.square(y)
        let beta = field.multiply(x, gamma)
        let alpha = field.multiply(field.subtract(x, delta), field.add(x, delta))
        let alpha3 = field.add(field.double(alpha), alpha)
        let beta4 = field.double(field.double(beta))
        let x3 = field.subtract(field.square(alpha3), field.double(beta4))
        let z3 = field.subtract(field.subtract(field.square(field.add(y, z)), gamma), delta)
        let gamma2 = field.square(gamma)
        let gamma8 = field.double(field.double(field.double(gamma2)))
        let y3 = field.subtract(field.multiply(alpha3, field.subtract(beta4, x3)), gamma8)
        return P256JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// self + point for an affine point, handling the identity and doubling
    /// cases by branching (public values only).
    func addingVartime(_ point: P256Point) -> P256JacobianPoint {
        let field = P256.field
        if isIdentity { return P256JacobianPoint(point) }
        let (z1z1, h, r) = mixedAdditionTerms(point)
        if field.isZero(h) {
            return field.isZero(r) ? P256JacobianPoint(point).doubledVartime() : .identity
        }
        return mixedAdditionResult(z1z1: z1z1, h: h, r: r)
    }

    /// self + point with no branch at all, for callers that know that self is
    /// not the identity and not ±point (the constant-time comb proves it for
    /// its windows).
    func addingUnchecked(_ point: P256Point) -> P256JacobianPoint {
        let (z1z1, h, r) = mixedAdditionTerms(point)
        return mixedAdditionResult(z1z1: z1z1, h: h, r: r)
    }

    /// madd-2007-bl, first half: Z1², H = X2·Z1² − X1, r = 2(Y2·Z1³ − Y1).
    @inline(__always)
    private func mixedAdditionTerms(_ point: P256Point) -> (FieldElement256, FieldElement256, FieldElement256) {
        let field = P256.field
        let z1z1 = field.square(z)
        let u2 = field.multiply(point.x, z1z1)
        let s2 = field.multiply(field.multiply(point.y, z), z1z1)
        return (z1z1, field.subtract(u2, x), field.double(field.subtract(s2, y)))
    }

    /// madd-2007-bl, second half (7M + 4S in all).
    @inline(__always)
    private func mixedAdditionResult(z1z1: FieldElement256, h: FieldElement256, r: FieldElement256) -> P256JacobianPoint {
        let field = P256.field
        let hh = field.square(h)
        let i = field.double(field.double(hh))
        let j = field.multiply(h, i)
        let v = field.multiply(x, i)
        let x3 = field.subtract(field.subtract(field.square(r), j), field.double(v))
        let y3 = field.subtract(field.multiply(r, field.subtract(v, x3)), field.double(field.multiply(y, j)))
        let z3 = field.subtract(field.subtract(field.square(field.add(z, h)), z1z1), hh)
        return P256JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// `other` if `condition`, else self, without a branch on `condition`.
    func selecting(_ other: P256JacobianPoint, if condition: Bool) -> P256JacobianPoint {
        let field = P256.field
        return P256JacobianPoint(
            x: field.select(x, other.x, if: condition),
            y: field.select(y, other.y, if: condition),
            z: field.select(z, other.z, if: condition))
    }

    /// The same point in homogeneous projective coordinates: (X·Z, Y, Z³)
    /// (the identity (X, Y, 0) becomes (0, Y, 0), the projective identity).
    var projective: P256ProjectivePoint {
        let field = P256.field
        return P256ProjectivePoint(x: field.multiply(x, z), y: y, z: field.multiply(field.square(z), z))
    }

    /// The affine point (one variable-time inversion).
    ///
    /// - Throws: `CurveError.pointAtInfinity` for the identity.
    func affineVartime() throws -> P256Point {
        let field = P256.field
        guard !isIdentity else { throw CurveError.pointAtInfinity }
        let zInverse = try field.inverseVartime(z)
        let zInverse2 = field.square(zInverse)
        return P256Point(unchecked: field.multiply(x, zInverse2), field.multiply(y, field.multiply(zInverse2, zInverse)))
    }

    /// The affine forms of points none of which is the identity, with one
    /// inversion for all (Montgomery's simultaneous inversion).
    static func batchAffineVartime(_ points: [P256JacobianPoint]) throws -> [P256Point] {
        let field = P256.field
        guard !points.isEmpty else { return [] }
        // prefix[i] = z₀·…·zᵢ.
        var prefix = [FieldElement256](repeating: field.one, count: points.count)
        var running = field.one
        for (index, point) in points.enumerated() {
            guard !point.isIdentity else { throw CurveError.pointAtInfinity }
            running = field.multiply(running, point.z)
            prefix[index] = running
        }
        var inverse = try field.inverseVartime(running)
        var result = [P256Point](repeating: P256.generator, count: points.count)
        for index in points.indices.reversed() {
            // inverse = (z₀·…·z_index)⁻¹ here.
            let zInverse = index == 0 ? inverse : field.multiply(inverse, prefix[index - 1])
            inverse = field.multiply(inverse, points[index].z)
            let zInverse2 = field.square(zInverse)
            result[index] = P256Point(
                unchecked: field.multiply(points[index].x, zInverse2),
                field.multiply(points[index].y, field.multiply(zInverse2, zInverse)))
        }
        return result
    }

    /// Σ [kᵢ]Pᵢ by Straus's method: each scalar in width-wᵢ NAF (split into
    /// halves for split tables), one shared chain of doublings, a mixed
    /// addition of ±(odd multiple) per nonzero digit.
    static func linearCombinationVartime(_ terms: [(P256PrecomputedPoint, FieldElement256)]) -> P256JacobianPoint {
        let streams = terms.flatMap { table, k in table.expansions(of: k) }
        let length = streams.map(\.digits.count).max() ?? 0
        var accumulator = P256JacobianPoint.identity
        for position in stride(from: length - 1, through: 0, by: -1) {
            accumulator = accumulator.doubledVartime()
            for stream in streams where position < stream.digits.count {
                let digit = Int(stream.digits[position])
                if digit > 0 {
                    accumulator = accumulator.addingVartime(stream.multiples[(digit - 1) / 2])
                } else if digit < 0 {
                    accumulator = accumulator.addingVartime(stream.multiples[(-digit - 1) / 2].negated)
                }
            }
        }
        return accumulator
    }
}

extension P256JacobianPoint {
    /// The affine point with Z = 1.
    init(_ point: P256Point) {
        self.init(x: point.x, y: point.y, z: P256.field.one)
    }
}

extension P256JacobianPoint {
    /// Whether self = [h]P (self and P public): with a ≡ b·h (mod q) and
    /// |a|, |b| < 2¹²⁸ (`HalfSizeScalars`), self = [h]P exactly when
    /// [a]P − [b]·self = O, one Straus pass of 128 doublings instead of the
    /// 256 of computing [h]P. Rare inputs whose reduction needs a quotient of
    /// 2⁶⁴ or more take the 256-bit path.
    func isMultipleVartime(of point: P256Point, by h: FieldElement256) -> Bool {
        let scalars = P256.scalars
        guard !scalars.isZero(h), !isIdentity else { return false }
        guard let (a, b, bIsNegative) = HalfSizeScalars.decompose(scalars.canonicalWords(h)) else {
            guard let own = try? affineVartime(), let multiple = try? P256.multiplyVartime(point, h) else { return false }
            return own == multiple
        }
        // [a]P − [b]·self with b = ±|b|: the second term is [|b|](∓self).
        let own = bIsNegative ? self : P256JacobianPoint(x: x, y: P256.field.negate(y), z: z)
        let windowBits = 5
        let tables = P256PrecomputedPoint.oddMultiples(of: [P256JacobianPoint(point), own], count: 1 << (windowBits - 2))
        let sum = Self.linearCombinationVartime([
            (P256PrecomputedPoint(point: point, windowBits: windowBits, multiples: tables[0]), scalars.element(canonicalWords: a)),
            (P256PrecomputedPoint(point: tables[1][0], windowBits: windowBits, multiples: tables[1]), scalars.element(canonicalWords: b)),
        ])
        return sum.isIdentity
    }
}
