import BigNum
import Curves
import ECCSI
import Testing
import TestSupport

typealias Example = RFC6507Example

func exampleKey() throws -> ECCSI.SigningKey {
    try ECCSI.SigningKey(
        identifier: Example.identifier, kpak: Example.bytes(Example.kpak), ssk: Example.bytes(Example.ssk), pvt: Example.bytes(Example.pvt))
}

func exampleSignature() -> [UInt8] {
    Example.bytes(Example.r + Example.s + Example.pvt)
}

@Suite struct ECCSIExampleTests {
    @Test func kmsDerivesTheExampleKPAK() throws {
        let kms = try ECCSI.KMSKeyPair(ksakBytes: Example.bytes(Example.ksak))
        #expect(kms.kpak.encoded == Example.bytes(Example.kpak))
    }

    @Test func kmsIssuesTheExamplePVTHSAndSSK() throws {
        let kms = try ECCSI.KMSKeyPair(ksakBytes: Example.bytes(Example.ksak))
        let keys = try kms.issueUserKeys(for: Example.identifier, v: P256SecretScalar(bigEndianBytes: Example.bytes(Example.v)))
        #expect(keys.pvt.encoded == Example.bytes(Example.pvt))
        #expect(keys.hs == Example.bytes(Example.hs))
        #expect(keys.ssk.withBigEndianBytes { $0 } == Example.bytes(Example.ssk))
    }

    @Test func identityHashIsTheExampleHS() throws {
        let hs = ECCSI.identityHash(
            kpak: try P256Point(encoded: Example.bytes(Example.kpak)), identifier: Example.identifier,
            pvt: try P256Point(encoded: Example.bytes(Example.pvt)))
        #expect(hs == Example.bytes(Example.hs))
        #expect(try exampleKey().hs == Example.bytes(Example.hs))
    }

    @Test func messageHashIsTheExampleHE() {
        #expect(ECCSI.messageHash(hs: Example.bytes(Example.hs), r: Example.bytes(Example.r), message: Example.message) == Example.bytes(Example.he))
    }

    @Test func signingWithTheExampleNonceGivesTheExampleSignature() throws {
        let signature = try exampleKey().signature(for: Example.message, nonce: P256SecretScalar(bigEndianBytes: Example.bytes(Example.j)))
        #expect(signature.r == Example.bytes(Example.r))
        #expect(signature.s == Example.bytes(Example.s))
        #expect(signature.pvt.encoded == Example.bytes(Example.pvt))
        #expect(signature.bytes == exampleSignature())
        #expect(signature.bytes.count == ECCSI.signatureCount)
    }

    @Test func theExampleSignatureVerifiesColdAndPrepared() throws {
        let verifier = try ECCSI.Verifier(kpak: Example.bytes(Example.kpak))
        try verifier.verify(exampleSignature(), for: Example.message, signer: Example.identifier)
        let prepared = try verifier.prepare(signer: Example.identifier, pvt: P256Point(encoded: Example.bytes(Example.pvt)))
        #expect(prepared.hs == Example.bytes(Example.hs))
        try prepared.verify(exampleSignature(), for: Example.message)
    }
}

@Suite struct ECCSIRoundTripTests {
    @Test(arguments: [0, 1, 31, 32, 33, 64, 1000, 4096])
    func signaturesOfRandomKeysVerifyForMessageSize(size: Int) throws {
        var generator = SeededGenerator.logged("eccsiRoundTrip \(size)")
        let kms = ECCSI.KMSKeyPair(using: &generator)
        let identifier = (0 ..< 1 + size % 40).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        let issued = kms.issueUserKeys(for: identifier, using: &generator)
        let key = try ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt)
        #expect(key.hs == issued.hs)
        let message = (0 ..< size).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
        let signature = key.signature(for: message, using: &generator)
        let verifier = ECCSI.Verifier(kpak: kms.kpak)
        try verifier.verify(signature.bytes, for: message, signer: identifier)
        try verifier.prepare(signer: identifier, pvt: issued.pvt).verify(signature.bytes, for: message)
        #expect(try ECCSI.Signature(bytes: signature.bytes) == signature)
    }

    @Test func twoSignaturesOfOneMessageUseDifferentNonces() throws {
        let key = try exampleKey()
        let first = key.signature(for: Example.message)
        let second = key.signature(for: Example.message)
        #expect(first.r != second.r)
        let verifier = try ECCSI.Verifier(kpak: Example.bytes(Example.kpak))
        try verifier.verify(first.bytes, for: Example.message, signer: Example.identifier)
        try verifier.verify(second.bytes, for: Example.message, signer: Example.identifier)
    }

    @Test func preparedSignerFallsBackToTheColdPathForANewPVT() throws {
        var generator = SeededGenerator.logged("eccsiNewPVT")
        let kms = ECCSI.KMSKeyPair(using: &generator)
        let identifier = Array("tel:+447700900123".utf8)
        let old = kms.issueUserKeys(for: identifier, using: &generator)
        let new = kms.issueUserKeys(for: identifier, using: &generator)
        let verifier = ECCSI.Verifier(kpak: kms.kpak)
        let prepared = try verifier.prepare(signer: identifier, pvt: old.pvt)
        let key = try ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: new.ssk, pvt: new.pvt)
        let signature = key.signature(for: [1, 2, 3], using: &generator)
        try prepared.verify(signature.bytes, for: [1, 2, 3])
        #expect(throws: ECCSIError.authenticationFailure) { try prepared.verify(signature.bytes, for: [1, 2, 4]) }
    }
}

