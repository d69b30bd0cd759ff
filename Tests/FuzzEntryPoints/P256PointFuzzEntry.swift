import Curves

/// `P256Point(encoded:)` on the whole input. Refusals must be `CurveError`;
/// an accepted point re-encodes to exactly the input (the uncompressed form
/// is unique).
public enum P256PointFuzzEntry: FuzzEntryPoint {
    public static let name = "P256Point"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is CurveError }) {
            let point = try P256Point(encoded: input)
            try FuzzExpectation.require(point.encoded == input, name, "re-encodes differently")
        }
    }
}
