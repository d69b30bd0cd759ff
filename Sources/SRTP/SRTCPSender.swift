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

    /// Protects an RTCP compound packet into `output` (its storage reused:
    /// with the capacity, no allocation).
    ///
    /// - Throws: `.packetTooShort` under 8 octets, `.unsupportedVersion`,
    ///   `.ssrcMismatch` for a packet of another stream, `.indexExhausted`
    ///   after 2³¹ packets. On error the sender's state and `output` are unchanged.
    public mutating func protect(_ packet: UnsafeRawBufferPointer, encrypt: Bool = true, into output: inout [UInt8]) throws {
        let next = try nextPacket(packet, encrypt: encrypt)
        output.removeAll(keepingCapacity: true)
        output.append(contentsOf: packet)
        seal(&output, next)
    }

    /// Protects the RTCP compound packet in `packet` in place: encrypted
    /// after its first 8 octets (unless `encrypt` is false), then tag ‖
    /// E‖index ‖ MKI appended (no allocation when the array has the capacity).
    ///
    /// - Throws: as ``protect(_:encrypt:into:)``; on error `packet` is unchanged.
    public mutating func protect(inPlace packet: inout [UInt8], encrypt: Bool = true) throws {
        let next = try packet.withUnsafeBytes { try nextPacket($0, encrypt: encrypt) }
        seal(&packet, next)
    }

    /// What protecting a packet needs, checked before anything changes.
    private struct NextPacket {
        let ssrc: UInt32
        let index: UInt32
        /// E ‖ index, the trailer word (authenticated as the AAD's tail).
        let flagged: UInt32
        /// The octets left in the clear (and authenticated): 8, or all for E = 0.
        let clear: Int
    }

    private func nextPacket(_ packet: UnsafeRawBufferPointer, encrypt: Bool) throws -> NextPacket {
        guard packet.count >= 8 else { throw SRTPError.packetTooShort(minimum: 8, actual: packet.count) }
        guard packet[0] >> 6 == 2 else { throw SRTPError.unsupportedVersion(packet[0] >> 6) }
        let index = nextIndex
        guard index < 1 << 31 else { throw SRTPError.indexExhausted }
        let packetSSRC = try SRTPReceiver.word(packet, at: 4)
        if let pinned = ssrc, pinned != packetSSRC { throw SRTPError.ssrcMismatch(expected: pinned, actual: packetSSRC) }
        return NextPacket(ssrc: packetSSRC, index: index, flagged: index | (encrypt ? 1 << 31 : 0), clear: encrypt ? 8 : packet.count)
    }

    /// Encrypts `buffer` (the RTCP packet) in place after its clear octets,
    /// appends tag ‖ E‖index ‖ MKI, and moves to the next index.
    private mutating func seal(_ buffer: inout [UInt8], _ next: NextPacket) {
        let end = buffer.count
        let keys = key.srtcp, cipher = keys.cipher
        var nonce = keys.nonce(ssrc: next.ssrc, high: 0, low: next.index, lowOctets: 4)
        var word = next.flagged.bigEndian
        buffer.append(contentsOf: AESGCMCipher.zeroTag)
        buffer.withUnsafeMutableBytes { bytes in
            withUnsafeBytes(of: &nonce) { nonce in
                withUnsafeBytes(of: &word) { word in
                    cipher.seal(
                        nonce: nonce, aad: UnsafeRawBufferPointer(rebasing: bytes[..<next.clear]), aadTail: word,
                        data: UnsafeMutableRawBufferPointer(rebasing: bytes[next.clear ..< end]),
                        tag: UnsafeMutableRawBufferPointer(rebasing: bytes[end...]))
                }
            }
            // The ciphertext and tag go on the wire: public by design.
            ConstantTimeValidation.declassify(UnsafeRawBufferPointer(bytes))
        }
        withUnsafeBytes(of: &word) { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: key.mki)
        ssrc = next.ssrc
        nextIndex = next.index + 1
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
