import Foundation
import KeyDerivation
import KMS
import MikeySakke
import SAKKE
import Testing

/// The "Quick use" code of Docs/KMS.md, as printed there, so that the guide
/// cannot drift from the API.
@Suite struct GuideExampleTests {
    @Test func theQuickUseOfTheGuideRuns() throws {
        let alice = "sip:alice@example.org"
        let url = "https://kms.example.org/keymanagement/identity/v1/keyprov"
        let now = Date()

        // The KMS: fresh master secrets (KSAK, z), a root certificate with 30-day key periods.
        let engine = try KMSEngine(
            secrets: KMSMasterSecrets(), kmsURI: "kms.example.org", certURI: "cert1.kms.example.org",
            keyPeriod: try KeyPeriod(length: 2_592_000, offset: 0))
        let certificateXML = engine.certificate.xml()            // what clients are configured with
        let kek = SecurityKey(name: "kek")
        let stored = engine.wrappedSecrets(with: kek)             // 176 octets; never the secrets in clear

        // The TrK and InK that the KMS's and Alice's secure elements share (D.1).
        let trk = SecurityKey(name: "tk.12.alice@example.org")
        let ink = SecurityKey(name: "ink.12.alice@example.org")

        // KmsKeyProv: the key sets of the period at `now` and the next, wrapped with the TrK, signed with the InK.
        let response = try engine.keyProvisionResponse(
            userURI: alice, time: now, requestURL: url, transportKey: trk, integrityKey: ink)

        // Alice's KM client: trusts the root certificate, holds the TrK and InK.
        var client = try KMClient(
            userURI: alice, homeCertificate: try KMSCertificate(xml: certificateXML), at: now,
            reader: KMSResponseReader(securityKeys: [trk, ink]))
        let periods = try client.acceptKeyProvision(response, requestURL: url, now: now)   // [n, n + 1]

        // The keys of the period at a time, validated and prepared.
        let keys = try client.keys(at: now)
        let signature = keys.signingKey.signature(for: Array("an I_MESSAGE".utf8))      // ECCSI, this period's UID
        let (ssv, encapsulation) = try SAKKE.encapsulate(to: keys.uid, zt: client.homeCertificate.zt)
        let recovered = try keys.receiver.decapsulate(encapsulation)                   // == ssv

        let home = client.homeCertificate
        let creator = IMessageCreator(initiator: IMessageParty(uri: alice, kmsURI: home.kmsURI),
                                      keyPeriod: home.keyPeriod, signingKey: keys.signingKey)
        let receiver = try IMessageReceiver(
            party: IMessageParty(uri: alice, kmsURI: home.kmsURI), keyPeriod: home.keyPeriod,
            keyPeriodNumber: keys.keyPeriodNumber, preparedReceiverKey: keys.receiver,
            trustedKMS: [home.kmsURI: home.verifier])

        // What the comments promise.
        #expect(stored.count == 176)
        let period = try engine.periodNumber(at: now)
        #expect(periods == [period, period + 1])
        #expect(recovered == ssv)
        try home.verifier.verify(signature.bytes, for: Array("an I_MESSAGE".utf8), signer: keys.uid)
        #expect(throws: (any Error).self) { try home.verifier.verify(signature.bytes, for: Array("another".utf8), signer: keys.uid) }
        _ = (creator, receiver)
    }
}
