import MIKEY

/// `IMessage(parsing:)` on the whole input. Refusals must be `MIKEYError`; an
/// accepted message is canonical (its encoding is the input, and parsing that
/// again gives the same message) and its signed range ends where the
/// signature starts.
public enum IMessageParseFuzzEntry: FuzzEntryPoint {
    public static let name = "IMessageParse"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is MIKEYError }) {
            let message = try IMessage(parsing: input)
            try FuzzExpectation.require(message.reencoded() == input, name, "re-encoding the fields differs from the input")
            try FuzzExpectation.require(try IMessage(parsing: message.encoded) == message, name, "a second parse differs")
            try FuzzExpectation.require(
                message.signedCount + (message.signature?.signature.count ?? 0) == input.count, name, "signed range")
        }
    }
}
