import Foundation
import Octets

/// The receiving side of one SRTP stream: MKI key lookup, ROC and index
/// estimation (RFC 3711 §3.3.1, or the carried ROC under RCCm3, RFC 4771),
/// replay protection, AEAD AES-GCM verification and decryption. State (ROC,
/// highest SEQ, replay window) changes only after a packet authenticated.
public struct SRTPReceiver: Sendable {
    let ring: SRTPKeyRing
    public let policy: SRTPPolicy
    /// The ROC of the highest index received so far.
    public private(set) var rolloverCounter: UInt32
    private var highestSequence: UInt16?
    private var window: ReplayWindow

    /// - Parameters:
    ///   - keys: the master keys the receiver accepts (MKIs of one length).
    ///   - policy: the replay window size and the RCCm3 rate R.
    ///   - rolloverCounter: the ROC to assume before the first packet (a late
    ///     joiner under RCCm3 takes it from the packets instead).
    /// - Throws: `SRTPError.invalidMKILength`, `.ambiguousKeyRing`,
    ///   `.invalidReplayWindowSize`, `.invalidROCTransmissionRate`.
    public init(keys: [SRTPMasterKey], policy: SRTPPolicy = SRTPPolicy(), rolloverCounter: UInt32 = 0) throws {
        ring = try SRTPKeyRing(keys)
        self.policy = try policy.validated()
        self.rolloverCounter = rolloverCounter
        window = try ReplayWindow(size: policy.replayWindowSize)
    }

    /// Verifies and decrypts an SRTP packet; `output` receives the RTP packet
    /// (its storage reused: with the capacity, no allocation).
    ///
    /// - Throws: parse errors, `.unknownMKI`, `.replayed`, `.authenticationFailure`.
    ///   On error `output` is emptied and the receiver's state is unchanged.
    public mutating func unprotect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        output.removeAll(keepingCapacity: true)
        let next = try nextPacket(packet)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<next.tagStart]))
        do {
            try output.withUnsafeMutableBytes { bytes in
                try open(bytes, next, tag: UnsafeRawBufferPointer(rebasing: packet[next.tagStart ..< next.tagStart + AESGCMCipher.tagLength]))
            }
        } catch {
            output.removeAll(keepingCapacity: true)
            throw error
        }
        record(next)
    }

    /// Verifies and decrypts the SRTP packet in `packet` in place: it becomes
    /// the RTP packet (the payload decrypted where it is, the tag, MKI and
    /// ROC cut off; no allocation).
    ///
    /// - Throws: as ``unprotect(_:into:)``. On an authentication failure the
    ///   payload has been overwritten with zeros (the packet was forged or
    ///   damaged: nothing of it is worth keeping); on any other error `packet`
    ///   is unchanged. The receiver's state is unchanged on every error.
    public mutating func unprotect(inPlace packet: inout [UInt8]) throws {
        let next = try packet.withUnsafeBytes { try nextPacket($0) }
        try packet.withUnsafeMutableBytes { bytes in
            let tag = UnsafeRawBufferPointer(rebasing: bytes[next.tagStart ..< next.tagStart + AESGCMCipher.tagLength])
            try open(UnsafeMutableRawBufferPointer(rebasing: bytes[..<next.tagStart]), next, tag: tag)
        }
        packet.removeLast(packet.count - next.tagStart)
        record(next)
    }

    /// What receiving a packet needs, checked before anything changes.
    private struct NextPacket {
        let header: RTPHeader
        let key: SRTPMasterKey
        let rolloverCounter: UInt32
        let index: UInt64
        let tagStart: Int
    }

    private func nextPacket(_ packet: UnsafeRawBufferPointer) throws -> NextPacket {
        let header = try RTPHeader(packet)
        let carriesROC = policy.carriesROC(header.sequenceNumber)
        let trailer = SRTPProfile.tagLength + ring.mkiLength + (carriesROC ? 4 : 0)
        guard packet.count >= header.length + trailer else {
            throw SRTPError.packetTooShort(minimum: header.length + trailer, actual: packet.count)
        }
        let mkiEnd = packet.count - (carriesROC ? 4 : 0)
        let key = try ring.key(mkiIn: packet, endingAt: mkiEnd)
        let roc = carriesROC ? try Self.word(packet, at: mkiEnd) : estimatedROC(header.sequenceNumber)
        let index = UInt64(roc) << 16 | UInt64(header.sequenceNumber)
        try window.check(index)
        return NextPacket(
            header: header, key: key, rolloverCounter: roc, index: index, tagStart: mkiEnd - ring.mkiLength - SRTPProfile.tagLength)
    }

    /// Checks `tag` and decrypts `bytes` (header ‖ ciphertext) in place.
    private func open(_ bytes: UnsafeMutableRawBufferPointer, _ next: NextPacket, tag: UnsafeRawBufferPointer) throws {
        let header = next.header
        var nonce = next.key.srtp.nonce(ssrc: header.ssrc, high: next.rolloverCounter, low: UInt32(header.sequenceNumber), lowOctets: 2)
        try withUnsafeBytes(of: &nonce) { nonce in
            try next.key.srtp.cipher.open(
                nonce: nonce, aad: UnsafeRawBufferPointer(rebasing: bytes[..<header.length]),
                data: UnsafeMutableRawBufferPointer(rebasing: bytes[header.length...]), tag: tag)
        }
    }

    /// Records an authenticated packet: replay window, ROC and highest SEQ.
    private mutating func record(_ next: NextPacket) {
        window.record(next.index)
        if highestSequence == nil || next.index >= (UInt64(rolloverCounter) << 16 | UInt64(highestSequence ?? 0)) {
            rolloverCounter = next.rolloverCounter
            highestSequence = next.header.sequenceNumber
        }
    }

    /// Verifies and decrypts into a new array.
    ///
    /// - Throws: as ``unprotect(_:into:)``.
    public mutating func unprotect(_ packet: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        try packet.withUnsafeBytes { try unprotect($0, into: &output) }
        return output
    }

    /// The ROC v of RFC 3711 §3.3.1 for a packet with this SEQ: the one that
    /// puts its index closest to the highest index received.
    func estimatedROC(_ sequenceNumber: UInt16) -> UInt32 {
        guard let highest = highestSequence else { return rolloverCounter }
        if highest < 0x8000 {
            return sequenceNumber > highest && sequenceNumber - highest > 0x8000 ? rolloverCounter &- 1 : rolloverCounter
        }
        return highest - 0x8000 > sequenceNumber ? rolloverCounter &+ 1 : rolloverCounter
    }

    /// The big-endian word at `offset` of a packet whose length was checked.
    ///
    /// - Throws: `SRTPError.packetTooShort` if it was not.
    static func word(_ packet: UnsafeRawBufferPointer, at offset: Int) throws -> UInt32 {
        guard let word = ByteReader(packet).peekInteger(at: offset, as: UInt32.self) else {
            throw SRTPError.packetTooShort(minimum: offset + 4, actual: packet.count)
        }
        return word
    }
}
