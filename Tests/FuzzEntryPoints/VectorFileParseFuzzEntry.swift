import Conformance
import Foundation

/// The vector-file loader alone: `VectorFile(data:)` on the input, without
/// running the tests it describes, so that the fuzzer spends its executions
/// on the JSON and format checks rather than on SAKKE and ECCSI operations
/// (``VectorFileFuzzEntry`` runs them too). Refusals must be
/// `VectorFileError`; a parsed file has format 1, and parsing is
/// deterministic (the same input parses to the same tests).
public enum VectorFileParseFuzzEntry: FuzzEntryPoint {
    public static let name = "VectorFileParse"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is VectorFileError }) {
            let file = try VectorFile(data: Data(input))
            try FuzzExpectation.require(file.format == 1, name, "a parsed file of format \(file.format)")
            let again = try VectorFile(data: Data(input))
            try FuzzExpectation.require(
                again.algorithm == file.algorithm && again.tests.map(\.id) == file.tests.map(\.id)
                    && again.tests.map(\.operation) == file.tests.map(\.operation),
                name, "two parses of one input differ")
        }
    }
}
