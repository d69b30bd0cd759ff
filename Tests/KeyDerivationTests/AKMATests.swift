import Octets
import KeyDerivation
import Testing

/// Expected values from Python's hmac module over S strings built by hand
/// from TS 33.535 Annex A (3GPP publishes no AKMA test vectors).
@Suite struct AKMATests {
    static let kausf = SecretBytes(Array(0 ..< 32))
    static let supi = "imsi-234150999999999"

    @Test func anchorKeyTemporaryIdentifierAndApplicationKeyMatchIndependentValues() throws {
        let kakma = try AKMA.anchorKey(kausf: Self.kausf, supi: Self.supi)
        #expect(kakma.octets == bytes("828dcbc1827e068e83f9ceb7d75865cb5b7ddd3a57c3eecb5b55cba81c5e04b6"))
        let aTID = try AKMA.temporaryIdentifier(kausf: Self.kausf, supi: Self.supi)
        #expect(aTID == bytes("fa90f245fd9d5e4e1ef0b44e794514b660decaa45a2a68198aeeede52c9555df"))
        let afID = AKMA.afIdentifier(fqdn: "af.example.com", uaProtocolIdentifier: [0x01, 0x00, 0x00, 0x00, 0x02])
        #expect(afID == Array("af.example.com".utf8) + [1, 0, 0, 0, 2])
        let kaf = try AKMA.applicationKey(kakma: kakma, afIdentifier: afID)
        #expect(kaf.octets == bytes("4331970bc944d740bc5507044d56a05b73ef4627d047e5fa02b6b6d483f1fc24"))
    }

    @Test func keyIdentifierIsANAIWithRoutingIndicatorAndTemporaryIdentifier() throws {
        let aTID = try AKMA.temporaryIdentifier(kausf: Self.kausf, supi: Self.supi)
        let aKID = AKMA.keyIdentifier(routingIndicator: "0123", temporaryIdentifier: aTID, homeNetworkRealm: "5gc.mnc015.mcc234.3gppnetwork.org")
        #expect(aKID == "0123.-pDyRf2dXk4e8LROeUUUtmDeyqRaKmgZiu7t5SyVVd8@5gc.mnc015.mcc234.3gppnetwork.org")
    }

    @Test func keysOtherThan256BitsAreRefused() {
        #expect(throws: KeyDerivationError.invalidKeyLength(actual: 16, allowed: [32])) {
            try AKMA.anchorKey(kausf: SecretBytes([UInt8](repeating: 1, count: 16)), supi: Self.supi)
        }
        #expect(throws: KeyDerivationError.invalidKeyLength(actual: 31, allowed: [32])) {
            try AKMA.applicationKey(kakma: SecretBytes([UInt8](repeating: 1, count: 31)), afIdentifier: [])
        }
    }
}
