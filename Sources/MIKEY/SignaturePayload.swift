import Octets

/// SIGN (RFC 3830 §6.5): "S type" (4 bits), "Signature len" (12 bits, in
/// octets) and the signature. Always the last payload, with no Next payload
/// field. MIKEY-SAKKE signs with ECCSI (S type 2, RFC 6509 §4.3): r || s || PVT,
/// 129 octets.
public struct SignaturePayload: MIKEYPayloadCodable {
    public static let payloadType = MIKEYPayloadType.signature
    /// S type 2, ECCSI (RFC 6509 §4.3).
    public static let eccsiType: UInt8 = 2
    /// Octets of SIGN before the signature: S type and length.
    public static let headerCount = 2

    /// S type (0 … 15).
    public let signatureType: UInt8
    /// The signature (1 … 4095 octets).
    public let signature: [UInt8]

    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` for a type over 15,
    ///   ``MIKEYError/emptyValue(field:)``, ``MIKEYError/valueTooLarge(field:count:maximum:)``.
    public init(signatureType: UInt8 = eccsiType, signature: [UInt8]) throws(MIKEYError) {
        guard signatureType < 16 else { throw .invalidValue(field: "S type", offset: -1, value: Int(signatureType)) }
        try MIKEYField.checkLength(signature.count, field: "Signature", maximum: 0x0FFF)
        self.signatureType = signatureType
        self.signature = signature
    }

    /// The 2-octet header of a SIGN of `type` holding `count` octets: the last
    /// octets the signature covers (RFC 3830 §5.2).
    static func header(type: UInt8, count: Int) -> [UInt8] {
        let word = UInt16(type & 0x0F) << 12 | UInt16(count & 0x0FFF)
        return [UInt8(word >> 8), UInt8(word & 0xFF)]
    }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let offset = reader.offset
        let (word, signature) = try MIKEYError.reading {
            var lookahead = reader
            let word = try lookahead.readInteger(as: UInt16.self, field: "S type / Signature len")
            let signature = Array(try lookahead.readBytes(Int(word & 0x0FFF), field: "Signature"))
            reader = lookahead
            return (word, signature)
        }
        guard !signature.isEmpty else { throw .invalidValue(field: "Signature len", offset: offset, value: 0) }
        signatureType = UInt8(word >> 12)
        self.signature = signature
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeBytes(Self.header(type: signatureType, count: signature.count))
        writer.writeBytes(signature)
    }
}
