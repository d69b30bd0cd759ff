import BigNum
import Curves
import Octets

extension SAKKE {
    /// A secret scalar of ⟨P⟩ (an element of `SAKKECurve.scalarField`: the
    /// KMS master secret z) in storage wiped when the last holder lets go.
    final class SecretScalar: Sendable {
        nonisolated(unsafe) private(set) var value: FieldElement

        init(_ value: FieldElement) {
            self.value = value
        }

        /// The scalar of a big-endian octet string in 1 … q − 1: at most 128
        /// octets after any leading zero octets, in constant time (only
        /// whether the value is in range decides the outcome).
        ///
        /// - Throws: `SAKKEError.invalidSecret`.
        convenience init(bigEndian secret: SecretBytes) throws {
            let field = SAKKECurve.scalarField, width = field.byteCount
            var padded = [UInt8](repeating: 0, count: width)
            defer { padded.wipe() }
            var excess: UInt8 = 0
            secret.withUnsafeBytes { bytes in
                let skipped = max(0, bytes.count - width)
                for index in 0 ..< skipped { excess |= bytes[index] }
                for index in skipped ..< bytes.count { padded[width - bytes.count + index] = bytes[index] }
            }
            guard ConstantTimeValidation.declassify(excess) == 0, let value = try? field.element(bigEndianBytes: padded),
                !ConstantTimeValidation.declassify(field.isZero(value))
            else { throw SAKKEError.invalidSecret }
            self.init(value)
        }

        deinit {
            value.wipe()
        }
    }
}

extension SAKKE.SecretScalar: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    var description: String { "SecretScalar(redacted)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: []) }
}
