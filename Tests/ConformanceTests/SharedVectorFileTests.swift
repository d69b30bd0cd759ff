import Conformance
import Foundation
import Testing

/// Runs every file of `TestVectors/` through the standard runner, as
/// `mikey-sakke vectors TestVectors/*.json` does: no test may fail, and every
/// test is accounted for (passed or skipped, never silently dropped).
@Suite struct SharedVectorFileTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TestVectors")

    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test func vectorFolderIsFound() {
        #expect(!Self.files.isEmpty, "no vector files in \(Self.directory.path)")
    }

    @Test(arguments: files)
    func everyTestOfTheFileRunsWithoutFailure(file: URL) throws {
        let parsed = try VectorFile(data: Data(contentsOf: file))
        let results = VectorRunner.standard.run(contentsOf: file)
        #expect(results.count == parsed.tests.count)
        for failure in results where failure.outcome != .passed {
            if case .failed = failure.outcome { Issue.record("\(failure.line)") }
        }
    }
}
