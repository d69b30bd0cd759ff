/// Several packets in one fuzz input, so that a receiver's state (replay
/// window, ROC estimate) sees a stream: each packet is a 2-octet big-endian
/// length and that many octets; a final length that runs past the end takes
/// what is left.
public enum FuzzPacketSequence {
    /// The packets of `bytes`, in order.
    public static func split(_ bytes: ArraySlice<UInt8>) -> [[UInt8]] {
        var packets: [[UInt8]] = []
        var rest = bytes
        while rest.count >= 2 {
            let length = Int(rest[rest.startIndex]) << 8 | Int(rest[rest.startIndex + 1])
            rest = rest.dropFirst(2)
            let packet = rest.prefix(length)
            packets.append(Array(packet))
            rest = rest.dropFirst(packet.count)
        }
        return packets
    }

    /// The inverse of ``split(_:)`` for packets under 65 536 octets (seed corpora).
    public static func join(_ packets: [[UInt8]]) -> [UInt8] {
        packets.flatMap { [UInt8(truncatingIfNeeded: $0.count >> 8), UInt8(truncatingIfNeeded: $0.count)] + $0 }
    }
}
