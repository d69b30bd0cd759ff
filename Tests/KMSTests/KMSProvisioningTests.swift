import ECCSI
import Foundation
import KeyDerivation
import Octets
import SAKKE
import Testing

@testable import KMS

/// The whole provisioning path: a KMS issues key sets, a client reads,
/// checks and keeps them.
@Suite struct KMSProvisioningTests {
    @Test func plainKeySetsAreAcceptedAndCarryTheUIDOfTheirPeriod() throws {
        var client = try KMClient(userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now)
        let periods = try client.acceptKeyProvision(KMSWorld.provisioning(secured: false), requestURL: KMSWorld.requestURL, now: KMSWorld.now)
        // 2026-12-03 is period ⌊(1796299200 + 2208988800) / 2592000⌋ = 1545 of 30 days since 1900.
        #expect(periods == [1545, 1546])
        let keys = try client.keys(at: KMSWorld.now)
        let uid = try MikeySakkeUID.uid(
            identifier: KMSWorld.alice, kmsIdentifier: KMSWorld.kmsURI, keyPeriod: KMSWorld.keyPeriod, periodNumber: 1545)
        #expect(keys.uid == uid)
        #expect(keys.signingKey.identifier == uid)
        // The keys work: a signature verifies under the certificate's KPAK.
        let signature = keys.signingKey.signature(for: [1, 2, 3])
        try ECCSI.Verifier(kpak: KMSWorld.engine.certificate.pubAuthKey).verify(signature.bytes, for: [1, 2, 3], signer: uid)
        let (ssv, encapsulation) = try SAKKE.encapsulate(to: uid, zt: SAKKEPointFixture.zt)
        #expect(try keys.receiver.decapsulate(encapsulation) == ssv)
    }

    @Test func securedKeySetsAreUnwrappedAndTheSignatureChecked() throws {
        let document = try KMSWorld.provisioning(secured: true)
        let text = KMSWorld.text(document)
        #expect(text.hasPrefix("<?xml"))
        #expect(text.contains("<SignedKmsResponse"))
        #expect(text.contains(XMLAlgorithm.keyWrapAES256))
        #expect(!text.contains("<UserSigningKeySSK>"), "the SSK must be wrapped, not in clear")
        var client = try KMClient(
            userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now, reader: KMSWorld.reader(secured: true))
        #expect(try client.acceptKeyProvision(document, requestURL: KMSWorld.requestURL, now: KMSWorld.now) == [1545, 1546])
    }

    @Test func keysRollOverAtTheExactPeriodBoundary() throws {
        var client = try KMClient(userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now)
        try client.acceptKeyProvision(KMSWorld.provisioning(secured: false), now: KMSWorld.now)
        // Period 1546 starts at 1546 · 2592000 s after 1900 = Unix 1 798 243 200 (2026-12-26T00:00:00Z).
        let boundary = Date(timeIntervalSince1970: 1_798_243_200)
        #expect(try client.keys(at: boundary.addingTimeInterval(-1)).keyPeriodNumber == 1545)
        #expect(try client.keys(at: boundary).keyPeriodNumber == 1546)
        #expect(throws: KMSError.noKeySet(1547)) { try client.keys(at: boundary.addingTimeInterval(2_592_000)) }
        client.discardKeySets(before: boundary)
        #expect(client.keyPeriodNumbers == [1546])
    }

    @Test func aResponseIsAppliedWholeOrNotAtAll() throws {
        var client = try KMClient(userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now)
        // Bob's key set in Alice's response: the second key set fails, so the first is not kept either.
        let alice = KMSWorld.text(try KMSWorld.provisioning(secured: false))
        let second = alice.range(of: "<KmsKeySet", options: .backwards)!
        let tampered = alice.replacingOccurrences(of: "<UserUri>\(KMSWorld.alice)</UserUri>", with: "<UserUri>\(KMSWorld.bob)</UserUri>", range: second.lowerBound ..< alice.endIndex)
        #expect(throws: KMSError.userURIMismatch) { try client.acceptKeyProvision(KMSWorld.bytes(tampered), now: KMSWorld.now) }
        #expect(client.keyPeriodNumbers.isEmpty)
    }

    @Test func anotherUsersUIDIsComputedUnderItsKMS() throws {
        let client = try KMClient(userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now)
        let expected = try MikeySakkeUID.uid(
            identifier: KMSWorld.bob, kmsIdentifier: KMSWorld.kmsURI, keyPeriod: KMSWorld.keyPeriod, periodNumber: 1545)
        #expect(try client.uid(of: KMSWorld.bob, at: KMSWorld.now) == expected)
        #expect(throws: KMSError.unknownKMS("kms.other.org")) { try client.uid(of: KMSWorld.bob, kmsURI: "kms.other.org", at: KMSWorld.now) }
    }

