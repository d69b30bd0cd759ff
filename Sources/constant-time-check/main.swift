import Octets
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The constant-time check's harness (issue 11, after BoringSSL's constant-time
// validation): runs each operation with its secret inputs marked undefined
// for valgrind's memcheck, which reports every branch and every memory
// address that depends on them. Scripts/check-constant-time.sh builds it with
// -DMIKEY_SAKKE_CT_VALIDATION and runs it under valgrind.
//
//   constant-time-check [--inputs N] [operation ...]
//
// Operations: see `Operation`; default: all but the canary. N (default 2) is
// the number of inputs per operation: the RFC example, then seeded ones.

func runChecks(_ arguments: [String]) throws(CheckError) {
    var inputCount = 2
    var operations: [Operation] = []
    var remaining = arguments[...]
    while let argument = remaining.popFirst() {
        if argument == "--inputs" {
            guard let value = remaining.popFirst(), let count = Int(value), count >= 1 else {
                throw CheckError.badArgument("--inputs needs a positive count")
            }
            inputCount = count
        } else if let operation = Operation(rawValue: argument) {
            operations.append(operation)
        } else {
            throw CheckError.unknownOperation(argument)
        }
    }
    guard ConstantTimeValidation.isCompiledIn else { throw CheckError.notAValidationBuild }
    if !ConstantTimeValidation.isRunningUnderValgrind {
        print("constant-time-check: not under valgrind; the annotations do nothing (a functional run only)")
    }
    for operation in operations.isEmpty ? Operation.defaultSet : operations {
        let before = ConstantTimeValidation.reportedErrorCount
        try operation.run(inputCount: inputCount)
        let reports = ConstantTimeValidation.reportedErrorCount - before
        print("constant-time-check: \(operation.rawValue): \(reports) memcheck report(s)")
    }
}

do {
    try runChecks(Array(CommandLine.arguments.dropFirst()))
} catch {
    print("constant-time-check: \(error)")
    exit(2)
}
