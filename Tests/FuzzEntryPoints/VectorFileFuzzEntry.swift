import Conformance
import Foundation

/// The vector-file loader and runner behind `mikey-sakke vectors`: the input
/// as a file of the shared format (`TestVectors/FORMAT.md`), parsed with
/// `VectorFile(data:)` and, when it parses, run by the standard runner.
/// Refusals must be `VectorFileError`; a parsed file must give one result per
/// test (the runner never throws and never drops a test).
public enum VectorFileFuzzEntry: FuzzEntryPoint {
    public static let name = "VectorFile"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is VectorFileError }) {
            let file = try VectorFile(data: Data(input))
            let results = VectorRunner.standard.run(file, named: "fuzz.json")
            try FuzzExpectation.require(results.count == file.tests.count, name, "\(results.count) results for \(file.tests.count) tests")
        }
    }
}