    @Test func initResponseCarriesANewTransportKeyTheClientAdopts() throws {
        let newTrK = SecurityKey(name: "tk.13.alice@example.org")
        let document = try KMSWorld.engine.initResponse(
            userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: "https://kms.example.org/keymanagement/identity/v1/init",
            transportKey: KMSWorld.transportKey, newTransportKey: newTrK)
        var client = try KMClient(
            userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now,
            reader: KMSResponseReader(securityKeys: [KMSWorld.transportKey]))
        try client.acceptInit(document, now: KMSWorld.now)
        let adopted = try #require(client.reader.securityKeys.first { $0.name == newTrK.name })
        #expect(adopted.bytes == newTrK.bytes)
        // Key sets wrapped with the new TrK now unwrap.
        let keyProvision = try KMSWorld.engine.keyProvisionResponse(
            userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: KMSWorld.requestURL, transportKey: newTrK)
        #expect(try client.acceptKeyProvision(keyProvision, now: KMSWorld.now) == [1545, 1546])
    }

    @Test func aNewTransportKeyRetiresTheOneThatWrappedItAndANewIntegrityKeyTheOldOne() throws {
        let newTrK = SecurityKey(name: "tk.13.alice@example.org"), newInK = SecurityKey(name: "ink.13.alice@example.org")
        var client = try KMClient(
            userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now,
            reader: KMSWorld.reader(secured: true))
        let url = "https://kms.example.org/keymanagement/identity/v1/init"
        try client.acceptInit(
            KMSWorld.engine.initResponse(
                userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: url, transportKey: KMSWorld.transportKey, newTransportKey: newTrK),
            now: KMSWorld.now)
        #expect(client.reader.securityKeys.map(\.name) == [KMSWorld.integrityKey.name, newTrK.name])
        // The retired TrK no longer opens anything: a response signed with it is refused.
        let old = try KMSWorld.engine.keyProvisionResponse(
            userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: KMSWorld.requestURL, transportKey: KMSWorld.transportKey,
            integrityKey: KMSWorld.transportKey)
        #expect(throws: KMSError.unknownKeyName(KMSWorld.transportKey.name)) { try client.acceptKeyProvision(old, now: KMSWorld.now) }
        try client.acceptInit(
            KMSWorld.engine.initResponse(userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: url, transportKey: newTrK, newIntegrityKey: newInK),
            now: KMSWorld.now)
        #expect(client.reader.securityKeys.map(\.name) == [newTrK.name, newInK.name])
    }

    @Test func aNewRootCertificateWithOtherKeysDropsTheKeySetsCheckedUnderTheOld() throws {
        var client = try KMClient(userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now)
        try client.acceptKeyProvision(KMSWorld.provisioning(secured: false), now: KMSWorld.now)
        let url = "https://kms.example.org/keymanagement/identity/v1/init"
        // The same certificate again: the key sets stay.
        try client.acceptInit(KMSWorld.engine.initResponse(userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: url), now: KMSWorld.now)
        #expect(client.keyPeriodNumbers == [1545, 1546])
        let rekeyed = try KMSEngine(
            secrets: KMSMasterSecrets(), kmsURI: KMSWorld.kmsURI, certURI: KMSWorld.certURI, keyPeriod: KMSWorld.keyPeriod,
            validFrom: Date(timeIntervalSince1970: 946_684_800), validTo: Date(timeIntervalSince1970: 4_102_444_800))
        try client.acceptInit(rekeyed.initResponse(userURI: KMSWorld.alice, time: KMSWorld.now, requestURL: url), now: KMSWorld.now)
        #expect(client.keyPeriodNumbers.isEmpty)
        #expect(throws: KMSError.noKeySet(1545)) { try client.keys(at: KMSWorld.now) }
    }

    @Test func certificatesAreCheckedAgainAtEachUse() throws {
        let shortLived = try KMSEngine(
            secrets: KMSWorld.secrets, kmsURI: KMSWorld.kmsURI, certURI: KMSWorld.certURI, keyPeriod: KMSWorld.keyPeriod,
            validFrom: KMSWorld.now.addingTimeInterval(-86_400), validTo: KMSWorld.now.addingTimeInterval(86_400))
        var client = try KMClient(userURI: KMSWorld.alice, homeCertificate: shortLived.certificate, at: KMSWorld.now)
        try client.acceptKeyProvision(KMSWorld.provisioning(secured: false), now: KMSWorld.now)
        _ = try client.keys(at: KMSWorld.now)
        let later = KMSWorld.now.addingTimeInterval(86_401)
        #expect(throws: KMSError.outsideValidity) { try client.keys(at: later) }
        #expect(throws: KMSError.outsideValidity) { try client.uid(of: KMSWorld.bob, at: later) }
        #expect(throws: KMSError.outsideValidity) { try client.certificate(of: KMSWorld.kmsURI, at: later) }
    }

