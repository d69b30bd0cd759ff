import Octets

/// One entry of a readable description of a MIKEY message (``IMessageDescription``)
/// or of what a tool found in it: a named field with its value and meaning,
/// a group of entries, or a list. The same entries render as an indented tree
/// for people (``tree``) and as JSON for programs (``json``).
///
/// In the tree a field prints as `name: value (meaning)`, the form of
/// `ID Role: 8 (IDRuidr)`; a group as its heading with its entries indented
/// below, or with them on the heading's line when ``isInline``.
///
/// In JSON a field is its value, or `{"value": …, "meaning": …}` when it has
/// a meaning; a group is an object of its entries under their ``key``s, in
/// order (the writer keeps the order given, so the output is deterministic);
/// a list is an array, and a group in a list carries its ``name`` as `"name"`.
public struct DescriptionNode: Sendable, Equatable {
    /// The field's name as the specification spells it (`ID Role`, `#CS`).
    public let name: String
    /// The JSON key (`idRole`, `csCount`); unique among a group's entries.
    public let key: String
    /// The value, if the entry has one.
    public let value: DescriptionValue?
    /// What the value means (`IDRuidr`, `PRF-HMAC-SHA-256`), if said.
    public let meaning: String?
    /// A group's or list's entries.
    public let children: [DescriptionNode]
    /// Whether the entries form a list (a JSON array).
    public let isList: Bool
    /// Whether a group's entries print on its heading's line in the tree.
    public let isInline: Bool

    /// A field.
    public static func field(_ name: String, key: String, _ value: DescriptionValue, meaning: String? = nil) -> DescriptionNode {
        DescriptionNode(name: name, key: key, value: value, meaning: meaning, children: [], isList: false, isInline: false)
    }

    /// A group of entries, with a value of its own when given (in JSON its `"value"`); `inline` puts
    /// the entries on the heading's line in the tree (for a few short fields).
    public static func group(
        _ name: String, key: String, value: DescriptionValue? = nil, meaning: String? = nil, inline: Bool = false,
        _ children: [DescriptionNode]
    ) -> DescriptionNode {
        DescriptionNode(name: name, key: key, value: value, meaning: meaning, children: children, isList: false, isInline: inline)
    }

    /// A list of entries.
    public static func list(_ name: String, key: String, meaning: String? = nil, _ items: [DescriptionNode]) -> DescriptionNode {
        DescriptionNode(name: name, key: key, value: nil, meaning: meaning, children: items, isList: true, isInline: false)
    }

    /// Octets printed per line of the tree when a value is longer.
    static let treeOctetsPerLine = 32

    /// The indented tree, two spaces a level, ending in a newline.
    public var tree: String {
        var lines: [String] = []
        appendTree(to: &lines, depth: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    /// Pretty-printed JSON (two spaces a level), ending in a newline.
    public var json: String {
        var text = ""
        jsonValue(isListItem: false).write(to: &text, depth: 0)
        return text + "\n"
    }

    private func appendTree(to lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        var heading = name
        var wrapped: [String] = []
        if let value {
            if case .octets(let octets) = value, octets.count > Self.treeOctetsPerLine {
                wrapped = stride(from: 0, to: octets.count, by: Self.treeOctetsPerLine).map {
                    Hex.encode(octets[$0 ..< min($0 + Self.treeOctetsPerLine, octets.count)])
                }
                heading += ": \(octets.count) octets"
            } else {
                heading += ": \(value.treeText)"
            }
        }
        if let meaning { heading += " (\(meaning))" }
        if isList, children.isEmpty { heading += ": (none)" }
        if isInline, !children.isEmpty {
            heading += (value == nil && meaning == nil ? ": " : ", ") + children.map(\.inlineText).joined(separator: ", ")
        }
        lines.append(indent + heading)
        lines += wrapped.map { indent + "  " + $0 }
        if !isInline {
            for child in children { child.appendTree(to: &lines, depth: depth + 1) }
        }
    }

    /// `name value (meaning)`, for an entry of an inline group.
    private var inlineText: String {
        [name, value?.treeText, meaning.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
    }

    private func jsonValue(isListItem: Bool) -> JSONText {
        if isList { return .array(children.map { $0.jsonValue(isListItem: true) }) }
        let own = value.map(JSONText.init) ?? .null
        guard !children.isEmpty else {
            guard let meaning else { return own }
            return value == nil ? .string(meaning) : .object([("value", own), ("meaning", .string(meaning))])
        }
        var members: [(String, JSONText)] = isListItem ? [("name", .string(name))] : []
        if value != nil { members.append(("value", own)) }
        if let meaning { members.append(("meaning", .string(meaning))) }
        members += children.map { ($0.key, $0.jsonValue(isListItem: false)) }
        return .object(members)
    }
}

/// A JSON value with its object members in a given order, and its pretty printer.
private indirect enum JSONText {
    case null
    case number(UInt64)
    case bool(Bool)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    init(_ value: DescriptionValue) {
        switch value {
        case .integer(let number): self = .number(number)
        case .text(let text): self = .string(text)
        case .octets(let octets): self = .string(Hex.encode(octets))
        case .flag(let flag): self = .bool(flag)
        case .octetRange(let range):
            self = .object([("start", .number(UInt64(range.lowerBound))), ("end", .number(UInt64(range.upperBound)))])
        }
    }

    func write(to text: inout String, depth: Int) {
        let inner = String(repeating: "  ", count: depth + 1), outer = String(repeating: "  ", count: depth)
        switch self {
        case .null: text += "null"
        case .number(let number): text += "\(number)"
        case .bool(let flag): text += flag ? "true" : "false"
        case .string(let string): Self.writeString(string, to: &text)
        case .array(let items) where items.isEmpty: text += "[]"
        case .array(let items):
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += inner
                item.write(to: &text, depth: depth + 1)
                text += index + 1 < items.count ? ",\n" : "\n"
            }
            text += outer + "]"
        case .object(let members) where members.isEmpty: text += "{}"
        case .object(let members):
            text += "{\n"
            for (index, (key, member)) in members.enumerated() {
                text += inner
                Self.writeString(key, to: &text)
                text += ": "
                member.write(to: &text, depth: depth + 1)
                text += index + 1 < members.count ? ",\n" : "\n"
            }
            text += outer + "}"
        }
    }

    /// A JSON string (RFC 8259 §7): quote, backslash and the control characters escaped.
    private static func writeString(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{00}" ... "\u{1F}", "\u{7F}":
                let digits = Hex.encode([UInt8(scalar.value)])
                text += "\\u00\(digits)"
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
