import Octets

/// A payload of a MIKEY message between the common header and SIGN: one of
/// the types an MC I_MESSAGE can hold (TS 33.180 E.1.2).
public enum MIKEYPayload: Sendable, Equatable {
    case timestamp(TimestampPayload)
    case rand(RandPayload)
    case identity(IdentityPayload)
    case securityPolicy(SecurityPolicyPayload)
    case sakke(SAKKEPayload)
    case generalExtension(GeneralExtensionPayload)

    /// The type a Next payload field names this payload by.
    public var type: MIKEYPayloadType {
        switch self {
        case .timestamp: TimestampPayload.payloadType
        case .rand: RandPayload.payloadType
        case .identity: IdentityPayload.payloadType
        case .securityPolicy: SecurityPolicyPayload.payloadType
        case .sakke: SAKKEPayload.payloadType
        case .generalExtension: GeneralExtensionPayload.payloadType
        }
    }

    /// The payload of `type` at the reader (after its Next payload octet).
    static func read(
        _ type: MIKEYPayloadType, at offset: Int, from reader: inout ByteReader<ArraySlice<UInt8>>
    ) throws(MIKEYError) -> MIKEYPayload {
        switch type {
        case .timestamp: .timestamp(try TimestampPayload(reading: &reader))
        case .rand: .rand(try RandPayload(reading: &reader))
        case .identity: .identity(try IdentityPayload(reading: &reader))
        case .securityPolicy: .securityPolicy(try SecurityPolicyPayload(reading: &reader))
        case .sakke: .sakke(try SAKKEPayload(reading: &reader))
        case .generalExtension: .generalExtension(try GeneralExtensionPayload(reading: &reader))
        default: throw .unknownPayload(type, offset: offset)
        }
    }

    func write(to writer: inout ByteWriter) {
        switch self {
        case .timestamp(let payload): payload.write(to: &writer)
        case .rand(let payload): payload.write(to: &writer)
        case .identity(let payload): payload.write(to: &writer)
        case .securityPolicy(let payload): payload.write(to: &writer)
        case .sakke(let payload): payload.write(to: &writer)
        case .generalExtension(let payload): payload.write(to: &writer)
        }
    }

    /// What may occur once per message: the payload kind, and for IDR its role,
    /// for SP its policy number, for an extension its type. Nil: no limit.
    var uniquenessKey: String? {
        switch self {
        case .timestamp: "T"
        case .rand: "RAND"
        case .identity(let payload): "IDR \(payload.role)"
        case .securityPolicy(let payload): "SP \(payload.policyNumber)"
        case .sakke: "SAKKE"
        case .generalExtension(let payload):
            [GeneralExtensionType.sakkeToSelf, .keyParameters].contains(payload.type) ? "\(payload.type)" : nil
        }
    }
}
