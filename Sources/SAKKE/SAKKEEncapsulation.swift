import BigNum
import Octets
import Curves

extension SAKKE {
    /// Encapsulated data R_(b,S) ‖ H (RFC 6508 §6.2.1 step 5, RFC 6509 §4):
    /// the point R and the masked SSV H, 273 octets.
    public struct Encapsulation: Sendable, Equatable {
        public let r: SAKKEPoint
        /// H = SSV ⊕ HashToIntegerRange(g^r, 2^n), 16 octets.
        public let h: [UInt8]

        init(r: SAKKEPoint, h: [UInt8]) {
            self.r = r
            self.h = h
        }

        /// Parses R ‖ H.
        ///
        /// - Throws: `SAKKEError.invalidEncapsulationLength`, `.invalidPoint`.
        public init(bytes: some Collection<UInt8>) throws {
            let octets = Array(bytes)
            guard octets.count == SAKKE.encapsulatedCount else { throw SAKKEError.invalidEncapsulationLength(octets.count) }
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
    /// - Throws: `SAKKEError.invalidSSVLength`.
    public static func encapsulate(ssv: [UInt8], to identifier: some Collection<UInt8>, zt: SAKKEPoint) throws -> Encapsulation {
        guard ssv.count == ssvBitCount / 8 else { throw SAKKEError.invalidSSVLength(ssv.count) }
        let b = Array(identifier)
        let r = try HashToIntegerRange.hash(ssv + b, below: SAKKECurve.order)
        let point = try SAKKECurve.multiply(identityPoint(b, zt: zt), r)
        return try finish(ssv: ssv, r: r, point: point)
    }

    /// H = SSV ⊕ HashToIntegerRange(g^r, 2^n) and the encapsulation.
    static func finish(ssv: [UInt8], r: BigUInt, point: SAKKEPoint) throws -> Encapsulation {
        let mask = try mask(gToThe(r))
        return Encapsulation(r: point, h: zip(ssv, mask).map { $0 ^ $1 })
    }

    /// Encapsulates a fresh random SSV; returns it with the encapsulation.
    public static func encapsulate(to identifier: some Collection<UInt8>, zt: SAKKEPoint) throws -> (ssv: [UInt8], encapsulation: Encapsulation) {
        let ssv = SecretBytes.random(count: ssvBitCount / 8).withUnsafeBytes { Array($0) }
        return (ssv, try encapsulate(ssv: ssv, to: identifier, zt: zt))
    }
}
