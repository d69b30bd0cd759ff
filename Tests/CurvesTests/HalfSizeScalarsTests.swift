import BigNum
@testable import Curves
import Testing
import TestSupport

@Suite struct HalfSizeScalarsTests {
    static let q = (try? BigUInt(hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")) ?? BigUInt()

    static func integer(_ words: HalfSizeScalars.Words) -> BigUInt {
        [words.3, words.2, words.1, words.0].reduce(BigUInt()) { ($0 << 64) + BigUInt(UInt($1)) }
    }

    static func words(_ value: BigUInt) -> HalfSizeScalars.Words {
        (UInt64(value.limb(0)), UInt64(value.limb(1)), UInt64(value.limb(2)), UInt64(value.limb(3)))
    }

    @Test func decompositionGivesHalfLengthScalarsWithTheRightRatio() throws {
        var generator = SeededGenerator.logged("halfSizeScalars")
        let bound = BigUInt(1) << 128
        for _ in 0 ..< 200 {
            let h = try BigUInt.random(below: Self.q - 1, using: &generator) + 1
            let (a, b, negative) = try #require(HalfSizeScalars.decompose(Self.words(h)))
            let (aValue, bValue) = (Self.integer(a), Self.integer(b))
            #expect(aValue < bound && bValue < bound && bValue > 0)
            // a ≡ b·h (mod q), with b's sign.
            let bh = try (bValue * h).modulo(Self.q)
            let expected = negative ? try (Self.q - bh).modulo(Self.q) : bh
            #expect(aValue == expected)
        }
    }

    @Test func divisionMatchesIntegerDivisionAcrossQuotientSizes() throws {
        var generator = SeededGenerator.logged("halfSizeDivide")
        for shift in [0, 1, 5, 30, 31, 40, 63, 64, 100] {
            for _ in 0 ..< 20 {
                let y = try BigUInt.random(below: BigUInt(1) << (255 - shift), using: &generator) + 1
                let x = try BigUInt.random(below: BigUInt(1) << 255, using: &generator) + y
                let expected = try x.quotientAndRemainder(dividingBy: y)
                if let (quotient, remainder) = HalfSizeScalars.divide(Self.words(x), by: Self.words(y)) {
                    #expect(BigUInt(UInt(quotient)) == expected.quotient)
                    #expect(Self.integer(remainder) == expected.remainder)
                } else {
                    #expect(expected.quotient.bitWidth > 64)
                }
            }
        }
    }

    @Test func multipleCheckAcceptsExactlyTheMultiple() throws {
        var generator = SeededGenerator.logged("isMultiple")
        let scalars = P256.scalars
        let point = try P256.multiplyGenerator(scalars.randomNonzeroElement(using: &generator))
        let small = [UInt64(1), 2, 5, 1 << 40].map { scalars.element(word: $0) }
        let edge = [scalars.negate(scalars.one), scalars.negate(scalars.element(word: 2))]
        let randoms = (0 ..< 10).map { _ in scalars.randomNonzeroElement(using: &generator) }
        for h in small + edge + randoms {
            let l = try P256.multiplyVartime(point, h)
            #expect(P256.isMultipleVartime(l, of: point, by: h))
            #expect(!P256.isMultipleVartime(l, of: point, by: scalars.add(h, scalars.one)))
            #expect(!P256.isMultipleVartime(l.negated, of: point, by: h))
        }
        #expect(!P256.isMultipleVartime(point, of: point, by: scalars.zero))
        #expect(P256.isMultipleVartime(point, of: point, by: scalars.one))
    }

    @Test func generatorRelationHoldsExactlyForMatchingScalars() throws {
        var generator = SeededGenerator.logged("generatorRelation")
        let scalars = P256.scalars
        for _ in 0 ..< 6 {
            let (x, y, h) = (
                scalars.randomNonzeroElement(using: &generator), scalars.randomNonzeroElement(using: &generator),
                scalars.randomNonzeroElement(using: &generator))
            let (q, point) = (try P256.multiplyGenerator(x), try P256.multiplyGenerator(y))
            // k = x + h·y, so [k]G = Q + [h]P with Q = [x]G and P = [y]G.
            let k = scalars.add(x, scalars.multiply(h, y))
            #expect(P256.generatorMultiple(k, equals: q, plusMultipleOf: point, by: h))
            #expect(!P256.generatorMultiple(scalars.add(k, scalars.one), equals: q, plusMultipleOf: point, by: h))
            #expect(!P256.generatorMultiple(k, equals: q, plusMultipleOf: point, by: scalars.add(h, scalars.one)))
            #expect(!P256.generatorMultiple(k, equals: q.negated, plusMultipleOf: point, by: h))
            // [x]G = Q exactly: the relation holds only with h = 0.
            #expect(P256.generatorMultiple(x, equals: q, plusMultipleOf: point, by: scalars.zero))
            #expect(!P256.generatorMultiple(x, equals: q, plusMultipleOf: point, by: h))
        }
    }
}
