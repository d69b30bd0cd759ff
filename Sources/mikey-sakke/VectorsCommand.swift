import ArgumentParser
import Conformance
import Foundation

/// `mikey-sakke vectors FILE...`: runs test-vector files of the shared format.
struct VectorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Run test-vector files (TestVectors/FORMAT.md) and print 'N passed, M failed, K skipped'.",
        discussion: "Prints one line per failing test ('file#id: reason'); exits non-zero when any test failed."
    )

    @Argument(help: "Vector files to run.", completion: .file(extensions: ["json"]))
    var files: [String]

    @Flag(name: .shortAndLong, help: "Also print a line for every passed and skipped test.")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Give at least one vector file.") }
    }

    func run() throws {
        var report = VectorReport()
        for path in files {
            report.append(contentsOf: VectorRunner.standard.run(contentsOf: URL(fileURLWithPath: path)))
        }
        for result in report.results {
            if case .failed = result.outcome {
                print(result.line)
            } else if verbose {
                print(result.line)
            }
        }
        print(report.summary)
        if report.failed > 0 { throw ExitCode.failure }
    }
}
