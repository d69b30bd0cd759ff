import BigNum
@testable import Curves
import Octets
import Testing
import TestSupport

/// k as a scalar of ⟨P⟩ (a public value in a test).
func scalar(_ k: BigUInt) -> FieldElement {
    SAKKECurve.scalarField.element(reducing: k)
}

/// A random point of the whole curve (order 1, 2, 4, q, 2q or 4q), from the seeded generator.
func randomCurvePoint(_ generator: inout SeededGenerator) throws -> SAKKEPoint {
    let field = SAKKECurve.field
    while true {
        let x = try field.element(BigUInt.random(below: field.modulus, using: &generator))
        let right = field.multiply(x, field.subtract(field.square(x), field.element(word: 3)))
        if let y = try? field.squareRoot(right), !field.isZero(y) { return SAKKEPoint(unchecked: x, y) }
    }
}

/// The exact subgroup test: [q]Q = O ⟺ [q − 1]Q = −Q.
func isOfOrderQ(_ point: SAKKEPoint) throws -> Bool {
    try SAKKECurve.multiply(point, scalar(SAKKECurve.order - 1)) == point.negated
}

@Suite struct SAKKECurveTests {
    /// RFC 6508 Appendix A: Z = [z]P.
    @Test func kmsPublicKeyOfTheExampleIsZTimesP() throws {
        let z = try BigUInt(hex: "aff429d35f84b110d094803b3595a6e2998bc99f")
        #expect(Hex.encode(try SAKKECurve.multiply(SAKKECurve.generator, scalar(z)).encoded) == "045958ef1b1679bf099b3a030df255aa6a23c1d8f143d4d23f753e69bd27a832f38cb4ad53ddef4260b0fe8bb45c4c1ff510effe300367a37b61f701d914aef09724825fa0707d61a6dff4fbd7273566cdde352a0b04b7c16a78309be640697de747613a5fc195e8b9f328852a579db8f99b1d0034479ea9c5595f47c4b2f54ff21508d37514dcf7a8e143a6058c09a6bf2c9858ca37c258065ae6bf7532bc8b5b63383866e0753c5ac0e72709f8445f2e6178e065857e0eda10f68206b63505ed87e534fb2831ff957fb7dc619dae61301eeacc2fda3680ea4999258a833cea8fc67c6d19487fb449059f26cc8aab655ab58b7cc796e24e9a394095754f5f8bae")
    }

    @Test func aPointDescribesItselfByItsEncoding() {
        let text = "\(SAKKECurve.generator)"
        #expect(text.hasPrefix("SAKKEPoint(04"))
        #expect(text.count == "SAKKEPoint()".count + 2 * SAKKEPoint.encodedCount)
        // RFC 6509 Appendix A: P's x coordinate begins 53fc09ee 332c29ad.
        #expect(text.hasPrefix("SAKKEPoint(0453fc09ee332c29ad"))
    }

    @Test func decodingRefusesTheTwoTorsionPointAsOutsideTheSubgroup() throws {
        #expect(SAKKECurve.isInPrimeOrderSubgroupVartime(SAKKECurve.generator))
        // (0, 0) is on y² = x³ − 3x and has order 2.
        #expect(throws: CurveError.notInSubgroup) { try SAKKEPoint(encoded: [0x04] + [UInt8](repeating: 0, count: 256)) }
        #expect(throws: CurveError.pointAtInfinity) { try SAKKECurve.multiply(SAKKECurve.generator, scalar(SAKKECurve.order)) }
    }

    /// The quadratic-character test against [q − 1]Q = −Q on random points of
    /// the whole curve (a quarter of them in ⟨P⟩), their multiples by 2 and 4,
    /// and [k]P + (0, 0).
    @Test func cheapSubgroupTestAgreesWithMultiplicationByTheOrder() throws {
        var generator = SeededGenerator(seed: 0x5AB6_2026)
        print("seed 0x5AB62026")
        var inside = 0, outside = 0
        for _ in 0 ..< 12 {
            let point = try randomCurvePoint(&generator)
            let exact = try isOfOrderQ(point)
            #expect(SAKKECurve.isInPrimeOrderSubgroupVartime(point) == exact)
            if exact { inside += 1 } else { outside += 1 }
            let twice = try SAKKECurve.add(point, point)
            #expect(SAKKECurve.isInPrimeOrderSubgroupVartime(twice) == (try isOfOrderQ(twice)))
            let four = try SAKKECurve.add(twice, twice)
            #expect(SAKKECurve.isInPrimeOrderSubgroupVartime(four))
            if !exact { #expect(throws: CurveError.notInSubgroup) { try SAKKEPoint(encoded: point.encoded) } }
        }
        print("random points in ⟨P⟩: \(inside), outside: \(outside)")
        #expect(outside > 0)
        let twoTorsion = SAKKEPoint(unchecked: SAKKECurve.field.zero, SAKKECurve.field.zero)
        let shifted = try SAKKECurve.add(SAKKECurve.multiply(SAKKECurve.generator, scalar(12345)), twoTorsion)
        #expect(!SAKKECurve.isInPrimeOrderSubgroupVartime(shifted))
        #expect(throws: CurveError.notInSubgroup) { try SAKKEPoint(encoded: shifted.encoded) }
    }

    @Test func ladderAgreesWithRepeatedAddition() throws {
        let p = SAKKECurve.generator
        let two = try SAKKECurve.add(p, p)
        let three = try SAKKECurve.add(two, p)
        #expect(try SAKKECurve.multiply(p, scalar(2)) == two)
        #expect(try SAKKECurve.multiply(p, scalar(3)) == three)
        #expect(try SAKKECurve.multiply(p, scalar(SAKKECurve.order - 1)) == p.negated)
        #expect(throws: CurveError.pointAtInfinity) { try SAKKECurve.add(p, p.negated) }
    }
}
