/// One entry of an SP payload's policy parameters: Type, Length, Value
/// (RFC 3830 §6.10). For SRTP the types are those of RFC 3830 §6.10.1,
/// RFC 4771 (ROC transmission rate) and the AEAD types TS 33.180 Tables
/// E.2.2-1, E.3.2-1 and E.4.2-1 use; ``SRTPPolicyType`` names them.
public struct SecurityPolicyParameter: Sendable, Equatable {
    /// Type.
    public let type: UInt8
    /// Value (1 … 255 octets).
    public let value: [UInt8]

    /// - Throws: ``MIKEYError/emptyValue(field:)``, ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(type: UInt8, value: [UInt8]) throws(MIKEYError) {
        try MIKEYField.checkLength(value.count, field: "policy parameter value", maximum: 0xFF)
        self.type = type
        self.value = value
    }

    /// A one-octet value, as every parameter of the Annex E profiles has.
    public init(_ type: SRTPPolicyType, _ value: UInt8) {
        self.type = type.rawValue
        self.value = [value]
    }

    /// The value as a big-endian integer, when it has at most 8 octets.
    public var integerValue: UInt64? {
        guard value.count <= 8 else { return nil }
        return value.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
