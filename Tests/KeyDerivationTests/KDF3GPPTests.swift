import Octets
import KeyDerivation
import Testing

@Suite struct KDF3GPPTests {
    @Test func integersUseTheMinimumNumberOfOctetsAndZeroIsOneOctet() {
        #expect(KDFParameter.integer(0).encoded == [0x00])
        #expect(KDFParameter.integer(1).encoded == [0x01])
        #expect(KDFParameter.integer(255).encoded == [0xFF])
        #expect(KDFParameter.integer(256).encoded == [0x01, 0x00])
        #expect(KDFParameter.integer(2_592_000).encoded == [0x27, 0x8D, 0x00])
        #expect(KDFParameter.integer(1388).encoded == [0x05, 0x6C])
        #expect(KDFParameter.integer(.max).encoded == [UInt8](repeating: 0xFF, count: 8))
    }

    @Test func stringsAreUTF8AndOctetsStayAsTheyAre() {
        #expect(KDFParameter.string("AKMA").encoded == [0x41, 0x4B, 0x4D, 0x41])
        #expect(KDFParameter.string("é").encoded == [0xC3, 0xA9])
        #expect(KDFParameter.octets([0, 1, 2]).encoded == [0, 1, 2])
        // The same value as integer, string and octets gives three different encodings.
        #expect(KDFParameter.integer(5).encoded != KDFParameter.string("5").encoded)
    }

    @Test func inputStringIsFCThenEachParameterWithItsTwoOctetLength() throws {
        let s = try KDF3GPP.inputString(fc: 0x80, parameters: [.string("AKMA"), .string("imsi-234150999999999")])
        #expect(s == bytes("80414b4d410004696d73692d3233343135303939393939393939390014"))
        #expect(try KDF3GPP.inputString(fc: 0x53, parameters: []) == [0x53])
        #expect(try KDF3GPP.inputString(fc: 0x50, parameters: [.octets([])]) == [0x50, 0x00, 0x00])
    }

    @Test func parametersOver65535OctetsAreRefused() throws {
        let longest = [UInt8](repeating: 0x61, count: 65_535)
        let s = try KDF3GPP.inputString(fc: 0x50, parameters: [.octets(longest)])
        #expect(s.suffix(2) == [0xFF, 0xFF])
        #expect(throws: KeyDerivationError.parameterTooLong(index: 1, length: 65_536)) {
            try KDF3GPP.inputString(fc: 0x50, parameters: [.string("x"), .octets(longest + [0x61])])
        }
        #expect(throws: KeyDerivationError.parameterTooLong(index: 0, length: 65_536)) {
            try KDF3GPP.derive(key: secret("00"), fc: 0x50, parameters: [.string(String(repeating: "a", count: 65_536))])
        }
    }

    @Test func deriveIsHMACSHA256OfTheInputString() throws {
        // Expected value from Python's hmac module over the hand-built S above.
        let key = SecretBytes(Array(0 ..< 32))
        let kakma = try KDF3GPP.derive(key: key, fc: 0x80, parameters: [.string("AKMA"), .string("imsi-234150999999999")])
        #expect(kakma.octets == bytes("828dcbc1827e068e83f9ceb7d75865cb5b7ddd3a57c3eecb5b55cba81c5e04b6"))
    }

    @Test func anEmptyKeyIsRefused() {
        #expect(throws: KeyDerivationError.emptyKey) {
            try KDF3GPP.derive(key: SecretBytes([]), fc: 0x50, parameters: [])
        }
    }
}
