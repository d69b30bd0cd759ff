import BigNum
import Octets
import Curves

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
        let rsk: SAKKEPoint

        /// Validates `rsk` for `identifier` under `zt`.
        ///
        /// - Throws: `SAKKEError.invalidReceiverKey`.
        public init(identifier: some Collection<UInt8>, zt: SAKKEPoint, rsk: SAKKEPoint) throws {
            let identifier = Array(identifier)
            guard let point = try? SAKKE.identityPoint(identifier, zt: zt),
                let pairing = TatePairing.reducedCheckingOrder(rsk, point),
                let value = try? SAKKE.normalized(pairing),
                value == SAKKE.g
            else { throw SAKKEError.invalidReceiverKey }
            self.identifier = identifier
            self.zt = zt
            self.rsk = rsk
        }

        /// The SSV of `encapsulation` (RFC 6508 §6.2.2): w = ⟨R, K⟩,
        /// SSV = H ⊕ HashToIntegerRange(w, 2^n), then the mandatory check that
        /// [r]([b]P + Z_T) with r = HashToIntegerRange(SSV ‖ b, q) is R.
        ///
        /// - Throws: `SAKKEError.authenticationFailure` when the check fails.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> [UInt8] {
            try decapsulate(
                encapsulation, pairing: { TatePairing.reduced($0, rsk) },
                recompute: { r in try SAKKECurve.multiply(SAKKE.identityPoint(identifier, zt: zt), r) })
        }

        /// Decapsulation with `pairing(R)` giving ⟨R, K⟩ and `recompute(r)` giving [r]([b]P + Z_T).
        func decapsulate(
            _ encapsulation: Encapsulation, pairing: (SAKKEPoint) -> QuadraticExtensionElement,
            recompute: (BigUInt) throws -> SAKKEPoint
        ) throws -> [UInt8] {
            guard let w = try? SAKKE.normalized(pairing(encapsulation.r)),
                let mask = try? SAKKE.mask(w)
            else { throw SAKKEError.authenticationFailure }
            var ssv = zip(encapsulation.h, mask).map { $0 ^ $1 }
            guard let r = try? HashToIntegerRange.hash(ssv + identifier, below: SAKKECurve.order),
                let test = try? recompute(r), test == encapsulation.r
            else {
                ssv.wipe()
                throw SAKKEError.authenticationFailure
            }
            return ssv
        }

        /// Parses and decapsulates R ‖ H; every failure is `authenticationFailure`.
        public func decapsulate(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
            guard let encapsulation = try? Encapsulation(bytes: bytes) else { throw SAKKEError.authenticationFailure }
            return try decapsulate(encapsulation)
        }
    }
}
