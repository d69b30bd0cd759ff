import BigNum
import Curves
import Octets

extension SAKKE {
    /// A user's validated receiver secret key K_(a,T) (RFC 6508 §6.1.2):
    /// built only if ⟨[a]P + Z_T, K⟩ = g and K lies in the order-q subgroup.
    /// Decapsulates (§6.2.2).
    ///
    /// The pairing check alone would accept K + T for T of order 2 or 4 (the
    /// pairing ignores such a T). The Miller loop therefore runs over K, which
    /// the pairing's symmetry on ⟨P⟩ allows, and its final [q − 1]K = −K
    /// proves K's order at no extra cost.
    public struct ReceiverKey: Sendable {
        public let identifier: [UInt8]
        public let zt: SAKKEPoint
        /// The RSK, the secret (its octets leave only as `SecretBytes`; a KM client stores it).
        public let rsk: ReceiverSecretKey
        /// [a]P + Z_T, computed once by the validation.
        let identityPoint: SAKKEPoint

        /// Validates `rsk` for `identifier` under `zt`.
        ///
        /// - Throws: `SAKKEError.invalidReceiverKey`.
        public init(identifier: some Collection<UInt8>, zt: SAKKEPoint, rsk: ReceiverSecretKey) throws {
            let identifier = Array(identifier)
            guard let point = try? SAKKE.identityPoint(identifier, zt: zt),
                let pairing = rsk.withPoint({ TatePairing.reducedCheckingOrder($0, point) }),
                // Whether the key is valid is public by design: an invalid one is refused.
                ConstantTimeValidation.declassify(pairing == SAKKECurve.g)
            else { throw SAKKEError.invalidReceiverKey }
            self.identifier = identifier
            self.zt = zt
            self.rsk = rsk
            identityPoint = point
        }

        /// The SSV of `encapsulation` (RFC 6508 §6.2.2): w = ⟨R, K⟩,
        /// SSV = H ⊕ HashToIntegerRange(w, 2^n), then the mandatory check that
        /// [r]([b]P + Z_T) with r = HashToIntegerRange(SSV ‖ b, q) is R.
        ///
        /// - Throws: `SAKKEError.authenticationFailure` when the check fails.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> SecretBytes {
            try decapsulate(
                encapsulation, pairing: { value in rsk.withPoint { TatePairing.reduced(value, $0) } },
                recompute: { r in try SAKKECurve.multiply(identityPoint, r) })
        }

        /// Decapsulation with `pairing(R)` giving ⟨R, K⟩ and `recompute(r)` giving [r]([b]P + Z_T).
        func decapsulate(
            _ encapsulation: Encapsulation, pairing: (SAKKEPoint) -> PairingValue,
            recompute: (FieldElement) throws -> SAKKEPoint
        ) throws -> SecretBytes {
            var w = pairing(encapsulation.r)
            defer { w.wipe() }
            // R has order q (checked when parsed), so w is never the class of i.
            guard var mask = try? HashToIntegerRange.mask(w) else { throw SAKKEError.authenticationFailure }
            defer { mask.wipe() }
            var octets = zip(encapsulation.h, mask).map { $0 ^ $1 }
            defer { octets.wipe() }
            let ssv = SecretBytes(octets)
            var r = HashToIntegerRange.scalar(ssv: ssv, identifier: identifier)
            defer { r.wipe() }
            // Whether R is the recomputed point is public by design: the caller sees the error.
            guard let test = try? recompute(r), ConstantTimeValidation.declassify(test == encapsulation.r) else {
                throw SAKKEError.authenticationFailure
            }
            return ssv
        }

        /// Parses and decapsulates R ‖ H; every failure is `authenticationFailure`.
        ///
        /// - Throws: `SAKKEError.authenticationFailure`.
        public func decapsulate(_ bytes: some Collection<UInt8>) throws -> SecretBytes {
            guard let encapsulation = try? Encapsulation(bytes: bytes) else { throw SAKKEError.authenticationFailure }
            return try decapsulate(encapsulation)
        }
    }
}
