import BigNum
@testable import Curves
import Foundation
import Octets
import Testing
import TestSupport

@Suite struct TatePairingTests {
    /// g = ⟨P, P⟩ of RFC 6508/6509 Appendix A, normalised to a = 1 (rfc6508-sakke.json test 6).
    static let g = "66fc2a432b6ea392148f15867d623068c6a87bd1fb94c41e27fabe658e015a87371e94744c96feda449ae9563f8bc446cbfda85d5d00ef577072da8f541721beee0faed1828eab90b99dfb0138c7843355df0460b4a9fd74b4f1a32bcafa1ffad682c033a7942bcce3720f20b9b7b0403c8cae87b7a0042acde0fab36461ea46"

    @Test func pairingOfTheGeneratorWithItselfIsTheRFCsG() throws {
        let p = SAKKECurve.generator
        let value = TatePairing.reduced(p, p)
        #expect(Hex.encode(try value.normalizedBytes()) == Self.g)
        #expect(value == SAKKECurve.g)
        #expect(Hex.encode(try SAKKECurve.g.normalizedBytes()) == Self.g)
    }

    @Test func pairingValuesAreEqualExactlyWhenTheirClassesAre() throws {
        let field = SAKKECurve.field
        let value = TatePairing.reduced(SAKKECurve.generator, SAKKECurve.generator)
        // The same class scaled by 7 ∈ F_p* is equal; 1 + (b + 1)·i is not.
        let seven = field.element(word: 7)
        let scaled = PairingValue(QuadraticExtensionElement(
            real: field.multiply(value.representative.real, seven), imaginary: field.multiply(value.representative.imaginary, seven)))
        #expect(scaled == value)
        let b = try value.normalizedImaginaryPart()
        #expect(PairingValue(imaginaryPart: field.add(b, field.one)) != value)
        // The class of i has no representative with a = 1.
        #expect(throws: BigNumError.notInvertible) { try PairingValue(QuadraticExtensionElement(real: field.zero, imaginary: field.one)).normalizedBytes() }
        #expect(String(describing: value) == "PairingValue(redacted)")
    }
}

extension TatePairingTests {
    /// ⟨R_(b,S), K_(b,S)⟩ = g^r of RFC 6508 Appendix A (rfc6508-sakke.json test 7).
    @Test func pairingOfTheExampleEncapsulationWithTheRSKIsGToTheR() throws {
        let r = try SAKKEPoint(encoded: Hex.decode(Self.exampleR))
        let rsk = try SAKKEPoint(encoded: Hex.decode(Self.exampleRSK))
        #expect(Hex.encode(try TatePairing.reduced(r, rsk).normalizedBytes()) == Self.gToTheR)
    }

    @Test func precomputedLinesGiveTheColdPairingAndThePairingIsSymmetricOnTheGroupOfP() throws {
        let r = try SAKKEPoint(encoded: Hex.decode(Self.exampleR))
        let rsk = try SAKKEPoint(encoded: Hex.decode(Self.exampleRSK))
        let precomputed = SAKKEPairingPrecomputation(rsk)
        let value = precomputed.pairing(with: r)
        #expect(value == TatePairing.reduced(rsk, r))
        #expect(Hex.encode(try value.normalizedBytes()) == Self.gToTheR)
    }

    @Test func theNativeMillerStepsGiveTheBitsOfTheSwiftFormulas() throws {
        // The one-call-a-step loop (SAKKEMillerLoop over CFieldKernel) against the
        // same formulas composed of Swift field operations (millerLoop + Evaluator):
        // T = [q − 1]R in the same Jacobian coordinates and the same accumulator.
        try #require(SAKKECurve.field.usesNativeEngine, "the native 1024-bit engine (x86-64 with BMI2)")
        var generator = SeededGenerator.logged("nativeMillerSteps")
        for _ in 0 ..< 3 {
            let r = try SAKKECurve.multiply(SAKKECurve.generator, SAKKECurve.scalarField.randomNonzeroElement(using: &generator))
            let q = try SAKKECurve.multiply(SAKKECurve.generator, SAKKECurve.scalarField.randomNonzeroElement(using: &generator))
            var evaluator = TatePairing.Evaluator(q: q)
            let (x, y, z) = TatePairing.millerLoop(r, &evaluator)
            let (nativeX, nativeY, nativeZ, nativeValue) = TatePairing.coldMillerLoop(r, q)
            #expect(nativeX == x && nativeY == y && nativeZ == z)
            #expect(nativeValue == evaluator.value)
        }
    }

    @Test func pointDecodingRejectsMalformedAndOffCurvePoints() throws {
        var bytes = try Hex.decode(Self.exampleRSK)
        #expect(throws: CurveError.invalidLength(expected: 257, actual: 256)) { try SAKKEPoint(encoded: bytes.dropLast()) }
        #expect(throws: CurveError.pointAtInfinity) { try SAKKEPoint(encoded: [0]) }
        bytes[256] ^= 1
        #expect(throws: CurveError.notOnCurve) { try SAKKEPoint(encoded: bytes) }
        bytes[0] = 0x03
        #expect(throws: CurveError.unsupportedEncoding(prefix: 0x03)) { try SAKKEPoint(encoded: bytes) }
        #expect(throws: CurveError.coordinateOutOfRange) { try SAKKEPoint(encoded: [0x04] + [UInt8](repeating: 0xFF, count: 256)) }
        #expect(SAKKECurve.generator.encoded.count == 257)
    }
}

extension TatePairingTests {
    static let exampleR = "0444e8ad44ab8592a6a5a3ddca5cf896c718043606a01d650def37a01f37c228c332fc317354e2c274d4daf8ad001054c76ce57971c6f4486d5723043261c506ebf5be438f53de04f067c776e0dd3b71a6290133283725a532f21af145126dc1d777ecc27be50835bd28098b8a73d9f801d893793a41ff5c49b87e79f2be4d56ce557e134ad85bb1d4b9ce4f8be4b08a12babf55b1d6f1d7a638019ea28e15ab1c9f76375fdd1210d4f4351b9a009486b7f3ed46c965ded2d80dade4f38c6721d52c3ad103a10ebd2959248b4ef006836bf097448e6107c9edee9fb704823df199f832c905ae45f8a247a072d8ef729eabc5e27574b07739b34be74a532f747b86"
    static let exampleRSK = "0493af67e5007ba6e6a80da793da300fa4b52d0a74e25e6e7b2b3d6ee9d18a9b5c5023597bd82d8062d34019563ba1d25c0dc56b7b979d74aa50f29fbf11cc2c93f5dfca615e609279f6175ceadb00b58c6bee1e7a2a47c4f0c456f05259a6fa94a634a40dae1df593d4fecf688d5fc678be7efc6df3d6835325b83b2c6e69036b155f0a27241094b04bfb0bdfac6c670a65c325d39a069f03659d44ca27d3be8df311172b554160181cbe94a2a783320ced590bc42644702cf371271e496bf20f588b78a1bc01ecbb6559934bdd2fb65d2884318a33d1a42adf5e33cc5800280b28356497f87135bab9612a17260424409ac15fee996b744c332151235decb0f5"
    static let gToTheR = "7d2a8438e6291c649b6579eb3b79eae948b1de9e5f7d1f4070a08f8db6b3c5156f2201affbb5cb9d82aa3ec0d0398b89abc78a13a760c0bf3f77e63d0df3f1a341a41b8811df197fd6cd0f003125606f4f109f400f7292a10d255e3c0ebccb4253fb182c68f09cf6cd9c4a53da6c74ad007af36b8bca979d5895e282f483fcd6"
}
