import Octets

/// A general extension payload (RFC 3830 §6.15): Type, a 16-bit Length, Data.
/// Extensions of a type the receiver does not know are kept as read and
/// otherwise ignored; TS 33.180 carries SAKKE-to-self (E.5) and the key
/// parameters (E.6) in them.
public struct GeneralExtensionPayload: MIKEYPayloadCodable {
    public static let payloadType = MIKEYPayloadType.generalExtension

    /// Type.
    public let type: GeneralExtensionType
    /// Data (0 … 65 535 octets).
    public let data: [UInt8]

    /// - Throws: ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(type: GeneralExtensionType, data: [UInt8]) throws(MIKEYError) {
        try MIKEYField.checkLength(data.count, field: "general extension data", allowsEmpty: true, maximum: 0xFFFF)
        self.type = type
        self.data = data
    }

    /// A SAKKE-to-self extension (E.5) holding `sakke` as a full SAKKE payload
    /// whose own Next payload octet is 0.
    ///
    /// - Throws: ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(sakkeToSelf sakke: SAKKEPayload) throws(MIKEYError) {
        try self.init(type: .sakkeToSelf, data: [MIKEYPayloadType.last.rawValue] + sakke.encodedFields)
    }

    /// The SAKKE payload inside a SAKKE-to-self extension. Its Next payload
    /// octet is ignored, as E.5 says.
    ///
    /// - Throws: ``MIKEYError`` when the data is not one SAKKE payload.
    public func sakkeToSelf() throws(MIKEYError) -> SAKKEPayload {
        guard type == .sakkeToSelf else { throw .invalidValue(field: "general extension type", offset: -1, value: Int(type.rawValue)) }
        guard !data.isEmpty else { throw .invalidValue(field: "SAKKE-to-self length", offset: -1, value: 0) }
        return try SAKKEPayload(fields: data.dropFirst())
    }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let (type, data) = try MIKEYError.reading {
            (try reader.readInteger(as: UInt8.self, field: "general extension type"),
             try reader.readPrefixedOctets(lengthAs: UInt16.self, field: "general extension data"))
        }
        self.type = GeneralExtensionType(rawValue: type)
        self.data = data
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(type.rawValue)
        writer.writeInteger(UInt16(data.count))
        writer.writeBytes(data)
    }
}
