import Foundation
import FuzzEntryPoints
import Testing

/// Replays every committed seed (`FuzzTesting/Corpus/<target>/`) and every
/// kept crash (`FuzzTesting/FailCases/<target>/`) through the entry points the
/// libFuzzer executables call, so that a fixed finding stays fixed without a
/// fuzzer build. A seed named `valid-…` must moreover be accepted, so that the
/// corpus keeps reaching past the parsers.
@Suite struct FuzzCorpusReplayTests {
    static let fuzzTesting = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzTesting")

    static let targets = FuzzEntryPoints.all.map(\.name)

    /// The regular files of `folder/target`, sorted; none if the folder is missing.
    static func files(in folder: String, of target: String) -> [URL] {
        let directory = fuzzTesting.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: targets)
    func everyTargetHasACommittedSeedCorpusWithAValidSeed(target: String) {
        let seeds = Self.files(in: "Corpus", of: target)
        #expect(!seeds.isEmpty, "no seeds in \(Self.fuzzTesting.path)/Corpus/\(target)")
        #expect(seeds.contains { $0.lastPathComponent.hasPrefix("valid-") }, "no valid- seed for \(target)")
    }

    @Test(arguments: targets)
    func everySeedAndFailCaseKeepsTheEntryPointsContract(target: String) throws {
        let entry = try #require(FuzzEntryPoints.target(named: target))
        for file in Self.files(in: "Corpus", of: target) + Self.files(in: "FailCases", of: target) {
            let input = try [UInt8](Data(contentsOf: file))
            do {
                let outcome = try entry.run(input)
                if file.lastPathComponent.hasPrefix("valid-") {
                    #expect(outcome == .accepted, "\(target)/\(file.lastPathComponent) was refused")
                }
            } catch {
                Issue.record("\(file.lastPathComponent): \(error)")
            }
        }
    }

    @Test func everyEntryPointHasADistinctName() {
        #expect(Set(Self.targets).count == Self.targets.count)
    }
}
