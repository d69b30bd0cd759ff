import Octets
import Crypto
import Foundation

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

    /// Verifies and decrypts an SRTP packet; `output` receives the RTP packet.
    ///
    /// - Throws: parse errors, `.unknownMKI`, `.replayed`, `.authenticationFailure`.
    ///   On error `output` is emptied and the receiver's state is unchanged.
    public mutating func unprotect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        output.removeAll(keepingCapacity: true)
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
        let tagStart = mkiEnd - ring.mkiLength - SRTPProfile.tagLength
        let nonce = try key.srtp.nonce(ssrc: header.ssrc, high: roc, low: UInt32(header.sequenceNumber), lowOctets: 2)
        let plaintext: Data
        do {
            let box = try AES.GCM.SealedBox(
                nonce: nonce, ciphertext: UnsafeRawBufferPointer(rebasing: packet[header.length ..< tagStart]),
                tag: UnsafeRawBufferPointer(rebasing: packet[tagStart ..< tagStart + SRTPProfile.tagLength]))
            plaintext = try AES.GCM.open(box, using: key.srtp.key, authenticating: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        } catch {
            throw SRTPError.authenticationFailure
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        plaintext.withUnsafeBytes { output.append(contentsOf: $0) }
        window.record(index)
        if highestSequence == nil || index >= (UInt64(rolloverCounter) << 16 | UInt64(highestSequence ?? 0)) {
            rolloverCounter = roc
            highestSequence = header.sequenceNumber
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
