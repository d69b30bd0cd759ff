import BigNum
import TestSupport
import Testing

@Suite struct QuadraticExtensionFieldTests {
    static func sakkeExtension() throws -> QuadraticExtensionField {
        try QuadraticExtensionField(base: PrimeField(modulus: Fixtures.integer(Fixtures.sakkePrime)))
    }

    @Test func extensionNeedsPrimeThreeModFour() throws {
        #expect(throws: BigNumError.unsupportedModulus) { try QuadraticExtensionField(base: PrimeField(modulus: 13)) }
    }

    @Test func productMatchesKnownAnswer() throws {
        let fp2 = try Self.sakkeExtension()
        let fp = fp2.base
        let a = try fp.element(Fixtures.integer(Fixtures.Sakke.a))
        let b = try fp.element(Fixtures.integer(Fixtures.Sakke.b))
        let x = fp2.element(real: a, imaginary: b)
        let y = fp2.element(real: a, imaginary: fp.element(word: 2))
        let product = fp2.multiply(x, y)
        #expect(fp.integer(product.real) == Fixtures.integer(Fixtures.Sakke.extensionProductReal))
        #expect(fp.integer(product.imaginary) == Fixtures.integer(Fixtures.Sakke.extensionProductImaginary))
    }

    @Test func iSquaredIsMinusOne() throws {
        let fp2 = try Self.sakkeExtension()
        let i = fp2.element(real: fp2.base.zero, imaginary: fp2.base.one)
        #expect(fp2.square(i) == fp2.negate(fp2.one))
        #expect(fp2.multiply(i, i) == fp2.negate(fp2.one))
    }

    @Test func squareMultiplyInverseAndConjugateAreConsistent() throws {
        var generator = SeededGenerator.logged("fp2Consistency")
        let fp2 = try Self.sakkeExtension()
        let p = fp2.base.modulus
        for _ in 0 ..< 6 {
            let x = fp2.element(
                real: try fp2.base.element(try BigUInt.random(below: p, using: &generator)),
                imaginary: try fp2.base.element(try BigUInt.random(below: p, using: &generator)))
            let y = fp2.element(
                real: try fp2.base.element(try BigUInt.random(below: p, using: &generator)),
                imaginary: try fp2.base.element(try BigUInt.random(below: p, using: &generator)))
            #expect(fp2.square(x) == fp2.multiply(x, x))
            #expect(fp2.multiply(x, y) == fp2.multiply(y, x))
            #expect(fp2.multiply(x, try fp2.inverse(x)) == fp2.one)
            #expect(try fp2.inverseVartime(x) == (try fp2.inverse(x)))
            // x·x̄ is the norm, an element of F_p.
            let normProduct = fp2.multiply(x, fp2.conjugate(x))
            #expect(normProduct == fp2.element(real: fp2.norm(x), imaginary: fp2.base.zero))
            #expect(fp2.subtract(fp2.add(x, y), y) == x)
        }
    }

    @Test func frobeniusIsConjugation() throws {
        // x^p = x̄ for p ≡ 3 (mod 4): checked by exponentiation, independent of conjugate().
        var generator = SeededGenerator.logged("frobenius")
        let fp2 = try Self.sakkeExtension()
        let p = fp2.base.modulus
        let x = fp2.element(
            real: try fp2.base.element(try BigUInt.random(below: p, using: &generator)),
            imaginary: try fp2.base.element(try BigUInt.random(below: p, using: &generator)))
        #expect(fp2.powerVartime(x, p) == fp2.conjugate(x))
    }

    @Test func inverseOfZeroThrows() throws {
        let fp2 = try Self.sakkeExtension()
        #expect(throws: BigNumError.notInvertible) { try fp2.inverse(fp2.zero) }
        #expect(fp2.isZero(fp2.zero))
        #expect(!fp2.isZero(fp2.one))
    }

    @Test func encodingRoundTripsAndRejectsBadInput() throws {
        let fp2 = try Self.sakkeExtension()
        let x = fp2.element(real: fp2.base.element(word: 7), imaginary: fp2.base.element(word: 9))
        let bytes = fp2.bytes(x)
        #expect(bytes.count == 256)
        #expect(bytes[127] == 7 && bytes[255] == 9)
        #expect(try fp2.element(bigEndianBytes: bytes) == x)
        #expect(throws: BigNumError.invalidLength(expected: 256, actual: 255)) {
            try fp2.element(bigEndianBytes: bytes.dropLast())
        }
        #expect(throws: BigNumError.notAFieldElement) {
            try fp2.element(bigEndianBytes: [UInt8](repeating: 0xff, count: 256))
        }
    }
}
