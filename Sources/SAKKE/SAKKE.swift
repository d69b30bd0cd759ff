import BigNum
import Curves

/// Sakai–Kasahara Key Encryption (RFC 6508) with parameter set 1 (RFC 6509
/// Appendix A): the KMS's master secret z and public Z_T = [z]P, a user's
/// receiver secret key K_(a,T) = [(a + z)⁻¹]P, and the encapsulation of a
/// 128-bit shared secret value (SSV) to an identifier.
///
/// Correct and constant-time in its secrets, not yet fast: the scalar
/// multiplications are Montgomery ladders and the pairing has no
/// precomputation (see Docs/Performance.md and the SAKKE issue).
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
        // a is public: the ladder's constant time is not needed here, only its correctness.
        try SAKKECurve.add(SAKKECurve.multiply(SAKKECurve.generator, integer(ofIdentifier: identifier)), zt)
    }

    /// The PF_p class of x + y·i as its b with a = 1, in constant time.
    static func normalized(_ value: QuadraticExtensionElement) throws -> FieldElement {
        let field = SAKKECurve.field
        return field.multiply(value.imaginary, try field.inverse(value.real))
    }

    /// g^r in PF_p (r secret): a ladder over q's bit length on (1 + g·i).
    static func gToThe(_ r: BigUInt) throws -> FieldElement {
        let fp2 = SAKKECurve.extensionField, field = SAKKECurve.field
        var r0 = fp2.one, r1 = fp2.element(real: field.one, imaginary: g)
        for bit in stride(from: SAKKECurve.order.bitWidth - 1, through: 0, by: -1) {
            let flag = r.testBit(bit) ? field.one : field.zero
            // Arithmetic swap: no branch on r's bits.
            let delta = fp2.multiply(fp2.subtract(r1, r0), byBase: flag)
            r0 = fp2.add(r0, delta)
            r1 = fp2.subtract(r1, delta)
            r1 = fp2.multiply(r0, r1)
            r0 = fp2.square(r0)
            let back = fp2.multiply(fp2.subtract(r1, r0), byBase: flag)
            r0 = fp2.add(r0, back)
            r1 = fp2.subtract(r1, back)
        }
        return try normalized(r0)
    }

    /// HashToIntegerRange(w, 2^n) as n/8 octets: the mask of the SSV.
    static func mask(_ w: FieldElement) throws -> [UInt8] {
        let value = try HashToIntegerRange.hash(SAKKECurve.field.bytes(w), below: BigUInt(1) << ssvBitCount)
        return try value.serialized(byteCount: ssvBitCount / 8)
    }
}
