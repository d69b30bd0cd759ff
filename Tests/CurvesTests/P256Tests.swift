import BigNum
import Octets
import Curves
import Testing
import TestSupport

/// Known answers computed independently with textbook affine formulas in
/// Python (integers, pow(x, -1, p)); the KPAK one is also RFC 6507 Appendix A's.
enum KnownMultiples {
    static let generatorMultiples: [(String, String)] = [
        ("1", "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5"),
        ("2", "047cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc4766997807775510db8ed040293d9ac69f7430dbba7dade63ce982299e04b79d227873d1"),
        ("3", "045ecbe4d1a6330a44c8f7ef951d4bf165e6c6b721efada985fb41661bc6e7fd6c8734640c4998ff7e374b06ce1a64a2ecd82ab036384fb83d9a79b127a27d5032"),
        ("10", "0476a94d138a6b41858b821c629836315fcd28392eff6ca038a5eb4787e1277c6ea985fe61341f260e6cb0a1b5e11e87208599a0040fc78baa0e9ddd724b8c5110"),
        ("11", "0447776904c0f1cc3a9c0984b66f75301a5fa68678f0d64af8ba1abce34738a73eaa005ee6b5b957286231856577648e8381b2804428d5733f32f787ff71f1fcdc"),
        ("1f", "04301d9e502dc7e05da85da026a7ae9aa0fac9db7d52a95b3e3e3f9aa0a1b45b8b6551b6f6b3061223e0d23c026b017d72298d9ae46887ca61d58db6aea17ee267"),
        ("20", "042377c7d690a242ca6c45074e8ea5beefaa557fd5b68371d9d1475bd52a7ed0e147a13fb98413a4393f8d90e9bf901b7e6658a6cdecf46716e7c067b1ddb8d2b2"),
        ("21", "049807d699fcd81356fa9aa25b89d9d34ea03b0a533aa872fd65c100f3cb2cd793c2a59cdccab11bf286a01a4d1d091b2fffe630b96c5878532f6bf92479634af4"),
        ("12345", "0450d4670bde75244f28d2838a0d25558a7a72686d4522d4c8273fb6442aebfa93dbdd37551afd263b5dfd617f3960c65a8c298850ff99f20366dce7d4367217f4"),
        ("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550", "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296b01cbd1c01e58065711814b583f061e9d431cca994cea1313449bf97c840ae0a"),
        ("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f", "047cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978f888aaee24712fc0d6c26539608bcf244582521ac3167dd661fb4862dd878c2e"),
        ("8000000000000000000000000000000000000000000000000000000000000000", "0477b20a912e6b23135066e911891524bc4efe3560e3e92350b52dec8f375f2b54a3dc291825cea3f7f7b10bfcdd038a72df623da1e850e0f1caa801fcd6cc67ff"),
        ("deadbeef00000000000000000000000000000000000000000000003039", "04bb597e984422a148883ce7908b9f9a7d6f29556979e54f1863b2d80f2326f08418d1ce59f3f58623105b56c6d819839e73399f77e36fa8c92718a7575663d503"),
    ]
    /// P = [0xabcdef123456789]G.
    static let point = "04dee397f298ebea59e99b9b5f7f91e59aa40a6f64fdf3e702cb021879b1b74769d89a87cba30a9e3680a185ff30ae346725439ff85afc08570eaf6c17320eaecd"
    static let sevenP = "046589fb86073e106f4564c03bbf7deaff63815e1514de4cceca507a1b72322fae9a8424d059f829ee276c2b57dcd59c559c4a114b53e5ead279e45fba9f8151eb"
    static let k = "9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95"
    static let kP = "047643badb9e17bb750e13e90cb76c17c8004cf565a3d91d34947345a4cefe53c556e7a7a4dab73b9ba2ba0303c7ce9212e620dc10d9f17111620a7a3300d9ae31"
    static let u1 = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c5b6a7988"
    static let u2 = "8877665544332211ffeeddccbbaa99887766554433221100ffeeddccbbaa9988"
    static let u1GPlusU2P = "04f179b42dddb756fb453ee943eaf11d73591e386e438deee1157b04188b02ab61e1d068e195f96050c8aee3bbfff33cd2decafb287799a1acecb53561487486fe"
}

