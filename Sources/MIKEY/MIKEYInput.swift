import Foundation
import Octets

/// The MIKEY octets in what a user hands a tool: hexadecimal text (whitespace
/// and colons allowed), base64, an SDP `a=key-mgmt:mikey <base64>` attribute
/// (RFC 4567 §3.1, the way TS 24.379 carries the I_MESSAGE of a private
/// call), or a whole SDP body or SIP message holding one; or, from a file,
/// the message's own binary octets. Reading a file is the caller's job.
///
/// Only the octets are found here; whether they are a MIKEY message is
/// ``IMessage/init(parsing:)``'s to say.
///
/// Text is tried in this order: the first `a=key-mgmt:mikey` attribute of any
/// line; hex, when every character (separators apart) is a hex digit and
/// there is an even number of them; base64. Hex wins over base64 for text that
/// is both (such as `0001`): a MIKEY message's base64 starts `ARo`, which is
/// not hex.
public struct MIKEYInput: Sendable, Equatable {
    /// The largest input examined, in octets (text or binary): 16 times
    /// ``IMessage/maximumEncodedCount``, room for a whole SIP message around the
    /// base64 of the largest message.
    public static let maximumCount = 16 * IMessage.maximumEncodedCount

    /// The MIKEY octets found.
    public let octets: [UInt8]
    /// Where they were found.
    public let form: MIKEYInputForm

    /// The octets in `text`.
    ///
    /// - Throws: ``MIKEYInputError``: ``MIKEYInputError/empty``,
    ///   ``MIKEYInputError/tooLarge(count:maximum:)``,
    ///   ``MIKEYInputError/invalidAttributeData(line:)`` for an attribute
    ///   without base64 data, ``MIKEYInputError/noMIKEYAttribute(otherProtocols:)``
    ///   for SDP or SIP text without one, ``MIKEYInputError/unrecognized`` otherwise.
    public init(text: String) throws(MIKEYInputError) {
        let count = text.utf8.count
        guard count <= Self.maximumCount else { throw .tooLarge(count: count, maximum: Self.maximumCount) }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var otherProtocols: [String] = []
        for (index, line) in lines.enumerated() {
            guard let (protocolID, data) = Self.keyManagementAttribute(in: line) else { continue }
            guard protocolID.lowercased() == "mikey" else {
                otherProtocols.append(String(protocolID))
                continue
            }
            guard let octets = Self.base64(data), !octets.isEmpty else { throw .invalidAttributeData(line: index + 1) }
            self.init(octets: octets, form: .keyManagementAttribute(line: index + 1))
            return
        }
        let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
        guard !compact.isEmpty else { throw .empty }
        if let octets = Self.hex(compact.filter { $0 != ":" }) {
            self.init(octets: octets, form: .hex)
        } else if let octets = Self.base64(compact) {
            self.init(octets: octets, form: .base64)
        } else if !otherProtocols.isEmpty || lines.contains(where: Self.isSDPOrSIPLine) {
            throw .noMIKEYAttribute(otherProtocols: otherProtocols)
        } else {
            throw .unrecognized
        }
    }

    /// The octets in a file's or a pipe's contents: text as ``init(text:)``
    /// reads it when `contents` is UTF-8 without control characters other
    /// than tab, line feed and carriage return; otherwise `contents` itself
    /// (a MIKEY message starts with the control character 0x01, its version).
    ///
    /// - Throws: ``MIKEYInputError`` as ``init(text:)``; ``MIKEYInputError/empty`` for no octets.
    public init(contents: some Collection<UInt8>) throws(MIKEYInputError) {
        let count = contents.count
        guard count <= Self.maximumCount else { throw .tooLarge(count: count, maximum: Self.maximumCount) }
        guard count > 0 else { throw .empty }
        let octets = Array(contents)
        let isText = !octets.contains { ($0 < 0x20 && ![0x09, 0x0A, 0x0D].contains($0)) || $0 == 0x7F }
        if isText, let text = String(validating: octets, as: UTF8.self) {
            try self.init(text: text)
        } else {
            self.init(octets: octets, form: .binary)
        }
    }

    private init(octets: [UInt8], form: MIKEYInputForm) {
        self.octets = octets
        self.form = form
    }

    /// The protocol ID and data of an SDP `a=key-mgmt:<prtcl-id> <keymgmt-data>`
    /// line (RFC 4567 §3.1), leading `a=` optional and the name in any case.
    private static func keyManagementAttribute(in line: Substring) -> (protocolID: Substring, data: Substring)? {
        var rest = line.drop { $0.isWhitespace }
        if rest.lowercased().hasPrefix("a=") { rest = rest.dropFirst(2) }
        let name = "key-mgmt:"
        guard rest.lowercased().hasPrefix(name) else { return nil }
        rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
        let protocolID = rest.prefix { !$0.isWhitespace }
        let data = rest.dropFirst(protocolID.count).drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
        return (protocolID, data)
    }

    /// Whether `line` looks like SDP (`x=…`, RFC 8866 §5) or a SIP start line (RFC 3261 §7.1).
    private static func isSDPOrSIPLine(_ line: Substring) -> Bool {
        let utf8 = Array(line.utf8)
        let sdp = utf8.count >= 2 && (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(utf8[0]) && utf8[1] == UInt8(ascii: "=")
        return sdp || line.hasPrefix("SIP/2.0 ") || line.hasSuffix(" SIP/2.0")
    }

    /// The octets of an even number of hex digits (an optional `0x` first), or nil.
    private static func hex(_ digits: String) -> [UInt8]? {
        let body = digits.hasPrefix("0x") || digits.hasPrefix("0X") ? digits.dropFirst(2) : digits[...]
        guard !body.isEmpty else { return nil }
        return try? Hex.decode(body)
    }

    /// The octets of base64 text without whitespace (RFC 4648 §4, padded, as
    /// RFC 4566 §9's base64 grammar has it for SDP), or nil for other
    /// characters, a misplaced `=` or a length that is not a multiple of 4.
    private static func base64(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        let body = utf8.prefix { $0 != UInt8(ascii: "=") }
        let padding = utf8.count - body.count
        guard utf8.count % 4 == 0, padding <= 2, utf8[body.count...].allSatisfy({ $0 == UInt8(ascii: "=") }),
            body.allSatisfy(isBase64Digit)
        else { return nil }
        return Data(base64Encoded: String(decoding: utf8, as: UTF8.self)).map { Array($0) }
    }

    private static func isBase64Digit(_ character: UInt8) -> Bool {
        switch character {
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
            UInt8(ascii: "+"), UInt8(ascii: "/"): true
        default: false
        }
    }
}
