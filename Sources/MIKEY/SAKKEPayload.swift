import Octets

/// The SAKKE payload (RFC 6509 §4.2): the SAKKE Encapsulated Data R_(b,S) || H
/// of RFC 6508 §6.2.1 that carries the distributed key (the SSV) to the
/// receiver's UID. Also the content of the SAKKE-to-self extension (E.5).
public struct SAKKEPayload: MIKEYPayloadCodable {
    public static let payloadType = MIKEYPayloadType.sakke

    /// SAKKE params (1 = parameter set 1 of RFC 6509 Appendix A).
    public let parameterSet: UInt8
    /// ID scheme.
    public let idScheme: SAKKEIDScheme
    /// SAKKE data (1 … 65 535 octets; 273 for parameter set 1).
    public let data: [UInt8]

    /// - Throws: ``MIKEYError/emptyValue(field:)``, ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(parameterSet: UInt8 = 1, idScheme: SAKKEIDScheme = .mcxHashedUID, data: [UInt8]) throws(MIKEYError) {
        try MIKEYField.checkLength(data.count, field: "SAKKE data", maximum: 0xFFFF)
        self.parameterSet = parameterSet
        self.idScheme = idScheme
        self.data = data
    }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let (parameterSet, scheme, lengthOffset, data) = try MIKEYError.reading {
            let parameterSet = try reader.readInteger(as: UInt8.self, field: "SAKKE params")
            let scheme = try reader.readInteger(as: UInt8.self, field: "ID scheme")
            let offset = reader.offset
            return (parameterSet, scheme, offset, try reader.readPrefixedOctets(lengthAs: UInt16.self, field: "SAKKE data"))
        }
        guard !data.isEmpty else { throw .invalidValue(field: "SAKKE data length", offset: lengthOffset, value: 0) }
        self.parameterSet = parameterSet
        idScheme = SAKKEIDScheme(rawValue: scheme)
        self.data = data
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(parameterSet)
        writer.writeInteger(idScheme.rawValue)
        writer.writeInteger(UInt16(data.count))
        writer.writeBytes(data)
    }
}
