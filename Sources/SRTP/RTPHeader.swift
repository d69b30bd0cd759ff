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
        guard packet.count >= 12 else { throw SRTPError.packetTooShort(minimum: 12, actual: packet.count) }
        let first = packet[0]
        guard first >> 6 == 2 else { throw SRTPError.unsupportedVersion(first >> 6) }
        var length = 12 + 4 * Int(first & 0x0F)
        if first & 0x10 != 0 {
            guard length + 4 <= packet.count else {
                throw SRTPError.headerLengthExceedsPacket(headerLength: length + 4, packetLength: packet.count)
            }
            length += 4 + 4 * (Int(packet[length + 2]) << 8 | Int(packet[length + 3]))
        }
        guard length <= packet.count else { throw SRTPError.headerLengthExceedsPacket(headerLength: length, packetLength: packet.count) }
        sequenceNumber = UInt16(packet[2]) << 8 | UInt16(packet[3])
        ssrc = UInt32(packet[8]) << 24 | UInt32(packet[9]) << 16 | UInt32(packet[10]) << 8 | UInt32(packet[11])
        self.length = length
    }
}
