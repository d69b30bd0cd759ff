import Octets

/// HDR, the MIKEY common header (RFC 3830 §6.1), as TS 33.180 E.1.2 fills it:
/// version 1, data type 26, V = 0, PRF-HMAC-SHA-256, the key identifier of
/// the distributed key as CSB ID, and the crypto sessions.
///
/// The header is always the first payload and holds the first "Next payload"
/// field of the chain at its third octet; ``IMessage`` reads and writes that octet.
public struct CommonHeader: Sendable, Equatable {
    /// The only MIKEY version (RFC 3830 §6.1).
    public static let version: UInt8 = 1

    /// The data type (26 for MIKEY-SAKKE).
    public let dataType: MIKEYDataType
    /// V: whether the initiator asks for a verification message (0 in Annex E).
    public let verificationRequested: Bool
    /// PRF func: the PRF that derives keys from the TGK.
    public let prf: MIKEYPRFFunction
    /// CSB ID, the crypto session bundle: the PCK-ID, GUK-ID, CSK-ID or
    /// MuSiK-ID (E.2.1, E.3.1, E.4.1).
    public let csbID: UInt32
    /// #CS, CS ID map type and CS ID map info.
    public let cryptoSessions: CryptoSessionMap

    /// - Throws: ``MIKEYError/valueTooLarge(field:count:maximum:)`` for more than 255 crypto sessions.
    public init(
        dataType: MIKEYDataType = .sakkeMessage, verificationRequested: Bool = false, prf: MIKEYPRFFunction = .hmacSHA256,
        csbID: UInt32, cryptoSessions: CryptoSessionMap = .empty
    ) throws(MIKEYError) {
        try MIKEYField.checkLength(cryptoSessions.count, field: "#CS", allowsEmpty: true, maximum: 0xFF)
        self.dataType = dataType
        self.verificationRequested = verificationRequested
        self.prf = prf
        self.csbID = csbID
        self.cryptoSessions = cryptoSessions
    }

    /// Reads the header at the start of a message; returns it with the type
    /// of the payload that follows.
    static func read(from reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) -> (CommonHeader, next: MIKEYPayloadType) {
        let (version, dataType, next, flags, csbID, count) = try MIKEYError.reading {
            (
                try reader.readInteger(as: UInt8.self, field: "version"), try reader.readInteger(as: UInt8.self, field: "data type"),
                try reader.readInteger(as: UInt8.self, field: "next payload"), try reader.readInteger(as: UInt8.self, field: "V / PRF func"),
                try reader.readInteger(as: UInt32.self, field: "CSB ID"), try reader.readInteger(as: UInt8.self, field: "#CS")
            )
        }
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let typeOffset = reader.offset
        let mapType = try MIKEYError.reading { try reader.readInteger(as: UInt8.self, field: "CS ID map type") }
        let map = try CryptoSessionMap.read(type: mapType, count: count, typeOffset: typeOffset, from: &reader)
        let header = try CommonHeader(
            dataType: MIKEYDataType(rawValue: dataType), verificationRequested: flags & 0x80 != 0, prf: MIKEYPRFFunction(bits: flags), csbID: csbID,
            cryptoSessions: map)
        return (header, MIKEYPayloadType(rawValue: next))
    }

    /// Writes the header with `next` as its Next payload field.
    func write(to writer: inout ByteWriter, next: MIKEYPayloadType) {
        writer.writeInteger(Self.version)
        writer.writeInteger(dataType.rawValue)
        writer.writeInteger(next.rawValue)
        writer.writeInteger((verificationRequested ? 0x80 : 0) | prf.rawValue)
        writer.writeInteger(csbID)
        writer.writeInteger(UInt8(cryptoSessions.count))
        writer.writeInteger(cryptoSessions.mapType)
        cryptoSessions.write(to: &writer)
    }
}
