import Crypto
import Foundation
import Octets

/// The sending side of SRTCP with AEAD AES-GCM (RFC 7714 §9): the 31-bit
/// SRTCP index counts packets; E = 1 encrypts everything after the first 8
/// octets, E = 0 (authentication only) leaves the packet in the clear.
///
/// The index is part of the GCM IV, so, as ``SRTPSender``, a sender cannot
/// be copied (`~Copyable`) and is pinned to one SSRC (the first packet's
/// sender SSRC, or the one given at creation): keep one per (master key, SSRC),
/// and resume a restarted one from the index it persisted (`initialIndex`).
///
/// Packet out: first 8 octets ‖ ciphertext ‖ tag ‖ E|index (4) ‖ MKI.
public struct SRTCPSender: ~Copyable, Sendable {
    public let key: SRTPMasterKey
    /// The sender SSRC every packet must carry: given at creation or taken from the first packet.
    public private(set) var ssrc: UInt32?
    /// The index the next packet will use.
    public private(set) var nextIndex: UInt32

    /// - Parameters:
    ///   - key: the master key (and MKI) of the stream.
    ///   - ssrc: the stream's SSRC; `nil` pins the first packet's.
    ///   - initialIndex: the first packet's SRTCP index (one above the last a
    ///     restarted sender used).
    /// - Throws: `SRTPError.invalidInitialIndex` for an index at or above 2³¹;
    ///   `.sharedSessionKeys` for a key built from given session keys
    ///   (`SRTPMasterKey(profile:sessionKey:sessionSalt:mki:)`), whose SRTCP
    ///   IVs would repeat its SRTP IVs.
    public init(key: SRTPMasterKey, ssrc: UInt32? = nil, initialIndex: UInt32 = 0) throws {
        guard initialIndex < 1 << 31 else { throw SRTPError.invalidInitialIndex(initialIndex) }
        guard !key.sharesSessionKeys else { throw SRTPError.sharedSessionKeys }
        self.key = key
        self.ssrc = ssrc
        nextIndex = initialIndex
    }

    /// Protects an RTCP compound packet into `output`.
    ///
    /// - Throws: `.packetTooShort` under 8 octets, `.unsupportedVersion`,
    ///   `.ssrcMismatch` for a packet of another stream, `.indexExhausted`
    ///   after 2³¹ packets. On error the sender's state and `output` are unchanged.
    public mutating func protect(_ packet: UnsafeRawBufferPointer, encrypt: Bool = true, into output: inout [UInt8]) throws {
        guard packet.count >= 8 else { throw SRTPError.packetTooShort(minimum: 8, actual: packet.count) }
        guard packet[0] >> 6 == 2 else { throw SRTPError.unsupportedVersion(packet[0] >> 6) }
        let index = nextIndex
        guard index < 1 << 31 else { throw SRTPError.indexExhausted }
        let packetSSRC = try SRTPReceiver.word(packet, at: 4)
        if let pinned = ssrc, pinned != packetSSRC { throw SRTPError.ssrcMismatch(expected: pinned, actual: packetSSRC) }
        let flagged = index | (encrypt ? 1 << 31 : 0)
        let nonce = try key.srtcp.nonce(ssrc: packetSSRC, high: 0, low: index, lowOctets: 4)
        let clear = encrypt ? 8 : packet.count
        let sealed = try SRTCPAuthenticatedData.with(clear: UnsafeRawBufferPointer(rebasing: packet[..<clear]), trailer: flagged) { aad in
            try AES.GCM.seal(UnsafeRawBufferPointer(rebasing: packet[clear...]), using: key.srtcp.key, nonce: nonce, authenticating: aad)
        }
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<clear]))
        // combined = nonce ‖ ciphertext ‖ tag, one contiguous buffer: one copy.
        // It is nil only for a nonce of other than 12 octets, which nonce(...) never makes.
        guard let combined = sealed.combined else { preconditionFailure("AES-GCM box without a 12-octet nonce") }
        combined.withUnsafeBytes { output.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[12...])) }
        // The ciphertext and tag go on the wire: public by design.
        output.withUnsafeBytes { ConstantTimeValidation.declassify($0) }
        withUnsafeBytes(of: flagged.bigEndian) { output.append(contentsOf: $0) }
        output.append(contentsOf: key.mki)
        ssrc = packetSSRC
        nextIndex = index + 1
    }

    /// Protects into a new array.
    ///
    /// - Throws: as ``protect(_:encrypt:into:)``.
    public mutating func protect(_ packet: [UInt8], encrypt: Bool = true) throws -> [UInt8] {
        var output: [UInt8] = []
        try packet.withUnsafeBytes { try protect($0, encrypt: encrypt, into: &output) }
        return output
    }
}
