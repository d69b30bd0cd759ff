import BigNum
import Octets
import TestSupport
import Testing

@Suite struct PrimeFieldTests {
    static let moduli = [Fixtures.p256Prime, Fixtures.p256Order, Fixtures.sakkePrime, Fixtures.sakkeOrder]

    // MARK: Construction

    @Test func fieldRejectsModuliThatAreNotOddPrimesUpTo1024Bits() {
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: 0) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: 1) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: 2) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: 561) }
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: 1 << 100) }
        // The next prime above 2^1024 has 1025 bits; 2^1024 + 643 is one (checked with Python).
        #expect(throws: BigNumError.invalidFieldModulus) { try PrimeField(modulus: (BigUInt(1) << 1024) + 643) }
    }

    @Test func fieldReportsTheSizesOfItsModulus() throws {
        let field = try PrimeField(modulus: Fixtures.integer(Fixtures.sakkeOrder))
        #expect(field.bitWidth == 1022)
        #expect(field.byteCount == 128)
        let small = try PrimeField(modulus: 7)
        #expect(small.byteCount == 1)
    }

    // MARK: Known answers (SAKKE prime)

    @Test func multiplyPowerAndInverseMatchKnownAnswers() throws {
        let field = try PrimeField(modulus: Fixtures.integer(Fixtures.sakkePrime))
        let a = try field.element(Fixtures.integer(Fixtures.Sakke.a))
        let b = try field.element(Fixtures.integer(Fixtures.Sakke.b))
        let e = Fixtures.integer(Fixtures.Sakke.e)
        #expect(field.integer(field.multiply(a, b)) == Fixtures.integer(Fixtures.Sakke.product))
        #expect(field.integer(field.power(a, e)) == Fixtures.integer(Fixtures.Sakke.power))
        #expect(field.integer(field.powerVartime(a, e)) == Fixtures.integer(Fixtures.Sakke.power))
        #expect(field.integer(try field.inverse(a)) == Fixtures.integer(Fixtures.Sakke.inverse))
        #expect(field.integer(try field.inverseVartime(a)) == Fixtures.integer(Fixtures.Sakke.inverse))
    }

    // MARK: Against GMP's mpz (BigUInt) on random operands

    @Test(arguments: moduli)
    func arithmeticAgreesWithIntegerArithmetic(modulusHex: String) throws {
        var generator = SeededGenerator.logged("fieldAgreesWithMpz \(modulusHex.prefix(8))")
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField(modulus: p)
        let edges = [BigUInt(0), BigUInt(1), BigUInt(2), p - 1, p - 2]
        let randoms = try (0 ..< 12).map { _ in try BigUInt.random(below: p, using: &generator) }
        let values = edges + randoms
        for (index, x) in values.enumerated() {
            let y = values[(index * 7 + 3) % values.count]
            let z = values[(index * 5 + 1) % values.count]
            let w = values[(index * 3 + 2) % values.count]
            let (fx, fy, fz, fw) = (try field.element(x), try field.element(y), try field.element(z), try field.element(w))
            #expect(field.integer(fx) == x)
            #expect(field.integer(field.add(fx, fy)) == (try (x + y).modulo(p)))
            #expect(field.integer(field.subtract(fx, fy)) == (try (x + p - y).modulo(p)))
            #expect(field.integer(field.negate(fx)) == (try (p - x).modulo(p)))
            #expect(field.integer(field.multiply(fx, fy)) == (try (x * y).modulo(p)))
            #expect(field.integer(field.square(fx)) == (try (x * x).modulo(p)))
            #expect(field.integer(field.sumOfProducts(fx, fy, fz, fw)) == (try (x * y + z * w).modulo(p)))
            #expect(field.integer(field.differenceOfProducts(fx, fy, fz, fw))
                == (try (x * y + p * p - z * w).modulo(p)))
            #expect(field.isZero(fx) == x.isZero)
            #expect(field.bytes(fx) == (try x.serialized(byteCount: field.byteCount)))
        }
    }

    @Test(arguments: moduli)
    func exponentiationAgreesWithMpzPowm(modulusHex: String) throws {
        var generator = SeededGenerator.logged("powerAgreesWithPowm \(modulusHex.prefix(8))")
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField(modulus: p)
        let exponents: [BigUInt] = [0, 1, 2, 3, 16, 17, p - 2, p - 1, p, p * p + 5,
            try BigUInt.random(below: p, using: &generator), try BigUInt.random(below: 1 << 70, using: &generator)]
        let base = try BigUInt.random(below: p, using: &generator)
        let element = try field.element(base)
        for exponent in exponents {
            let expected = try base.power(exponent, modulus: p)
            #expect(field.integer(field.power(element, exponent)) == expected)
            #expect(field.integer(field.powerVartime(element, exponent)) == expected)
        }
        #expect(field.power(field.zero, 0) == field.one)
        #expect(field.powerVartime(field.zero, 5) == field.zero)
    }

    @Test(arguments: moduli)
    func inverseTimesValueIsOne(modulusHex: String) throws {
        var generator = SeededGenerator.logged("inverse \(modulusHex.prefix(8))")
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField(modulus: p)
        for value in [BigUInt(1), BigUInt(2), p - 1, try BigUInt.random(below: p - 1, using: &generator) + 1] {
            let element = try field.element(value)
            let inverse = try field.inverse(element)
            #expect(field.multiply(element, inverse) == field.one)
            #expect(try field.inverseVartime(element) == inverse)
            #expect(field.integer(inverse) == (try value.inverse(modulo: p)))
        }
    }

    @Test(arguments: moduli)
    func batchInversesMatchIntegerInverses(modulusHex: String) throws {
        var generator = SeededGenerator.logged("batch inverses \(modulusHex.prefix(8))")
        let p = Fixtures.integer(modulusHex)
        let field = try PrimeField(modulus: p)
        let values = [BigUInt(1), p - 1] + (try (0 ..< 9).map { _ in try BigUInt.random(below: p - 1, using: &generator) + 1 })
        let inverses = try field.inverses(of: values.map { try field.element($0) })
        #expect(inverses.count == values.count)
        for (value, inverse) in zip(values, inverses) {
            #expect(field.integer(inverse) == (try value.inverse(modulo: p)))
        }
        #expect(try field.inverses(of: []).isEmpty)
        #expect(throws: BigNumError.notInvertible) { try field.inverses(of: [field.one, field.zero, field.one]) }
    }

    @Test func inverseOfZeroThrows() throws {
        let field = try PrimeField(modulus: Fixtures.integer(Fixtures.p256Prime))
        #expect(throws: BigNumError.notInvertible) { try field.inverse(field.zero) }
        #expect(throws: BigNumError.notInvertible) { try field.inverseVartime(field.zero) }
    }

    @Test func squareRootSquaresBackAndRejectsNonResidues() throws {
        var generator = SeededGenerator.logged("fieldSquareRoot")
        let p = Fixtures.integer(Fixtures.sakkePrime)
        let field = try PrimeField(modulus: p)
        let x = try field.element(try BigUInt.random(below: p, using: &generator))
        let root = try field.squareRoot(field.square(x))
        #expect(root == x || root == field.negate(x))
        #expect(throws: BigNumError.notAQuadraticResidue) { try field.squareRoot(field.negate(field.one)) }
        // 13 ≡ 1 (mod 4): no square-root exponent.
        let other = try PrimeField(modulus: 13)
        #expect(throws: BigNumError.unsupportedModulus) { try other.squareRoot(other.one) }
    }

    // MARK: Conversions and hostile input

    @Test func elementRejectsValuesNotBelowTheModulus() throws {
        let p = Fixtures.integer(Fixtures.p256Prime)
        let field = try PrimeField(modulus: p)
        #expect(throws: BigNumError.notAFieldElement) { try field.element(p) }
        #expect(throws: BigNumError.notAFieldElement) { try field.element(p + 1) }
        #expect(field.element(reducing: p + 5) == field.element(word: 5))
    }

    @Test func elementFromBytesRequiresTheExactLength() throws {
        let p = Fixtures.integer(Fixtures.p256Prime)
        let field = try PrimeField(modulus: p)
        #expect(throws: BigNumError.invalidLength(expected: 32, actual: 31)) {
            try field.element(bigEndianBytes: [UInt8](repeating: 0, count: 31))
        }
        #expect(throws: BigNumError.invalidLength(expected: 32, actual: 33)) {
            try field.element(bigEndianBytes: [UInt8](repeating: 0, count: 33))
        }
        #expect(throws: BigNumError.notAFieldElement) {
            try field.element(bigEndianBytes: [UInt8](repeating: 0xff, count: 32))
        }
        let bytes = try (p - 1).serialized(byteCount: 32)
        #expect(field.bytes(try field.element(bigEndianBytes: bytes)) == bytes)
    }

    @Test func wipeLeavesZero() throws {
        let field = try PrimeField(modulus: Fixtures.integer(Fixtures.p256Prime))
        var secret = field.element(word: 12345)
        secret.wipe()
        #expect(secret == field.zero)
    }

    @Test func fieldIsUsableFromManyTasksAtOnce() async throws {
        let p = Fixtures.integer(Fixtures.sakkePrime)
        let field = try PrimeField(modulus: p)
        let a = try field.element(Fixtures.integer(Fixtures.Sakke.a))
        let b = try field.element(Fixtures.integer(Fixtures.Sakke.b))
        let expected = Fixtures.integer(Fixtures.Sakke.product)
        let results = await withTaskGroup(of: BigUInt.self) { group in
            for _ in 0 ..< 8 { group.addTask { field.integer(field.multiply(a, b)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
