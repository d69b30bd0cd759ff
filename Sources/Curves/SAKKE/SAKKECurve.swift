import BigNum
import Octets
import Octets

/// The supersingular curve of SAKKE parameter set 1 (RFC 6509 Appendix A,
/// RFC 6508 §2.1): E: y² = x³ − 3x over the 1024-bit prime p ≡ 3 (mod 4),
/// with #E(F_p) = p + 1 = 4q for the 1022-bit prime q, the base point P of
/// order q, and the target field F_p² = F_p[i]/(i² + 1) of the pairing.
///
/// Points are `SAKKEPoint`; fixed-base tables are `SAKKEFixedBaseTable`; the
/// reduced Tate–Lichtenbaum pairing is `TatePairing`.
public enum SAKKECurve {
    /// F_p.
    public static let field: PrimeField = {
        do { return try PrimeField(modulus: BigUInt(hex: primeHex)) } catch { fatalError("SAKKE p is a constant prime: \(error)") }
    }()

    /// F_p², where the pairing takes its values.
    public static let extensionField: QuadraticExtensionField = {
        do { return try QuadraticExtensionField(base: field) } catch { fatalError("p ≡ 3 (mod 4): \(error)") }
    }()

    /// q = (p + 1) / 4, the order of P.
    public static let order: BigUInt = (field.modulus + 1) >> 2

    /// Integers modulo q: the scalars of the order-q subgroup (z, r, r·b,
    /// (a + z)⁻¹), kept as field elements so that secret scalars never pass
    /// through `BigUInt`; they reach their bits through
    /// `PrimeField.withCanonicalLimbs(_:_:)`.
    public static let scalarField: PrimeField = {
        do { return try PrimeField(modulus: order) } catch { fatalError("q is a constant prime: \(error)") }
    }()

    /// √−3 in F_p, for ``isInPrimeOrderSubgroupVartime(_:)``. −3 is a square
    /// because p ≡ 1 mod 3 (by reciprocity, (−3/p) = (p/3)); −1 is not, as
    /// p ≡ 3 mod 4, so 3 = (−1)(−3) is not a square either.
    static let squareRootOfMinusThree: FieldElement = {
        do { return try field.squareRoot(field.negate(field.element(word: 3))) }
        catch { fatalError("−3 is a square modulo the SAKKE p: \(error)") }
    }()

    /// P, the generator of the order-q subgroup (RFC 6509 Appendix A).
    public static let generator: SAKKEPoint = {
        do { return try SAKKEPoint(encoded: Hex.decode("04" + generatorXHex + generatorYHex)) }
        catch { fatalError("SAKKE P is a constant point: \(error)") }
    }()

    /// g = ⟨P, P⟩ (RFC 6509 Appendix A), the class of 1 + b·i for this b.
    public static let g: PairingValue = {
        do {
            return PairingValue(imaginaryPart: try field.element(BigUInt(hex:
                "66FC2A432B6EA392148F15867D623068C6A87BD1FB94C41E27FABE658E015A87371E94744C96FEDA449AE9563F8BC446CBFDA85D5D00EF577072DA8F541721BE"
                + "EE0FAED1828EAB90B99DFB0138C7843355DF0460B4A9FD74B4F1A32BCAFA1FFAD682C033A7942BCCE3720F20B9B7B0403C8CAE87B7A0042ACDE0FAB36461EA46")))
        } catch { fatalError("g is a constant below p: \(error)") }
    }()

    /// The fixed-base table of P, built on first use.
    package static let generatorTable = SAKKEFixedBaseTable(generator)

    static let primeHex =
        "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2EF40AAB27E2FC0F1B228730D531A59CB0"
        + "E791B39FF7C88A19356D27F4A666A6D0E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
        + "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB"
    static let generatorXHex =
        "53fc09ee332c29ad0a7990053ed9b52a2b1a2fd60aec69c698b2f204b6ff7cbfb5edb6c0f6ce2308ab10db9030b09e1043d5f22cdb9dfa55718bd9e7406ce890"
        + "9760af765dd5bccb337c86548b72f2e1a702c3397a60de74a7c1514dba66910dd5cfb4cc80728d87ee9163a5b63f73ec80ec46c4967e0979880dc8abeae63895"
    static let generatorYHex =
        "0a8249063f6009f1f9f1f0533634a135d3e82016029906963d778d821e141178f5ea69f4654ec2b9e7f7f5e5f0de55f66b598ccf9a140b2e416cff0ca9e032b9"
        + "70dae117ad547c6ccad696b5b7652fe0ac6f1e80164aa989492d979fc5a4d5f213515ad7e9cb99a980bdad5ad5bb4636adb9b5706a67dcde75573fd71bef16d7"

    // MARK: - Scalar multiplication

