import BigNum
import Curves

extension SAKKE {
    /// A validated receiver key with its precomputation, reusable across
    /// messages and threads (immutable, `Sendable`): the Miller loop of its
    /// fixed RSK K (the pairing is symmetric on ⟨P⟩, so ⟨R, K⟩ = ⟨K, R⟩ is
    /// evaluated from K's stored lines) and Z_T's fixed-base table, so that
    /// the mandatory recomputation of R is [r·b]P + [r]Z_T without doublings.
    public struct PreparedReceiver: Sendable {
        public let key: ReceiverKey
        let ztTable: SAKKEFixedBaseTable
        let rskLines: SAKKEPairingPrecomputation

        /// Builds the tables for `key` (about 4000 point additions and one Miller
        /// loop, once per key period).
        public init(_ key: ReceiverKey) {
            self.key = key
            ztTable = SAKKEFixedBaseTable(key.zt)
            rskLines = SAKKEPairingPrecomputation(key.rsk)
        }

        /// ``ReceiverKey/decapsulate(_:)`` with the prepared tables; same result.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> [UInt8] {
            try key.decapsulate(
                encapsulation, pairing: { rskLines.pairing(with: $0) },
                recompute: { r in try SAKKE.encapsulationPoint(r: r, identifier: key.identifier, ztTable: ztTable) })
        }

        /// Parses and decapsulates R ‖ H; every failure is `authenticationFailure`.
        public func decapsulate(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
            guard let encapsulation = try? Encapsulation(bytes: bytes) else { throw SAKKEError.authenticationFailure }
            return try decapsulate(encapsulation)
        }
    }
}
