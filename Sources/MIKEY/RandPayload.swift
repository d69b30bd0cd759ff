import Octets

/// RAND (RFC 3830 §6.11): the fresh random value the MIKEY PRF mixes into
/// every key derived from the TGK (TS 33.180 §7.4).
public struct RandPayload: MIKEYPayloadCodable {
    /// RFC 3830 §6.11: RAND SHOULD be at least 128 bits.
    public static let recommendedCount = 16

    public static let payloadType = MIKEYPayloadType.rand

    /// The random octets (1 … 255).
    public let value: [UInt8]

    /// - Throws: ``MIKEYError/emptyValue(field:)``, ``MIKEYError/valueTooLarge(field:count:maximum:)`` over 255 octets.
    public init(_ value: [UInt8]) throws(MIKEYError) {
        try MIKEYField.checkLength(value.count, field: "RAND", maximum: 0xFF)
        self.value = value
    }

    /// A fresh RAND of ``recommendedCount`` octets from the system CSPRNG.
    public static func random() -> RandPayload {
        RandPayload(unchecked: SecretBytes.random(count: recommendedCount).withUnsafeBytes { Array($0) })
    }

    private init(unchecked value: [UInt8]) { self.value = value }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let offset = reader.offset
        let value = try MIKEYError.reading { try reader.readPrefixedOctets(lengthAs: UInt8.self, field: "RAND") }
        guard !value.isEmpty else { throw .invalidValue(field: "RAND len", offset: offset, value: 0) }
        self.value = value
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(UInt8(value.count))
        writer.writeBytes(value)
    }
}
