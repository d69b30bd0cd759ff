/// The check shared by the entry points: run a library call, accept success,
/// accept a refusal only with the documented error.
public enum FuzzExpectation {
    /// Runs `body`; success is ``FuzzOutcome/accepted``, an error that
    /// `isDocumented` approves is ``FuzzOutcome/rejected``, any other error is
    /// a finding of `target`.
    public static func outcome(
        of target: String, isDocumented: (any Error) -> Bool, _ body: () throws -> Void
    ) throws(FuzzFinding) -> FuzzOutcome {
        do {
            try body()
            return .accepted
        } catch let finding as FuzzFinding {
            throw finding
        } catch where isDocumented(error) {
            return .rejected
        } catch {
            throw FuzzFinding(target: target, detail: "undocumented error \(type(of: error)): \(error)")
        }
    }

    /// A finding unless `condition` holds (an invariant of an accepted input).
    public static func require(_ condition: Bool, _ target: String, _ detail: @autoclosure () -> String) throws(FuzzFinding) {
        guard condition else { throw FuzzFinding(target: target, detail: detail()) }
    }
}
