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
}