func point(_ hex: String) throws -> P256Point {
    try P256Point(encoded: Hex.decode(hex))
}

func scalar(_ hex: String) throws -> FieldElement256 {
    try P256.scalars.element(BigUInt(hex: hex))
}

@Suite struct P256Tests {
    @Test(arguments: KnownMultiples.generatorMultiples.map { [$0.0, $0.1] })
    func generatorMultiplesMatchKnownAnswersOnEveryPath(pair: [String]) throws {
        let k = try scalar(pair[0])
        let expected = try point(pair[1])
        #expect(try P256.multiplyGenerator(k) == expected)
        #expect(try P256.multiply(P256.generator, k) == expected)
        #expect(try P256.multiplyVartime(P256.generator, k) == expected)
        #expect(try P256.linearCombinationVartime(generatorScalar: k, []) == expected)
    }

    @Test func variableBaseMultiplesMatchKnownAnswers() throws {
        let p = try point(KnownMultiples.point)
        #expect(try P256.multiply(p, P256.scalars.element(word: 7)) == point(KnownMultiples.sevenP))
        #expect(try P256.multiply(p, scalar(KnownMultiples.k)) == point(KnownMultiples.kP))
        #expect(try P256.multiplyVartime(p, scalar(KnownMultiples.k)) == point(KnownMultiples.kP))
        let table = P256PrecomputedPoint(p, windowBits: 7)
        #expect(try P256.linearCombinationVartime(generatorScalar: scalar(KnownMultiples.u1), [(table, scalar(KnownMultiples.u2))])
            == point(KnownMultiples.u1GPlusU2P))
    }

    @Test func constantTimeAndVariableTimePathsAgreeOnRandomScalars() throws {
        var generator = SeededGenerator.logged("p256Paths")
        let scalars = P256.scalars
        let base = try P256.multiplyGenerator(scalars.randomNonzeroElement(using: &generator))
        for _ in 0 ..< 12 {
            let k = scalars.randomNonzeroElement(using: &generator)
            let m = scalars.randomNonzeroElement(using: &generator)
            let kG = try P256.multiplyGenerator(k)
            #expect(try P256.multiply(P256.generator, k) == kG)
            #expect(try P256.multiplyVartime(P256.generator, k) == kG)
            // [k]G + [m]B three ways.
            let sum = try P256.addVartime(kG, P256.multiply(base, m))
            for width in [2, 5, 8] {
                #expect(try P256.linearCombinationVartime(generatorScalar: k, [(P256PrecomputedPoint(base, windowBits: width), m)]) == sum)
            }
            // [k]([m]G) = [km]G.
            #expect(try P256.multiply(P256.multiplyGenerator(m), k) == P256.multiplyGenerator(scalars.multiply(k, m)))
        }
    }

    /// Scalars whose signed 5-bit digits hit every special case of the comb:
    /// zero windows, lone digits in any window, runs of carries, the top window.
    @Test func combAgreesWithTheVariableTimePathOnStructuredScalars() throws {
        let q = try BigUInt(hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        var values: [BigUInt] = [1, 15, 16, 17, 31, 32, 33, q - 1, q - 16, q - 17, BigUInt(1) << 255, (BigUInt(1) << 255) - 1]
        for window in stride(from: 0, to: 52, by: 7) {
            values.append(BigUInt(16) << (5 * window))
            values.append(BigUInt(17) << (5 * window))
            values.append((BigUInt(1) << (5 * window + 5)) - 1)
        }
        for value in values where value > 0 && value < q {
            let k = try P256.scalars.element(value)
            #expect(try P256.multiplyGenerator(k) == P256.multiplyVartime(P256.generator, k), "k = \(value.hexString)")
        }
    }

    @Test func scalarZeroAndOppositePointsGiveTheIdentityAsAnError() throws {
        let zero = P256.scalars.zero
        #expect(throws: CurveError.pointAtInfinity) { try P256.multiplyGenerator(zero) }
        #expect(throws: CurveError.pointAtInfinity) { try P256.multiply(P256.generator, zero) }
        #expect(throws: CurveError.pointAtInfinity) { try P256.multiplyVartime(P256.generator, zero) }
        #expect(throws: CurveError.pointAtInfinity) { try P256.addVartime(P256.generator, P256.generator.negated) }
        let g = P256.generator
        let minusOne = P256.scalars.negate(P256.scalars.one)
        #expect(throws: CurveError.pointAtInfinity) {
            try P256.linearCombinationVartime(generatorScalar: P256.scalars.one, [(P256PrecomputedPoint(g), minusOne)])
        }
        #expect(try P256.multiplyGenerator(minusOne) == g.negated)
    }

    @Test func additionHandlesDoublingAndMatchesScalarMultiples() throws {
        let g = P256.generator
        #expect(try P256.addVartime(g, g) == point(KnownMultiples.generatorMultiples[1].1))
        let two = try point(KnownMultiples.generatorMultiples[1].1)
        #expect(try P256.addVartime(g, two) == point(KnownMultiples.generatorMultiples[2].1))
    }
}

