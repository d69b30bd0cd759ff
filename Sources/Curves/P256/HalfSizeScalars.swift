import BigNum

/// Two-dimensional lattice reduction for checks of the form L = [h]P (Antipa,
/// Brown, Gallant, Lambert, Struik, Vanstone, "Accelerated verification of
/// ECDSA signatures", SAC 2005): a, b with a ≡ b·h (mod q), 0 ≤ a < 2¹²⁸ and
/// 0 < |b| < 2¹²⁸, from the extended Euclidean algorithm on (q, h) stopped
/// halfway. Then L = [h]P exactly when [b]L = [a]P (b is invertible mod q),
/// a check with half-length scalars: 128 doublings instead of 256.
///
/// Variable time: for public inputs only.
enum HalfSizeScalars {
    /// A 256-bit unsigned integer as four limbs, least significant first.
    typealias Words = (UInt64, UInt64, UInt64, UInt64)

    /// (a, |b|, b < 0) for h in 1 … q − 1 and q = P-256's group order; nil in
    /// the rare case of a quotient of 2⁶⁴ or more (h very small or very close
    /// to a small multiple of an earlier remainder), where the caller falls
    /// back to the full-length check.
    static func decompose(_ h: Words) -> (a: Words, b: Words, bIsNegative: Bool)? {
        let (q0, q1, q2, q3) = P256.scalars.modulusWords
        var previous: Words = (q0, q1, q2, q3), current = h
        var previousCofactor: Words = (0, 0, 0, 0), currentCofactor: Words = (1, 0, 0, 0)
        // The cofactor of r_k is (−1)^(k+1)·|t_k|, starting at k = 1.
        var index = 1
        while current.2 != 0 || current.3 != 0 {
            guard let (quotient, remainder) = divide(previous, by: current) else { return nil }
            let next = add(previousCofactor, multiply(currentCofactor, by: quotient))
            (previous, current) = (current, remainder)
            (previousCofactor, currentCofactor) = (currentCofactor, next)
            index += 1
        }
        return (current, currentCofactor, index % 2 == 0)
    }

    // MARK: - Four-limb arithmetic (values and quotients here stay below 2²⁵⁶)

    static func bitLength(_ x: Words) -> Int {
        if x.3 != 0 { return 256 - x.3.leadingZeroBitCount }
        if x.2 != 0 { return 192 - x.2.leadingZeroBitCount }
        if x.1 != 0 { return 128 - x.1.leadingZeroBitCount }
        return 64 - x.0.leadingZeroBitCount
    }

    static func isLess(_ x: Words, _ y: Words) -> Bool {
        if x.3 != y.3 { return x.3 < y.3 }
        if x.2 != y.2 { return x.2 < y.2 }
        if x.1 != y.1 { return x.1 < y.1 }
        return x.0 < y.0
    }

    /// The 64 bits of x from bit `shift` up (zeros above bit 255).
    static func bits(_ x: Words, from shift: Int) -> UInt64 {
        withUnsafeBytes(of: x) { raw in
            let limbs = raw.assumingMemoryBound(to: UInt64.self)
            let index = shift / 64, offset = UInt64(shift % 64)
            let low = limbs[index] >> offset
            guard offset != 0, index + 1 < 4 else { return low }
            return low | limbs[index + 1] << (64 - offset)
        }
    }

    static func subtract(_ x: Words, _ y: Words) -> Words {
        PrimeField256.wrappingSubtract(x, y)
    }

    static func add(_ x: Words, _ y: Words) -> Words {
        PrimeField256.wrappingAdd(x, y)
    }

    static func multiply(_ x: Words, by factor: UInt64) -> Words {
        let p0 = x.0.multipliedFullWidth(by: factor), p1 = x.1.multipliedFullWidth(by: factor)
        let p2 = x.2.multipliedFullWidth(by: factor), p3 = x.3.multipliedFullWidth(by: factor)
        return add((p0.low, p1.low, p2.low, p3.low), (0, p0.high, p1.high, p2.high))
    }

    /// ⌊x / y⌋ and x mod y for x ≥ y > 0: a quotient estimate from the leading
    /// 64 bits, corrected upwards (a few steps at most); quotients of 2³¹ or
    /// more (rare in Euclid's algorithm) go through GMP; nil when the quotient
    /// needs more than 64 bits.
    static func divide(_ x: Words, by y: Words) -> (UInt64, Words)? {
        let xBits = bitLength(x), yBits = bitLength(y)
        guard xBits - yBits < 31 else { return divideWide(x, by: y) }
        let shift = max(0, xBits - 64)
        let top = bits(x, from: shift), divisorTop = bits(y, from: shift)
        // Underestimates the quotient: divisorTop + 1 bounds the divisor's true top from above.
        var quotient = divisorTop == .max ? 1 : top / (divisorTop + 1)
        var remainder = subtract(x, multiply(y, by: quotient))
        while !isLess(remainder, y) {
            remainder = subtract(remainder, y)
            quotient += 1
        }
        return (quotient, remainder)
    }

    private static func divideWide(_ x: Words, by y: Words) -> (UInt64, Words)? {
        let (quotient, remainder): (BigUInt, BigUInt)
        do { (quotient, remainder) = try integer(x).quotientAndRemainder(dividingBy: integer(y)) } catch { return nil }
        guard quotient.bitWidth <= 64 else { return nil }
        return (UInt64(quotient.limb(0)), (UInt64(remainder.limb(0)), UInt64(remainder.limb(1)), UInt64(remainder.limb(2)), UInt64(remainder.limb(3))))
    }

    private static func integer(_ x: Words) -> BigUInt {
        BigUInt(bigEndianBytes: [x.3, x.2, x.1, x.0].flatMap { word in
            (0 ..< 8).reversed().map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
        })
    }
}
