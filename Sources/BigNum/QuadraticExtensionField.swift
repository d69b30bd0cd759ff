import Octets
/// F_p² = F_p[i]/(i² + 1) for a prime p ≡ 3 (mod 4), where −1 is not a square
/// so that i² + 1 is irreducible (RFC 6508 §2.1). The pairing of RFC 6508 §3.2
/// takes its values here.
///
/// Multiplication uses four base-field products but only two Montgomery
/// reductions (`PrimeField.differenceOfProducts` / `sumOfProducts`); squaring
/// uses (a + b)(a − b) and 2ab. The p-th power Frobenius map is conjugation
/// (i^p = −i for p ≡ 3 mod 4), which is how the final exponentiation of the
/// pairing gets its p − 1 part for nearly nothing.
///
/// Constant-time like its base field, except the operations named `…Vartime`.
public final class QuadraticExtensionField: Sendable {
    /// F_p.
    public let base: PrimeField
    /// The number of octets of an element's encoding `a || b`.
    public var byteCount: Int { 2 * base.byteCount }

    public let zero: QuadraticExtensionElement
    public let one: QuadraticExtensionElement

    /// - Throws: `BigNumError.unsupportedModulus` unless p ≡ 3 (mod 4).
    public init(base: PrimeField) throws {
        guard base.isThreeModFour else { throw BigNumError.unsupportedModulus }
        self.base = base
        zero = QuadraticExtensionElement(real: base.zero, imaginary: base.zero)
        one = QuadraticExtensionElement(real: base.one, imaginary: base.zero)
    }

    // MARK: - Conversions

    /// The element a + b·i.
    public func element(real: FieldElement, imaginary: FieldElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(real: real, imaginary: imaginary)
    }

    /// The element whose encoding is `a || b`, each coordinate `base.byteCount` octets.
    ///
    /// - Throws: `BigNumError.invalidLength` for a wrong total length,
    ///   `BigNumError.notAFieldElement` if a coordinate is not below p.
    public func element(bigEndianBytes bytes: some Collection<UInt8>) throws -> QuadraticExtensionElement {
        guard bytes.count == byteCount else {
            throw BigNumError.invalidLength(expected: byteCount, actual: bytes.count)
        }
        let array = Array(bytes)
        return QuadraticExtensionElement(
            real: try base.element(bigEndianBytes: array[..<base.byteCount]),
            imaginary: try base.element(bigEndianBytes: array[base.byteCount...])
        )
    }

    /// The encoding `a || b` of a + b·i.
    public func bytes(_ x: QuadraticExtensionElement) -> [UInt8] {
        base.bytes(x.real) + base.bytes(x.imaginary)
    }

    // MARK: - Arithmetic

    public func add(_ x: QuadraticExtensionElement, _ y: QuadraticExtensionElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(real: base.add(x.real, y.real), imaginary: base.add(x.imaginary, y.imaginary))
    }

    public func subtract(_ x: QuadraticExtensionElement, _ y: QuadraticExtensionElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(
            real: base.subtract(x.real, y.real), imaginary: base.subtract(x.imaginary, y.imaginary))
    }

    public func negate(_ x: QuadraticExtensionElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(real: base.negate(x.real), imaginary: base.negate(x.imaginary))
    }

    /// (a + bi)(c + di) = (ac − bd) + (ad + bc)i.
    public func multiply(_ x: QuadraticExtensionElement, _ y: QuadraticExtensionElement) -> QuadraticExtensionElement {
        if let (real, imaginary) = base.kernel.fp2Multiply(x.real.limbs, x.imaginary.limbs, y.real.limbs, y.imaginary.limbs) {
            return QuadraticExtensionElement(real: FieldElement(limbs: real), imaginary: FieldElement(limbs: imaginary))
        }
        return QuadraticExtensionElement(
            real: base.differenceOfProducts(x.real, y.real, x.imaginary, y.imaginary),
            imaginary: base.sumOfProducts(x.real, y.imaginary, x.imaginary, y.real)
        )
    }

