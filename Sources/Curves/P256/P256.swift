import BigNum
import Octets

/// NIST P-256 (FIPS 186-4 §D.1.2.3, SEC 2 secp256r1): y² = x³ − 3x + b over
/// the prime p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1, with a generator G of prime
/// order q and cofactor 1. RFC 6509 §3 fixes it for ECCSI (RFC 6507).
///
/// Scalars are elements of ``scalars`` (integers mod q); coordinates are
/// elements of ``field``. Operations:
/// - ``multiplyGenerator(_:)``: [k]G from a fixed-base table, constant time
///   (for secret k: KSAK, v, j).
/// - ``multiply(_:_:)``: [k]P for any point, constant time.
/// - ``multiplyVartime(_:_:)`` and ``linearCombinationVartime(generatorScalar:_:)``:
///   for public scalars only (signature verification), much faster.
public enum P256 {
    /// The coordinate field, F_p.
    public static let field: PrimeField256 = {
        do { return try PrimeField256(modulus: BigUInt(hex: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")) }
        catch { fatalError("P-256 p is a constant prime: \(error)") }
    }()

    /// The scalar field, integers modulo the group order q.
    public static let scalars: PrimeField256 = {
        do { return try PrimeField256(modulus: BigUInt(hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")) }
        catch { fatalError("P-256 q is a constant prime: \(error)") }
    }()

    /// The group order q.
    public static var order: BigUInt { scalars.modulus }

    /// The curve coefficient b (Montgomery form in ``field``).
    static let b: FieldElement256 = constant("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b")

    /// The generator G.
    public static let generator = P256Point(
        unchecked: constant("6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
        constant("4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"))

    /// The comb table behind ``multiplyGenerator(_:)``, built on first use.
    static let generatorComb = P256GeneratorComb()

    /// Odd multiples of G for variable-time linear combinations, built on first use.
    static let generatorMultiples = P256PrecomputedPoint(generator, windowBits: 8, splitScalars: true)

    private static func constant(_ hex: String) -> FieldElement256 {
        do { return try field.element(BigUInt(hex: hex)) }
        catch { fatalError("P-256 constant out of range: \(error)") }
    }

    // MARK: - Scalar multiplication

    /// [k]G in constant time (fixed-base comb, complete formulas, constant-time
    /// table lookups; the affine conversion inverts a blinded value).
    ///
    /// - Throws: `CurveError.pointAtInfinity` when k = 0.
    public static func multiplyGenerator(_ k: FieldElement256) throws -> P256Point {
        try generatorComb.multiply(k).affine()
    }

    /// [k]P in constant time for any point P (signed 5-bit windows over
    /// complete projective formulas, constant-time table lookups).
    ///
    /// - Throws: `CurveError.pointAtInfinity` when k = 0.
    public static func multiply(_ point: P256Point, _ k: FieldElement256) throws -> P256Point {
        try P256ProjectivePoint.multiply(point, k).affine()
    }

    /// [k]P for a public scalar k: width-5 NAF, Jacobian coordinates. Its time
    /// depends on k; never use it with a secret.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when k = 0.
    public static func multiplyVartime(_ point: P256Point, _ k: FieldElement256) throws -> P256Point {
        try linearCombinationVartime(generatorScalar: scalars.zero, [(P256PrecomputedPoint(point, windowBits: 5), k)])
    }

    /// [u]G + Σ [kᵢ]Pᵢ for public scalars (Straus's interleaved method over
    /// width-w NAFs: one chain of doublings for all terms). Its time depends
    /// on the scalars; never use it with a secret.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when the sum is the identity.
    public static func linearCombinationVartime(
        generatorScalar u: FieldElement256, _ terms: [(P256PrecomputedPoint, FieldElement256)]
    ) throws -> P256Point {
        try P256JacobianPoint.linearCombinationVartime(
            [(generatorMultiples, u)] + terms).affineVartime()
    }

    /// Whether L = [h]P, for public L, P and h, in variable time with
    /// half-length scalars (see `P256JacobianPoint.isMultipleVartime(of:by:)`).
    public static func isMultipleVartime(_ l: P256Point, of point: P256Point, by h: FieldElement256) -> Bool {
        P256JacobianPoint(l).isMultipleVartime(of: point, by: h)
    }

    /// Whether [k]G = Q + [h]P, for a secret k and public Q, P, h: the shape of
    /// RFC 6507 §5.1.2's check [SSK]G = KPAK + [HS]PVT.
    ///
    /// [k]G comes from the constant-time comb; L = [k]G − Q is added with the
    /// complete formulas and its coordinates are multiplied by a fresh random
    /// λ, so that nothing computed afterwards depends on k's representation:
    /// only on the point L, which reveals no more about k than the public key
    /// [k]G does (and equals the public [h]P when the relation holds). The
    /// check L = [h]P then runs in variable time with half-length scalars.
    public static func generatorMultiple(
        _ k: FieldElement256, equals q: P256Point, plusMultipleOf point: P256Point, by h: FieldElement256
    ) -> Bool {
        var generator = SecureRandomGenerator()
        let lambda = field.randomNonzeroElement(using: &generator)
        let l = generatorComb.multiply(k).adding(q.negated)
        // Whether L is the identity is public: it is part of the answer.
        guard !ConstantTimeValidation.declassify(field.isZero(l.z)) else { return scalars.isZero(h) }
        // L's coordinates times a fresh random λ: they say nothing about k's
        // representation, only which point L is, and L = [k]G − Q reveals no
        // more than the public key [k]G (the public [h]P when the check
        // holds). Public by design from here on.
        let x = ConstantTimeValidation.declassify(field.multiply(l.x, lambda))
        let y = ConstantTimeValidation.declassify(field.multiply(l.y, lambda))
        let z = ConstantTimeValidation.declassify(field.multiply(l.z, lambda))
        // Projective (X : Y : Z) is Jacobian (X·Z, Y·Z², Z).
        let jacobian = P256JacobianPoint(x: field.multiply(x, z), y: field.multiply(y, field.square(z)), z: z)
        return jacobian.isMultipleVartime(of: point, by: h)
    }

    /// P + Q for public points.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when Q = −P.
    public static func addVartime(_ p: P256Point, _ q: P256Point) throws -> P256Point {
        try P256JacobianPoint(p).addingVartime(q).affineVartime()
    }
}
