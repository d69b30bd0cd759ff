import BigNum
import Octets
import TestSupport
import Testing

@Suite struct PrimeField256Tests {
    // P-256's p and q, plus a 255-bit prime (2^255 − 19) whose top limb leaves headroom.
    static let moduli = [Fixtures.p256Prime, Fixtures.p256Order, "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed"]

    @Test func fieldRejectsModuliOutsideFourLimbsOrNotPrime() {
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField256(modulus: Fixtures.integer(Fixtures.sakkePrime)) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField256(modulus: (BigUInt(1) << 127) - 1) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField256(modulus: Fixtures.integer(Fixtures.p256Prime) + 2) }
    }

    @Test(arguments: moduli)
    func arithmeticAgreesWithIntegerArithmetic(modulusHex: String) throws {
        var generator = SeededGenerator.logged("field256AgreesWithMpz \(modulusHex.prefix(8))")
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField256(modulus: p)
        let high: BigUInt = try (BigUInt(1) << 255).modulo(p)
        let lowLimbsFull: BigUInt = (BigUInt(1) << 192) - 1
        let edges: [BigUInt] = [0, 1, 2, p - 1, p - 2, high, lowLimbsFull]
        let randoms: [BigUInt] = try (0 ..< 40).map { _ in try BigUInt.random(below: p, using: &generator) }
        let values = edges + randoms
        for (index, x) in values.enumerated() {
            let y = values[(index * 7 + 3) % values.count]
            let (fx, fy) = (try field.element(x), try field.element(y))
            #expect(field.integer(fx) == x)
            #expect(field.integer(field.add(fx, fy)) == (try (x + y).modulo(p)))
            #expect(field.integer(field.double(fx)) == (try (x + x).modulo(p)))
            #expect(field.integer(field.subtract(fx, fy)) == (try (x + p - y).modulo(p)))
            #expect(field.integer(field.negate(fx)) == (try (p - x).modulo(p)))
            #expect(field.integer(field.multiply(fx, fy)) == (try (x * y).modulo(p)))
            #expect(field.integer(field.square(fx)) == (try (x * x).modulo(p)))
            #expect(field.isZero(fx) == (x == 0))
            #expect(field.select(fx, fy, if: true) == fy)
            #expect(field.select(fx, fy, if: false) == fx)
            #expect(field.negate(fx, if: false) == fx)
            #expect(field.negate(fx, if: true) == field.negate(fx))
            if x != 0 {
                let expected = try x.inverse(modulo: p)
                #expect(field.integer(try field.inverse(fx)) == expected)
                #expect(field.integer(try field.inverseVartime(fx)) == expected)
                let blinding = field.randomNonzeroElement(using: &generator)
                #expect(field.integer(try field.inverse(fx, blindedBy: blinding)) == expected)
            }
        }
    }

    @Test(arguments: moduli)
    func octetConversionsRoundTripAndRejectValuesNotBelowP(modulusHex: String) throws {
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField256(modulus: p)
        let value = p - 5
        let encoded = try value.serialized(byteCount: 32)
        let element = try field.element(bigEndianBytes: encoded)
        #expect(field.bytes(element) == encoded)
        #expect(field.integer(element) == value)
        #expect(throws: BigNumError.notAFieldElement) { try field.element(bigEndianBytes: p.serialized(byteCount: 32)) }
        #expect(throws: BigNumError.notAFieldElement) { try field.element(bigEndianBytes: [UInt8](repeating: 0xFF, count: 32)) }
        #expect(throws: BigNumError.invalidLength(expected: 32, actual: 31)) { try field.element(bigEndianBytes: [UInt8](repeating: 0, count: 31)) }
        #expect(throws: BigNumError.notAFieldElement) { try field.element(p) }
        #expect(field.integer(field.element(reducing: p + 7)) == 7)
    }

    @Test(arguments: [Fixtures.p256Prime, Fixtures.p256Order])
    func thirtyTwoOctetValuesReduceAsGMPReducesThem(modulusHex: String) throws {
        // RFC 6507 reads HS, HE and r as integers mod q: the allocation-free
        // reduction against GMP's mpz_mod, at the edges and at random.
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField256(modulus: p)
        var generator = SeededGenerator.logged("reducing32Octets \(modulusHex.prefix(8))")
        let edges: [BigUInt] = [0, 1, p - 1, p, p + 1, p + p - 1 < (BigUInt(1) << 256) ? p + p - 1 : p, (BigUInt(1) << 256) - 1]
        let values = try edges.map { try $0.serialized(byteCount: 32) }
            + (0 ..< 64).map { _ in (0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &generator) } }
        for bytes in values {
            #expect(field.element(reducing32Octets: bytes) == field.element(reducing: BigUInt(bigEndianBytes: bytes)))
        }
    }

    @Test func inverseOfZeroIsRefused() throws {
        let field = try PrimeField256(modulus: Fixtures.integer(Fixtures.p256Prime))
        #expect(throws: BigNumError.notInvertible) { try field.inverse(field.zero) }
        #expect(throws: BigNumError.notInvertible) { try field.inverseVartime(field.zero) }
        #expect(throws: BigNumError.notInvertible) { try field.inverse(field.one, blindedBy: field.zero) }
    }

    @Test func randomElementsAreNonzeroAndBelowTheModulus() throws {
        var generator = SeededGenerator.logged("field256Random")
        let p = Fixtures.integer(Fixtures.p256Order)
        let field = try PrimeField256(modulus: p)
        var seen = Set<BigUInt>()
        for _ in 0 ..< 64 {
            let value = field.integer(field.randomNonzeroElement(using: &generator))
            #expect(value > 0 && value < p)
            seen.insert(value)
        }
        #expect(seen.count == 64)
    }

    @Test func elementsOfTheSameModulusAgreeWithTheGenericEngine() throws {
        var generator = SeededGenerator.logged("field256VsGeneric")
        let p = Fixtures.integer(Fixtures.p256Prime)
        let fast = try PrimeField256(modulus: p)
        let generic = try PrimeField(modulus: p)
        for _ in 0 ..< 16 {
            let (x, y) = (try BigUInt.random(below: p, using: &generator), try BigUInt.random(below: p, using: &generator))
            let fastProduct = fast.integer(fast.multiply(try fast.element(x), try fast.element(y)))
            let genericProduct = generic.integer(generic.multiply(try generic.element(x), try generic.element(y)))
            #expect(fastProduct == genericProduct)
        }
    }
}
