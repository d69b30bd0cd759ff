/// Arithmetic modulo a fixed odd prime of 193 to 256 bits on four 64-bit
/// limbs: the fast path for NIST P-256's coordinates and scalars (RFC 6507
/// §2: ECCSI works over P-256's p and q).
///
/// It is the fixed-width twin of `PrimeField`: the same Montgomery
/// representation (R = 2²⁵⁶, so an element here and in a `PrimeField` of the
/// same modulus have the same limbs), but the hot operations are written out
/// for exactly four limbs with `multipliedFullWidth` (coarsely integrated
/// operand scanning, CIOS) and are `@inlinable`, so that the curve code above
/// compiles them into its own loops: no calls into GMP, no allocation, no
/// loops over a limb count. Slow, rare operations (variable-time inversion,
/// conversions to and from `BigUInt`) go through the generic `PrimeField`.
///
/// Timing: every operation runs in time independent of the values, except
/// those named `…Vartime`. Build a field once and share it (immutable, `Sendable`).
public final class PrimeField256: Sendable {
    /// p.
    public let modulus: BigUInt
    /// The number of bits of p.
    public let bitWidth: Int
    /// The number of octets of an element's fixed-length encoding: ⌈bits(p)/8⌉.
    public let byteCount: Int

    /// p's limbs (plain, not Montgomery form).
    @usableFromInline let p: FieldElement256
    /// −p⁻¹ mod 2⁶⁴, the REDC constant.
    @usableFromInline let inverseFactor: UInt64
    /// R² mod p: multiplying by it enters Montgomery form.
    @usableFromInline let rSquared: FieldElement256
    /// The same modulus in the generic engine, for the rare slow operations.
    private let generic: PrimeField
    /// p − 2, the Fermat exponent of `inverse`, as 64 four-bit digits, most significant first.
    private let inverseExponentDigits: [Int]

    /// 0 and 1 of the field.
    public let zero = FieldElement256(0, 0, 0, 0)
    public let one: FieldElement256

    /// A field modulo `modulus`.
    ///
    /// - Throws: `BigNumError.invalidFieldModulus` unless the modulus is an odd
    ///   prime of 193 to 256 bits (four limbs exactly).
    public init(modulus: BigUInt) throws {
        guard modulus.bitWidth > 192, modulus.bitWidth <= 256 else { throw BigNumError.invalidFieldModulus }
        generic = try PrimeField(modulus: modulus)
        self.modulus = modulus
        bitWidth = modulus.bitWidth
        byteCount = (bitWidth + 7) / 8
        p = FieldElement256(
            UInt64(modulus.limb(0)), UInt64(modulus.limb(1)), UInt64(modulus.limb(2)), UInt64(modulus.limb(3)))
        inverseFactor = UInt64(generic.kernel.inverseFactor)
        rSquared = Self.words(of: try (BigUInt(1) << 512).modulo(modulus))
        one = Self.words(of: try (BigUInt(1) << 256).modulo(modulus))
        let exponent = modulus - 2
        inverseExponentDigits = (0 ..< 64).reversed().map { exponent.bits(at: 4 * $0, count: 4) }
    }

    private static func words(of value: BigUInt) -> FieldElement256 {
        FieldElement256(UInt64(value.limb(0)), UInt64(value.limb(1)), UInt64(value.limb(2)), UInt64(value.limb(3)))
    }

    // MARK: - Conversions

    /// The element with value `value`.
    ///
    /// - Throws: `BigNumError.notAFieldElement` unless `value < p`.
    public func element(_ value: BigUInt) throws -> FieldElement256 {
        guard value < modulus else { throw BigNumError.notAFieldElement }
        return multiply(Self.words(of: value), rSquared)
    }

    /// The element `value mod p`.
    public func element(reducing value: BigUInt) -> FieldElement256 {
        // p is not zero, so the reduction cannot fail.
        let reduced = (try? value.modulo(modulus)) ?? BigUInt()
        return multiply(Self.words(of: reduced), rSquared)
    }

    /// The element of a machine-word value, reduced mod p.
    public func element(word value: UInt64) -> FieldElement256 {
        element(reducing: BigUInt(UInt(value)))
    }

