import Octets
/// An element of a `PrimeField`, held in Montgomery form (x·R mod p with
/// R = 2^(64·n)) in fixed inline storage of up to 16 limbs (1024 bits).
///
/// An element means nothing without the field that made it: only pass it to
/// that field's operations. It carries no reference to the field, so copying
/// and storing elements costs no reference counting and no allocation.
///
/// Equality is constant-time. Call ``wipe()`` on a secret element when done;
/// a struct cannot wipe itself on destruction.
public struct FieldElement: Sendable, BitwiseCopyable {
    /// Montgomery-form limbs, least significant first; limbs past the field's
    /// limb count are always zero.
    var limbs: Limbs

    init(limbs: Limbs) {
        self.limbs = limbs
    }

    /// Overwrites the element with zero.
    public mutating func wipe() {
        withUnsafeMutableBytes(of: &limbs) { buffer in
            if let base = buffer.baseAddress { secureZero(base, count: buffer.count) }
        }
    }
}

extension FieldElement: Equatable {
    /// Constant-time comparison of two elements of the same field.
    public static func == (lhs: FieldElement, rhs: FieldElement) -> Bool {
        var difference: UInt = 0
        withUnsafeBytes(of: lhs.limbs) { left in
            withUnsafeBytes(of: rhs.limbs) { right in
                let a = left.assumingMemoryBound(to: UInt.self)
                let b = right.assumingMemoryBound(to: UInt.self)
                for index in 0 ..< Limbs.capacity { difference |= a[index] ^ b[index] }
            }
        }
        return difference == 0
    }
}

extension FieldElement: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Never the value: an element may be secret. Use `PrimeField.integer(_:)` to show a public one.
    public var description: String { "FieldElement(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
