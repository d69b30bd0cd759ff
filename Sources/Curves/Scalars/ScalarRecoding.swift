import BigNum

/// Rewritings of a scalar (256-bit: four limbs, least significant first; or
/// the canonical limbs of a SAKKE scalar) into the digit sequences the scalar
/// multiplications consume, reading bits at public positions only.
package enum ScalarRecoding {
    /// `count` bits of the 256-bit `words` from bit `position` (positions
    /// past bit 255 read as 0), as ``bits(_:at:count:)-(UnsafeBufferPointer<UInt>,_,_)``
    /// reads them from limbs. The position is public; the bits may be secret.
    static func bits(_ words: (UInt64, UInt64, UInt64, UInt64), at position: Int, count: Int) -> UInt64 {
        withUnsafeBytes(of: words) { raw in
            // truncatingIfNeeded: a checked conversion would branch on the (secret) bits.
            UInt64(truncatingIfNeeded: bits(raw.assumingMemoryBound(to: UInt.self), at: position, count: count))
        }
    }

    /// Signed base-2⁵ digits d₀ … d₅₁ in −15 … 16 with k = Σ dᵢ·32ⁱ, for k < 2²⁵⁶,
    /// computed without branches on k (constant time): a window above 16
    /// becomes negative and carries one into the next.
    static func signedWindows(_ words: (UInt64, UInt64, UInt64, UInt64)) -> [Int] {
        withUnsafeBytes(of: words) { signedWindows($0.assumingMemoryBound(to: UInt.self), count: signedWindowCount) }
    }

    /// `count` bits (at most 63) of the little-endian limbs from bit
    /// `position` (positions past the end read as 0). The position is public;
    /// the bits may be secret (no branch on them).
    static func bits(_ limbs: UnsafeBufferPointer<UInt>, at position: Int, count: Int) -> Int {
        let index = position / 64, offset = position % 64
        guard index < limbs.count else { return 0 }
        var value = limbs[index] >> UInt(offset)
        if offset + count > 64, index + 1 < limbs.count { value |= limbs[index + 1] << UInt(64 - offset) }
        return Int(bitPattern: value & ((1 << UInt(count)) - 1))
    }

    /// Signed base-2⁵ digits d₀ … d_(count−1) in −15 … 16 with k = Σ dᵢ·32ⁱ
    /// for the integer k < 2^(5·count − 1) of `limbs`, without branches on k:
    /// the digits of secret SAKKE scalars and exponents (public bit
    /// positions, secret bits). The caller wipes the digits.
    package static func signedWindows(_ limbs: UnsafeBufferPointer<UInt>, count: Int) -> [Int] {
        var digits = [Int](repeating: 0, count: count)
        var carry = 0
        for index in 0 ..< count {
            let window = bits(limbs, at: 5 * index, count: 5) &+ carry
            // carry = 1 exactly when window > 16, i.e. when 16 − window is negative.
            carry = ((16 &- window) >> 63) & 1
            digits[index] = window &- (carry << 5)
        }
        return digits
    }

    /// The signed windows of a secret scalar of the SAKKE curve (an element of
    /// ``SAKKECurve/scalarField``), k < q < 2¹⁰²², as ``signedWindows(_:count:)``.
    package static func signedWindows(ofScalar k: FieldElement, count: Int) -> [Int] {
        SAKKECurve.scalarField.withCanonicalLimbs(k) { signedWindows($0, count: count) }
    }

    /// ⌈257 / 5⌉: 256 bits plus the top carry.
    static let signedWindowCount = 52

    /// The width-w non-adjacent form of k, least significant digit first: odd
    /// digits in −(2^(w−1) − 1) … 2^(w−1) − 1 separated by at least w − 1
    /// zeros. Variable time: for public scalars only.
    static func nonAdjacentFormVartime(_ words: (UInt64, UInt64, UInt64, UInt64), width: Int) -> [Int8] {
        var k = [words.0, words.1, words.2, words.3, 0]
        var digits: [Int8] = []
        digits.reserveCapacity(258)
        let modulus = 1 << width, half = 1 << (width - 1)
        while k.contains(where: { $0 != 0 }) {
            var digit = 0
            if k[0] & 1 == 1 {
                digit = Int(k[0] & UInt64(modulus - 1))
                if digit >= half { digit -= modulus }
                // k −= digit.
                offset(&k, by: UInt64(digit.magnitude), subtracting: digit > 0)
            }
            digits.append(Int8(digit))
            // k >>= 1.
            for index in 0 ..< 4 { k[index] = (k[index] >> 1) | (k[index + 1] << 63) }
            k[4] >>= 1
        }
        return digits
    }

    /// k ∓ value with the carry or borrow rippling up.
    private static func offset(_ k: inout [UInt64], by value: UInt64, subtracting: Bool) {
        var ripple = value
        for index in k.indices where ripple != 0 {
            let (result, overflow) = subtracting
                ? k[index].subtractingReportingOverflow(ripple) : k[index].addingReportingOverflow(ripple)
            k[index] = result
            ripple = overflow ? 1 : 0
        }
    }
}
