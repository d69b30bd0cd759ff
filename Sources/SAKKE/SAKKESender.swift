import BigNum
import Curves
import Octets

extension SAKKE {
    /// A sender prepared for one KMS: Z_T's fixed-base table, so that each
    /// encapsulation computes R = [r·b]P + [r]Z_T from two tables, without
    /// doublings. Immutable and `Sendable`: share one per KMS across threads.
    public struct Sender: Sendable {
        public let zt: SAKKEPoint
        let ztTable: SAKKEFixedBaseTable

        /// Builds Z_T's table (about 4000 point additions, once). Z_T is a
        /// `SAKKEPoint`, so it was checked to be of order q when decoded.
        public init(zt: SAKKEPoint) {
            self.zt = zt
            ztTable = SAKKEFixedBaseTable(zt)
        }

        /// ``SAKKE/encapsulate(ssv:to:zt:)`` with the prepared table; same output.
        ///
        /// - Throws: `SAKKEError.invalidSSVLength`, `.invalidPoint(.pointAtInfinity)`.
        public func encapsulate(ssv: SecretBytes, to identifier: some Collection<UInt8>) throws -> Encapsulation {
            let b = Array(identifier)
            let scalars = SAKKECurve.scalarField
            let bScalar = SAKKE.identifierScalar(b)
            return try SAKKE.encapsulate(ssv: ssv, identifier: b) { r in
                var rb = scalars.multiply(r, bScalar)
                defer { rb.wipe() }
                return try SAKKEFixedBaseTable.sum(SAKKECurve.generatorTable, rb, ztTable, r)
            }
        }
    }
}
