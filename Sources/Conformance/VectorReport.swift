/// The results of a run over one or more files, with the format's summary line.
public struct VectorReport: Sendable {
    public private(set) var results: [VectorResult] = []

    public init() {}

    public mutating func append(contentsOf more: [VectorResult]) {
        results.append(contentsOf: more)
    }

    public var passed: Int { results.count { $0.outcome == .passed } }
    public var failed: Int { results.count { if case .failed = $0.outcome { true } else { false } } }
    public var skipped: Int { results.count { if case .skipped = $0.outcome { true } else { false } } }

    /// The failing results.
    public var failures: [VectorResult] { results.filter { if case .failed = $0.outcome { true } else { false } } }

    /// `N passed, M failed, K skipped`.
    public var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}