    /// (a + bi)² = (a + b)(a − b) + 2ab·i.
    public func square(_ x: QuadraticExtensionElement) -> QuadraticExtensionElement {
        if let (real, imaginary) = base.kernel.fp2Square(x.real.limbs, x.imaginary.limbs) {
            return QuadraticExtensionElement(real: FieldElement(limbs: real), imaginary: FieldElement(limbs: imaginary))
        }
        let product = base.multiply(x.real, x.imaginary)
        return QuadraticExtensionElement(
            real: base.multiply(base.add(x.real, x.imaginary), base.subtract(x.real, x.imaginary)),
            imaginary: base.add(product, product)
        )
    }

    /// (a + bi)·c for c in F_p.
    public func multiply(_ x: QuadraticExtensionElement, byBase scalar: FieldElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(real: base.multiply(x.real, scalar), imaginary: base.multiply(x.imaginary, scalar))
    }

    /// x·(s + i) with s = λ·u + μ·w: the product of a precomputed pairing's
    /// accumulator with one line normalised to imaginary part 1 (RFC 6508 §3.2
    /// up to a factor of F_p*), (a·s − b) + (a + b·s)·i.
    package func multiply(
        _ x: QuadraticExtensionElement, byLineWithSlope lambda: FieldElement, intercept mu: FieldElement,
        at u: FieldElement, _ w: FieldElement
    ) -> QuadraticExtensionElement {
        if let (real, imaginary) = base.kernel.fp2MultiplyByLine(x.real.limbs, x.imaginary.limbs, lambda.limbs, mu.limbs, u.limbs, w.limbs) {
            return QuadraticExtensionElement(real: FieldElement(limbs: real), imaginary: FieldElement(limbs: imaginary))
        }
        let s = base.sumOfProducts(lambda, u, mu, w)
        return QuadraticExtensionElement(
            real: base.subtract(base.multiply(x.real, s), x.imaginary),
            imaginary: base.add(x.real, base.multiply(x.imaginary, s)))
    }

    /// a − bi: the Frobenius map x ↦ x^p.
    public func conjugate(_ x: QuadraticExtensionElement) -> QuadraticExtensionElement {
        QuadraticExtensionElement(real: x.real, imaginary: base.negate(x.imaginary))
    }

    /// The norm a² + b² = x·x̄, in F_p.
    public func norm(_ x: QuadraticExtensionElement) -> FieldElement {
        base.sumOfProducts(x.real, x.real, x.imaginary, x.imaginary)
    }

    /// x⁻¹ = x̄ / (a² + b²), constant time.
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverse(_ x: QuadraticExtensionElement) throws -> QuadraticExtensionElement {
        multiply(conjugate(x), byBase: try base.inverse(norm(x)))
    }

    /// x⁻¹ for a public x (the norm is inverted in variable time).
    ///
    /// - Throws: `BigNumError.notInvertible` for 0.
    public func inverseVartime(_ x: QuadraticExtensionElement) throws -> QuadraticExtensionElement {
        multiply(conjugate(x), byBase: try base.inverseVartime(norm(x)))
    }

    /// Whether x is 0, in constant time.
    public func isZero(_ x: QuadraticExtensionElement) -> Bool {
        // Both halves are always examined: no short circuit on the first.
        let realIsZero = base.isZero(x.real)
        let imaginaryIsZero = base.isZero(x.imaginary)
        return ConstantTime.word(realIsZero) & ConstantTime.word(imaginaryIsZero) == 1
    }

    /// x^exponent by square-and-multiply over the exponent's bits, for a public
    /// exponent (the pairing's final exponentiation, g^r checks).
    public func powerVartime(_ x: QuadraticExtensionElement, _ exponent: BigUInt) -> QuadraticExtensionElement {
        var accumulator = one
        var position = exponent.bitWidth - 1
        while position >= 0 {
            accumulator = square(accumulator)
            if exponent.testBit(position) { accumulator = multiply(accumulator, x) }
            position -= 1
        }
        return accumulator
    }
}
