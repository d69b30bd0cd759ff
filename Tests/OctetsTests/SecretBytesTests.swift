import Octets
import TestSupport
import Testing

@Suite struct SecretBytesTests {
    @Test func holdsTheBytesItWasGiven() {
        let secret = SecretBytes([1, 2, 3])
        #expect(secret.count == 3)
        #expect(secret.withUnsafeBytes { Array($0) } == [1, 2, 3])
    }

    @Test func equalityComparesContentsAndLengths() {
        #expect(SecretBytes([1, 2, 3]) == SecretBytes([1, 2, 3]))
        #expect(SecretBytes([1, 2, 3]) != SecretBytes([1, 2, 4]))
        #expect(SecretBytes([1, 2, 3]) != SecretBytes([1, 2]))
    }

    @Test func descriptionNeverShowsTheBytes() {
        let secret = SecretBytes([0xde, 0xad, 0xbe, 0xef])
        #expect(!secret.description.contains("de"))
        #expect(!"\(secret)".contains("dead"))
        #expect(secret.description.contains("4 bytes"))
    }

    @Test func randomDrawsTheRequestedCountFromTheGenerator() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        let a = SecretBytes.random(count: 16, using: &first)
        #expect(a.count == 16)
        #expect(a == SecretBytes.random(count: 16, using: &second))
        #expect(SecretBytes.random(count: 32) != SecretBytes.random(count: 32))
    }

    @Test func bytesWrittenInPlaceStartZeroedAndKeepWhatTheBodyWrote() {
        let secret = SecretBytes(count: 5) { bytes in
            #expect(Array(bytes) == [0, 0, 0, 0, 0])
            bytes[1] = 0xAA
            bytes[4] = 0x55
        }
        #expect(secret.withUnsafeBytes { Array($0) } == [0, 0xAA, 0, 0, 0x55])
    }

    @Test func aThrowingInitializerPassesItsErrorOn() {
        struct Refused: Error, Equatable {}
        #expect(throws: Refused()) {
            _ = try SecretBytes(count: 4) { bytes in
                bytes[0] = 1
                throw Refused()
            }
        }
    }
}
