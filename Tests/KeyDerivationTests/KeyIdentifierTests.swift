import Octets
import KeyDerivation
import Testing
import TestSupport

@Suite struct KeyIdentifierTests {
    /// Etherstack interoperability values published in Streamwide/sw_mikey_sakke (test_guk.cc).
    static let gmk = "fcfe65cd967c58d260b603ccb9a887a9"
    static let gmkID: UInt32 = 0x09BF_9D37

    @Test(arguments: [("sip:p25user01@etherstack.com", UInt32(0x01C8_DE7B)), ("sip:p25user02@etherstack.co.jp", UInt32(0x0ABE_69D0))])
    func gukIDIsTheGMKIDXoredWithTheUserSaltAndBack(user: String, gukID: UInt32) throws {
        let gmkID = try KeyIdentifier(rawValue: Self.gmkID)
        let guk = try gmkID.userKeyIdentifier(key: secret(Self.gmk), userIdentifier: user)
        #expect(guk.rawValue == gukID)
        #expect(guk.purpose == .gmk)
        #expect(try guk.keyIdentifier(fromUserKeyIdentifierWith: secret(Self.gmk), userIdentifier: user) == gmkID)
        // Another user's salt gives another GUK-ID.
        #expect(try gmkID.userKeyIdentifier(key: secret(Self.gmk), userIdentifier: user + "x") != guk)
    }

    @Test func userSaltIsThe28LowBitsOfTheF13Derivation() throws {
        // kdf-3gpp.json test 1: the full KDF output ends in …e877434c.
        #expect(try KeyIdentifier.userSalt(key: secret(Self.gmk), userIdentifier: "sip:p25user01@etherstack.com") == 0x0877_434C)
    }

    @Test func purposeTagsAreTheTopFourBitsAndUndefinedTagsAreRefused() throws {
        for purpose in KeyPurpose.allCases {
            let id = KeyIdentifier(purpose: purpose, value: 0xFFFF_FFFF)
            #expect(id.rawValue == UInt32(purpose.rawValue) << 28 | 0x0FFF_FFFF)
            #expect(try KeyIdentifier(bytes: id.bytes) == id)
        }
        for tag in UInt32(7) ... 15 {
            #expect(throws: KeyDerivationError.undefinedPurposeTag(UInt8(tag))) { try KeyIdentifier(rawValue: tag << 28) }
        }
        #expect(throws: KeyDerivationError.invalidKeyIdentifierLength(3)) { try KeyIdentifier(bytes: [1, 2, 3]) }
        #expect(try KeyIdentifier(bytes: [0x12, 0x34, 0x56, 0x78]).description == "12345678")
        #expect(KeyPurpose.allCases.filter(\.usesEndPointDiversity) == [.gmk])
    }

    @Test func randomIdentifiersKeepTheirPurposeAndVary() {
        var generator = SeededGenerator.logged("keyIdentifierRandom")
        let ids = (0 ..< 32).map { _ in KeyIdentifier.random(purpose: .pck, using: &generator) }
        #expect(ids.allSatisfy { $0.purpose == .pck })
        #expect(Set(ids).count == 32)
        #expect(KeyIdentifier.random(purpose: .musik).purpose == .musik)
    }
}
