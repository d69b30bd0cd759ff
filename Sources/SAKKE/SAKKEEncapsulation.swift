import BigNum
import Curves
import Octets

extension SAKKE {
    /// Encapsulated data R_(b,S) ‖ H (RFC 6508 §6.2.1 step 5, RFC 6509 §4):
    /// the point R and the masked SSV H, 273 octets.
    public struct Encapsulation: Sendable, Equatable {
        /// R_(b,S), a point of order q (checked when parsed).
        public let r: SAKKEPoint
        /// H = SSV ⊕ HashToIntegerRange(g^r, 2^n), 16 octets.
        public let h: [UInt8]

        init(r: SAKKEPoint, h: [UInt8]) {
            self.r = r
            self.h = h
        }

        /// Parses R ‖ H; R must be a point of the order-q subgroup.
        ///
        /// - Throws: `SAKKEError.invalidEncapsulationLength`, `.invalidPoint`
        ///   (with the curve's reason, `.notInSubgroup` among them).
        public init(bytes: some Collection<UInt8>) throws {
            guard bytes.count == SAKKE.encapsulatedCount else { throw SAKKEError.invalidEncapsulationLength(bytes.count) }
            let octets = Array(bytes)
            do { r = try SAKKEPoint(encoded: octets[..<SAKKEPoint.encodedCount]) } catch let error as CurveError {
                throw SAKKEError.invalidPoint(error)
            }
            h = Array(octets[SAKKEPoint.encodedCount...])
        }

        /// R ‖ H.
        public var bytes: [UInt8] { r.encoded + h }
    }

    /// Encapsulates `ssv` (16 octets) to `identifier` under the KMS public key
    /// `zt` (RFC 6508 §6.2.1): r = HashToIntegerRange(SSV ‖ b, q),
    /// R = [r]([b]P + Z_T), H = SSV ⊕ HashToIntegerRange(g^r, 2^n).
    ///
    /// - Throws: `SAKKEError.invalidSSVLength`; `.invalidPoint(.pointAtInfinity)`
    ///   when b ≡ −z (mod q), the identifier no KMS can issue a key for.
    public static func encapsulate(ssv: SecretBytes, to identifier: some Collection<UInt8>, zt: SAKKEPoint) throws -> Encapsulation {
        let b = Array(identifier)
        let point: SAKKEPoint
        do { point = try identityPoint(b, zt: zt) } catch let error as CurveError { throw SAKKEError.invalidPoint(error) }
        return try encapsulate(ssv: ssv, identifier: b) { r in try SAKKECurve.multiply(point, r) }
    }

    /// Encapsulates a fresh random SSV; returns it with the encapsulation.
    ///
    /// - Throws: as ``encapsulate(ssv:to:zt:)``.
    public static func encapsulate(to identifier: some Collection<UInt8>, zt: SAKKEPoint) throws -> (ssv: SecretBytes, encapsulation: Encapsulation) {
        let ssv = SecretBytes.random(count: ssvBitCount / 8)
        return (ssv, try encapsulate(ssv: ssv, to: identifier, zt: zt))
    }
}
