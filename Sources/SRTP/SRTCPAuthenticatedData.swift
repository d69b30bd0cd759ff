/// The AAD of AEAD SRTCP (RFC 7714 §9.2–9.3): the octets left in the clear
/// (the first 8 with E = 1, the whole RTCP packet with E = 0) followed by the
/// 4-octet E|index word, assembled in stack memory for the length of a call.
enum SRTCPAuthenticatedData {
    static func with<Result>(
        clear: UnsafeRawBufferPointer, trailer: UInt32, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try withUnsafeTemporaryAllocation(byteCount: clear.count + 4, alignment: 1) { buffer in
            buffer.copyMemory(from: clear)
            withUnsafeBytes(of: trailer.bigEndian) { word in
                UnsafeMutableRawBufferPointer(rebasing: buffer[clear.count...]).copyMemory(from: word)
            }
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }
}