@Suite struct P256PointTests {
    @Test func encodingRoundTripsAndExposesCoordinates() throws {
        let bytes = try Hex.decode(KnownMultiples.point)
        let decoded = try P256Point(encoded: bytes)
        #expect(decoded.encoded == bytes)
        #expect(decoded.xBytes == Array(bytes[1 ..< 33]))
        #expect(decoded.yBytes == Array(bytes[33 ..< 65]))
        #expect(decoded.description.contains(KnownMultiples.point))
    }

    @Test func decodingRejectsWrongLengthsAndPrefixes() throws {
        let bytes = try Hex.decode(KnownMultiples.point)
        #expect(throws: CurveError.invalidLength(expected: 65, actual: 64)) { try P256Point(encoded: bytes.dropLast()) }
        #expect(throws: CurveError.invalidLength(expected: 65, actual: 66)) { try P256Point(encoded: bytes + [0]) }
        #expect(throws: CurveError.invalidLength(expected: 65, actual: 0)) { try P256Point(encoded: []) }
        #expect(throws: CurveError.pointAtInfinity) { try P256Point(encoded: [0]) }
        var compressed = bytes
        compressed[0] = 0x02
        #expect(throws: CurveError.unsupportedEncoding(prefix: 0x02)) { try P256Point(encoded: compressed) }
    }

    @Test func decodingRejectsPointsOffTheCurveAndCoordinatesNotBelowP() throws {
        var bytes = try Hex.decode(KnownMultiples.point)
        bytes[64] ^= 1
        #expect(throws: CurveError.notOnCurve) { try P256Point(encoded: bytes) }
        let p = try Hex.decode("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")
        let gy = Array(try Hex.decode(KnownMultiples.generatorMultiples[0].1)[33...])
        #expect(throws: CurveError.coordinateOutOfRange) { try P256Point(encoded: [0x04] + p + gy) }
        // x = 0 with y = 0 is not on the curve (b ≠ 0).
        #expect(throws: CurveError.notOnCurve) { try P256Point(encoded: [0x04] + [UInt8](repeating: 0, count: 64)) }
    }

    @Test func precomputedPointRejectsNoInputButKeepsItsPoint() throws {
        let p = try point(KnownMultiples.point)
        let table = P256PrecomputedPoint(p, windowBits: 4)
        #expect(table.point == p)
        #expect(table.windowBits == 4)
    }
}
