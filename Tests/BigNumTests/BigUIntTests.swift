import BigNum
import Octets
import TestSupport
import Testing

@Suite struct BigUIntTests {
    // MARK: Parsing and encoding

    @Test func hexParsesPrefixOddLengthAndLeadingZeros() throws {
        #expect(try BigUInt(hex: "0x1f") == BigUInt(31))
        #expect(try BigUInt(hex: "abc") == BigUInt(0xabc))
        #expect(try BigUInt(hex: "0000000000000000000000000000000000000001") == BigUInt(1))
        #expect(try BigUInt(hex: "FFFFFFFFFFFFFFFF") == BigUInt(UInt.max))
    }

    @Test func hexRejectsEmptyTextAndBadDigits() {
        #expect(throws: BigNumError.invalidHexadecimal(offset: 0)) { try BigUInt(hex: "") }
        #expect(throws: BigNumError.invalidHexadecimal(offset: 2)) { try BigUInt(hex: "0x") }
        #expect(throws: BigNumError.invalidHexadecimal(offset: 3)) { try BigUInt(hex: "123z") }
        #expect(throws: BigNumError.invalidHexadecimal(offset: 1)) { try BigUInt(hex: "1-2") }
    }

    @Test func hexStringOmitsLeadingZeros() throws {
        #expect(BigUInt().hexString == "0")
        #expect(BigUInt(0xabc).hexString == "abc")
        #expect(try BigUInt(hex: "000102").hexString == "102")
    }

    @Test func bigEndianBytesReadMostSignificantFirst() {
        #expect(BigUInt(bigEndianBytes: [0x01, 0x00]) == BigUInt(256))
        #expect(BigUInt(bigEndianBytes: []) == BigUInt())
        #expect(BigUInt(bigEndianBytes: [0, 0, 0, 7]) == BigUInt(7))
    }

    @Test func serializedPadsToTheRequestedLength() throws {
        #expect(try BigUInt(0x0102).serialized(byteCount: 4) == [0, 0, 1, 2])
        #expect(try BigUInt().serialized(byteCount: 2) == [0, 0])
        #expect(try BigUInt().serialized(byteCount: 0) == [])
    }

