import Octets

/// SP, a security policy (RFC 3830 §6.10): a policy number that crypto
/// sessions refer to, the protocol, and its parameters. TS 33.180 Annex E
/// sends one only when a profile other than the default is wanted.
public struct SecurityPolicyPayload: MIKEYPayloadCodable {
    public static let payloadType = MIKEYPayloadType.securityPolicy

    /// Policy no.
    public let policyNumber: UInt8
    /// Prot type (0 = SRTP).
    public let protocolType: UInt8
    /// The parameters, in order, each type at most once.
    public let parameters: [SecurityPolicyParameter]

    /// - Throws: ``MIKEYError/duplicate(field:offset:)`` (offset -1) for a type
    ///   given twice, ``MIKEYError/valueTooLarge(field:count:maximum:)`` past 65 535 octets.
    public init(policyNumber: UInt8, protocolType: UInt8 = 0, parameters: [SecurityPolicyParameter]) throws(MIKEYError) {
        guard Set(parameters.map(\.type)).count == parameters.count else { throw .duplicate(field: "policy parameter type", offset: -1) }
        try MIKEYField.checkLength(
            parameters.reduce(0) { $0 + 2 + $1.value.count }, field: "policy param length", allowsEmpty: true, maximum: 0xFFFF)
        self.policyNumber = policyNumber
        self.protocolType = protocolType
        self.parameters = parameters
    }

    /// A payload of parameters known to be distinct and short (the Annex E profiles).
    init(validatedNumber number: UInt8, parameters: [SecurityPolicyParameter]) {
        policyNumber = number
        protocolType = 0
        self.parameters = parameters
    }

    /// The value of the parameter of `type`, if present.
    public func value(of type: SRTPPolicyType) -> [UInt8]? {
        parameters.first { $0.type == type.rawValue }?.value
    }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let (number, protocolType, list) = try MIKEYError.reading {
            (
                try reader.readInteger(as: UInt8.self, field: "Policy no"), try reader.readInteger(as: UInt8.self, field: "Prot type"),
                try reader.readLengthPrefixed(lengthAs: UInt16.self, field: "policy param")
            )
        }
        var entries = list
        var parameters: [SecurityPolicyParameter] = []
        var seen = Set<UInt8>()
        while !entries.isAtEnd {
            let offset = entries.offset
            let (type, value) = try MIKEYError.reading {
                (try entries.readInteger(as: UInt8.self, field: "policy type"),
                 try entries.readPrefixedOctets(lengthAs: UInt8.self, field: "policy value"))
            }
            guard !value.isEmpty else { throw .invalidValue(field: "policy length", offset: offset + 1, value: 0) }
            guard seen.insert(type).inserted else { throw .duplicate(field: "policy type", offset: offset) }
            parameters.append(try SecurityPolicyParameter(type: type, value: value))
        }
        policyNumber = number
        self.protocolType = protocolType
        self.parameters = parameters
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(policyNumber)
        writer.writeInteger(protocolType)
        writer.writeInteger(UInt16(parameters.reduce(0) { $0 + 2 + $1.value.count }))
        for parameter in parameters {
            writer.writeInteger(parameter.type)
            writer.writeInteger(UInt8(parameter.value.count))
            writer.writeBytes(parameter.value)
        }
    }
}
