import Foundation
import Octets

/// The schema types of the KMS documents, read strictly: a value that is
/// not of its type is refused, never defaulted.
enum XMLValue {
    /// `xsd:integer` in 0 … UInt64.max (no sign but an optional `+`).
    static func unsigned(_ text: String, _ name: String) throws(KMSError) -> UInt64 {
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }),
            let value = UInt64(digits)
        else { throw KMSError.invalidValue(name) }
        return value
    }

    /// `xsd:boolean`: true, false, 1 or 0.
    static func boolean(_ text: String, _ name: String) throws(KMSError) -> Bool {
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw KMSError.invalidValue(name)
        }
    }

    /// `xsd:hexBinary`: an even number of hex digits, either case.
    static func hex(_ text: String, _ name: String) throws(KMSError) -> [UInt8] {
        guard text.utf8.count.isMultiple(of: 2), let bytes = try? Hex.decode(text) else { throw KMSError.invalidValue(name) }
        return bytes
    }

    /// `xsd:hexBinary` of a secret, decoded straight into wiped storage.
    static func secretHex(_ text: String, _ name: String) throws(KMSError) -> SecretBytes {
        var bytes = try hex(text, name)
        defer { bytes.wipe() }
        return SecretBytes(bytes)
    }

    /// `xsd:base64Binary` (XML-DSig and XML Encryption values); white space between groups is allowed.
    static func base64(_ text: String, _ name: String) throws(KMSError) -> [UInt8] {
        let compact = text.filter { !$0.isXMLWhitespace }
        guard let data = Data(base64Encoded: compact) else { throw KMSError.invalidValue(name) }
        return Array(data)
    }

    /// `xsd:dateTime` as a date (UTC when the value has no zone).
    static func date(_ text: String, _ name: String) throws(KMSError) -> Date {
        guard let seconds = XMLDateTime.unixSeconds(text) else { throw KMSError.invalidValue(name) }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `xsd:dateTime` text of a date (whole seconds, UTC, no zone, as the D.3.4
    /// examples). A date outside ``XMLDateTime/readableSeconds`` is written as
    /// its nearer bound (the engine refuses such dates before writing).
    static func text(_ date: Date) -> String {
        let range = XMLDateTime.readableSeconds
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let clamped = seconds.isNaN ? range.lowerBound
            : seconds <= Double(range.lowerBound) ? range.lowerBound
            : seconds >= Double(range.upperBound) ? range.upperBound : Int64(seconds)
        return XMLDateTime.text(unixSeconds: clamped)
    }

    /// Uppercase hex, as the D.3.4 examples write `xsd:hexBinary`.
    static func hexText(_ bytes: some Sequence<UInt8>) -> String { Hex.encode(bytes).uppercased() }
}
