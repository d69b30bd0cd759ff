/// Why the harness stopped. A memcheck report is not one of these: memcheck
/// prints reports itself and the script fails on its exit status.
enum CheckError: Error, CustomStringConvertible {
    /// The build lacks `-DMIKEY_SAKKE_CT_VALIDATION` (Swift or C side): every
    /// annotation would be a no-op and the check would pass vacuously.
    case notAValidationBuild
    /// An operation name the harness does not know.
    case unknownOperation(String)
    /// A bad command-line argument.
    case badArgument(String)
    /// A hex constant of the harness did not decode (a bug here).
    case badConstant(String)
    /// The library threw while running an operation.
    case operationFailed(operation: String, input: Int, error: any Error)
    /// An operation ran but its output differs from the known answer: the run
    /// under memcheck did not compute what it should have.
    case wrongAnswer(operation: String, input: Int, what: String)

    var description: String {
        switch self {
        case .notAValidationBuild:
            "not a validation build: build with -Xswiftc -DMIKEY_SAKKE_CT_VALIDATION -Xcc -DMIKEY_SAKKE_CT_VALIDATION"
        case .unknownOperation(let name): "unknown operation \(name)"
        case .badArgument(let argument): "bad argument \(argument)"
        case .badConstant(let hex): "bad hex constant \(hex.prefix(16))…"
        case .operationFailed(let operation, let input, let error): "\(operation) input \(input): threw \(error)"
        case .wrongAnswer(let operation, let input, let what): "\(operation) input \(input): wrong \(what)"
        }
    }
}