@Suite struct ECCSIRejectionTests {
    static let verifier = try? ECCSI.Verifier(kpak: Example.bytes(Example.kpak))

    func expectRejected(_ signature: [UInt8], message: [UInt8] = Example.message, identifier: [UInt8] = Example.identifier,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let verifier = try #require(Self.verifier)
        #expect(throws: ECCSIError.authenticationFailure, sourceLocation: sourceLocation) {
            try verifier.verify(signature, for: message, signer: identifier)
        }
        let prepared = try verifier.prepare(signer: Example.identifier, pvt: P256Point(encoded: Example.bytes(Example.pvt)))
        if identifier == Example.identifier {
            #expect(throws: ECCSIError.authenticationFailure, sourceLocation: sourceLocation) { try prepared.verify(signature, for: message) }
        }
    }

    @Test func everySingleBitFlipOfEveryByteIsRejected() throws {
        let signature = exampleSignature()
        for index in signature.indices {
            for bit in [0, 7] {
                var tampered = signature
                tampered[index] ^= 1 << UInt8(bit)
                try expectRejected(tampered)
            }
        }
    }

    @Test func wrongIdentifierMessageOrKPAKIsRejected() throws {
        try expectRejected(exampleSignature(), identifier: Array("2011-02\u{0}tel:+447700900124\u{0}".utf8))
        try expectRejected(exampleSignature(), identifier: [])
        try expectRejected(exampleSignature(), message: Array("message".utf8))
        try expectRejected(exampleSignature(), message: [])
        let otherKPAK = try P256.multiplyGenerator(P256.scalars.element(word: 2 * 0x12345))
        #expect(throws: ECCSIError.authenticationFailure) {
            try ECCSI.Verifier(kpak: otherKPAK).verify(exampleSignature(), for: Example.message, signer: Example.identifier)
        }
    }

    @Test func outOfRangeRAndSAreRejected() throws {
        let p = Example.bytes("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")
        let q = Example.bytes("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        let zero = [UInt8](repeating: 0, count: 32), ones = [UInt8](repeating: 0xFF, count: 32)
        let (r, s, pvt) = (Example.bytes(Example.r), Example.bytes(Example.s), Example.bytes(Example.pvt))
        for badR in [zero, q, p, ones] { try expectRejected(badR + s + pvt) }
        for badS in [zero, q, ones] { try expectRejected(r + badS + pvt) }
        // s + q would be the same scalar modulo q: it must still be refused as out of range.
        let sPlusQ = BigUInt(bigEndianBytes: s) + BigUInt(bigEndianBytes: q)
        if let encoded = try? sPlusQ.serialized(byteCount: 32) { try expectRejected(r + encoded + pvt) }
    }

    @Test func badPVTAndBadLengthsAreRejected() throws {
        let (r, s) = (Example.bytes(Example.r), Example.bytes(Example.s))
        var offCurve = Example.bytes(Example.pvt)
        offCurve[64] ^= 1
        try expectRejected(r + s + offCurve)
        try expectRejected(r + s + [0])
        try expectRejected(r + s + [0x04] + [UInt8](repeating: 0, count: 64))
        let signature = exampleSignature()
        for length in [0, 1, 32, 64, 65, 128] { try expectRejected(Array(signature.prefix(length))) }
        try expectRejected(signature + [0])
        #expect(throws: ECCSIError.malformedSignature) { try ECCSI.Signature(bytes: signature.dropLast()) }
        #expect(throws: ECCSIError.malformedSignature) { try ECCSI.Signature(bytes: r + s + offCurve) }
    }
}

