import BigNum
import Curves
import Octets

extension SAKKE {
    /// A validated receiver key with its precomputation, reusable across
    /// messages and threads (immutable, `Sendable`): the Miller loop of its
    /// fixed RSK K (the pairing is symmetric on ⟨P⟩, so ⟨R, K⟩ = ⟨K, R⟩ is
    /// evaluated from K's stored lines) and the fixed-base table of its own
    /// point [b]P + Z_T, so that the mandatory recomputation of R is
    /// [r]([b]P + Z_T) from one table, without doublings.
    public struct PreparedReceiver: Sendable {
        public let key: ReceiverKey
        let identityTable: SAKKEFixedBaseTable
        let rskLines: SAKKEPairingPrecomputation

        /// Builds the tables for `key` (about 3500 point additions and one
        /// Miller loop, once per key period).
        public init(_ key: ReceiverKey) {
            self.key = key
            identityTable = SAKKEFixedBaseTable(key.identityPoint)
            rskLines = key.rsk.withPoint { SAKKEPairingPrecomputation($0) }
        }

        /// ``ReceiverKey/decapsulate(_:)-(SAKKE.Encapsulation)`` with the prepared tables; same result.
        ///
        /// - Throws: `SAKKEError.authenticationFailure` when the check of R fails.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> SecretBytes {
            try key.decapsulate(
                encapsulation, pairing: { rskLines.pairing(with: $0) },
                recompute: { r in try identityTable.multiply(r) })
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
