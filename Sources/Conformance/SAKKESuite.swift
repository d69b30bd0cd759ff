import Curves

/// The SAKKE operations of the vector format that are built so far: the
/// pairing (RFC 6508 §3.2). Keys, encapsulation and decapsulation come with
/// the rest of the SAKKE layer; until then the runner reports them skipped.
enum SAKKESuite {
    static let suite = AlgorithmSuite(
        algorithm: "SAKKE",
        unsupportedParameters: { file in
            file.parameter("parameterSet").map { $0 == "1" ? nil : "only parameter set 1 (RFC 6509) is implemented" } ?? nil
        },
        operations: [
            "pairing": { test, _ in
                let value = TatePairing.reduced(
                    try SAKKEPoint(encoded: test.bytes("p1")), try SAKKEPoint(encoded: test.bytes("q1")))
                // The vector format stores the class with a = 1: 00…01 ‖ b.
                let one = [UInt8](repeating: 0, count: 127) + [1]
                return ["g": .bytes(one + TatePairing.normalizedImaginaryPart(value))]
            },
        ])
}
