import ECCSI
import Foundation
import KeyDerivation
import Testing

/// The README's usage example, statement for statement, so that it keeps compiling and working.
@Suite struct ReadmeExampleTests {
    @Test func readmeExampleSignsAndVerifiesWithAUID() throws {
        let message = Array("an I_MESSAGE".utf8)
        let period = try KeyPeriod(length: 2_592_000, offset: 0)
        let uid = try MikeySakkeUID.uid(identifier: "sip:alice@example.org", kmsIdentifier: "kms.example.org",
                                        keyPeriod: period, at: NTPTimestamp(Date()))
        let kms = ECCSI.KMSKeyPair()
        let issued = kms.issueUserKeys(for: uid)
        let key = try ECCSI.SigningKey(identifier: uid, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt)
        let signature = key.signature(for: message)
        try ECCSI.Verifier(kpak: kms.kpak).verify(signature.bytes, for: message, signer: uid)
        #expect(uid.count == 32)
        #expect(throws: ECCSIError.authenticationFailure) {
            try ECCSI.Verifier(kpak: kms.kpak).verify(signature.bytes, for: message + [0], signer: uid)
        }
    }
}
