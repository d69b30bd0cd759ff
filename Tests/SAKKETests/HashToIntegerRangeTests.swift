import BigNum
import Octets
@testable import SAKKE
import Testing

@Suite struct HashToIntegerRangeTests {
    static let q = (try? BigUInt(hex:
        "265EAEC7C2958FF69971846636B4195E905B0338672D20986FA6B8D62CF8068BBD02AAC9F8BF03C6C8A1CC354C69672C39E46CE7FDF222864D5B49FD2999A9B4389B1921CC9AD335144AB173595A07386DABFD2A0C614AA0A9F3CF14870F026AA7E535ABD5A5C7C7FF38FA08E2615F6C203177C42B1EB3A1D99B601EBFAA17FB"))
        ?? BigUInt()

    /// RFC 6508 Appendix A: r = HashToIntegerRange(SSV ‖ b, q) (also in rfc6508-sakke.json test 4).
    @Test func rOfTheRFC6508ExampleIsReproduced() throws {
        let ssv = try Hex.decode("123456789abcdef0123456789abcdef0")
        let b = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)
        let r = try HashToIntegerRange.hash(ssv + b, below: Self.q)
        #expect(r == (try BigUInt(hex:
            "13ee3e1b8dac5db168b1ceb32f0566a4c273693f78baffa2a2ee6a686e6bd90f8206ccab84e7f42ed39bd4fb131012ecca2ecd2119414560c17cab46b956a80f58a3302eb3e2c9a228fba7ed34d8aca2392da1ffb0b17b2320ae09aaedfd0235f6fe0eb65337a63f9cc97728b8e5ad0460fade144369aa5b2166213247712096")))
    }

    @Test func blockCountIsTheCeilingOfLgNOver256() {
        #expect(HashToIntegerRange.blockCount(below: Self.q) == 4)           // 1022 bits
        #expect(HashToIntegerRange.blockCount(below: BigUInt(1) << 128) == 1) // lg = 128
        #expect(HashToIntegerRange.blockCount(below: BigUInt(1) << 256) == 1) // lg = 256 exactly
        #expect(HashToIntegerRange.blockCount(below: (BigUInt(1) << 256) + 1) == 2)
        #expect(HashToIntegerRange.blockCount(below: 2) == 1)
    }

    /// For n = 2^128 the value is the last 16 octets of v₁ = SHA-256(SHA-256(0³²) ‖ SHA-256(s)):
    /// computed by hand with Python's hashlib for s = "abc".
    @Test func maskFor128BitSSVsIsTheLow128BitsOfOneBlock() throws {
        let mask = try HashToIntegerRange.hash(Array("abc".utf8), below: BigUInt(1) << 128)
        #expect(mask.bitWidth <= 128)
        #expect(mask == (try BigUInt(hex: Self.expectedMaskForABC)))
    }

    @Test func boundsBelowTwoOrWiderThanTheMaximumAreRefused() throws {
        #expect(throws: SAKKEError.invalidRange) { try HashToIntegerRange.hash([1], below: 1) }
        #expect(throws: SAKKEError.invalidRange) { try HashToIntegerRange.hash([1], below: 0) }
        // 2^8192 has 8193 bits: one past the widest bound (a hostile vector file's n).
        #expect(throws: SAKKEError.invalidRange) { try HashToIntegerRange.hash([1], below: BigUInt(1) << 8192) }
        let widest = try HashToIntegerRange.hash([1], below: (BigUInt(1) << 8192) - 1)
        #expect(widest.bitWidth > 8000)
    }

    static let expectedMaskForABC = "e8b061b1ddd38b1f6f897d9806cf2ff7"
}
