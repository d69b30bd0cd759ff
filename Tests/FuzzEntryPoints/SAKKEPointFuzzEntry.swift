import Curves

/// `SAKKEPoint(encoded:)` on the whole input. Refusals must be `CurveError`;
/// an accepted point re-encodes to exactly the input.
public enum SAKKEPointFuzzEntry: FuzzEntryPoint {
    public static let name = "SAKKEPoint"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is CurveError }) {
            let point = try SAKKEPoint(encoded: input)
            try FuzzExpectation.require(point.encoded == input, name, "re-encodes differently")
        }
    }
}