    @Test func serializedRejectsValueThatDoesNotFit() {
        #expect(throws: BigNumError.valueTooLarge(required: 3, available: 2)) {
            try BigUInt(0x01_0000).serialized(byteCount: 2)
        }
    }

    @Test func serializeParseRoundTripsRandomOctetStrings() throws {
        var generator = SeededGenerator.logged("serializeParseRoundTrips")
        for length in [1, 2, 31, 32, 33, 128, 129, 300] {
            var bytes = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            bytes[0] |= 1  // no leading zero, so the length is the value's own
            let value = BigUInt(bigEndianBytes: bytes)
            #expect(try value.serialized(byteCount: length) == bytes)
            #expect(value.minimalBigEndianBytes == bytes)
            #expect(try BigUInt(hex: Hex.encode(bytes)) == value)
            #expect(value.byteWidth == length)
        }
    }

    // MARK: Arithmetic against independent identities

    @Test func productOfConjugatesIsDifferenceOfSquares() throws {
        // (2^64 + 1)(2^64 − 1) = 2^128 − 1
        let twoTo64 = try BigUInt(hex: "10000000000000000")
        let product = (twoTo64 + 1) * (twoTo64 - 1)
        #expect(product == (try BigUInt(hex: "ffffffffffffffffffffffffffffffff")))
    }

    @Test func p256PrimeEqualsItsPublishedPowerOfTwoForm() throws {
        // FIPS 186-4 D.1.2.3: p = 2^256 − 2^224 + 2^192 + 2^96 − 1.
        let one = BigUInt(1)
        let p = (one << 256) - (one << 224) + (one << 192) + (one << 96) - one
        #expect(p == Fixtures.integer(Fixtures.p256Prime))
        #expect(p.bitWidth == 256)
        #expect(p >> 224 == BigUInt(0xffff_ffff))
    }

    @Test func divisionSatisfiesTheEuclideanIdentity() throws {
        var generator = SeededGenerator.logged("divisionSatisfiesEuclid")
        let divisor = try BigUInt.random(below: Fixtures.integer(Fixtures.sakkePrime), using: &generator) + 1
        for _ in 0 ..< 20 {
            let dividend = try BigUInt.random(below: divisor * divisor * divisor, using: &generator)
            let (quotient, remainder) = try dividend.quotientAndRemainder(dividingBy: divisor)
            #expect(remainder < divisor)
            #expect(quotient * divisor + remainder == dividend)
            #expect(try dividend.modulo(divisor) == remainder)
        }
        #expect(try BigUInt(100).quotientAndRemainder(dividingBy: 7) == (BigUInt(14), BigUInt(2)))
    }

    @Test func divisionByZeroThrows() {
        #expect(throws: BigNumError.divisionByZero) { try BigUInt(5).quotientAndRemainder(dividingBy: 0) }
        #expect(throws: BigNumError.divisionByZero) { try BigUInt(5).modulo(0) }
        #expect(throws: BigNumError.divisionByZero) { try BigUInt(5).inverse(modulo: 0) }
        #expect(throws: BigNumError.divisionByZero) { try BigUInt(5).power(2, modulus: 0) }
    }

    @Test func inverseOfKnownSmallValues() throws {
        #expect(try BigUInt(3).inverse(modulo: 7) == BigUInt(5))
        #expect(try BigUInt(10).inverse(modulo: 17) == BigUInt(12))
        #expect(try Fixtures.integer(Fixtures.Sakke.a).inverse(modulo: Fixtures.integer(Fixtures.sakkePrime))
            == Fixtures.integer(Fixtures.Sakke.inverse))
    }

    @Test func inverseThrowsWhenTheValueSharesAFactorWithTheModulus() {
        #expect(throws: BigNumError.notInvertible) { try BigUInt(2).inverse(modulo: 4) }
        #expect(throws: BigNumError.notInvertible) { try BigUInt(0).inverse(modulo: 7) }
        #expect(throws: BigNumError.notInvertible) { try BigUInt(21).inverse(modulo: 14) }
    }

    @Test func powerMatchesKnownAnswerForBothSecrecies() throws {
        let p = Fixtures.integer(Fixtures.sakkePrime)
        let a = Fixtures.integer(Fixtures.Sakke.a)
        let e = Fixtures.integer(Fixtures.Sakke.e)
        let expected = Fixtures.integer(Fixtures.Sakke.power)
        #expect(try a.power(e, modulus: p) == expected)
        #expect(try a.power(e, modulus: p, secrecy: .secret) == expected)
    }

    @Test func fermatsLittleTheoremHoldsForRandomBases() throws {
        var generator = SeededGenerator.logged("fermat")
        for modulusHex in [Fixtures.p256Prime, Fixtures.p256Order, Fixtures.sakkePrime, Fixtures.sakkeOrder] {
            let p = Fixtures.integer(modulusHex)
            let base = try BigUInt.random(below: p - 1, using: &generator) + 1
            #expect(try base.power(p - 1, modulus: p) == BigUInt(1))
            #expect(try base.power(p - 1, modulus: p, secrecy: .secret) == BigUInt(1))
        }
    }

    @Test func secretPowerRejectsEvenModulusAndZeroExponent() throws {
        #expect(throws: BigNumError.unsupportedModulus) { try BigUInt(3).power(5, modulus: 10, secrecy: .secret) }
        #expect(throws: BigNumError.unsupportedExponent) { try BigUInt(3).power(0, modulus: 11, secrecy: .secret) }
        #expect(try BigUInt(3).power(0, modulus: 11) == BigUInt(1))
    }

    @Test func squareRootSquaresBackForPrimeThreeModFour() throws {
        var generator = SeededGenerator.logged("squareRoot")
        let p = Fixtures.integer(Fixtures.sakkePrime)
        for _ in 0 ..< 5 {
            let x = try BigUInt.random(below: p, using: &generator)
            let square = try (x * x).modulo(p)
            let root = try square.squareRoot(modulo: p)
            #expect(root == x || root + x == p)
        }
        let smallRoot = try BigUInt(4).squareRoot(modulo: 7)
        #expect(smallRoot == BigUInt(2) || smallRoot == BigUInt(5))
    }

    @Test func squareRootRejectsNonResidueAndUnsupportedPrime() {
        // −1 is not a square modulo p ≡ 3 (mod 4); 3 is not a square modulo 7.
        let p = Fixtures.integer(Fixtures.sakkePrime)
        #expect(throws: BigNumError.notAQuadraticResidue) { try (p - 1).squareRoot(modulo: p) }
        #expect(throws: BigNumError.notAQuadraticResidue) { try BigUInt(3).squareRoot(modulo: 7) }
        #expect(throws: BigNumError.unsupportedModulus) { try BigUInt(4).squareRoot(modulo: 13) }
    }

    // MARK: Bits, order, hashing

    @Test func bitWidthAndTestBitFollowTheBinaryForm() {
        #expect(BigUInt().bitWidth == 0)
        #expect(BigUInt(1).bitWidth == 1)
        #expect(BigUInt(0b1010).bitWidth == 4)
        #expect(BigUInt(0b1010).testBit(1))
        #expect(!BigUInt(0b1010).testBit(2))
        #expect(!BigUInt(0b1010).testBit(-1))
        #expect((BigUInt(1) << 200).testBit(200))
        #expect((BigUInt(1) << 200).bitWidth == 201)
    }

    @Test func comparisonAndHashingAgreeAcrossConstructions() throws {
        let fromHex = try BigUInt(hex: "0100")
        let fromBytes = BigUInt(bigEndianBytes: [0, 1, 0])
        #expect(fromHex == fromBytes)
        #expect(fromHex.hashValue == fromBytes.hashValue)
        #expect(BigUInt(255) < fromHex)
        #expect(Set([fromHex, fromBytes, BigUInt(7)]).count == 2)
    }

    @Test func copiesAreIndependentValues() {
        let original = BigUInt(41)
        var copy = original
        copy = copy + 1
        #expect(original == BigUInt(41))
        #expect(copy == BigUInt(42))
    }

    @Test func primalityTestKnowsPrimesAndCarmichaelNumbers() {
        #expect(Fixtures.integer(Fixtures.sakkePrime).isProbablePrime)
        #expect(Fixtures.integer(Fixtures.p256Order).isProbablePrime)
        #expect(!BigUInt(561).isProbablePrime)  // Carmichael number 3·11·17
        #expect(!(Fixtures.integer(Fixtures.sakkePrime) * Fixtures.integer(Fixtures.sakkeOrder)).isProbablePrime)
        #expect(!BigUInt(1).isProbablePrime)
    }

    // MARK: Random

    @Test func randomStaysBelowTheBoundAndCoversIt() throws {
        var generator = SeededGenerator.logged("randomCovers")
        var seen = Set<BigUInt>()
        for _ in 0 ..< 400 {
            let value = try BigUInt.random(below: 10, using: &generator)
            #expect(value < BigUInt(10))
            seen.insert(value)
        }
        #expect(seen.count == 10)
        let bound = Fixtures.integer(Fixtures.sakkeOrder)
        for _ in 0 ..< 50 { #expect(try BigUInt.random(below: bound) < bound) }
    }

    @Test func randomIsReproducibleFromTheSeed() throws {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        let bound = Fixtures.integer(Fixtures.p256Order)
        #expect(try BigUInt.random(below: bound, using: &first) == BigUInt.random(below: bound, using: &second))
    }

    @Test func randomRejectsZeroBound() {
        #expect(throws: BigNumError.divisionByZero) { try BigUInt.random(below: 0) }
    }
}