    /// [k]Q for a secret scalar k (an element of ``scalarField``) in constant
    /// time: fixed 4-bit windows over q's bit length (256 windows of four
    /// complete doublings and one complete addition), the window's multiple
    /// found by a masked scan of all 16 (the identity for a zero digit, which
    /// the complete formulas add like any point). The affine conversion
    /// inverts blinded.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when [k]Q is the identity (k = 0).
    public static func multiply(_ point: SAKKEPoint, _ k: FieldElement) throws -> SAKKEPoint {
        let base = SAKKEProjectivePoint(x: point.x, y: point.y, z: field.one)
        var table = [SAKKEProjectivePoint.identity, base]
        for _ in 2 ..< 16 { table.append(table[table.count - 1].adding(base)) }
        let windows = (order.bitWidth + 3) / 4
        var digits = scalarField.withCanonicalLimbs(k) { limbs in
            (0 ..< windows).map { ScalarRecoding.bits(limbs, at: 4 * $0, count: 4) }
        }
        defer { digits.wipe() }
        var accumulator = SAKKEProjectivePoint.identity
        for window in stride(from: windows - 1, through: 0, by: -1) {
            for _ in 0 ..< 4 { accumulator = accumulator.doubled() }
            var entry = SAKKEProjectivePoint.identity
            for index in 1 ..< 16 { entry = entry.selecting(table[index], if: ConstantTime.isEqual(index, digits[window])) }
            accumulator = accumulator.adding(entry)
        }
        return try affine(accumulator)
    }

    /// P + Q.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when Q = −P.
    public static func add(_ p: SAKKEPoint, _ q: SAKKEPoint) throws -> SAKKEPoint {
        let sum = SAKKEProjectivePoint(x: p.x, y: p.y, z: field.one).adding(SAKKEProjectivePoint(x: q.x, y: q.y, z: field.one))
        return try affine(sum)
    }

    /// Whether a point of the curve lies in the order-q subgroup ⟨P⟩ (RFC
    /// 6508 §2.1), by quadratic characters and one square root instead of a
    /// scalar multiplication by q (≈ 0.4 ms instead of ≈ 4 ms). Variable
    /// time: for public points (Z_T, R_(b,S)); an RSK's order is proved in
    /// constant time by its validation (`TatePairing.reducedCheckingOrder`).
    ///
    /// Why it is exact. E: y² = x³ − 3x = x(x² − 3) has #E(F_p) = 4q, and 3
    /// is not a square mod p (p ≡ 7 mod 12), so (0, 0) is its only point of
    /// order 2 and E(F_p) ≅ Z/4q is cyclic: ⟨P⟩ = 4E. Let φ: E → E' be the
    /// 2-isogeny with kernel {O, (0, 0)}, E': Y² = X(X² + 12), and φ̂ its
    /// dual. The map α: E → F_p*/F_p*², (x, y) ↦ x, (0, 0) ↦ −3, has kernel
    /// φ̂(E'(F_p)) (the 2-isogeny descent, Silverman X.4.9). That image has
    /// 4q/2 = 2q points, so it is the index-2 subgroup 2E of the cyclic E:
    /// Q ∈ 2E ⟺ x_Q is a square. And 4E = 2·φ̂(E') = φ̂(2E'): Q ∈ 4E ⟺ Q
    /// has a φ̂-preimage in 2E'. The preimages of Q = (x, y) are the two
    /// points with X = 2x ± 2y/√x (from x = Y²/(4X²) on E'; they differ by
    /// E''s (0, 0), which maps X to 12/X). E' has full rational 2-torsion
    /// (X² + 12 = 0 has the roots ±2√−3), so by the complete 2-descent a
    /// point is in 2E' ⟺ X and X − 2√−3 are both squares (then so is
    /// X + 2√−3, their product with Y² being a square). Tests compare the
    /// answer with [q − 1]Q = −Q on random points.
    public static func isInPrimeOrderSubgroupVartime(_ point: SAKKEPoint) -> Bool {
        let x = point.x
        guard !field.isZero(x), field.isSquareVartime(x) else { return false }
        // Public point: the square root and inversion may take variable time.
        guard let rootX = try? field.squareRoot(x), let inverseRoot = try? field.inverseVartime(rootX) else { return false }
        let twiceX = field.add(x, x)
        let offset = field.multiply(field.add(point.y, point.y), inverseRoot)
        let twiceRoot = field.add(squareRootOfMinusThree, squareRootOfMinusThree)
        for bigX in [field.add(twiceX, offset), field.subtract(twiceX, offset)] {
            if field.isSquareVartime(bigX), field.isSquareVartime(field.subtract(bigX, twiceRoot)) { return true }
        }
        return false
    }

    static func affine(_ point: SAKKEProjectivePoint) throws -> SAKKEPoint {
        // Blinded: Z may derive from a secret scalar.
        guard let zInverse = try? field.inverseBlinded(point.z) else { throw CurveError.pointAtInfinity }
        return SAKKEPoint(unchecked: field.multiply(point.x, zInverse), field.multiply(point.y, zInverse))
    }
}
