import CValueBarrier
import Octets
/// Arithmetic modulo a fixed odd prime p of up to 1024 bits: the hot path of
/// the curves, signatures and the pairing above it (RFC 6507 §2, RFC 6508 §2–3).
///
/// Elements (`FieldElement`) are kept in Montgomery form x·R mod p, R = 2^(64·n)
/// for n = ⌈bits(p)/64⌉, in fixed inline storage: multiplication, squaring,
/// addition and inversion allocate nothing. Build a field once (the constructor
/// checks primality and precomputes R mod p, R² mod p, R³ mod p) and share it:
/// it is immutable and `Sendable`.
///
/// Timing: every operation runs in time that depends only on p, except those
/// named `…Vartime`, which are for public values (say why at each call site).
/// `power(_:_:)` is constant-time in the exponent for exponents up to the
/// field's bit width.
public final class PrimeField: Sendable {
    /// The largest modulus supported, in bits.
    public static let maximumBitWidth = 64 * Limbs.capacity

    /// p.
    public let modulus: BigUInt
    /// The number of bits of p.
    public let bitWidth: Int
    /// The number of octets of an element's fixed-length encoding: ⌈bits(p)/8⌉.
    public let byteCount: Int

    let kernel: MontgomeryKernel
    /// R² mod p: multiplying by it enters Montgomery form.
    private let rSquared: Limbs
    /// R³ mod p: turns the plain inverse of x·R into the Montgomery form of x⁻¹.
    private let rCubed: Limbs
    /// (p + 1) / 4 when p ≡ 3 (mod 4), for square roots.
    private let squareRootExponent: BigUInt?

    /// Whether the native 1024-bit engine (`CFieldKernel`) does this field's
    /// products, squares, additions and subtractions.
    package var usesNativeEngine: Bool { kernel.usesNativeEngine }

    /// Whether p ≡ 3 (mod 4): then −1 is not a square, square roots are one
    /// exponentiation, and F_p[i]/(i² + 1) is a field (RFC 6508 §2.1).
    public var isThreeModFour: Bool { squareRootExponent != nil }

    /// 0 and 1 of the field.
    public let zero: FieldElement
    public let one: FieldElement

    /// A field modulo `modulus`.
    ///
    /// - Throws: `BigNumError.invalidFieldModulus` unless the modulus is an odd
    ///   prime (probabilistic test, error below 2⁻⁸⁰) of 2 to 1024 bits.
    public convenience init(modulus: BigUInt) throws {
        try self.init(modulus: modulus, allowsNativeEngine: true)
    }

    /// A field whose engine is GMP's alone when `allowsNativeEngine` is false:
    /// tests check the native 1024-bit engine against it.
    package init(modulus: BigUInt, allowsNativeEngine: Bool) throws {
        guard modulus.isOdd, modulus.bitWidth >= 2, modulus.bitWidth <= PrimeField.maximumBitWidth,
            modulus.isProbablePrime
        else { throw BigNumError.invalidFieldModulus }
        self.modulus = modulus
        bitWidth = modulus.bitWidth
        byteCount = (bitWidth + 7) / 8
        kernel = MontgomeryKernel(modulus: modulus, allowsNativeEngine: allowsNativeEngine)
        let r = try (BigUInt(1) << (64 * kernel.limbCount)).modulo(modulus)
        rSquared = Self.limbs(of: try (r * r).modulo(modulus))
        rCubed = Self.limbs(of: try (r * r * r).modulo(modulus))
        zero = FieldElement(limbs: Limbs())
        one = FieldElement(limbs: Self.limbs(of: r))
        squareRootExponent = modulus.limb(0) & 3 == 3 ? (modulus + 1) >> 2 : nil
    }

    private static func limbs(of value: BigUInt) -> Limbs {
        var limbs = Limbs()
        limbs.withMutablePointer { pointer in
            for index in 0 ..< Limbs.capacity { pointer[index] = value.limb(index) }
        }
        return limbs
    }

