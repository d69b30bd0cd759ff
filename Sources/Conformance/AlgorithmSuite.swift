/// The operations of one algorithm of the vector format that this package implements.
///
/// Each operation reads its inputs from the test, runs the library, and returns
/// every output the format defines for it; it throws the library's error when
/// the library refuses the input. The runner does the comparing.
public struct AlgorithmSuite: Sendable {
    /// An operation: inputs in, named outputs out, or the library's error.
    public typealias Operation = @Sendable (VectorTest, VectorFile) throws -> [String: VectorOutput]

    /// The `algorithm` value of the files it runs.
    public let algorithm: String
    /// The reason to skip a file whose parameters this package does not support, or nil.
    public let unsupportedParameters: @Sendable (VectorFile) -> String?
    /// Operations by name.
    public let operations: [String: Operation]

    public init(
        algorithm: String,
        unsupportedParameters: @escaping @Sendable (VectorFile) -> String? = { _ in nil },
        operations: [String: Operation]
    ) {
        self.algorithm = algorithm
        self.unsupportedParameters = unsupportedParameters
        self.operations = operations
    }
}
