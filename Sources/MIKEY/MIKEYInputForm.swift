/// How ``MIKEYInput`` found the MIKEY octets in its input.
public enum MIKEYInputForm: Sendable, Equatable, CustomStringConvertible {
    /// The input's own octets (a capture, a fuzz seed): not text.
    case binary
    /// Hexadecimal text, whitespace and colons allowed.
    case hex
    /// Base64 text (RFC 4648 §4, padded), whitespace allowed.
    case base64
    /// The data of the first `a=key-mgmt:mikey` SDP attribute (RFC 4567 §3.1),
    /// alone or in an SDP body or a whole SIP message, on `line` (counted from 1).
    case keyManagementAttribute(line: Int)

    public var description: String {
        switch self {
        case .binary: "binary"
        case .hex: "hex"
        case .base64: "base64"
        case .keyManagementAttribute(let line): "a=key-mgmt:mikey attribute on line \(line)"
        }
    }
}