    // MARK: - Conversions

    /// The element with value `value`. Variable time (GMP `mpz`): for public
    /// values only; secrets enter through ``element(bigEndianBytes:)``.
    ///
    /// - Throws: `BigNumError.notAFieldElement` unless `value < p`.
    public func element(_ value: BigUInt) throws -> FieldElement {
        guard value < modulus else { throw BigNumError.notAFieldElement }
        return FieldElement(limbs: kernel.multiply(Self.limbs(of: value), rSquared))
    }

    /// The element `value mod p`. Variable time (GMP `mpz`): for public values
    /// only (an identifier reduced mod q, say).
    public func element(reducing value: BigUInt) -> FieldElement {
        let reduced: BigUInt
        do { reduced = try value.modulo(modulus) } catch { preconditionFailure("a field's modulus is an odd prime, never 0") }
        return FieldElement(limbs: kernel.multiply(Self.limbs(of: reduced), rSquared))
    }

    /// The element `value mod p` of a big-endian value of at most 8·n octets
    /// (n = ⌈bits(p)/64⌉), in constant time: for secrets, such as a hash
    /// output reduced mod q (RFC 6508 §5.1). GMP's REDC of the value padded
    /// with n zero limbs gives value·R⁻¹ mod p below p for any value below R;
    /// a Montgomery product with R³ then gives the Montgomery form value·R.
    package func element(reducingBigEndianBytes bytes: some Collection<UInt8>) -> FieldElement {
        precondition(bytes.count <= 8 * kernel.limbCount, "at most 8·n octets")
        var value = Self.limbs(bigEndian: bytes)
        defer { value.wipe() }
        return FieldElement(limbs: kernel.multiply(kernel.reduceSingle(value), rCubed))
    }

    /// The limbs of a big-endian octet string of at most 128 octets, least
    /// significant first, in time that depends only on the count.
    private static func limbs(bigEndian bytes: some Collection<UInt8>) -> Limbs {
        var octets = Array(bytes)
        defer { octets.wipe() }
        var limbs = Limbs()
        limbs.withMutablePointer { pointer in
            for (position, index) in octets.indices.reversed().enumerated() {
                pointer[position / 8] |= UInt(octets[index]) << UInt(8 * (position % 8))
            }
        }
        return limbs
    }

    /// Calls `body` with the n limbs of the integer value of `element` (in
    /// 0 ..< p, least significant first), in a stack buffer wiped afterwards:
    /// the constant-time way from a secret element to its bits, for scalar
    /// recoding (no `BigUInt` on the way).
    package func withCanonicalLimbs<Result>(_ element: FieldElement, _ body: (UnsafeBufferPointer<UInt>) throws -> Result) rethrows -> Result {
        var plain = kernel.reduceSingle(element.limbs)
        defer { plain.wipe() }
        return try plain.withPointer { try body(UnsafeBufferPointer(start: $0, count: kernel.limbCount)) }
    }

    /// Whether `a` is a square in F_p (its Legendre symbol is 1, GMP
    /// `mpz_jacobi`): variable time, for public values only (a point's
    /// coordinate in a subgroup test). 0 is not counted as a square.
    public func isSquareVartime(_ a: FieldElement) -> Bool {
        kernel.isSquareVartime(kernel.reduceSingle(a.limbs))
    }

    /// The element of a machine-word value, reduced mod p.
    public func element(word value: UInt) -> FieldElement {
        element(reducing: BigUInt(value))
    }

