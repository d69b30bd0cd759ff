import BigNum
import Octets

/// A P-256 point in homogeneous projective coordinates (X : Y : Z), x = X/Z,
/// y = Y/Z, the identity being (0 : 1 : 0), with the complete formulas of
/// Renes, Costello and Batina ("Complete addition formulas for prime order
/// elliptic curves", 2016, Algorithms 4–6 for a = −3): one straight-line
/// sequence for every input, identity and doubling included. That makes them
/// the formulas of the constant-time scalar multiplications.
struct P256ProjectivePoint {
    var x: FieldElement256
    var y: FieldElement256
    var z: FieldElement256

    static var identity: P256ProjectivePoint {
        let field = P256.field
        return P256ProjectivePoint(x: field.zero, y: field.one, z: field.zero)
    }

    /// 3a.
    @inline(__always)
    private static func triple(_ a: FieldElement256, _ field: PrimeField256) -> FieldElement256 {
        field.add(field.double(a), a)
    }

    /// self + other, complete (RCB Algorithm 4, 12M + 2m_b).
    func adding(_ other: P256ProjectivePoint) -> P256ProjectivePoint {
        let field = P256.field, b = P256.b
        let xx = field.multiply(x, other.x)
        let yy = field.multiply(y, other.y)
        let zz = field.multiply(z, other.z)
        let xy = field.subtract(field.multiply(field.add(x, y), field.add(other.x, other.y)), field.add(xx, yy))
        let yz = field.subtract(field.multiply(field.add(y, z), field.add(other.y, other.z)), field.add(yy, zz))
        let xz = field.subtract(field.multiply(field.add(x, z), field.add(other.x, other.z)), field.add(xx, zz))
        return Self.finishAddition(xx: xx, yy: yy, zz: zz, xy: xy, yz: yz, xz: xz, field: field, b: b)
    }

    /// self + point for an affine point, complete for every self (RCB
    /// Algorithm 5, 11M + 2m_b). The affine point is never the identity.
    func adding(_ point: P256Point) -> P256ProjectivePoint {
        let field = P256.field, b = P256.b
        let xx = field.multiply(x, point.x)
        let yy = field.multiply(y, point.y)
        let xy = field.subtract(field.multiply(field.add(x, y), field.add(point.x, point.y)), field.add(xx, yy))
        let yz = field.add(field.multiply(point.y, z), y)
        let xz = field.add(field.multiply(point.x, z), x)
        return Self.finishAddition(xx: xx, yy: yy, zz: z, xy: xy, yz: yz, xz: xz, field: field, b: b)
    }

    /// The common tail of both additions, from the products X1X2, Y1Y2, Z1Z2
    /// and the cross terms X1Y2 + X2Y1, Y1Z2 + Y2Z1, X1Z2 + X2Z1.
    @inline(__always)
    private static func finishAddition(
        xx: FieldElement256, yy: FieldElement256, zz: FieldElement256,
        xy: FieldElement256, yz: FieldElement256, xz: FieldElement256,
        field: PrimeField256, b: FieldElement256
    ) -> P256ProjectivePoint {
        let bzz3 = triple(field.subtract(xz, field.multiply(b, zz)), field)
        let yyMinus = field.subtract(yy, bzz3)
        let yyPlus = field.add(yy, bzz3)
        let zz3 = triple(zz, field)
        let bxz3 = triple(field.subtract(field.multiply(b, xz), field.add(zz3, xx)), field)
        let xx3MinusZz3 = field.subtract(triple(xx, field), zz3)
        return P256ProjectivePoint(
            x: field.subtract(field.multiply(yyPlus, xy), field.multiply(yz, bxz3)),
            y: field.add(field.multiply(yyPlus, yyMinus), field.multiply(xx3MinusZz3, bxz3)),
            z: field.add(field.multiply(yyMinus, yz), field.multiply(xy, xx3MinusZz3)))
    }

