import BigNum
import Curves
import Octets

extension SAKKE {
    /// A user's receiver secret key K_(a,T) = [(a + z)⁻¹]P (RFC 6508 §6.1.1)
    /// as the KMS issues it, not yet validated (``ReceiverKey`` validates it
    /// for an identifier and a Z_T). Held in storage wiped when the last copy
    /// goes; never printed; leaves only as `SecretBytes`.
    public struct ReceiverSecretKey: Sendable {
        private final class Storage: Sendable {
            nonisolated(unsafe) private(set) var point: SAKKEPoint

            init(_ point: SAKKEPoint) { self.point = point }

            deinit { point.wipe() }
        }

        private let storage: Storage

        /// Calls `body` with K (on the curve; of order q once ``ReceiverKey``
        /// has validated it), borrowed from the wiped storage rather than
        /// copied out of it.
        func withPoint<Result>(_ body: (borrowing SAKKEPoint) throws -> Result) rethrows -> Result {
            try body(storage.point)
        }

        init(point: SAKKEPoint) {
            storage = Storage(point)
        }

        /// Decodes 04 ‖ x ‖ y (RFC 6509 §2, TS 33.180 Annex D's UserDecryptKey)
        /// in constant time in the coordinates: length, prefix, range, curve
        /// equation. The subgroup is proved by ``ReceiverKey``'s validation.
        ///
        /// - Throws: `SAKKEError.invalidPoint` with the curve's reason.
        public init(encoded: SecretBytes) throws {
            do { storage = Storage(try encoded.withUnsafeBytes { try SAKKEPoint(encodedOnCurve: $0) }) } catch let error as CurveError {
                throw SAKKEError.invalidPoint(error)
            }
        }

        /// 04 ‖ x ‖ y, written straight into wiped storage.
        public var encoded: SecretBytes {
            SecretBytes(count: SAKKEPoint.encodedCount) { octets in storage.point.encode(into: octets) }
        }
    }
}

extension SAKKE.ReceiverSecretKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SAKKE.ReceiverSecretKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