    /// OS2FEP: the element whose fixed-length big-endian encoding is `bytes`,
    /// in constant time (the octets may be secret: an RSK's coordinates); only
    /// whether the value is below p decides the outcome.
    ///
    /// - Throws: `BigNumError.invalidLength` unless exactly `byteCount` octets;
    ///   `BigNumError.notAFieldElement` unless the value is below p.
    public func element(bigEndianBytes bytes: some Collection<UInt8>) throws -> FieldElement {
        guard bytes.count == byteCount else {
            throw BigNumError.invalidLength(expected: byteCount, actual: bytes.count)
        }
        var value = Self.limbs(bigEndian: bytes)
        defer { value.wipe() }
        // Public by design: an input that is not a field element is refused.
        guard ConstantTimeValidation.declassify(kernel.isBelowModulus(value)) else { throw BigNumError.notAFieldElement }
        return FieldElement(limbs: kernel.multiply(value, rSquared))
    }

    /// The integer value of `element`, in `0 ..< p`. Variable time (GMP
    /// `mpz`): for public values only; secrets leave through ``bytes(_:)``.
    public func integer(_ element: FieldElement) -> BigUInt {
        let plain = kernel.reduceSingle(element.limbs)
        return plain.withPointer { pointer in
            var bytes = [UInt8](repeating: 0, count: 8 * kernel.limbCount)
            for index in 0 ..< kernel.limbCount {
                for octet in 0 ..< 8 {
                    bytes[bytes.count - 1 - 8 * index - octet] = UInt8(truncatingIfNeeded: pointer[index] >> (8 * octet))
                }
            }
            defer { bytes.wipe() }
            return BigUInt(bigEndianBytes: bytes)
        }
    }

    /// FE2OSP: `element` as exactly `byteCount` big-endian octets, in
    /// constant time (the caller wipes the octets of a secret).
    public func bytes(_ element: FieldElement) -> [UInt8] {
        var octets = [UInt8](repeating: 0, count: byteCount)
        octets.withUnsafeMutableBytes { write(element, into: $0) }
        return octets
    }

    /// FE2OSP into the first ``byteCount`` octets of `octets`, in constant
    /// time: for a secret written straight into wiped storage (`SecretBytes`).
    package func write(_ element: FieldElement, into octets: UnsafeMutableRawBufferPointer) {
        precondition(octets.count >= byteCount, "FE2OSP needs \(byteCount) octets")
        withCanonicalLimbs(element) { limbs in
            for position in 0 ..< byteCount {
                octets[byteCount - 1 - position] = UInt8(truncatingIfNeeded: limbs[position / 8] >> UInt(8 * (position % 8)))
            }
        }
    }

    // MARK: - Arithmetic

