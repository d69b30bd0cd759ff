import Foundation

/// Runs files of the shared test-vector format (`TestVectors/FORMAT.md`) against
/// the algorithm suites it is given.
///
/// Rules: a test of an algorithm, operation or parameter set with no suite is
/// skipped, never passed. A `valid` test passes when the operation succeeds and
/// every expected output it produces matches; an `invalid` test passes only when
/// the library refuses the input with an error. A test whose own inputs are
/// missing or malformed fails either way, so a broken file cannot pass as a
/// rejection.
public struct VectorRunner: Sendable {
    private let suites: [String: AlgorithmSuite]

    public init(suites: [AlgorithmSuite]) {
        self.suites = Dictionary(suites.map { ($0.algorithm, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A runner over every algorithm this package implements.
    public static let standard = VectorRunner(suites: StandardSuites.all)

    /// The largest vector file the runner reads: 64 MiB (the shared files are
    /// under 1 MiB; a larger one is taken for a mistake, not read into memory).
    public static let maximumFileSize = 64 << 20

    /// Runs the file at `url`; a file that cannot be read or parsed, is not a
    /// regular file or is over ``maximumFileSize`` is one failure.
    public func run(contentsOf url: URL) -> [VectorResult] {
        let name = url.lastPathComponent
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { throw VectorFileError.notARegularFile }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= Self.maximumFileSize else { throw VectorFileError.fileTooLarge(size: size, maximum: Self.maximumFileSize) }
            let data = try Data(contentsOf: url)
            return run(try VectorFile(data: data), named: name)
        } catch {
            return [VectorResult(file: name, testID: "-", outcome: .failed(reason: "\(error)"))]
        }
    }

    /// Runs every test of `file`, reporting under `name`.
    public func run(_ file: VectorFile, named name: String) -> [VectorResult] {
        file.tests.map { test in
            VectorResult(file: name, testID: test.id, outcome: outcome(of: test, in: file))
        }
    }

    private func outcome(of test: VectorTest, in file: VectorFile) -> VectorOutcome {
        guard let suite = suites[file.algorithm] else {
            return .skipped(reason: "algorithm \(file.algorithm) not implemented")
        }
        if let reason = suite.unsupportedParameters(file) { return .skipped(reason: reason) }
        guard let operation = suite.operations[test.operation] else {
            return .skipped(reason: "operation \(test.operation) not implemented")
        }
        let produced: [String: VectorOutput]
        do {
            produced = try operation(test, file)
        } catch let error as VectorInputError {
            return .failed(reason: "malformed test: \(error)")
        } catch {
            return test.result == .invalid ? .passed : .failed(reason: "refused valid input: \(error)")
        }
        guard test.result == .valid else { return .failed(reason: "accepted invalid input") }
        for (name, expected) in test.outputs.sorted(by: { $0.key < $1.key }) {
            // Outputs this operation does not define are ignored (forward compatible).
            guard let actual = produced[name] else { continue }
            guard actual.matches(expected) else {
                return .failed(reason: "output \(name) is \(actual.rendered)")
            }
        }
        return .passed
    }
}
