import Conformance
import Foundation
import Testing

/// The runner's rules, proven with a toy algorithm ("REVERSE": outputs the input
/// octets in reverse order, refuses empty input) whose expected values are written
/// by hand in the files below.
@Suite struct VectorRunnerTests {
    struct EmptyInput: Error {}

    static let reverse = AlgorithmSuite(
        algorithm: "REVERSE",
        unsupportedParameters: { file in file.parameter("mode") == "fast" ? "mode fast not supported" : nil },
        operations: [
            "reverse": { test, _ in
                let input = try test.bytes("data")
                guard !input.isEmpty else { throw EmptyInput() }
                return ["reversed": .bytes(input.reversed()), "length": .integer(input.count)]
            }
        ]
    )

    static let runner = VectorRunner(suites: [reverse])

    static func run(_ json: String) throws -> [VectorOutcome] {
        let file = try VectorFile(data: Data(json.utf8))
        return runner.run(file, named: "toy.json").map(\.outcome)
    }

    static func file(parameters: String = "{}", tests: String, algorithm: String = "REVERSE") -> String {
        """
        {"format": 1, "algorithm": "\(algorithm)", "source": "hand-written", "parameters": \(parameters),
         "futureKey": [1, 2], "tests": [\(tests)]}
        """
    }

    @Test func validTestPassesWhenEveryProducedOutputMatches() throws {
        let outcomes = try Self.run(Self.file(tests: """
            {"id": 1, "operation": "reverse", "result": "valid", "inputs": {"data": "0102ff"},
             "outputs": {"reversed": "ff0201", "length": 3, "notDefinedByTheOperation": "00"}, "extra": true}
            """))
        #expect(outcomes == [.passed])
    }

    @Test func validTestFailsOnAWrongOutput() throws {
        let outcomes = try Self.run(Self.file(tests: """
            {"id": 1, "operation": "reverse", "result": "valid", "inputs": {"data": "0102"}, "outputs": {"reversed": "0102"}}
            """))
        #expect(outcomes == [.failed(reason: "output reversed is 0201")])
    }

    @Test func invalidTestPassesOnlyWhenTheLibraryRefuses() throws {
        let outcomes = try Self.run(Self.file(tests: """
            {"id": 1, "operation": "reverse", "result": "invalid", "inputs": {"data": ""}},
            {"id": 2, "operation": "reverse", "result": "invalid", "inputs": {"data": "01"}}
            """))
        #expect(outcomes == [.passed, .failed(reason: "accepted invalid input")])
    }

    @Test func malformedInputFailsEvenWhenARejectionWasExpected() throws {
        let outcomes = try Self.run(Self.file(tests: """
            {"id": 1, "operation": "reverse", "result": "invalid", "inputs": {}},
            {"id": 2, "operation": "reverse", "result": "invalid", "inputs": {"data": "0g"}},
            {"id": 3, "operation": "reverse", "result": "valid", "inputs": {"data": 5}}
            """))
        #expect(outcomes == [
            .failed(reason: "malformed test: input 'data' is missing"),
            .failed(reason: "malformed test: input 'data' is not a hex string"),
            .failed(reason: "malformed test: input 'data' is not a hex string"),
        ])
    }

    @Test func unknownAlgorithmOperationOrParametersAreSkippedNeverPassed() throws {
        let unknownOperation = try Self.run(Self.file(tests: """
            {"id": 1, "operation": "rotate", "result": "valid", "inputs": {"data": "01"}}
            """))
        #expect(unknownOperation == [.skipped(reason: "operation rotate not implemented")])
        let unknownAlgorithm = try Self.run(Self.file(tests: """
            {"id": "a", "operation": "reverse", "result": "valid", "inputs": {"data": "01"}}
            """, algorithm: "ROT13"))
        #expect(unknownAlgorithm == [.skipped(reason: "algorithm ROT13 not implemented")])
        let unsupported = try Self.run(Self.file(parameters: #"{"mode": "fast"}"#, tests: """
            {"id": 1, "operation": "reverse", "result": "valid", "inputs": {"data": "01"}}
            """))
        #expect(unsupported == [.skipped(reason: "mode fast not supported")])
    }

    @Test func fileThatIsNotAVectorFileIsOneFailure() throws {
        let directory = FileManager.default.temporaryDirectory
        let broken = directory.appendingPathComponent("broken-\(UUID().uuidString).json")
        try Data("{\"format\": 1, \"tests\": [".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let results = Self.runner.run(contentsOf: broken)
        #expect(results.count == 1)
        #expect(results.first?.testID == "-")
        if case .failed = results.first?.outcome {} else { Issue.record("expected a failure, got \(results)") }
        let missing = Self.runner.run(contentsOf: directory.appendingPathComponent("no-such-file.json"))
        if case .failed = missing.first?.outcome {} else { Issue.record("expected a failure, got \(missing)") }
    }

    @Test func unknownFormatVersionIsRefused() {
        #expect(throws: VectorFileError.unsupportedFormat(2)) {
            try VectorFile(data: Data(#"{"format": 2, "algorithm": "X", "tests": []}"#.utf8))
        }
    }

    @Test func reportCountsAndSummarises() throws {
        var report = VectorReport()
        let file = try VectorFile(data: Data(Self.file(tests: """
            {"id": 1, "operation": "reverse", "result": "valid", "inputs": {"data": "01"}, "outputs": {"reversed": "01"}},
            {"id": 2, "operation": "reverse", "result": "valid", "inputs": {"data": "01"}, "outputs": {"reversed": "02"}},
            {"id": 3, "operation": "shuffle", "result": "valid", "inputs": {}}
            """).utf8))
        report.append(contentsOf: Self.runner.run(file, named: "toy.json"))
        #expect(report.summary == "1 passed, 1 failed, 1 skipped")
        #expect(report.failures.map(\.line) == ["toy.json#2: output reversed is 01"])
    }

    @Test func aPathThatIsNotARegularFileIsOneFailureNotARead() {
        for path in ["/dev/zero", FileManager.default.temporaryDirectory.path] {
            let results = VectorRunner.standard.run(contentsOf: URL(fileURLWithPath: path))
            #expect(results.count == 1)
            #expect(results.first?.outcome == .failed(reason: "\(VectorFileError.notARegularFile)"))
        }
    }
}
