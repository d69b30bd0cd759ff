import BigNum
import Curves

extension SAKKE {
    /// A validated receiver key with its precomputation, reusable across
    /// messages and threads (immutable, `Sendable`): today Z_T's fixed-base
    /// table, so that the mandatory recomputation of R in each decapsulation
    /// is [r·b]P + [r]Z_T without doublings. (The precomputed Miller loop for
    /// the fixed RSK belongs here too; see the SAKKE issue.)
    public struct PreparedReceiver: Sendable {
        public let key: ReceiverKey
        let ztTable: SAKKEFixedBaseTable

        /// Builds the tables for `key` (about 4000 point additions, once per key period).
        public init(_ key: ReceiverKey) {
            self.key = key
            ztTable = SAKKEFixedBaseTable(key.zt)
        }

        /// ``ReceiverKey/decapsulate(_:)`` with the prepared tables; same result.
        public func decapsulate(_ encapsulation: Encapsulation) throws -> [UInt8] {
            try key.decapsulate(encapsulation) { r in
                try SAKKE.encapsulationPoint(r: r, identifier: key.identifier, ztTable: ztTable)
            }
        }

        /// Parses and decapsulates R ‖ H; every failure is `authenticationFailure`.
        public func decapsulate(_ bytes: some Collection<UInt8>) throws -> [UInt8] {
            guard let encapsulation = try? Encapsulation(bytes: bytes) else { throw SAKKEError.authenticationFailure }
            return try decapsulate(encapsulation)
        }
    }
}
