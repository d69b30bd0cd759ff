import Foundation
import Octets

/// The sending side of one SRTP stream (one SSRC, one master key):
/// AEAD AES-GCM protection (RFC 7714 §8) with the MKI and, under RCCm3, the
/// ROC after it. Tracks the rollover counter as SEQ wraps, and refuses any
/// packet whose index ROC ‖ SEQ is not above the highest it has protected:
/// the GCM IV is a function of SSRC and that index, and one IV used twice
/// under a key gives away the XOR of the plaintexts and the authentication key.
///
/// A sender cannot be copied (`~Copyable`): two copies would each start from
/// the same highest index and protect the next packet under the same IV. Keep
/// one sender per (master key, SSRC) for the life of the key; a sender that
/// restarts resumes from the highest index it persisted
/// (``init(key:policy:ssrc:resumingAfter:)``). The SSRC is pinned: the first
/// packet's, or the one given at creation.
///
/// Packet out: header ‖ ciphertext ‖ tag (16) ‖ MKI ‖ ROC (4, RCCm3 packets only).
public struct SRTPSender: ~Copyable, Sendable {
    public let key: SRTPMasterKey
    public let policy: SRTPPolicy
    /// The SSRC every packet must carry: given at creation or taken from the first packet.
    public private(set) var ssrc: UInt32?
    /// The ROC of the last packet protected (or the initial one).
    public private(set) var rolloverCounter: UInt32
    private var lastSequence: UInt16?
    /// The highest index ROC ‖ SEQ protected so far.
    public private(set) var highestIndex: UInt64?

    /// A sender for a new stream.
    ///
    /// - Parameters:
    ///   - key: the master key (and MKI) of the stream.
    ///   - policy: the ROC transmission rate R (RCCm3) and the replay window size.
    ///   - ssrc: the stream's SSRC; `nil` pins the first packet's.
    ///   - rolloverCounter: the ROC of the first packet.
    /// - Throws: `SRTPError.invalidReplayWindowSize`, `.invalidROCTransmissionRate`.
    public init(key: SRTPMasterKey, policy: SRTPPolicy = SRTPPolicy(), ssrc: UInt32? = nil, rolloverCounter: UInt32 = 0) throws {
        self.key = key
        self.policy = try policy.validated()
        self.ssrc = ssrc
        self.rolloverCounter = rolloverCounter
    }

    /// A sender that continues a stream after the index `highestIndex`
    /// (ROC ‖ SEQ, 48 bits) it protected last: every packet it protects has a
    /// higher index, so no IV of the earlier life repeats.
    ///
    /// - Parameters:
    ///   - key: the master key (and MKI) of the stream.
    ///   - policy: the ROC transmission rate R (RCCm3) and the replay window size.
    ///   - ssrc: the stream's SSRC.
    ///   - highestIndex: the highest index protected before the restart.
    /// - Throws: `SRTPError.indexExhausted` for an index of 2⁴⁸ − 1 or more (rekey),
    ///   and the policy's errors.
    public init(key: SRTPMasterKey, policy: SRTPPolicy = SRTPPolicy(), ssrc: UInt32, resumingAfter highestIndex: UInt64) throws {
        guard highestIndex < 1 << 48 - 1 else { throw SRTPError.indexExhausted }
        try self.init(key: key, policy: policy, ssrc: ssrc, rolloverCounter: UInt32(highestIndex >> 16))
        lastSequence = UInt16(truncatingIfNeeded: highestIndex)
        self.highestIndex = highestIndex
    }

    /// Protects an RTP packet into `output` (replacing its contents, reusing
    /// its storage: with capacity for the packet, the tag, the MKI and the
    /// ROC, no allocation).
    ///
    /// - Throws: the header's parse errors; `.ssrcMismatch` for a packet of
    ///   another stream; `.indexNotIncreasing` for a SEQ at or behind the
    ///   highest protected (an IV would repeat); `.indexExhausted` after 2⁴⁸
    ///   packets. On error the sender's state and `output` are unchanged.
    public mutating func protect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        let next = try nextPacket(packet)
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: packet)
        seal(&output, next)
    }

    /// Protects the RTP packet in `packet` in place: the payload is encrypted
    /// where it is and the tag, MKI and ROC are appended (no allocation when
    /// the array has the capacity for them).
    ///
    /// - Throws: as ``protect(_:into:)``; on error `packet` is unchanged.
    public mutating func protect(inPlace packet: inout [UInt8]) throws {
        let next = try packet.withUnsafeBytes { try nextPacket($0) }
        seal(&packet, next)
    }

    /// What protecting a packet needs, checked before anything changes.
    private struct NextPacket {
        let header: RTPHeader
        let rolloverCounter: UInt32
        let index: UInt64
    }

    private func nextPacket(_ packet: UnsafeRawBufferPointer) throws -> NextPacket {
        let header = try RTPHeader(packet)
        if let pinned = ssrc, pinned != header.ssrc { throw SRTPError.ssrcMismatch(expected: pinned, actual: header.ssrc) }
        var roc = rolloverCounter
        if let last = lastSequence, header.sequenceNumber < last, last &- header.sequenceNumber > 0x8000 {
            guard roc < .max else { throw SRTPError.indexExhausted }
            roc += 1
        }
        let index = UInt64(roc) << 16 | UInt64(header.sequenceNumber)
        if let highest = highestIndex, index <= highest { throw SRTPError.indexNotIncreasing(index: index, highest: highest) }
        return NextPacket(header: header, rolloverCounter: roc, index: index)
    }

    /// Encrypts `buffer` (the RTP packet) in place, appends tag ‖ MKI ‖ ROC,
    /// and records the packet's index.
    private mutating func seal(_ buffer: inout [UInt8], _ next: NextPacket) {
        let header = next.header, payloadEnd = buffer.count
        let keys = key.srtp, cipher = keys.cipher
        var nonce = keys.nonce(ssrc: header.ssrc, high: next.rolloverCounter, low: UInt32(header.sequenceNumber), lowOctets: 2)
        buffer.append(contentsOf: AESGCMCipher.zeroTag)
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeBytes(of: &nonce) { nonce in
                cipher.seal(
                    nonce: nonce, aad: UnsafeRawBufferPointer(rebasing: bytes[..<header.length]),
                    data: UnsafeMutableRawBufferPointer(rebasing: bytes[header.length ..< payloadEnd]),
                    tag: UnsafeMutableRawBufferPointer(rebasing: bytes[payloadEnd...]))
            }
            // The ciphertext and tag go on the wire: public by design.
            ConstantTimeValidation.declassify(UnsafeRawBufferPointer(bytes))
        }
        buffer.append(contentsOf: key.mki)
        if policy.carriesROC(header.sequenceNumber) {
            withUnsafeBytes(of: next.rolloverCounter.bigEndian) { buffer.append(contentsOf: $0) }
        }
        ssrc = header.ssrc
        rolloverCounter = next.rolloverCounter
        lastSequence = header.sequenceNumber
        highestIndex = next.index
    }

    /// Protects an RTP packet into a new array.
    ///
    /// - Throws: as ``protect(_:into:)``.
    public mutating func protect(_ packet: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(packet.count + SRTPProfile.tagLength + key.mki.count + 4)
        try packet.withUnsafeBytes { try protect($0, into: &output) }
        return output
    }
}