    /// 2·self, exception-free (RCB Algorithm 6, 8M + 3S + 2m_b).
    func doubled() -> P256ProjectivePoint {
        let field = P256.field, b = P256.b
        let xx = field.square(x)
        let yy = field.square(y)
        let zz = field.square(z)
        let xy2 = field.double(field.multiply(x, y))
        let xz2 = field.double(field.multiply(x, z))
        let bzz3 = Self.triple(field.subtract(field.multiply(b, zz), xz2), field)
        let yyMinus = field.subtract(yy, bzz3)
        let yyPlus = field.add(yy, bzz3)
        let zz3 = Self.triple(zz, field)
        let bxz6 = Self.triple(field.subtract(field.multiply(b, xz2), field.add(zz3, xx)), field)
        let xx3MinusZz3 = field.subtract(Self.triple(xx, field), zz3)
        let yz2 = field.double(field.multiply(y, z))
        return P256ProjectivePoint(
            x: field.subtract(field.multiply(yyMinus, xy2), field.multiply(bxz6, yz2)),
            y: field.add(field.multiply(yyPlus, yyMinus), field.multiply(xx3MinusZz3, bxz6)),
            z: field.double(field.double(field.multiply(yz2, yy))))
    }

    /// `other` if `condition`, else self, without a branch on `condition`.
    func selecting(_ other: P256ProjectivePoint, if condition: Bool) -> P256ProjectivePoint {
        let field = P256.field
        return P256ProjectivePoint(
            x: field.select(x, other.x, if: condition),
            y: field.select(y, other.y, if: condition),
            z: field.select(z, other.z, if: condition))
    }

    /// The affine point, inverting Z blinded by a fresh random factor so that
    /// the fast variable-time inversion learns nothing about Z.
    ///
    /// - Throws: `CurveError.pointAtInfinity` for the identity.
    func affine() throws -> P256Point {
        let field = P256.field
        // Whether the point is the identity is public: the caller sees it as
        // this call throwing (and [k]G for k in 1 … q − 1 never is).
        guard !ConstantTimeValidation.declassify(field.isZero(z)) else { throw CurveError.pointAtInfinity }
        var generator = SecureRandomGenerator()
        let blinding = field.randomNonzeroElement(using: &generator)
        let inverse = try field.inverse(z, blindedBy: blinding)
        return P256Point(unchecked: field.multiply(x, inverse), field.multiply(y, inverse))
    }

    // MARK: - Constant-time scalar multiplication

    /// [k]P with signed 5-bit windows: a table of P … 16P, then per window five
    /// doublings, a constant-time lookup of |dᵢ|·P, a conditional negation and
    /// a complete addition (adding the identity when dᵢ = 0). The sequence of
    /// operations and memory accesses is the same for every k.
    static func multiply(_ point: P256Point, _ k: FieldElement256) -> P256ProjectivePoint {
        let field = P256.field
        var words = P256.scalars.canonicalWords(k)
        defer { withUnsafeMutableBytes(of: &words) { if let base = $0.baseAddress { secureZero(base, count: $0.count) } } }
        var digits = ScalarRecoding.signedWindows(words)
        defer { for index in digits.indices { digits[index] = 0 } }
        var table = [P256ProjectivePoint](repeating: .identity, count: 16)
        table[0] = P256ProjectivePoint(point)
        for index in 1 ..< 16 { table[index] = table[index - 1].adding(point) }

        var accumulator = P256ProjectivePoint.identity
        for window in digits.indices.reversed() {
            if window != digits.count - 1 {
                for _ in 0 ..< 5 { accumulator = accumulator.doubled() }
            }
            let digit = digits[window]
            let (magnitude, negative) = signedMagnitude(digit)
            var entry = P256ProjectivePoint.identity
            for index in 0 ..< 16 {
                entry = entry.selecting(table[index], if: equalWords(UInt64(index + 1), magnitude))
            }
            entry.y = field.negate(entry.y, if: negative)
            accumulator = accumulator.adding(entry)
        }
        return accumulator
    }

    /// |d| and whether d < 0, without branches on d.
    @inline(__always)
    static func signedMagnitude(_ digit: Int) -> (UInt64, Bool) {
        let sign = digit >> (Int.bitWidth - 1)
        return (UInt64(bitPattern: Int64((digit ^ sign) &- sign)), sign != 0)
    }

    /// a == b as a Bool computed without a data-dependent branch.
    @inline(__always)
    static func equalWords(_ a: UInt64, _ b: UInt64) -> Bool {
        let difference = a ^ b
        return ((difference | (0 &- difference)) >> 63) == 0
    }
}

extension P256ProjectivePoint {
    /// The affine point with Z = 1.
    init(_ point: P256Point) {
        self.init(x: point.x, y: point.y, z: P256.field.one)
    }
}
