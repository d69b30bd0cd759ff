import Octets
@testable import Octets
import Testing

@Suite struct SecureRandomTests {
    @Test func generatorYieldsDistinctWordsAcrossRefills() {
        var generator = SecureRandomGenerator()
        let words = (0 ..< 40).map { _ in generator.next() }
        // 40 draws span five refills; 64-bit collisions have probability ~2⁻⁵⁴.
        #expect(Set(words).count == 40)
    }

    @Test func fillCoversEveryOctetOfLargeBuffers() {
        var buffer = [UInt8](repeating: 0, count: 1000)
        buffer.withUnsafeMutableBytes { fillSecureRandom($0) }
        // Each 100-octet slice being all zero has probability 2⁻⁸⁰⁰.
        for start in stride(from: 0, to: 1000, by: 100) {
            #expect(buffer[start ..< start + 100].contains { $0 != 0 })
        }
    }
}
