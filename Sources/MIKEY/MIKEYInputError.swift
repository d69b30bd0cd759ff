/// Why ``MIKEYInput`` found no MIKEY octets in what it was given. The input
/// is the user's: each case says what to fix, and none carries the input.
public enum MIKEYInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing, or only whitespace.
    case empty
    /// More than ``MIKEYInput/maximumCount`` octets (a MIKEY message is at most
    /// ``IMessage/maximumEncodedCount``; its base64 in a SIP message is far below the limit).
    case tooLarge(count: Int, maximum: Int)
    /// The `a=key-mgmt:mikey` attribute at `line` (counted from 1) has no data,
    /// or data that is not base64 (RFC 4567 §3.1: the MIKEY message, base64-encoded).
    case invalidAttributeData(line: Int)
    /// SDP or SIP text (lines of the form `x=…`, or a SIP start line) with no
    /// `a=key-mgmt:mikey` attribute; `otherProtocols` are the protocol IDs of
    /// the `a=key-mgmt` attributes it does hold, in order.
    case noMIKEYAttribute(otherProtocols: [String])
    /// Text that is neither hex, base64, nor SDP or SIP.
    case unrecognized

    public var description: String {
        switch self {
        case .empty:
            "the input is empty"
        case .tooLarge(let count, let maximum):
            "the input is \(count) octets, more than the \(maximum) examined"
        case .invalidAttributeData(let line):
            "the a=key-mgmt:mikey attribute on line \(line) does not hold base64 data"
        case .noMIKEYAttribute(let protocols) where protocols.isEmpty:
            "the SDP/SIP text has no a=key-mgmt:mikey attribute"
        case .noMIKEYAttribute(let protocols):
            "the SDP/SIP text has no a=key-mgmt:mikey attribute (only key-mgmt for \(protocols.joined(separator: ", ")))"
        case .unrecognized:
            "the input is not hex, base64, an SDP a=key-mgmt:mikey line or a SIP message holding one"
        }
    }
}
