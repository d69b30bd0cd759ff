import Octets

/// IDR, an identity with its role (RFC 6043 §6.6): IDRi, IDRr, IDRkmsi and
/// IDRkmsr in every TS 33.180 I_MESSAGE (E.1.2), IDRuidi / IDRuidr when
/// identities are hidden (E.7). For the UID roles the data is the raw
/// 32-octet UID, whatever the ID type says (deployed peers write type URI).
public struct IdentityPayload: MIKEYPayloadCodable {
    public static let payloadType = MIKEYPayloadType.identity

    /// ID Role.
    public let role: IdentityRole
    /// ID Type.
    public let type: IdentityType
    /// ID data (1 … 65 535 octets).
    public let data: [UInt8]

    /// - Throws: ``MIKEYError/emptyValue(field:)``, ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(role: IdentityRole, type: IdentityType = .uri, data: [UInt8]) throws(MIKEYError) {
        try MIKEYField.checkLength(data.count, field: "ID data", maximum: 0xFFFF)
        self.role = role
        self.type = type
        self.data = data
    }

    /// A URI identity.
    ///
    /// - Throws: as ``init(role:type:data:)``.
    public init(role: IdentityRole, uri: String) throws(MIKEYError) {
        try self.init(role: role, type: .uri, data: Array(uri.utf8))
    }

    /// The data as UTF-8 text, when it is.
    public var text: String? { String(validating: data, as: UTF8.self) }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let (role, type, lengthOffset, data) = try MIKEYError.reading {
            let role = try reader.readInteger(as: UInt8.self, field: "ID Role")
            let type = try reader.readInteger(as: UInt8.self, field: "ID Type")
            let offset = reader.offset
            return (role, type, offset, try reader.readPrefixedOctets(lengthAs: UInt16.self, field: "ID data"))
        }
        guard !data.isEmpty else { throw .invalidValue(field: "ID len", offset: lengthOffset, value: 0) }
        self.role = IdentityRole(rawValue: role)
        self.type = IdentityType(rawValue: type)
        self.data = data
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(role.rawValue)
        writer.writeInteger(type.rawValue)
        writer.writeInteger(UInt16(data.count))
        writer.writeBytes(data)
    }
}
