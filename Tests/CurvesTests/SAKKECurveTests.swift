import BigNum
import Octets
import Curves
import Testing

@Suite struct SAKKECurveTests {
    /// RFC 6508 Appendix A: Z = [z]P.
    @Test func kmsPublicKeyOfTheExampleIsZTimesP() throws {
        let z = try BigUInt(hex: "aff429d35f84b110d094803b3595a6e2998bc99f")
        #expect(Hex.encode(try SAKKECurve.multiply(SAKKECurve.generator, z).encoded) == "045958ef1b1679bf099b3a030df255aa6a23c1d8f143d4d23f753e69bd27a832f38cb4ad53ddef4260b0fe8bb45c4c1ff510effe300367a37b61f701d914aef09724825fa0707d61a6dff4fbd7273566cdde352a0b04b7c16a78309be640697de747613a5fc195e8b9f328852a579db8f99b1d0034479ea9c5595f47c4b2f54ff21508d37514dcf7a8e143a6058c09a6bf2c9858ca37c258065ae6bf7532bc8b5b63383866e0753c5ac0e72709f8445f2e6178e065857e0eda10f68206b63505ed87e534fb2831ff957fb7dc619dae61301eeacc2fda3680ea4999258a833cea8fc67c6d19487fb449059f26cc8aab655ab58b7cc796e24e9a394095754f5f8bae")
    }

    @Test func generatorIsInTheSubgroupAndSmallOrderPointsAreNot() throws {
        #expect(SAKKECurve.isInPrimeOrderSubgroup(SAKKECurve.generator))
        // (0, 0) is on y^2 = x^3 - 3x and has order 2.
        let twoTorsion = try SAKKEPoint(encoded: [0x04] + [UInt8](repeating: 0, count: 256))
        #expect(!SAKKECurve.isInPrimeOrderSubgroup(twoTorsion))
        #expect(throws: CurveError.pointAtInfinity) { try SAKKECurve.multiply(SAKKECurve.generator, SAKKECurve.order) }
    }

    @Test func ladderAgreesWithRepeatedAddition() throws {
        let p = SAKKECurve.generator
        let two = try SAKKECurve.add(p, p)
        let three = try SAKKECurve.add(two, p)
        #expect(try SAKKECurve.multiply(p, 2) == two)
        #expect(try SAKKECurve.multiply(p, 3) == three)
        #expect(try SAKKECurve.multiply(p, SAKKECurve.order - 1) == p.negated)
        let k = try BigUInt(hex: "323031312d30320074656c3a2b34343737303039303031323300")
        #expect(try SAKKECurve.multiplyVartime(p, k) == SAKKECurve.multiply(p, k))
        #expect(try SAKKECurve.multiplyVartime(p, 3) == three)
        #expect(throws: CurveError.pointAtInfinity) { try SAKKECurve.multiplyVartime(p, SAKKECurve.order) }
        #expect(throws: CurveError.pointAtInfinity) { try SAKKECurve.add(p, p.negated) }
    }
}
