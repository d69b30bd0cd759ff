/// Writes XML text element by element, escaping every value, indenting two
/// spaces a level as the TS 33.180 D.3.4 examples do. The KMS documents
/// are written here and then parsed back for signing, so the text signed is
/// the text sent.
struct XMLWriter {
    private(set) var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    private var open: [String] = []

    /// Opens `name` with `attributes` (written in the order given).
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">\n"
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = open.popLast() else { return }
        text += indentation + "</" + name + ">\n"
    }

    /// Writes `<name attributes>value</name>` on one line.
    mutating func element(_ name: String, _ value: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + ">" + Self.escaped(value) + "</" + name + ">\n"
    }

    /// Writes the empty element `<name attributes/>`.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += indentation + "<" + name + Self.attributes(attributes) + "/>\n"
    }

    private var indentation: String { String(repeating: "  ", count: open.count) }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " " + $0.0 + "=\"" + escaped($0.1) + "\"" }.joined()
    }

    /// `value` with the characters XML reserves, and the white space that
    /// attribute normalisation would change, written as references.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#xD;"
            case "\t": result += "&#x9;"
            case "\n": result += "&#xA;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