    @Test func enginesRefuseKeyPeriodsAndDatesTheyCannotWrite() throws {
        // The last periods before UInt64 seconds run out: no trap, a typed error.
        let huge = try KeyPeriod(length: 18_446_744_072_709_551_615, offset: 3_000_000_000)
        let engine = try KMSEngine(secrets: KMSWorld.secrets, kmsURI: KMSWorld.kmsURI, keyPeriod: huge)
        #expect(throws: KMSError.invalidKeyPeriod) { try engine.issueKeySet(for: KMSWorld.alice, periodNumber: 0) }
        #expect(throws: KMSError.invalidKeyPeriod) { try KMSWorld.engine.issueKeySet(for: KMSWorld.alice, periodNumber: .max) }
        // A key period ending after 9999.
        #expect(throws: KMSError.invalidKeyPeriod) { try KMSWorld.engine.issueKeySet(for: KMSWorld.alice, periodNumber: 100_000) }
        // ValidTo in the year 10000, a date Int64 cannot hold, ValidTo before ValidFrom.
        for (from, to, name) in [
            (KMSWorld.now, Date(timeIntervalSince1970: 253_402_300_800), "ValidTo"), (KMSWorld.now, Date(timeIntervalSince1970: 1e300), "ValidTo"),
            (Date(timeIntervalSince1970: -2_208_988_801), KMSWorld.now, "ValidFrom"), (KMSWorld.now, KMSWorld.now.addingTimeInterval(-1), "KmsCertificate"),
        ] {
            #expect(throws: KMSError.unwritableValue(name)) {
                try KMSEngine(secrets: KMSWorld.secrets, kmsURI: KMSWorld.kmsURI, keyPeriod: KMSWorld.keyPeriod, validFrom: from, validTo: to)
            }
        }
    }

    @Test func batchIssueGivesEachUserTheKeysOfItsOwnUID() async throws {
        // One full batch and a partial one.
        let users = (0 ..< KMSEngine.issueBatchSize + 2).map { "sip:user\($0)@example.org" }
        let results = await KMSWorld.engine.issueKeySets(for: users, periodNumber: 1545, tasks: 2)
        #expect(results.count == users.count)
        let certificate = try KMSWorld.engine.certificate.validated(at: KMSWorld.now)
        for (user, result) in zip(users, results) {
            let issued = try result.get()
            #expect(issued.userURI == user)
            #expect(issued.uid == (try certificate.uid(of: user, periodNumber: 1545)))
            // What a client would validate: RFC 6507 §5.1.2.
            _ = try ECCSI.SigningKey(identifier: issued.uid, kpak: certificate.kpak, ssk: issued.userKeys.ssk, pvt: issued.userKeys.pvt)
            // The batched RSK is the one issued alone (which RFC 6508 §6.1.2 validates in other tests).
            #expect(issued.receiverSecretKey.encoded == (try KMSWorld.engine.issueKeySet(for: user, periodNumber: 1545)).receiverSecretKey.encoded)
        }
        for issued in [results.first, results.last] {
            let keys = try #require(try issued?.get())
            _ = try SAKKE.ReceiverKey(identifier: keys.uid, zt: certificate.zt, rsk: keys.receiverSecretKey)
        }
    }

    @Test func masterSecretsRoundTripOnlyUnderTheirKey() throws {
        let key = SecurityKey(name: "master")
        let wrapped = KMSWorld.secrets.wrapped(with: key)
        #expect(wrapped.count == 176)
        #expect(wrapped.starts(with: Array("MSKMS001".utf8)))
        let restored = try KMSMasterSecrets(wrapped: wrapped, key: key)
        #expect(restored.eccsi.kpak == KMSWorld.secrets.eccsi.kpak)
        #expect(restored.sakke.zt == KMSWorld.secrets.sakke.zt)
        #expect(throws: KMSError.invalidMasterSecrets) { try KMSMasterSecrets(wrapped: wrapped, key: SecurityKey(name: "other")) }
        var damaged = wrapped
        damaged[20] ^= 1
        #expect(throws: KMSError.invalidMasterSecrets) { try KMSMasterSecrets(wrapped: damaged, key: key) }
        #expect("\(KMSWorld.secrets)" == "KMSMasterSecrets(redacted)")
        #expect(!"\(key)".contains("11"))
    }

    @Test func anEngineRefusesACertificateOfOtherSecrets() throws {
        var certificate = KMSWorld.engine.certificate
        certificate.pubAuthKey = KMSMasterSecrets().eccsi.kpak.encoded
        #expect(throws: KMSError.invalidMasterSecrets) { try KMSEngine(secrets: KMSWorld.secrets, certificate: certificate) }
    }
}

/// Z_T of the world's KMS, decoded once.
enum SAKKEPointFixture {
    static let zt = KMSWorld.secrets.sakke.zt
}

