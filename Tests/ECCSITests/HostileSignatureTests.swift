import BigNum
import Curves
import ECCSI
import Testing
import TestSupport

@Suite struct HostileSignatureTests {
    @Test func randomSignaturesAndPointsAreRefusedWithTypedErrors() throws {
        var generator = SeededGenerator.logged("eccsiHostile")
        let verifier = try ECCSI.Verifier(kpak: Example.bytes(Example.kpak))
        for _ in 0 ..< 300 {
            let length = [0, 1, 64, 65, 128, 129, 130].randomElement(using: &generator) ?? 129
            var signature = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            if length == 129 { signature[64] = 0x04 }
            #expect(throws: ECCSIError.authenticationFailure) {
                try verifier.verify(signature, for: Example.message, signer: Example.identifier)
            }
            let point = [0x04] + (0 ..< 64).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            #expect(throws: CurveError.self) { try P256Point(encoded: point) }
        }
    }
}
