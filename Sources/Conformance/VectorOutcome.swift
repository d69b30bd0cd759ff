/// What became of one test.
public enum VectorOutcome: Sendable, Equatable {
    case passed
    case failed(reason: String)
    /// Not run: the algorithm, operation or parameters are not implemented here.
    case skipped(reason: String)
}

/// The outcome of one test of one file.
public struct VectorResult: Sendable, Equatable {
    /// The file's name as given to the runner.
    public let file: String
    /// The test's id, or "-" for a fault of the whole file.
    public let testID: String
    public let outcome: VectorOutcome

    /// `file#id: reason`, the format's line for a failure or a skip.
    public var line: String {
        switch outcome {
        case .passed: "\(file)#\(testID): passed"
        case .failed(let reason): "\(file)#\(testID): \(reason)"
        case .skipped(let reason): "\(file)#\(testID): skipped (\(reason))"
        }
    }
}
