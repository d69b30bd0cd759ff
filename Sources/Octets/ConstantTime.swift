/// Branch-free predicates on machine words, for the masked table scans and
/// selections of secret-dependent code: the comparison is computed with
/// arithmetic, never with a compare-and-branch the compiler might emit for
/// `==` feeding `&&` or `if`.
package enum ConstantTime {
    /// Whether `a` equals `b`: (d | −d) has its top bit set exactly when d = a ⊕ b ≠ 0.
    @inlinable @inline(__always)
    package static func isEqual(_ a: UInt, _ b: UInt) -> Bool {
        let difference = a ^ b
        return (difference | (0 &- difference)) >> UInt(UInt.bitWidth - 1) == 0
    }

    /// Whether `a` equals `b`, for signed digits.
    @inlinable @inline(__always)
    package static func isEqual(_ a: Int, _ b: Int) -> Bool {
        isEqual(UInt(bitPattern: a), UInt(bitPattern: b))
    }

    /// 1 when `condition`, else 0, as a word (for masks: 0 &- word).
    @inlinable @inline(__always)
    package static func word(_ condition: Bool) -> UInt {
        UInt(unsafeBitCast(condition, to: UInt8.self))
    }
}
