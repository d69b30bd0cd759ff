import BigNum
import Curves
import Octets

/// Sakai–Kasahara Key Encryption (RFC 6508) with parameter set 1 (RFC 6509
/// Appendix A): the KMS's master secret z and public Z_T = [z]P, a user's
/// receiver secret key K_(a,T) = [(a + z)⁻¹]P, and the encapsulation of a
/// 128-bit shared secret value (SSV) to an identifier.
///
/// Constant time in its secrets (z, K_(a,T), the SSV, r): secret scalars are
/// elements of `SAKKECurve.scalarField` from hashing to their use, and go
/// through fixed-base tables (P, Z_T, a recipient's [b]P + Z_T); g^r comes
/// from g's table; a prepared receiver evaluates its RSK's stored Miller
/// lines. The SSV travels as `SecretBytes` in and out.
public enum SAKKE {
    /// n: the SSV length in bits.
    public static let ssvBitCount = 128
    /// Octets of an encapsulation R ‖ H.
    public static let encapsulatedCount = SAKKEPoint.encodedCount + ssvBitCount / 8

    /// [a]P + Z_T, the point every operation of an identifier starts from
    /// (the identifier a is public; so is Z_T).
    ///
    /// - Throws: `CurveError.pointAtInfinity` when a ≡ −z (mod q).
    static func identityPoint(_ identifier: [UInt8], zt: SAKKEPoint) throws -> SAKKEPoint {
        // P's table walk (205 additions) is cheaper than double-and-add over a's bits.
        try SAKKECurve.generatorTable.multiply(identifierScalar(identifier), plus: zt)
    }

    /// The identifier as an integer mod q (RFC 6508: its octets big-endian).
    static func identifierScalar(_ identifier: [UInt8]) -> FieldElement {
        SAKKECurve.scalarField.element(reducing: BigUInt(bigEndianBytes: identifier))
    }

    /// Encapsulates `ssv` to `identifier` with `point(r)` giving
    /// R = [r]([b]P + Z_T) (RFC 6508 §6.2.1): r = HashToIntegerRange(SSV ‖ b, q),
    /// H = SSV ⊕ HashToIntegerRange(g^r, 2^n). The one body behind the cold,
    /// prepared-sender and prepared-recipient paths.
    ///
    /// - Throws: `SAKKEError.invalidSSVLength`; `.invalidPoint(.pointAtInfinity)`
    ///   for r = 0 (probability 2⁻¹⁰²¹).
    static func encapsulate(
        ssv: SecretBytes, identifier: [UInt8], point: (FieldElement) throws -> SAKKEPoint
    ) throws -> Encapsulation {
        guard ssv.count == ssvBitCount / 8 else { throw SAKKEError.invalidSSVLength(ssv.count) }
        var r = HashToIntegerRange.scalar(ssv: ssv, identifier: identifier)
        defer { r.wipe() }
        var gr = SAKKEPowerTable.shared.power(r)
        defer { gr.wipe() }
        do {
            let rPoint = try point(r)
            var mask = try HashToIntegerRange.mask(gr)
            defer { mask.wipe() }
            var h = ssv.withUnsafeBytes { zip($0, mask).map { $0 ^ $1 } }
            // R and H are the ciphertext: public by design.
            ConstantTimeValidation.declassify(&h)
            return Encapsulation(r: rPoint, h: h)
        } catch let error as CurveError {
            throw SAKKEError.invalidPoint(error)
        } catch {
            preconditionFailure("g^r is a power of g, never the class of i: \(error)")
        }
    }
}
