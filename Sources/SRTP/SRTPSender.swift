import Crypto
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

    /// Protects an RTP packet into `output` (replacing its contents, reusing its storage).
    ///
    /// - Throws: the header's parse errors; `.ssrcMismatch` for a packet of
    ///   another stream; `.indexNotIncreasing` for a SEQ at or behind the
    ///   highest protected (an IV would repeat); `.indexExhausted` after 2⁴⁸
    ///   packets. On error the sender's state and `output` are unchanged.
    public mutating func protect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        let header = try RTPHeader(packet)
        if let pinned = ssrc, pinned != header.ssrc { throw SRTPError.ssrcMismatch(expected: pinned, actual: header.ssrc) }
        var roc = rolloverCounter
        if let last = lastSequence, header.sequenceNumber < last, last &- header.sequenceNumber > 0x8000 {
            guard roc < .max else { throw SRTPError.indexExhausted }
            roc += 1
        }
        let index = UInt64(roc) << 16 | UInt64(header.sequenceNumber)
        if let highest = highestIndex, index <= highest { throw SRTPError.indexNotIncreasing(index: index, highest: highest) }
        let nonce = try key.srtp.nonce(ssrc: header.ssrc, high: roc, low: UInt32(header.sequenceNumber), lowOctets: 2)
        let sealed = try AES.GCM.seal(
            UnsafeRawBufferPointer(rebasing: packet[header.length...]), using: key.srtp.key, nonce: nonce,
            authenticating: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        // combined = nonce ‖ ciphertext ‖ tag, one contiguous buffer: one copy.
        // It is nil only for a nonce of other than 12 octets, which nonce(...) never makes.
        guard let combined = sealed.combined else { preconditionFailure("AES-GCM box without a 12-octet nonce") }
        combined.withUnsafeBytes { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[12...])) }
        // The ciphertext and tag go on the wire: public by design.
        output.withUnsafeBytes { ConstantTimeValidation.declassify($0) }
        output.append(contentsOf: key.mki)
        if policy.carriesROC(header.sequenceNumber) {
            withUnsafeBytes(of: roc.bigEndian) { output.append(contentsOf: $0) }
        }
        ssrc = header.ssrc
        rolloverCounter = roc
        lastSequence = header.sequenceNumber
        highestIndex = index
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
