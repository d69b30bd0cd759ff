import Foundation

/// The receiving side of SRTCP with AEAD AES-GCM (RFC 7714 §9): MKI key
/// lookup, the E flag and index from the trailer, the policy on E = 0
/// (TS 33.180 §9.4.8), replay protection on the SRTCP index, verification
/// and decryption. State changes only after a packet authenticated.
public struct SRTCPReceiver: Sendable {
    let ring: SRTPKeyRing
    public let policy: SRTPPolicy
    private var window: ReplayWindow

    /// A receiver for the SRTCP packets of one stream under `keys`, told apart by MKI.
    ///
    /// - Throws: `SRTPError.ambiguousKeyRing`, `.invalidMKILength` for MKIs of
    ///   different lengths, `.invalidReplayWindowSize`, `.invalidROCTransmissionRate`.
    public init(keys: [SRTPMasterKey], policy: SRTPPolicy = SRTPPolicy()) throws {
        ring = try SRTPKeyRing(keys)
        self.policy = try policy.validated()
        window = try ReplayWindow(size: policy.replayWindowSize)
    }

    /// Verifies (and, for E = 1, decrypts) an SRTCP packet; `output` receives
    /// the RTCP packet (its storage reused: with the capacity, no
    /// allocation). Returns the packet's SRTCP index.
    ///
    /// - Throws: `.packetTooShort`, `.unsupportedVersion`, `.unknownMKI`,
    ///   `.unencryptedSRTCPRefused`, `.replayed`, `.authenticationFailure`.
    ///   On error `output` is emptied and the receiver's state is unchanged.
    @discardableResult
    public mutating func unprotect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws -> UInt32 {
        output.removeAll(keepingCapacity: true)
        let next = try nextPacket(packet)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<next.tagStart]))
        do {
            try output.withUnsafeMutableBytes { bytes in
                try open(bytes, next, trailer: UnsafeRawBufferPointer(rebasing: packet[next.tagStart ..< next.tagStart + AESGCMCipher.tagLength + 4]))
            }
        } catch {
            output.removeAll(keepingCapacity: true)
            throw error
        }
        window.record(UInt64(next.index))
        return next.index
    }

    /// Verifies (and, for E = 1, decrypts) the SRTCP packet in `packet` in
    /// place: it becomes the RTCP packet (tag, E‖index and MKI cut off; no
    /// allocation). Returns the packet's SRTCP index.
    ///
    /// - Throws: as ``unprotect(_:into:)``. On an authentication failure the
    ///   encrypted part has been overwritten with zeros; on any other error
    ///   `packet` is unchanged. The receiver's state is unchanged on every error.
    @discardableResult
    public mutating func unprotect(inPlace packet: inout [UInt8]) throws -> UInt32 {
        let next = try packet.withUnsafeBytes { try nextPacket($0) }
        try packet.withUnsafeMutableBytes { bytes in
            let trailer = UnsafeRawBufferPointer(rebasing: bytes[next.tagStart ..< next.tagStart + AESGCMCipher.tagLength + 4])
            try open(UnsafeMutableRawBufferPointer(rebasing: bytes[..<next.tagStart]), next, trailer: trailer)
        }
        packet.removeLast(packet.count - next.tagStart)
        window.record(UInt64(next.index))
        return next.index
    }

    /// What receiving a packet needs, checked before anything changes.
    private struct NextPacket {
        let key: SRTPMasterKey
        let ssrc: UInt32
        let index: UInt32
        /// The octets in the clear (and authenticated): 8, or all for E = 0.
        let clear: Int
        let tagStart: Int
    }

    private func nextPacket(_ packet: UnsafeRawBufferPointer) throws -> NextPacket {
        let minimum = 8 + SRTPProfile.tagLength + 4 + ring.mkiLength
        guard packet.count >= minimum else { throw SRTPError.packetTooShort(minimum: minimum, actual: packet.count) }
        guard packet[0] >> 6 == 2 else { throw SRTPError.unsupportedVersion(packet[0] >> 6) }
        let key = try ring.key(mkiIn: packet, endingAt: packet.count)
        let trailerStart = packet.count - ring.mkiLength - 4
        let flagged = try SRTPReceiver.word(packet, at: trailerStart)
        let encrypted = flagged >> 31 == 1, index = flagged & 0x7FFF_FFFF
        guard encrypted || policy.allowsUnencryptedSRTCP else { throw SRTPError.unencryptedSRTCPRefused }
        try window.check(UInt64(index))
        let tagStart = trailerStart - SRTPProfile.tagLength
        return NextPacket(
            key: key, ssrc: try SRTPReceiver.word(packet, at: 4), index: index, clear: encrypted ? 8 : tagStart, tagStart: tagStart)
    }

    /// Checks the tag (the first 16 octets of `trailer`, then E‖index, the
    /// AAD's tail) and decrypts `bytes` (the RTCP packet) after its clear octets.
    private func open(_ bytes: UnsafeMutableRawBufferPointer, _ next: NextPacket, trailer: UnsafeRawBufferPointer) throws {
        var nonce = next.key.srtcp.nonce(ssrc: next.ssrc, high: 0, low: next.index, lowOctets: 4)
        try withUnsafeBytes(of: &nonce) { nonce in
            try next.key.srtcp.cipher.open(
                nonce: nonce, aad: UnsafeRawBufferPointer(rebasing: bytes[..<next.clear]),
                aadTail: UnsafeRawBufferPointer(rebasing: trailer[AESGCMCipher.tagLength...]),
                data: UnsafeMutableRawBufferPointer(rebasing: bytes[next.clear...]),
                tag: UnsafeRawBufferPointer(rebasing: trailer[..<AESGCMCipher.tagLength]))
        }
    }

    /// Verifies and decrypts into a new array.
    ///
    /// - Throws: as ``unprotect(_:into:)``.
    public mutating func unprotect(_ packet: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        try packet.withUnsafeBytes { _ = try unprotect($0, into: &output) }
        return output
    }
}
