import Octets
/// An element of a `PrimeField256`: four 64-bit limbs, least significant
/// first, in Montgomery form (x·2²⁵⁶ mod p), stored inline.
///
/// Like `FieldElement`, it means nothing without the field that made it and
/// carries no reference to it: copying costs 32 bytes and no reference
/// counting. Equality is constant-time. Call ``wipe()`` on a secret element
/// when done.
@frozen
public struct FieldElement256: Sendable, BitwiseCopyable {
    @usableFromInline var l0: UInt64
    @usableFromInline var l1: UInt64
    @usableFromInline var l2: UInt64
    @usableFromInline var l3: UInt64

    @inlinable
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }

    /// Overwrites the element with zero.
    public mutating func wipe() {
        withUnsafeMutableBytes(of: &self) { buffer in
            if let base = buffer.baseAddress { secureZero(base, count: buffer.count) }
        }
    }
}

extension FieldElement256: Equatable {
    /// Constant-time comparison of two elements of the same field.
    @inlinable
    public static func == (lhs: FieldElement256, rhs: FieldElement256) -> Bool {
        ((lhs.l0 ^ rhs.l0) | (lhs.l1 ^ rhs.l1) | (lhs.l2 ^ rhs.l2) | (lhs.l3 ^ rhs.l3)) == 0
    }
}

extension FieldElement256: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Never the value: an element may be secret. Use `PrimeField256.integer(_:)` to show a public one.
    public var description: String { "FieldElement256(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