@Suite struct ECCSIKeyTests {
    @Test func userKeysThatDoNotMatchAreRefused() throws {
        var ssk = Example.bytes(Example.ssk)
        ssk[31] ^= 1
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(identifier: Example.identifier, kpak: Example.bytes(Example.kpak), ssk: ssk, pvt: Example.bytes(Example.pvt))
        }
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(
                identifier: Array("2011-02\u{0}tel:+447700900124\u{0}".utf8), kpak: Example.bytes(Example.kpak),
                ssk: Example.bytes(Example.ssk), pvt: Example.bytes(Example.pvt))
        }
        let otherKPAK = try P256.multiplyGenerator(P256.scalars.element(word: 7)).encoded
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(identifier: Example.identifier, kpak: otherKPAK, ssk: Example.bytes(Example.ssk), pvt: Example.bytes(Example.pvt))
        }
        // PVT = G: a valid point, the wrong token.
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(
                identifier: Example.identifier, kpak: Example.bytes(Example.kpak), ssk: Example.bytes(Example.ssk), pvt: P256.generator.encoded)
        }
    }

    @Test func malformedKeyMaterialIsRefusedWithItsReason() throws {
        let (kpak, ssk, pvt) = (Example.bytes(Example.kpak), Example.bytes(Example.ssk), Example.bytes(Example.pvt))
        let q = Example.bytes("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")
        // Zero, q, a 33-octet value ≥ 2^256, zero with leading zero octets, and nothing.
        for badSSK in [[UInt8](repeating: 0, count: 32), q, [1] + ssk, [UInt8](repeating: 0, count: 34), []] {
            #expect(throws: ECCSIError.invalidSecretScalar) {
                try ECCSI.SigningKey(identifier: Example.identifier, kpak: kpak, ssk: badSSK, pvt: pvt)
            }
        }
        var offCurve = pvt
        offCurve[64] ^= 1
        #expect(throws: ECCSIError.invalidPoint(.notOnCurve)) {
            try ECCSI.SigningKey(identifier: Example.identifier, kpak: kpak, ssk: ssk, pvt: offCurve)
        }
        #expect(throws: ECCSIError.invalidPoint(.pointAtInfinity)) {
            try ECCSI.SigningKey(identifier: Example.identifier, kpak: [0], ssk: ssk, pvt: pvt)
        }
        #expect(throws: ECCSIError.invalidPoint(.invalidLength(expected: 65, actual: 64))) { try ECCSI.Verifier(kpak: kpak.dropLast()) }
        // An SSK one octet short is another integer: the keys no longer validate.
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(identifier: Example.identifier, kpak: kpak, ssk: Array(ssk.dropFirst()), pvt: pvt)
        }
        for badKSAK in [[UInt8](repeating: 0, count: 32), q, [0, 0] + q, []] {
            #expect(throws: ECCSIError.invalidSecretScalar) { try ECCSI.KMSKeyPair(ksakBytes: badKSAK) }
        }
    }

    @Test func sskWithLeadingZeroOctetsIsTheSameKey() throws {
        // A deployed KMS sends a 34-octet SSK: two zero octets, then the 32 of RFC 6507.
        let (kpak, ssk, pvt) = (Example.bytes(Example.kpak), Example.bytes(Example.ssk), Example.bytes(Example.pvt))
        let padded = try ECCSI.SigningKey(identifier: Example.identifier, kpak: kpak, ssk: [0, 0] + ssk, pvt: pvt)
        let plain = try ECCSI.SigningKey(identifier: Example.identifier, kpak: kpak, ssk: ssk, pvt: pvt)
        let nonce = try P256SecretScalar(bigEndianBytes: Example.bytes(Example.j))
        #expect(try padded.signature(for: [1, 2, 3], nonce: nonce).bytes == plain.signature(for: [1, 2, 3], nonce: nonce).bytes)
        let ksak = try ECCSI.KMSKeyPair(ksakBytes: [0] + Example.bytes(Example.ksak))
        #expect(ksak.kpak.encoded == kpak)
    }

    @Test func secretsAreNeverPrinted() throws {
        let kms = try ECCSI.KMSKeyPair(ksakBytes: Example.bytes(Example.ksak))
        let issued = try kms.issueUserKeys(for: Example.identifier, v: P256SecretScalar(bigEndianBytes: Example.bytes(Example.v)))
        for text in ["\(kms)", "\(issued)", String(reflecting: kms), "\(try exampleKey())"] {
            #expect(!text.contains("12345"))
            #expect(!text.lowercased().contains(Example.ssk.prefix(12)))
        }
    }

    @Test func issuedKeysFromRandomVAreValidAndDistinct() throws {
        var generator = SeededGenerator.logged("eccsiIssue")
        let kms = ECCSI.KMSKeyPair(using: &generator)
        let first = kms.issueUserKeys(for: [0x41], using: &generator)
        let second = kms.issueUserKeys(for: [0x41], using: &generator)
        #expect(first.pvt != second.pvt)
        _ = try ECCSI.SigningKey(identifier: [0x41], kpak: kms.kpak, ssk: first.ssk, pvt: first.pvt)
        _ = try ECCSI.SigningKey(identifier: [0x41], kpak: kms.kpak, ssk: second.ssk, pvt: second.pvt)
        #expect(throws: ECCSIError.invalidUserKeys) {
            try ECCSI.SigningKey(identifier: [0x41], kpak: kms.kpak, ssk: first.ssk, pvt: second.pvt)
        }
    }
}
