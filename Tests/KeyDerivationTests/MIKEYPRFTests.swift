import Octets
import KeyDerivation
import Testing

@Suite struct MIKEYPRFTests {
    static let tgk = "a27b7d578eeb9b1ee7705e385996d300"
    static let rand = "4339f62f55aac86348846a482c893802"

    @Test func labelIsConstantThenCSIDThenCSBIDThenRAND() {
        let label = MIKEYPRF.label(.tek, csID: 4, csbID: 0x0633_F457, rand: bytes(Self.rand))
        #expect(label == bytes("2ad01c6404" + "0633f457" + Self.rand))
        #expect(MIKEYPRF.label(.salt, csID: 0, csbID: 0, rand: []) == bytes("39a2c14b" + "00" + "00000000"))
        #expect(MIKEYPRF.KeyType.encryption.rawValue == 0x1579_8CEF)
        #expect(MIKEYPRF.KeyType.authentication.rawValue == 0x1B5C_7973)
    }

    /// Expected values from an independent Python implementation of RFC 3830 §4.1.2.
    @Test func outputsLongerThanOneBlockChainTheBlocks() throws {
        let label = MIKEYPRF.label(.tek, csID: 4, csbID: 0x0633_F457, rand: bytes(Self.rand))
        let long = try MIKEYPRF.derive(inkey: secret(Self.tgk), label: label, length: 48)
        #expect(long.octets == bytes(
            "59aaa49ebb54813602b7cc165961b4e89cf7934eb59cc6b3138812ae615450f7a6f48d6f6b9ce6cb1826325b0918f365"))
        let short = try MIKEYPRF.derive(inkey: secret(Self.tgk), label: label, length: 16)
        #expect(short.octets == Array(long.octets.prefix(16)))
        let authentication = try MIKEYPRF.derive(tgk: secret(Self.tgk), .authentication, csID: 0xFF, csbID: 0x0633_F457, rand: bytes(Self.rand), length: 32)
        #expect(authentication.octets == bytes("d90d0d806ee069f2eb5174886937a101f7a69ce387742256eab78842f9fc1d41"))
    }

    @Test func groupCallKeysUseTheGUKIDAsCSBID() throws {
        // mikey-prf.json test 2 (Etherstack S01 via Streamwide/sw_mikey_sakke).
        let keys = try SRTPMasterKeys.groupCall(
            gmk: secret("fcfe65cd967c58d260b603ccb9a887a9"), gukID: KeyIdentifier(rawValue: 0x01C8_DE7B),
            rand: bytes("6819e679461120e10ac458cce67b8024"), session: .mcpttGroupCall)
        #expect(keys.masterKey.octets == bytes("64837d2b4d69a266e4489d3807353ad9"))
        #expect(keys.masterSalt.octets == bytes("8b2f081ce8e8bdab1f8d9eb8"))
    }

    @Test func privateCallAndControlKeysAreTheSameDerivationWithTheirOwnIdentifiers() throws {
        let pck = secret(Self.tgk)
        let id = try KeyIdentifier(rawValue: 0x1633_F457)
        let privateCall = try SRTPMasterKeys.privateCall(pck: pck, pckID: id, rand: bytes(Self.rand), session: .mcpttPrivateCallReceiver)
        let control = try SRTPMasterKeys.controlSignalling(kfc: pck, kfcID: id, kfcRand: bytes(Self.rand), session: .mcpttPrivateCallReceiver)
        let generic = try SRTPMasterKeys.derive(tgk: pck, csbID: 0x1633_F457, csID: 1, rand: bytes(Self.rand))
        #expect(privateCall.masterKey == generic.masterKey && privateCall.masterSalt == generic.masterSalt)
        #expect(control.masterKey == generic.masterKey && control.masterSalt == generic.masterSalt)
        let other = try SRTPMasterKeys.privateCall(pck: pck, pckID: id, rand: bytes(Self.rand), session: .mcpttPrivateCallInitiator)
        #expect(other.masterKey != generic.masterKey)
    }

    @Test func emptyKeysAndImpossibleLengthsAreRefused() {
        #expect(throws: KeyDerivationError.emptyKey) {
            try MIKEYPRF.derive(inkey: SecretBytes([]), label: [], length: 16)
        }
        #expect(throws: KeyDerivationError.invalidOutputLength(0)) {
            try MIKEYPRF.derive(inkey: secret(Self.tgk), label: [], length: 0)
        }
        #expect(throws: KeyDerivationError.invalidOutputLength(255 * 32 + 1)) {
            try MIKEYPRF.derive(inkey: secret(Self.tgk), label: [], length: 255 * 32 + 1)
        }
    }

    @Test func crypoSessionIdentifiersFollowTableE13() {
        #expect(CryptoSessionID.allCases.map(\.rawValue) == Array(0 ... 9))
        #expect(CryptoSessionID.mcpttGroupCall.rawValue == 4)
        #expect(CryptoSessionID.musikSRTCPForMCVideo.rawValue == 9)
    }
}
