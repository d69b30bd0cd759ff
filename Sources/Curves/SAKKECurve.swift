import BigNum
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

    /// P, the generator of the order-q subgroup (RFC 6509 Appendix A).
    public static let generator: SAKKEPoint = {
        do { return try SAKKEPoint(encoded: Hex.decode("04" + generatorXHex + generatorYHex)) }
        catch { fatalError("SAKKE P is a constant point: \(error)") }
    }()

    /// The fixed-base table of P, built on first use.
    public static let generatorTable = SAKKEFixedBaseTable(generator)

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

    /// [k]Q in constant time: fixed 4-bit windows over q's bit length (256
    /// windows of four complete doublings and one complete addition), the
    /// window's multiple found by a masked scan of all 16 (the identity for a
    /// zero digit, which the complete formulas add like any point). The
    /// affine conversion inverts in constant time. For secret scalars
    /// (z, r, (a + z)⁻¹).
    ///
    /// - Throws: `CurveError.pointAtInfinity` when [k]Q is the identity (k ≡ 0 mod q).
    public static func multiply(_ point: SAKKEPoint, _ k: BigUInt) throws -> SAKKEPoint {
        let scalar = try k.modulo(order)
        let base = SAKKEProjectivePoint(x: point.x, y: point.y, z: field.one)
        var table = [SAKKEProjectivePoint.identity, base]
        for _ in 2 ..< 16 { table.append(table[table.count - 1].adding(base)) }
        var accumulator = SAKKEProjectivePoint.identity
        let windows = (order.bitWidth + 3) / 4
        for window in stride(from: windows - 1, through: 0, by: -1) {
            for _ in 0 ..< 4 { accumulator = accumulator.doubled() }
            // The window's bits are read at public positions; the digit only selects.
            let digit = (0 ..< 4).reduce(0) { $0 | Int(unsafeBitCast(scalar.testBit(4 * window + $1), to: UInt8.self)) << $1 }
            var entry = SAKKEProjectivePoint.identity
            for index in 1 ..< 16 { entry = entry.selecting(table[index], if: index == digit) }
            accumulator = accumulator.adding(entry)
        }
        return try affine(accumulator)
    }

    /// [k]Q for a public k (an identifier): left-to-right double-and-add over
    /// k's own bits, so a 256-bit UID costs 256 steps instead of the ladder's
    /// 1022. Its time depends on k; never use it with a secret.
    ///
    /// - Throws: `CurveError.pointAtInfinity` when [k]Q is the identity.
    public static func multiplyVartime(_ point: SAKKEPoint, _ k: BigUInt) throws -> SAKKEPoint {
        let scalar = try k.modulo(order)
        let base = SAKKEProjectivePoint(x: point.x, y: point.y, z: field.one)
        var accumulator = SAKKEProjectivePoint.identity
        for bit in stride(from: scalar.bitWidth - 1, through: 0, by: -1) {
            accumulator = accumulator.doubled()
            if scalar.testBit(bit) { accumulator = accumulator.adding(base) }
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

    /// Whether [q]Q is the identity, i.e. Q is in the order-q subgroup (RFC
    /// 6508 §2.1), checked as [q − 1]Q = −Q (the ladder reduces its scalar mod q).
    public static func isInPrimeOrderSubgroup(_ point: SAKKEPoint) -> Bool {
        (try? multiply(point, order - 1)) == point.negated
    }

    static func affine(_ point: SAKKEProjectivePoint) throws -> SAKKEPoint {
        // Blinded: Z may derive from a secret scalar.
        guard let zInverse = try? field.inverseBlinded(point.z) else { throw CurveError.pointAtInfinity }
        return SAKKEPoint(unchecked: field.multiply(point.x, zInverse), field.multiply(point.y, zInverse))
    }
}
