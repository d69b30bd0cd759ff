import BigNum
import Octets

/// One output an operation produced, compared with the test's expected output of the same name.
public enum VectorOutput: Sendable, Equatable {
    /// Octets; the file writes them as hex.
    case bytes([UInt8])
    /// A plain count or index; the file writes a JSON integer.
    case integer(Int)
    /// Text such as a URI; compared exactly.
    case string(String)
    /// A big-endian integer (a field or group element such as an SSK): the
    /// file may write it with or without leading zero octets (FORMAT.md).
    case bigEndianInteger([UInt8])

    /// Whether `expected`, as the file writes it, is this value.
    func matches(_ expected: JSONValue) -> Bool {
        switch (self, expected) {
        case (.bytes(let actual), .string(let text)): (try? Hex.decode(text)) == actual
        case (.integer(let actual), .integer(let value)): actual == value
        case (.string(let actual), .string(let text)): actual == text
        case (.bigEndianInteger(let actual), .string(let text)):
            if let expected = try? Hex.decode(text) { expected.drop { $0 == 0 }.elementsEqual(actual.drop { $0 == 0 }) } else { false }
        default: false
        }
    }

    var rendered: String {
        switch self {
        case .bytes(let bytes), .bigEndianInteger(let bytes): Hex.encode(bytes)
        case .integer(let value): String(value)
        case .string(let text): text
        }
    }
}
