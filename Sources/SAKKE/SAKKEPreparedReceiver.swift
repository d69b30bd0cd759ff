import BigNum
import Curves

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
            // The key was validated through this very point, so it exists.
            let point = (try? SAKKE.identityPoint(key.identifier, zt: key.zt)) ?? key.zt
            identityTable = SAKKEFixedBaseTable(point)
            rskLines = SAKKEPairingPrecomputation(key.rsk)
        }

        /// ``ReceiverKey/decapsulate(_:)-(SAKKE.Encapsulation)`` with the prepared tables; same result.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> [UInt8] {
            try key.decapsulate(
                encapsulation, pairing: { rskLines.pairing(with: $0) },
                recompute: { r in try identityTable.multiply(r) })
        }

        /// Parses and decapsulates R ‖ H; every failure is `authenticationFailure`.
        public func decapsulate(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
            guard let encapsulation = try? Encapsulation(bytes: bytes) else { throw SAKKEError.authenticationFailure }
            return try decapsulate(encapsulation)
        }
    }
}
