import CValueBarrier
import Octets
/// Arithmetic modulo a fixed odd prime of 193 to 256 bits on four 64-bit
/// limbs: the fast path for NIST P-256's coordinates and scalars (RFC 6507
/// §2: ECCSI works over P-256's p and q).
///
/// It is the fixed-width twin of `PrimeField`: the same Montgomery
/// representation (R = 2²⁵⁶, so an element here and in a `PrimeField` of the
/// same modulus have the same limbs), but the hot operations are written out
/// for exactly four limbs with `multipliedFullWidth` (operand scanning
/// then word-by-word Montgomery reduction) and are `@inlinable`, so that the curve code above
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
    /// Whether p is NIST P-256's prime, whose limbs make most REDC products
    /// free (see ``reductionRound(_:_:_:_:_:pending:)``).
    @usableFromInline let isP256Prime: Bool
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
        isP256Prime = p == FieldElement256(Self.p256Limb0, Self.p256Limb1, 0, Self.p256Limb3)
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
        let reduced: BigUInt
        do { reduced = try value.modulo(modulus) } catch { preconditionFailure("a field's modulus is an odd prime, never 0") }
        return multiply(Self.words(of: reduced), rSquared)
    }

    /// The element `value mod p` of a 32-octet big-endian `value` (a hash or
    /// a coordinate read as an integer, as RFC 6507 reads HS, HE and r), with
    /// no heap allocation and in constant time: for a modulus above 2²⁵⁵ (P-256's
    /// p and q) one masked subtraction of p reduces any 256-bit value.
    ///
    /// - Precondition: 32 octets and p > 2²⁵⁵.
    package func element(reducing32Octets bytes: [UInt8]) -> FieldElement256 {
        precondition(bytes.count == 32 && p.l3 >> 63 == 1, "a 32-octet value and a modulus above 2^255")
        var value = bytes.withUnsafeBytes { raw in
            // Big-endian words, the most significant first.
            FieldElement256(
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
        }
        defer { value.wipe() }
        // value − p borrows exactly when value < p: keep value then, else the difference.
        let (difference, borrow) = Self.subtractWithBorrow(value, p)
        return multiply(Self.select(difference, value, mask: 0 &- borrow), rSquared)
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
        // Walk the octets in place from the least significant: no reversed
        // copy of a secret is made (Sequence.reversed() would allocate one).
        for (position, byte) in bytes.enumerated() {
            let index = byteCount - 1 - position
            words[index / 8] |= UInt64(byte) << (8 * UInt64(index % 8))
        }
        var value = FieldElement256(words[0], words[1], words[2], words[3])
        defer { value.wipe() }
        // value − p borrows exactly when value < p. Whether it does is public
        // even for a secret value: the caller sees it as this call throwing.
        let (_, borrow) = Self.subtractWithBorrow(value, p)
        guard ConstantTimeValidation.declassify(borrow) == 1 else { throw BigNumError.notAFieldElement }
        return multiply(value, rSquared)
    }

    /// The plain value of `element` (out of Montgomery form) as four limbs,
    /// least significant first, for scalar recoding and serialization.
    @inlinable
    package func canonicalWords(_ element: FieldElement256) -> (UInt64, UInt64, UInt64, UInt64) {
        let plain = multiply(element, FieldElement256(1, 0, 0, 0))
        return (plain.l0, plain.l1, plain.l2, plain.l3)
    }

    /// The element of a plain value given as four limbs, least significant
    /// first, which the caller knows to be below p.
    package func element(canonicalWords words: (UInt64, UInt64, UInt64, UInt64)) -> FieldElement256 {
        multiply(FieldElement256(words.0, words.1, words.2, words.3), rSquared)
    }

    /// Plain 256-bit a + b modulo 2²⁵⁶ (limbs least significant first), for
    /// integer arithmetic elsewhere in the package.
    package static func wrappingAdd(
        _ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64)
    ) -> (UInt64, UInt64, UInt64, UInt64) {
        let (sum, _) = addWithCarry(FieldElement256(a.0, a.1, a.2, a.3), FieldElement256(b.0, b.1, b.2, b.3))
        return (sum.l0, sum.l1, sum.l2, sum.l3)
    }

    /// Plain 256-bit a − b modulo 2²⁵⁶.
    package static func wrappingSubtract(
        _ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64)
    ) -> (UInt64, UInt64, UInt64, UInt64) {
        let (difference, _) = subtractWithBorrow(FieldElement256(a.0, a.1, a.2, a.3), FieldElement256(b.0, b.1, b.2, b.3))
        return (difference.l0, difference.l1, difference.l2, difference.l3)
    }

    /// p's four limbs, least significant first.
    package var modulusWords: (UInt64, UInt64, UInt64, UInt64) { (p.l0, p.l1, p.l2, p.l3) }

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

    /// a·b·R⁻¹ mod p: the Montgomery product (the sixteen limb products by
    /// rows, then four reduction rounds), constant time.
    @inlinable @inline(__always)
    public func multiply(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        var w = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        (w.0, w.1, w.2, w.3, w.4) = Self.multiplyRow(a, b.l0, w.0, w.1, w.2, w.3)
        (w.1, w.2, w.3, w.4, w.5) = Self.multiplyRow(a, b.l1, w.1, w.2, w.3, w.4)
        (w.2, w.3, w.4, w.5, w.6) = Self.multiplyRow(a, b.l2, w.2, w.3, w.4, w.5)
        (w.3, w.4, w.5, w.6, w.7) = Self.multiplyRow(a, b.l3, w.3, w.4, w.5, w.6)
        return montgomeryReduce(w)
    }

    /// (x0 … x3) + a·word as five limbs.
    @inlinable @inline(__always)
    static func multiplyRow(
        _ a: FieldElement256, _ word: UInt64, _ x0: UInt64, _ x1: UInt64, _ x2: UInt64, _ x3: UInt64
    ) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        let (y0, c0) = multiplyAdd(x0, a.l0, word, 0)
        let (y1, c1) = multiplyAdd(x1, a.l1, word, c0)
        let (y2, c2) = multiplyAdd(x2, a.l2, word, c1)
        let (y3, y4) = multiplyAdd(x3, a.l3, word, c2)
        return (y0, y1, y2, y3, y4)
    }

    /// a²: the ten distinct limb products (six cross products, doubled, and
    /// four squares) then four Montgomery reduction rounds; constant time.
    @inlinable @inline(__always)
    public func square(_ a: FieldElement256) -> FieldElement256 {
        var carry: UInt64
        // Cross products a_i·a_j, i < j, at limbs 1 … 6.
        var r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64
        (r1, carry) = Self.multiplyAdd(0, a.l0, a.l1, 0)
        (r2, carry) = Self.multiplyAdd(0, a.l0, a.l2, carry)
        (r3, r4) = Self.multiplyAdd(0, a.l0, a.l3, carry)
        (r3, carry) = Self.multiplyAdd(r3, a.l1, a.l2, 0)
        (r4, r5) = Self.multiplyAdd(r4, a.l1, a.l3, carry)
        (r5, r6) = Self.multiplyAdd(r5, a.l2, a.l3, 0)
        // Doubled.
        let r7 = r6 >> 63
        r6 = (r6 << 1) | (r5 >> 63)
        r5 = (r5 << 1) | (r4 >> 63)
        r4 = (r4 << 1) | (r3 >> 63)
        r3 = (r3 << 1) | (r2 >> 63)
        r2 = (r2 << 1) | (r1 >> 63)
        r1 <<= 1
        // Plus the squares a_i² at limbs 2i, 2i + 1.
        let s0 = a.l0.multipliedFullWidth(by: a.l0), s1 = a.l1.multipliedFullWidth(by: a.l1)
        let s2 = a.l2.multipliedFullWidth(by: a.l2), s3 = a.l3.multipliedFullWidth(by: a.l3)
        var wide = (s0.low, UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        (wide.1, carry) = Self.addWithCarryIn(r1, s0.high, 0)
        (wide.2, carry) = Self.addWithCarryIn(r2, s1.low, carry)
        (wide.3, carry) = Self.addWithCarryIn(r3, s1.high, carry)
        (wide.4, carry) = Self.addWithCarryIn(r4, s2.low, carry)
        (wide.5, carry) = Self.addWithCarryIn(r5, s2.high, carry)
        (wide.6, carry) = Self.addWithCarryIn(r6, s3.low, carry)
        (wide.7, _) = Self.addWithCarryIn(r7, s3.high, carry)
        return montgomeryReduce(wide)
    }

    /// a + b + carry (carry 0 or 1) and the carry out.
    @inlinable @inline(__always)
    static func addWithCarryIn(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        let (sum, overflow1) = a.addingReportingOverflow(b)
        let (total, overflow2) = sum.addingReportingOverflow(carry)
        return (total, bit(overflow1) | bit(overflow2))
    }

    /// REDC of an eight-limb value below p·2²⁵⁶: value·2⁻²⁵⁶ mod p, fully reduced.
    @inlinable @inline(__always)
    func montgomeryReduce(_ wide: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) -> FieldElement256 {
        var w = wide
        var pending: UInt64 = 0
        // Round i clears limb i and adds its carry chain at limb i + 4; the carry
        // out of limb i + 4 waits for round i + 1, which writes limb i + 5.
        (w.1, w.2, w.3, w.4, pending) = reductionRound(w.0, w.1, w.2, w.3, w.4, pending: 0)
        (w.2, w.3, w.4, w.5, pending) = reductionRound(w.1, w.2, w.3, w.4, w.5, pending: pending)
        (w.3, w.4, w.5, w.6, pending) = reductionRound(w.2, w.3, w.4, w.5, w.6, pending: pending)
        (w.4, w.5, w.6, w.7, pending) = reductionRound(w.3, w.4, w.5, w.6, w.7, pending: pending)
        return reduceOnce(FieldElement256(w.4, w.5, w.6, w.7), carry: pending)
    }

    /// One REDC round on limbs x0 … x4: adds m·p with m = x0·(−p⁻¹) so that
    /// x0 becomes 0; returns the new x1 … x4 and the carry out of x4.
    @inlinable @inline(__always)
    func reductionRound(
        _ x0: UInt64, _ x1: UInt64, _ x2: UInt64, _ x3: UInt64, _ x4: UInt64, pending: UInt64
    ) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        var carry: UInt64
        var y1: UInt64, y2: UInt64, y3: UInt64
        if isP256Prime {
            // m = x0; x0 + m·(2⁶⁴ − 1) = m·2⁶⁴; limb 2 of p is 0.
            (y1, carry) = Self.multiplyAdd(x1, x0, Self.p256Limb1, x0)
            (y2, carry) = Self.addWithCarryIn(x2, carry, 0)
            (y3, carry) = Self.multiplyAdd(x3, x0, Self.p256Limb3, carry)
        } else {
            let m = x0 &* inverseFactor
            (_, carry) = Self.multiplyAdd(x0, m, p.l0, 0)
            (y1, carry) = Self.multiplyAdd(x1, m, p.l1, carry)
            (y2, carry) = Self.multiplyAdd(x2, m, p.l2, carry)
            (y3, carry) = Self.multiplyAdd(x3, m, p.l3, carry)
        }
        let (y4, carryOut) = Self.addWithCarryIn(x4, carry, pending)
        return (y1, y2, y3, y4, carryOut)
    }

    /// P-256's p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1 as limbs (limb 2 is 0).
    @usableFromInline static let p256Limb0: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    @usableFromInline static let p256Limb1: UInt64 = 0x0000_0000_FFFF_FFFF
    @usableFromInline static let p256Limb3: UInt64 = 0xFFFF_FFFF_0000_0001


    /// t + a·b + carry as (low, high): never overflows 128 bits.
    ///
    /// Where the standard library's `UInt128` is available without an OS
    /// version check (Linux, Windows), the sum is one 128-bit expression, which
    /// the compiler turns into mul/add/adc with no flag juggling (about 20 %
    /// faster Montgomery products, measured); elsewhere `multipliedFullWidth`
    /// and two overflow-reporting additions.
    @inlinable @inline(__always)
    static func multiplyAdd(_ t: UInt64, _ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
        #if canImport(Darwin)
        let product = a.multipliedFullWidth(by: b)
        let (low, overflow1) = product.low.addingReportingOverflow(t)
        let (sum, overflow2) = low.addingReportingOverflow(carry)
        return (sum, product.high &+ bit(overflow1) &+ bit(overflow2))
        #else
        let sum = UInt128(a) &* UInt128(b) &+ UInt128(t) &+ UInt128(carry)
        return (UInt64(truncatingIfNeeded: sum), UInt64(truncatingIfNeeded: sum >> 64))
        #endif
    }

    @inlinable @inline(__always)
    static func bit(_ flag: Bool) -> UInt64 {
        UInt64(unsafeBitCast(flag, to: UInt8.self))
    }

    /// a − b over four limbs and the final borrow (0 or 1).
    @inlinable @inline(__always)
    static func subtractWithBorrow(_ a: FieldElement256, _ b: FieldElement256) -> (FieldElement256, UInt64) {
        limbwise(a, b, subtractWithBorrowIn)
    }

    /// a + b over four limbs and the final carry (0 or 1).
    @inlinable @inline(__always)
    static func addWithCarry(_ a: FieldElement256, _ b: FieldElement256) -> (FieldElement256, UInt64) {
        limbwise(a, b, addWithCarryIn)
    }

    /// Runs a carry (or borrow) chain of `step` over the four limb pairs.
    @inlinable @inline(__always)
    static func limbwise(
        _ a: FieldElement256, _ b: FieldElement256, _ step: (UInt64, UInt64, UInt64) -> (UInt64, UInt64)
    ) -> (FieldElement256, UInt64) {
        let (r0, c0) = step(a.l0, b.l0, 0)
        let (r1, c1) = step(a.l1, b.l1, c0)
        let (r2, c2) = step(a.l2, b.l2, c1)
        let (r3, c3) = step(a.l3, b.l3, c2)
        return (FieldElement256(r0, r1, r2, r3), c3)
    }

    /// a − b − borrow (borrow 0 or 1) and the borrow out.
    @inlinable @inline(__always)
    static func subtractWithBorrowIn(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
        let (difference, overflow1) = a.subtractingReportingOverflow(b)
        let (result, overflow2) = difference.subtractingReportingOverflow(borrow)
        return (result, bit(overflow1) | bit(overflow2))
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
    ///
    /// The mask goes through `value_barrier_u64` first (an empty inline
    /// assembly statement, BoringSSL's value barrier): without it LLVM knows
    /// that a mask made from a `Bool` is 0 or all ones and may compile the
    /// blend as a branch. It did, in P-256's fixed-base comb, whose 16-entry
    /// scan became a compare-and-jump per entry on the secret digit (found by
    /// Scripts/check-constant-time.sh).
    @inlinable @inline(__always)
    static func select(_ whenClear: FieldElement256, _ whenSet: FieldElement256, mask: UInt64) -> FieldElement256 {
        let mask = value_barrier_u64(mask)
        return FieldElement256(
            whenClear.l0 ^ ((whenClear.l0 ^ whenSet.l0) & mask),
            whenClear.l1 ^ ((whenClear.l1 ^ whenSet.l1) & mask),
            whenClear.l2 ^ ((whenClear.l2 ^ whenSet.l2) & mask),
            whenClear.l3 ^ ((whenClear.l3 ^ whenSet.l3) & mask))
    }

    /// `b` if `condition`, else `a`, without a branch on `condition`.
    @inlinable @inline(__always)
    public func select(_ a: FieldElement256, _ b: FieldElement256, if condition: Bool) -> FieldElement256 {
        Self.select(a, b, mask: 0 &- Self.bit(condition))
    }

    @inlinable @inline(__always)
    public func add(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        let (sum, carry) = Self.addWithCarry(a, b)
        return reduceOnce(sum, carry: carry)
    }

    /// 2a.
    @inlinable @inline(__always)
    public func double(_ a: FieldElement256) -> FieldElement256 {
        add(a, a)
    }

    @inlinable @inline(__always)
    public func subtract(_ a: FieldElement256, _ b: FieldElement256) -> FieldElement256 {
        let (difference, borrow) = Self.subtractWithBorrow(a, b)
        let correction = Self.select(zero, p, mask: 0 &- borrow)
        return Self.addWithCarry(difference, correction).0
    }

    /// −a.
    @inlinable @inline(__always)
    public func negate(_ a: FieldElement256) -> FieldElement256 {
        subtract(zero, a)
    }

    /// −a if `condition`, else a, without a branch on `condition`.
    @inlinable @inline(__always)
    public func negate(_ a: FieldElement256, if condition: Bool) -> FieldElement256 {
        select(a, negate(a), if: condition)
    }

    /// Whether `a` is 0, in constant time.
    @inlinable @inline(__always)
    public func isZero(_ a: FieldElement256) -> Bool {
        (a.l0 | a.l1 | a.l2 | a.l3) == 0
    }

    /// a⁻¹ = a^(p−2) (Fermat), in time independent of a: the exponent is the
    /// public constant p − 2, processed in fixed 4-bit windows.
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverse(_ a: FieldElement256) throws -> FieldElement256 {
        // Whether a is 0 is public: the caller sees it as this call throwing.
        guard !ConstantTimeValidation.declassify(isZero(a)) else { throw BigNumError.notInvertible }
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
        // Whether b is 0 is public: the caller sees it as this call throwing.
        guard !ConstantTimeValidation.declassify(isZero(b)) else { throw BigNumError.notInvertible }
        // a·b is uniform and independent of a for uniform nonzero b (the
        // secret b itself stays secret): public by design, so the variable-time
        // inversion may see it. Its zero test there reveals whether a = 0.
        let blinded = ConstantTimeValidation.declassify(multiply(a, b))
        return multiply(b, try inverseVartime(blinded))
    }

    /// A uniformly random nonzero element (rejection sampling over 256-bit
    /// words): for blinding and for secret nonces.
    public func randomNonzeroElement(using generator: inout some RandomNumberGenerator) -> FieldElement256 {
        let topMask: UInt64 = bitWidth == 256 ? .max : (1 << UInt64(bitWidth - 192)) - 1
        while true {
            let candidate = FieldElement256(generator.next(), generator.next(), generator.next(), generator.next() & topMask)
            // Rejection depends only on the discarded candidate: whether a
            // candidate is accepted is public (as in BoringSSL's
            // bn_rand_range_words); the accepted value stays secret.
            let accepted = Self.subtractWithBorrow(candidate, p).1 == 1 && !isZero(candidate)
            if ConstantTimeValidation.declassify(accepted) {
                // A uniform value below p is also uniform in Montgomery form.
                return candidate
            }
        }
    }
}
