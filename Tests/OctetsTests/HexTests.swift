import Octets
import Testing

@Suite struct HexTests {
    @Test func decodeReadsBothCases() throws {
        #expect(try Hex.decode("00ff7Fa0") == [0x00, 0xff, 0x7f, 0xa0])
        #expect(try Hex.decode("") == [])
    }

    @Test func encodeWritesLowercasePairs() {
        #expect(Hex.encode([0x00, 0x0a, 0xff]) == "000aff")
    }

    @Test func decodeRejectsOddLengthAtTheEnd() {
        #expect(throws: OctetsError.invalidHexadecimal(offset: 3)) { try Hex.decode("abc") }
    }

    @Test func decodeRejectsNonHexCharacterAtItsOffset() {
        #expect(throws: OctetsError.invalidHexadecimal(offset: 2)) { try Hex.decode("00g0") }
        #expect(throws: OctetsError.invalidHexadecimal(offset: 1)) { try Hex.decode("0 ") }
    }
}
