import BigNum
import Curves

extension SAKKE {
    /// A sender prepared for one KMS: Z_T's fixed-base table, so that each
    /// encapsulation computes R = [r·b]P + [r]Z_T from two tables, without
    /// doublings (the "prepared sender" of the SAKKE issue). Immutable and
    /// `Sendable`: share one per KMS across threads.
    public struct Sender: Sendable {
        public let zt: SAKKEPoint
        let ztTable: SAKKEFixedBaseTable

        /// Builds Z_T's table (about 4000 point additions, once).
        public init(zt: SAKKEPoint) {
            self.zt = zt
            ztTable = SAKKEFixedBaseTable(zt)
        }

        /// ``SAKKE/encapsulate(ssv:to:zt:)`` with the prepared table; same output.
        ///
        /// - Throws: `SAKKEError.invalidSSVLength`.
        public func encapsulate(ssv: [UInt8], to identifier: some Collection<UInt8>) throws -> Encapsulation {
            guard ssv.count == ssvBitCount / 8 else { throw SAKKEError.invalidSSVLength(ssv.count) }
            let b = Array(identifier)
            let r = try HashToIntegerRange.hash(ssv + b, below: SAKKECurve.order)
            return try SAKKE.finish(ssv: ssv, r: r, point: SAKKE.encapsulationPoint(r: r, identifier: b, ztTable: ztTable))
        }
    }
}
