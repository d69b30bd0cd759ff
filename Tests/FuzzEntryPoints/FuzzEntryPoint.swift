/// One public entry point of the library that takes untrusted bytes, wrapped
/// so that a libFuzzer executable (`FuzzTesting/`) and the corpus replay test
/// (`Tests/FuzzCorpusTests`) drive it the same way.
///
/// The contract of every entry point: for any input the library either
/// succeeds (``FuzzOutcome/accepted``) or refuses with the error type the
/// entry point documents (``FuzzOutcome/rejected``). Anything else, an error of
/// another type or a broken invariant of the result, is a ``FuzzFinding``; a
/// trap is a finding the process itself reports.
public protocol FuzzEntryPoint: Sendable {
    /// The target's name: its corpus folder `FuzzTesting/Corpus/<name>/`, its
    /// `FailCases/<name>/` folder and, prefixed with `Fuzz`, its executable.
    static var name: String { get }

    /// Runs one input through the library. Throws only ``FuzzFinding``.
    static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome
}
