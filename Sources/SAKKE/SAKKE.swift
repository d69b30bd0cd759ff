import BigNum
import Curves

/// Sakai–Kasahara Key Encryption (RFC 6508) with parameter set 1 (RFC 6509
/// Appendix A): the KMS's master secret z and public Z_T = [z]P, a user's
/// receiver secret key K_(a,T) = [(a + z)⁻¹]P, and the encapsulation of a
/// 128-bit shared secret value (SSV) to an identifier.
///
/// Constant time in its secrets. Secret scalars go through fixed-base tables
/// (P, Z_T, a recipient's [b]P + Z_T) and g^r through g's table; a prepared
/// receiver evaluates its RSK's stored Miller lines (Docs/SAKKE.md,
/// Docs/Performance.md).
public enum SAKKE {
    /// n: the SSV length in bits.
    public static let ssvBitCount = 128
    /// Octets of an encapsulation R ‖ H.
    public static let encapsulatedCount = SAKKEPoint.encodedCount + ssvBitCount / 8

    /// g = ⟨P, P⟩ (RFC 6509 Appendix A), the b of its PF_p representative 1 + b·i.
    static let g: FieldElement = {
        do {
            return try SAKKECurve.field.element(BigUInt(hex:
                "66FC2A432B6EA392148F15867D623068C6A87BD1FB94C41E27FABE658E015A87371E94744C96FEDA449AE9563F8BC446CBFDA85D5D00EF577072DA8F541721BE"
                + "EE0FAED1828EAB90B99DFB0138C7843355DF0460B4A9FD74B4F1A32BCAFA1FFAD682C033A7942BCCE3720F20B9B7B0403C8CAE87B7A0042ACDE0FAB36461EA46"))
        } catch { fatalError("g is a constant below p: \(error)") }
    }()

    /// Integers modulo q, for (a + z)⁻¹ in constant time.
    static let scalars: PrimeField = {
        do { return try PrimeField(modulus: SAKKECurve.order) } catch { fatalError("q is a constant prime: \(error)") }
    }()

    /// The identifier as the integer of RFC 6508 (its octets big-endian).
    static func integer(ofIdentifier identifier: [UInt8]) -> BigUInt {
        BigUInt(bigEndianBytes: identifier)
    }

    /// [a]P + Z_T, the point every operation of an identifier starts from.
    static func identityPoint(_ identifier: [UInt8], zt: SAKKEPoint) throws -> SAKKEPoint {
        // P's table walk (205 additions) is cheaper than double-and-add over a's bits.
        try SAKKECurve.generatorTable.multiply(integer(ofIdentifier: identifier), plus: zt)
    }

    /// R = [r]([b]P + Z_T) computed as [r·b]P + [r]Z_T from the two fixed-base
    /// tables: no doubling at all. Constant time in r.
    static func encapsulationPoint(r: BigUInt, identifier: [UInt8], ztTable: SAKKEFixedBaseTable) throws -> SAKKEPoint {
        let rb = scalars.multiply(try scalars.element(r), scalars.element(reducing: integer(ofIdentifier: identifier)))
        return try SAKKEFixedBaseTable.sum(SAKKECurve.generatorTable, scalars.integer(rb), ztTable, r)
    }

    /// The PF_p class of x + y·i as its b with a = 1 (blinded inversion: the
    /// value may be secret).
    static func normalized(_ value: QuadraticExtensionElement) throws -> FieldElement {
        let field = SAKKECurve.field
        return field.multiply(value.imaginary, try field.inverseBlinded(value.real))
    }

    /// g^r in PF_p (r secret), from g's fixed-base table (constant time).
    static func gToThe(_ r: BigUInt) throws -> FieldElement {
        try SAKKEPowerTable.shared.power(r)
    }

    /// HashToIntegerRange(w, 2^n) as n/8 octets: the mask of the SSV.
    static func mask(_ w: FieldElement) throws -> [UInt8] {
        let value = try HashToIntegerRange.hash(SAKKECurve.field.bytes(w), below: BigUInt(1) << ssvBitCount)
        return try value.serialized(byteCount: ssvBitCount / 8)
    }
}
