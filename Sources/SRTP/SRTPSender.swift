import Crypto
import Foundation

/// The sending side of one SRTP stream (one SSRC, one master key):
/// AEAD AES-GCM protection (RFC 7714 §8) with the MKI and, under RCCm3, the
/// ROC after it. Tracks the rollover counter as SEQ wraps.
///
/// Packet out: header ‖ ciphertext ‖ tag (16) ‖ MKI ‖ ROC (4, RCCm3 packets only).
public struct SRTPSender: Sendable {
    public let key: SRTPMasterKey
    public let policy: SRTPPolicy
    /// The ROC of the last packet protected (or the initial one).
    public private(set) var rolloverCounter: UInt32
    private var lastSequence: UInt16?

    /// - Throws: `SRTPError.invalidPolicy`.
    public init(key: SRTPMasterKey, policy: SRTPPolicy = SRTPPolicy(), rolloverCounter: UInt32 = 0) throws {
        self.key = key
        self.policy = try policy.validated()
        self.rolloverCounter = rolloverCounter
    }

    /// Protects an RTP packet into `output` (replacing its contents, reusing its storage).
    ///
    /// - Throws: the header's parse errors; `.indexExhausted` after 2⁴⁸ packets.
    public mutating func protect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws {
        let header = try RTPHeader(packet)
        var roc = rolloverCounter
        if let last = lastSequence, header.sequenceNumber < last, last &- header.sequenceNumber > 0x8000 {
            guard roc < .max else { throw SRTPError.indexExhausted }
            roc += 1
        }
        let nonce = try key.srtp.nonce(ssrc: header.ssrc, high: roc, low: UInt32(header.sequenceNumber), lowOctets: 2)
        let sealed = try AES.GCM.seal(
            UnsafeRawBufferPointer(rebasing: packet[header.length...]), using: key.srtp.key, nonce: nonce,
            authenticating: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<header.length]))
        // combined = nonce ‖ ciphertext ‖ tag, one contiguous buffer: one copy.
        guard let combined = sealed.combined else { throw SRTPError.authenticationFailure }
        combined.withUnsafeBytes { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[12...])) }
        output.append(contentsOf: key.mki)
        if policy.carriesROC(header.sequenceNumber) {
            withUnsafeBytes(of: roc.bigEndian) { output.append(contentsOf: $0) }
        }
        rolloverCounter = roc
        lastSequence = header.sequenceNumber
    }

    /// Protects an RTP packet into a new array.
    public mutating func protect(_ packet: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(packet.count + SRTPProfile.tagLength + key.mki.count + 4)
        try packet.withUnsafeBytes { try protect($0, into: &output) }
        return output
    }
}
