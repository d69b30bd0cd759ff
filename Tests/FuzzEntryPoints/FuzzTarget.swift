/// A ``FuzzEntryPoint`` as a value: its name and its `run`, so that callers
/// iterate over targets without existential metatypes (Swift 6.3 crashes
/// lowering calls through `any FuzzEntryPoint.Type` in a test module).
public struct FuzzTarget: Sendable {
    /// The entry point's ``FuzzEntryPoint/name``.
    public let name: String
    private let body: @Sendable ([UInt8]) throws -> FuzzOutcome

    public init<Entry: FuzzEntryPoint>(_ entry: Entry.Type) {
        name = Entry.name
        body = { try Entry.run($0) }
    }

    /// Runs one input; throws only ``FuzzFinding``.
    public func run(_ input: [UInt8]) throws -> FuzzOutcome {
        try body(input)
    }
}
