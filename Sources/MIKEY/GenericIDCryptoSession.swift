import Octets

/// One crypto session of a GENERIC-ID map (CS ID map type 2, RFC 6043 §6.1.1),
/// the map TS 33.180 Annex E uses when CS# > 0 (E.1.2): the CS-ID of Table
/// E.1.3-1, the protocol, the SP payloads that apply, optional session data
/// (SSRCs, E.4.3) and an optional SPI (the MKI, E.2.2, E.3.3).
public struct GenericIDCryptoSession: Sendable, Equatable {
    /// CS ID: the crypto session's identifier, an input of the MIKEY PRF.
    public let csID: UInt8
    /// Prot type: the security protocol (0 = SRTP, RFC 3830 §6.10).
    public let protocolType: UInt8
    /// The S flag (RFC 6043 §6.1.1), kept as read.
    public let flag: Bool
    /// Ps: the policy numbers of the SP payloads that apply (at most 127).
    public let policyNumbers: [UInt8]
    /// Session Data: protocol-specific data, for SRTP SSRCs and ROCs.
    public let sessionData: [UInt8]
    /// SPI: the security parameter index, for SRTP the MKI.
    public let spi: [UInt8]

    /// - Throws: ``MIKEYError/valueTooLarge(field:count:maximum:)`` for more
    ///   than 127 policies, more than 65 535 octets of session data or more
    ///   than 255 octets of SPI.
    public init(
        csID: UInt8, protocolType: UInt8 = 0, flag: Bool = false, policyNumbers: [UInt8],
        sessionData: [UInt8] = [], spi: [UInt8] = []
    ) throws(MIKEYError) {
        try MIKEYField.checkLength(policyNumbers.count, field: "#P", allowsEmpty: true, maximum: 0x7F)
        try MIKEYField.checkLength(sessionData.count, field: "Session Data", allowsEmpty: true, maximum: 0xFFFF)
        try MIKEYField.checkLength(spi.count, field: "SPI", allowsEmpty: true, maximum: 0xFF)
        self.csID = csID
        self.protocolType = protocolType
        self.flag = flag
        self.policyNumbers = policyNumbers
        self.sessionData = sessionData
        self.spi = spi
    }

    init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        (csID, protocolType, flag, policyNumbers, sessionData, spi) = try MIKEYError.reading {
            let csID = try reader.readInteger(as: UInt8.self, field: "CS ID")
            let protocolType = try reader.readInteger(as: UInt8.self, field: "Prot type")
            let flags = try reader.readInteger(as: UInt8.self, field: "S / #P")
            let policies = Array(try reader.readBytes(Int(flags & 0x7F), field: "Ps"))
            var data = try reader.readLengthPrefixed(lengthAs: UInt16.self, field: "Session Data")
            var spi = try reader.readLengthPrefixed(lengthAs: UInt8.self, field: "SPI")
            return (csID, protocolType, flags & 0x80 != 0, policies, Array(data.readRemaining()), Array(spi.readRemaining()))
        }
    }

    func write(to writer: inout ByteWriter) {
        writer.writeInteger(csID)
        writer.writeInteger(protocolType)
        writer.writeInteger((flag ? 0x80 : 0) | UInt8(policyNumbers.count))
        writer.writeBytes(policyNumbers)
        writer.writeInteger(UInt16(sessionData.count))
        writer.writeBytes(sessionData)
        writer.writeInteger(UInt8(spi.count))
        writer.writeBytes(spi)
    }
}