    /// OS2FEP: the element whose fixed-length big-endian encoding is `bytes`,
    /// read and range-checked in constant time.
    ///
    /// - Throws: `BigNumError.invalidLength` unless exactly `byteCount` octets;
    ///   `BigNumError.notAFieldElement` unless the value is below p.
    public func element(bigEndianBytes bytes: some Collection<UInt8>) throws -> FieldElement256 {
        guard bytes.count == byteCount else {
            throw BigNumError.invalidLength(expected: byteCount, actual: bytes.count)
        }
        var words: [UInt64] = [0, 0, 0, 0]
        defer { words.wipe() }
        for (index, byte) in bytes.reversed().enumerated() {
            words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        var value = FieldElement256(words[0], words[1], words[2], words[3])
        defer { value.wipe() }
        // value − p borrows exactly when value < p.
        let (_, borrow) = Self.subtractWithBorrow(value, p)
        guard borrow == 1 else { throw BigNumError.notAFieldElement }
        return multiply(value, rSquared)
    }

    /// The plain value of `element` (out of Montgomery form) as four limbs,
    /// least significant first, for scalar recoding and serialization.
    @inlinable
    package func canonicalWords(_ element: FieldElement256) -> (UInt64, UInt64, UInt64, UInt64) {
        let plain = multiply(element, FieldElement256(1, 0, 0, 0))
        return (plain.l0, plain.l1, plain.l2, plain.l3)
    }

    /// The integer value of `element`, in `0 ..< p`.
    public func integer(_ element: FieldElement256) -> BigUInt {
        var encoded = bytes(element)
        defer { encoded.wipe() }
        return BigUInt(bigEndianBytes: encoded)
    }

    /// FE2OSP: `element` as exactly `byteCount` big-endian octets.
    public func bytes(_ element: FieldElement256) -> [UInt8] {
        var words = canonicalWords(element)
        defer { withUnsafeMutableBytes(of: &words) { secureZero($0.baseAddress!, count: $0.count) } }
        var output = [UInt8](repeating: 0, count: byteCount)
        withUnsafeBytes(of: words) { raw in
            let limbs = raw.assumingMemoryBound(to: UInt64.self)
            for index in 0 ..< byteCount {
                output[byteCount - 1 - index] = UInt8(truncatingIfNeeded: limbs[index / 8] >> (8 * UInt64(index % 8)))
            }
        }
        return output
    }

    // MARK: - Arithmetic

    /// a·b·R⁻¹ mod p: the Montgomery product (CIOS, four limbs, constant time).
    @inlinable
    public func multiply(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        var t = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        multiplyRow(&t, a, b.l0)
        multiplyRow(&t, a, b.l1)
        multiplyRow(&t, a, b.l2)
        multiplyRow(&t, a, b.l3)
        return reduceOnce(FieldElement256(t.0, t.1, t.2, t.3), carry: t.4)
    }

    /// a².
    @inlinable
    public func square(_ a: FieldElement256) -> FieldElement256 {
        multiply(a, a)
    }

    /// One CIOS row: t = (t + a·word + m·p) / 2⁶⁴ with m chosen to clear the low limb.
    /// t stays below 2p.
    @inlinable @inline(__always)
    func multiplyRow(_ t: inout (UInt64, UInt64, UInt64, UInt64, UInt64), _ a: FieldElement256, _ word: UInt64) {
        var carry: UInt64
        (t.0, carry) = Self.multiplyAdd(t.0, a.l0, word, 0)
        (t.1, carry) = Self.multiplyAdd(t.1, a.l1, word, carry)
        (t.2, carry) = Self.multiplyAdd(t.2, a.l2, word, carry)
        (t.3, carry) = Self.multiplyAdd(t.3, a.l3, word, carry)
        let (top, topCarry) = t.4.addingReportingOverflow(carry)
        let m = t.0 &* inverseFactor
        (_, carry) = Self.multiplyAdd(t.0, m, p.l0, 0)
        (t.0, carry) = Self.multiplyAdd(t.1, m, p.l1, carry)
        (t.1, carry) = Self.multiplyAdd(t.2, m, p.l2, carry)
        (t.2, carry) = Self.multiplyAdd(t.3, m, p.l3, carry)
        let (sum, sumCarry) = top.addingReportingOverflow(carry)
        t.3 = sum
        t.4 = Self.bit(topCarry) &+ Self.bit(sumCarry)
    }

    /// t + a·b + carry as (low, high): never overflows 128 bits.
    @inlinable @inline(__always)
    static func multiplyAdd(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let product = a.multipliedFullWidth(by: b)
        let (low, overflow1) = product.low.addingReportingOverflow(t)
        let (sum, overflow2) = low.addingReportingOverflow(carry)
        return (sum, product.high &+ bit(overflow1) &+ bit(overflow2))
    }

    @inlinable @inline(__always)
    static func bit(_ flag: Bool) -> UInt64 {
        UInt64(unsafeBitCast(flag, to: UInt8.self))
    }

    /// a − b over four limbs and the final borrow (0 or 1).
    @inlinable @inline(__always)
    static func subtractWithBorrow(_ a: FieldElement256, _ b: FieldElement256) -> (FieldElement256, UInt64) {
        let (d0, o0) = a.l0.subtractingReportingOverflow(b.l0)
        let (e1, o1) = a.l1.subtractingReportingOverflow(b.l1)
        let (d1, p1) = e1.subtractingReportingOverflow(bit(o0))
        let (e2, o2) = a.l2.subtractingReportingOverflow(b.l2)
        let (d2, p2) = e2.subtractingReportingOverflow(bit(o1) | bit(p1))
        let (e3, o3) = a.l3.subtractingReportingOverflow(b.l3)
        let (d3, p3) = e3.subtractingReportingOverflow(bit(o2) | bit(p2))
        return (FieldElement256(d0, d1, d2, d3), bit(o3) | bit(p3))
    }

    /// a + b over four limbs and the final carry (0 or 1).
    @inlinable @inline(__always)
    static func addWithCarry(_ a: FieldElement256, _ b: FieldElement256) -> (FieldElement256, UInt64) {
        let (s0, o0) = a.l0.addingReportingOverflow(b.l0)
        let (e1, o1) = a.l1.addingReportingOverflow(b.l1)
        let (s1, p1) = e1.addingReportingOverflow(bit(o0))
        let (e2, o2) = a.l2.addingReportingOverflow(b.l2)
        let (s2, p2) = e2.addingReportingOverflow(bit(o1) | bit(p1))
        let (e3, o3) = a.l3.addingReportingOverflow(b.l3)
        let (s3, p3) = e3.addingReportingOverflow(bit(o2) | bit(p2))
        return (FieldElement256(s0, s1, s2, s3), bit(o3) | bit(p3))
    }

    /// `value` + carry·2²⁵⁶ lies below 2p; the result is below p.
    @inlinable @inline(__always)
    func reduceOnce(_ value: FieldElement256, carry: UInt64) -> FieldElement256 {
        let (difference, borrow) = Self.subtractWithBorrow(value, p)
        // Keep the difference when the value overflowed four limbs or is at least p.
        let useDifference = carry | (borrow ^ 1)
        return Self.select(value, difference, mask: 0 &- useDifference)
    }

    /// `whenClear` where `mask` is 0, `whenSet` where it is all ones; constant time.
    @inlinable @inline(__always)
    static func select(_ whenClear: FieldElement256, _ whenSet: FieldElement256, mask: UInt64) -> FieldElement256 {
        FieldElement256(
            whenClear.l0 ^ ((whenClear.l0 ^ whenSet.l0) & mask),
            whenClear.l1 ^ ((whenClear.l1 ^ whenSet.l1) & mask),
            whenClear.l2 ^ ((whenClear.l2 ^ whenSet.l2) & mask),
            whenClear.l3 ^ ((whenClear.l3 ^ whenSet.l3) & mask))
    }

    /// `b` if `condition`, else `a`, without a branch on `condition`.
    @inlinable
    public func select(_ a: FieldElement256, _ b: FieldElement256, if condition: Bool) -> FieldElement256 {
        Self.select(a, b, mask: 0 &- Self.bit(condition))
    }

    @inlinable
    public func add(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        let (sum, carry) = Self.addWithCarry(a, b)
        return reduceOnce(sum, carry: carry)
    }

    /// 2a.
    @inlinable
    public func double(_ a: FieldElement256) -> FieldElement256 {
        add(a, a)
    }

    @inlinable
    public func subtract(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        let (difference, borrow) = Self.subtractWithBorrow(a, b)
        let correction = Self.select(zero, p, mask: 0 &- borrow)
        return Self.addWithCarry(difference, correction).0
    }

    /// −a.
    @inlinable
    public func negate(_ a: FieldElement256) -> FieldElement256 {
        subtract(zero, a)
    }

    /// −a if `condition`, else a, without a branch on `condition`.
    @inlinable
    public func negate(_ a: FieldElement256, if condition: Bool) -> FieldElement256 {
        select(a, negate(a), if: condition)
    }

    /// Whether `a` is 0, in constant time.
    @inlinable
    public func isZero(_ a: FieldElement256) -> Bool {
        (a.l0 | a.l1 | a.l2 | a.l3) == 0
    }

    /// a⁻¹ = a^(p−2) (Fermat), in time independent of a: the exponent is the
    /// public constant p − 2, processed in fixed 4-bit windows.
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverse(_ a: FieldElement256) throws -> FieldElement256 {
        guard !isZero(a) else { throw BigNumError.notInvertible }
        return withUnsafeTemporaryAllocation(of: FieldElement256.self, capacity: 16) { table in
            defer { secureZero(UnsafeMutableRawPointer(table.baseAddress!), count: 16 * MemoryLayout<FieldElement256>.stride) }
            table.initialize(repeating: one)
            for k in 1 ..< 16 { table[k] = multiply(table[k - 1], a) }
            var accumulator = one
            for digit in inverseExponentDigits {
                accumulator = square(square(square(square(accumulator))))
                // The digit is of the public exponent, so indexing by it leaks nothing.
                accumulator = multiply(accumulator, table[digit])
            }
            return accumulator
        }
    }

    /// a⁻¹ by the extended Euclidean algorithm (GMP `mpn_gcdext`): several
    /// times faster than ``inverse(_:)`` but its time depends on `a`. Only for
    /// public values, or blinded ones (see ``inverse(_:blindedBy:)``).
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverseVartime(_ a: FieldElement256) throws -> FieldElement256 {
        // Same modulus, same R: the generic engine's limbs are these limbs.
        var limbs = Limbs()
        limbs.withMutablePointer { pointer in
            pointer[0] = UInt(a.l0)
            pointer[1] = UInt(a.l1)
            pointer[2] = UInt(a.l2)
            pointer[3] = UInt(a.l3)
        }
        let inverse = try generic.inverseVartime(FieldElement(limbs: limbs))
        return inverse.limbs.withPointer { pointer in
            FieldElement256(UInt64(pointer[0]), UInt64(pointer[1]), UInt64(pointer[2]), UInt64(pointer[3]))
        }
    }

    /// a⁻¹ computed as b·(a·b)⁻¹ with a variable-time inversion of a·b: for a
    /// uniformly random nonzero blinding factor b, a·b is uniform and
    /// independent of a, so the inversion's timing says nothing about a.
    /// Much faster than the Fermat ``inverse(_:)``.
    ///
    /// - Throws: `BigNumError.notInvertible` when a or b is 0.
    public func inverse(_ a: FieldElement256, blindedBy b: FieldElement256) throws -> FieldElement256 {
        guard !isZero(b) else { throw BigNumError.notInvertible }
        return multiply(b, try inverseVartime(multiply(a, b)))
    }

    /// A uniformly random nonzero element (rejection sampling over 256-bit
    /// words): for blinding and for secret nonces.
    public func randomNonzeroElement(using generator: inout some RandomNumberGenerator) -> FieldElement256 {
        let topMask: UInt64 = bitWidth == 256 ? .max : (1 << UInt64(bitWidth - 192)) - 1
        while true {
            let candidate = FieldElement256(generator.next(), generator.next(), generator.next(), generator.next() & topMask)
            // Rejection depends only on the discarded candidate.
            if Self.subtractWithBorrow(candidate, p).1 == 1, !isZero(candidate) {
                // A uniform value below p is also uniform in Montgomery form.
                return candidate
            }
        }
    }
}
