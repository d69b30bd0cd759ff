import Octets

/// The fields of an RTP header (RFC 3550 §5.1) that SRTP needs, read from a
/// packet without copying: version 2, the sequence number, the SSRC and the
/// header's full length (12 octets, 4 per CSRC, and the header extension
/// of RFC 3550 §5.3.1 when X is set). With AEAD the whole header is the AAD
/// (RFC 7714 §8.2).
public struct RTPHeader: Sendable, Equatable {
    /// The 16-bit sequence number.
    public let sequenceNumber: UInt16
    /// The synchronization source.
    public let ssrc: UInt32
    /// Octets of the header, CSRCs and extension included.
    public let length: Int

    /// Parses the header at the start of `packet`.
    ///
    /// - Throws: `SRTPError.packetTooShort` under 12 octets,
    ///   `.unsupportedVersion` unless V = 2, `.headerLengthExceedsPacket` when
    ///   the CSRC list or the extension runs past the end.
    public init(_ packet: UnsafeRawBufferPointer) throws {
        var reader = ByteReader(packet)
        guard let first = reader.peekInteger(as: UInt8.self), let sequenceNumber = reader.peekInteger(at: 2, as: UInt16.self),
            let ssrc = reader.peekInteger(at: 8, as: UInt32.self)
        else { throw SRTPError.packetTooShort(minimum: 12, actual: packet.count) }
        guard first >> 6 == 2 else { throw SRTPError.unsupportedVersion(first >> 6) }
        do {
            try reader.skip(12 + 4 * Int(first & 0x0F), field: "RTP header with its CSRC list")
            if first & 0x10 != 0 {
                try reader.skip(2, field: "header extension profile")
                let words = try reader.readInteger(as: UInt16.self, field: "header extension length")
                try reader.skip(4 * Int(words), field: "header extension")
            }
        } catch let OctetsError.truncated(_, offset, needed, _) {
            throw SRTPError.headerLengthExceedsPacket(headerLength: offset + needed, packetLength: packet.count)
        }
        self.sequenceNumber = sequenceNumber
        self.ssrc = ssrc
        length = reader.offset
    }
}
