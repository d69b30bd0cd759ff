import FuzzEntryPoints
import Testing

/// The contract check every entry point relies on: it must be able to report
/// a finding, or a replay of a crashing input could pass silently.
@Suite struct FuzzExpectationTests {
    struct Documented: Error {}
    struct Foreign: Error {}

    @Test func successIsAccepted() throws {
        #expect(try FuzzExpectation.outcome(of: "toy", isDocumented: { $0 is Documented }) {} == .accepted)
    }

    @Test func documentedErrorIsARejection() throws {
        #expect(try FuzzExpectation.outcome(of: "toy", isDocumented: { $0 is Documented }) { throw Documented() } == .rejected)
    }

    @Test func undocumentedErrorIsAFinding() {
        #expect(throws: FuzzFinding.self) {
            try FuzzExpectation.outcome(of: "toy", isDocumented: { $0 is Documented }) { throw Foreign() }
        }
    }

    @Test func brokenInvariantIsAFindingEvenWhereRefusalsAreDocumented() {
        #expect(throws: FuzzFinding.self) {
            try FuzzExpectation.outcome(of: "toy", isDocumented: { _ in true }) {
                try FuzzExpectation.require(false, "toy", "broken")
            }
        }
    }

    @Test func packetSequenceSplitsLengthPrefixedPacketsAndKeepsATruncatedTail() {
        #expect(FuzzPacketSequence.split([0, 2, 0xAA, 0xBB, 0, 5, 0xCC][...]) == [[0xAA, 0xBB], [0xCC]])
        #expect(FuzzPacketSequence.split([0, 1, 0xAA, 0x07][...]) == [[0xAA]])
        #expect(FuzzPacketSequence.split(FuzzPacketSequence.join([[1, 2, 3], [], [4]])[...]) == [[1, 2, 3], [], [4]])
    }

    @Test func srtpUnprotectRefusesAnEmptyInputWithoutAFinding() throws {
        #expect(try SRTPUnprotectFuzzEntry.run([]) == .rejected)
        #expect(try SRTCPUnprotectFuzzEntry.run([0x08]) == .rejected)
    }
}
