/// A fuzz input that broke an entry point's contract without crashing: an
/// error of an undocumented type, or a result that violates an invariant.
public struct FuzzFinding: Error, Sendable, CustomStringConvertible {
    /// The ``FuzzEntryPoint/name`` of the target.
    public let target: String
    /// What went wrong, for the report.
    public let detail: String

    public init(target: String, detail: String) {
        self.target = target
        self.detail = detail
    }

    public var description: String { "\(target): \(detail)" }
}
