import Octets
import KeyDerivation
import Testing

@Suite struct MissionCriticalKeysTests {
    /// Outputs of kdf-3gpp.json tests 3 and 4 (FC 0x51 / 0x52 over the same S).
    static let confidentiality = "355d54530d33d4e05779ba419d31a49084540d53f72a34fa748c02c071f8522f"
    static let integrity = "51398c0bf5623dfaa37e8fb08ad809447c61c01b92d26907ace3774678af790d"

    @Test func a128BitXPKGivesThe128LeastSignificantBitsOfEachDerivation() throws {
        let keys = try MissionCriticalKeys.signallingKeys(
            xpk: secret("00112233445566778899aabbccddeeff"), userIdentifier: "sip:alice@example.org",
            xpkID: KeyIdentifier(rawValue: 0x2A3B_4C5D))
        #expect(keys.confidentiality.octets == Array(bytes(Self.confidentiality).suffix(16)))
        #expect(keys.integrity.octets == Array(bytes(Self.integrity).suffix(16)))
    }

    @Test func a256BitDPPKGivesTheWholeDerivation() throws {
        let dppk = secret("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        let dpck = try MissionCriticalKeys.payloadCipherKey(dppk: dppk, dppkID: KeyIdentifier(rawValue: 0x2A3B_4C5D))
        let direct = try KDF3GPP.derive(key: dppk, fc: 0x53, parameters: [.octets([0x2A, 0x3B, 0x4C, 0x5D])])
        #expect(dpck.count == 32)
        #expect(dpck == direct)
    }

    @Test func keysOtherThan128Or256BitsAreRefused() throws {
        let id = try KeyIdentifier(rawValue: 0x2000_0001)
        for length in [0, 15, 24, 33] {
            let key = SecretBytes([UInt8](repeating: 7, count: length))
            #expect(throws: KeyDerivationError.invalidKeyLength(actual: length, allowed: [16, 32])) {
                try MissionCriticalKeys.signallingKeys(xpk: key, userIdentifier: "u", xpkID: id)
            }
            #expect(throws: KeyDerivationError.invalidKeyLength(actual: length, allowed: [16, 32])) {
                try MissionCriticalKeys.payloadCipherKey(dppk: key, dppkID: id)
            }
        }
    }
}
