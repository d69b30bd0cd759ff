import Octets

/// The value of one field in a ``DescriptionNode``: how it prints in the
/// tree, and what JSON value it becomes.
public enum DescriptionValue: Sendable, Equatable {
    /// A number: decimal in the tree, a JSON number.
    case integer(UInt64)
    /// Text: in the tree as is but for the scalars that could steer a
    /// terminal (controls, format characters such as bidi overrides, line and
    /// paragraph separators), which print as `\u{…}`; `""` when empty. A JSON string.
    case text(String)
    /// Octets: lowercase hex in both (the tree wraps long values).
    case octets([UInt8])
    /// A flag: `0` or `1` in the tree, as the bit is on the wire; a JSON boolean.
    case flag(Bool)
    /// A range of octet offsets into the message: `octets 12..<30` in the
    /// tree, `{"start": 12, "end": 30}` in JSON.
    case octetRange(Range<Int>)

    /// The value as the tree prints it.
    var treeText: String {
        switch self {
        case .integer(let value): "\(value)"
        case .text(let text): text.isEmpty ? "\"\"" : Self.inert(text)
        case .octets(let octets): octets.isEmpty ? "(none)" : Hex.encode(octets)
        case .flag(let flag): flag ? "1" : "0"
        case .octetRange(let range): "octets \(range.lowerBound)..<\(range.upperBound)"
        }
    }

    /// `text` with every scalar that could steer a terminal escaped.
    static func inert(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