    public func add(_ a: FieldElement, _ b: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.add(a.limbs, b.limbs))
    }

    public func subtract(_ a: FieldElement, _ b: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.subtract(a.limbs, b.limbs))
    }

    /// −a.
    public func negate(_ a: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.subtract(zero.limbs, a.limbs))
    }

    public func multiply(_ a: FieldElement, _ b: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.multiply(a.limbs, b.limbs))
    }

    public func square(_ a: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.square(a.limbs))
    }

    /// a·b + c·d with a single Montgomery reduction (cheaper than two products and an add).
    public func sumOfProducts(_ a: FieldElement, _ b: FieldElement, _ c: FieldElement, _ d: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.sumOfProducts(a.limbs, b.limbs, c.limbs, d.limbs, subtract: false))
    }

    /// a·b − c·d with a single Montgomery reduction.
    public func differenceOfProducts(_ a: FieldElement, _ b: FieldElement, _ c: FieldElement, _ d: FieldElement) -> FieldElement {
        FieldElement(limbs: kernel.sumOfProducts(a.limbs, b.limbs, c.limbs, d.limbs, subtract: true))
    }

    /// `b` if `condition`, else `a`, without a branch on `condition` (masked
    /// limbs). The mask passes `value_barrier_u64` so the optimizer cannot
    /// turn the selection back into a branch (LLVM did, in the SAKKE tables'
    /// scans; the constant-time check found it).
    public func select(_ a: FieldElement, _ b: FieldElement, if condition: Bool) -> FieldElement {
        let mask = UInt(value_barrier_u64(0 &- UInt64(unsafeBitCast(condition, to: UInt8.self))))
        var result = a.limbs
        result.withMutablePointer { r in
            b.limbs.withPointer { bp in
                for index in 0 ..< kernel.limbCount { r[index] ^= (r[index] ^ bp[index]) & mask }
            }
        }
        return FieldElement(limbs: result)
    }

    /// Whether `a` is 0, in constant time.
    public func isZero(_ a: FieldElement) -> Bool {
        kernel.isZero(a.limbs)
    }

    /// a⁻¹, in time independent of a (GMP `mpn_sec_invert`).
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverse(_ a: FieldElement) throws -> FieldElement {
        // inverse(x·R) = x⁻¹·R⁻¹; a Montgomery product with R³ gives x⁻¹·R.
        guard let plain = kernel.invert(a.limbs, modulusBits: bitWidth) else { throw BigNumError.notInvertible }
        return FieldElement(limbs: kernel.multiply(plain, rCubed))
    }

    /// a⁻¹ by the extended Euclidean algorithm: faster than ``inverse(_:)``
    /// but its time depends on `a`. Only for public values.
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverseVartime(_ a: FieldElement) throws -> FieldElement {
        guard let plain = kernel.invertVartime(a.limbs) else { throw BigNumError.notInvertible }
        return FieldElement(limbs: kernel.multiply(plain, rCubed))
    }

    /// a⁻¹ computed as b·(a·b)⁻¹ with the variable-time inversion of a·b: for a
    /// uniformly random nonzero blinding factor b (``randomNonzeroElement(using:)``),
    /// a·b is uniform and independent of a, so the inversion's timing says
    /// nothing about a. About 40 × faster than ``inverse(_:)`` at 1024 bits.
    ///
    /// - Throws: `BigNumError.notInvertible` when a or b is 0.
    public func inverse(_ a: FieldElement, blindedBy b: FieldElement) throws -> FieldElement {
        // Whether the blinding factor is 0 says nothing about a.
        guard !ConstantTimeValidation.declassify(isZero(b)) else { throw BigNumError.notInvertible }
        // a·b is uniform and independent of a for uniform nonzero b (b stays
        // secret): public by design, so the variable-time inversion may see it.
        return multiply(b, try inverseVartime(ConstantTimeValidation.declassify(multiply(a, b))))
    }

    /// ``inverse(_:blindedBy:)`` with a fresh blinding factor from the system's
    /// secure generator: the fast inversion for secret values.
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverseBlinded(_ a: FieldElement) throws -> FieldElement {
        var generator = SecureRandomGenerator()
        var blinding = randomNonzeroElement(using: &generator)
        defer { blinding.wipe() }
        return try inverse(a, blindedBy: blinding)
    }

    /// The inverses of all `values` with one blinded inversion and three
    /// products per value (Montgomery's trick): for tables and batched affine
    /// conversions. Constant time in the values.
    ///
    /// - Throws: `BigNumError.notInvertible` when any value is 0.
    public func inverses(of values: [FieldElement]) throws -> [FieldElement] {
        guard !values.isEmpty else { return [] }
        // prefix[i] = values[0]·…·values[i].
        var prefix: [FieldElement] = []
        prefix.reserveCapacity(values.count)
        var running = one
        for value in values {
            running = multiply(running, value)
            prefix.append(running)
        }
        defer { for index in prefix.indices { prefix[index].wipe() } }
        var inverse = try inverseBlinded(running)
        defer { inverse.wipe() }
        var result = [FieldElement](repeating: zero, count: values.count)
        for index in values.indices.reversed() {
            result[index] = index == 0 ? inverse : multiply(inverse, prefix[index - 1])
            inverse = multiply(inverse, values[index])
        }
        return result
    }

    /// A uniformly random nonzero element: for blinding and for secret nonces.
    /// Rejection sampling of n random limbs cut to bits(p) bits: each draw is
    /// below p with probability above 1/2, and a rejected draw says nothing
    /// about the accepted one. A uniform value below p is also uniform in
    /// Montgomery form, so the draw is used as it is.
    public func randomNonzeroElement(using generator: inout some RandomNumberGenerator) -> FieldElement {
        let topBits = bitWidth - 64 * (kernel.limbCount - 1)
        let topMask: UInt = topBits == 64 ? .max : (1 << UInt(topBits)) - 1
        while true {
            var candidate = Limbs()
            candidate.withMutablePointer { pointer in
                for index in 0 ..< kernel.limbCount { pointer[index] = UInt(generator.next() as UInt64) }
                pointer[kernel.limbCount - 1] &= topMask
            }
            // The draw is fresh randomness: rejecting it reveals nothing about what is kept.
            if ConstantTimeValidation.declassify(kernel.isBelowModulus(candidate) && !kernel.isZero(candidate)) {
                return FieldElement(limbs: candidate)
            }
            candidate.wipe()
        }
    }

    /// base^exponent with a fixed 4-bit window and constant-time table lookups:
    /// the sequence of operations depends only on max(bits(p), bits(exponent)),
    /// never on the base, so the base may be secret. The exponent is read
    /// through `BigUInt` (GMP `mpz`), which is not constant time: it must be
    /// public. (SAKKE's secret exponent r goes through `SAKKEPowerTable`.)
    public func power(_ base: FieldElement, _ exponent: BigUInt) -> FieldElement {
        let windowBits = 4
        let tableCount = 1 << windowBits
        let n = kernel.limbCount
        let bits = max(bitWidth, exponent.bitWidth)
        let windowCount = (bits + windowBits - 1) / windowBits
        return withUnsafeTemporaryAllocation(of: UInt.self, capacity: tableCount * n) { table in
            let tableBase = table.baseAddress!
            defer { secureZero(tableBase, count: table.count * MemoryLayout<UInt>.stride) }
            // table[k] = base^k.
            var entry = one.limbs
            for k in 0 ..< tableCount {
                entry.withPointer { (tableBase + k * n).update(from: $0, count: n) }
                entry = kernel.multiply(entry, base.limbs)
            }
            var accumulator = one.limbs
            for window in stride(from: windowCount - 1, through: 0, by: -1) {
                for _ in 0 ..< windowBits { accumulator = kernel.square(accumulator) }
                let digit = exponent.bits(at: window * windowBits, count: windowBits)
                accumulator = kernel.multiply(accumulator, kernel.select(from: tableBase, count: tableCount, index: digit))
            }
            return FieldElement(limbs: accumulator)
        }
    }

    /// base^exponent for a public exponent: faster than ``power(_:_:)``, but
    /// the sequence of operations follows the exponent's bits and GMP allocates
    /// scratch memory. The value leaves Montgomery form, goes through GMP's
    /// `mpz_powm` (the fastest public-exponent code GMP has, with its assembly
    /// reduction) and comes back; see Docs/Performance.md for the measurements
    /// behind this choice.
    public func powerVartime(_ base: FieldElement, _ exponent: BigUInt) -> FieldElement {
        let plain = kernel.powerVartime(kernel.reduceSingle(base.limbs), exponent)
        return FieldElement(limbs: kernel.multiply(plain, rSquared))
    }

    /// A square root of `a` for p ≡ 3 (mod 4): a^((p+1)/4), checked by squaring.
    /// Of the two roots, the one the formula gives.
    ///
    /// - Throws: `BigNumError.unsupportedModulus` unless p ≡ 3 (mod 4);
    ///   `BigNumError.notAQuadraticResidue` when `a` has no square root.
    public func squareRoot(_ a: FieldElement) throws -> FieldElement {
        guard let exponent = squareRootExponent else { throw BigNumError.unsupportedModulus }
        // The exponent is a public constant of the field.
        let root = powerVartime(a, exponent)
        guard square(root) == a else { throw BigNumError.notAQuadraticResidue }
        return root
    }
}
