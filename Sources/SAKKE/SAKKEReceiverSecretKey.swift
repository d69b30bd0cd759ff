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

        /// K, on the curve; of order q once ``ReceiverKey`` has validated it.
        var point: SAKKEPoint { storage.point }

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

        /// 04 ‖ x ‖ y.
        public var encoded: SecretBytes {
            var octets = point.encoded
            defer { octets.wipe() }
            return SecretBytes(octets)
        }
    }
}

extension SAKKE.ReceiverSecretKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "SAKKE.ReceiverSecretKey(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
