import BigNum
import Curves
import Octets

extension SAKKE {
    /// A sender prepared for one recipient: the fixed-base table of that
    /// recipient's point [b]P + Z_T (RFC 6508 §6.2.1 step 3), so that each
    /// encapsulation to it computes R = [r]([b]P + Z_T) from one table
    /// (205 additions) instead of two (``Sender``). Worth building for a
    /// recipient written to more than a few times in a key period (a group's
    /// members, a dispatcher); ≈ 840 KB. Immutable and `Sendable`.
    public struct PreparedRecipient: Sendable {
        public let identifier: [UInt8]
        public let zt: SAKKEPoint
        let table: SAKKEFixedBaseTable

        /// Builds the table of [b]P + Z_T for the identifier b.
        ///
        /// - Throws: `SAKKEError.invalidPoint(.pointAtInfinity)` when [b]P + Z_T
        ///   is the identity (b ≡ −z mod q: the identifier the KMS cannot issue a key for).
        public init(identifier: some Collection<UInt8>, zt: SAKKEPoint) throws {
            self.identifier = Array(identifier)
            self.zt = zt
            do { table = SAKKEFixedBaseTable(try SAKKE.identityPoint(self.identifier, zt: zt)) } catch let error as CurveError {
                throw SAKKEError.invalidPoint(error)
            }
        }

        /// ``SAKKE/encapsulate(ssv:to:zt:)`` to this recipient; same output.
        ///
        /// - Throws: `SAKKEError.invalidSSVLength`, `.invalidPoint(.pointAtInfinity)`.
        public func encapsulate(ssv: SecretBytes) throws -> Encapsulation {
            try SAKKE.encapsulate(ssv: ssv, identifier: identifier) { r in try table.multiply(r) }
        }

        /// A fresh random SSV and its encapsulation to this recipient.
        ///
        /// - Throws: as ``encapsulate(ssv:)``.
        public func encapsulate() throws -> (ssv: SecretBytes, encapsulation: Encapsulation) {
            let ssv = SecretBytes.random(count: ssvBitCount / 8)
            return (ssv, try encapsulate(ssv: ssv))
        }
    }
}
