import Crypto
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
    /// the RTCP packet. Returns the packet's SRTCP index.
    ///
    /// - Throws: `.packetTooShort`, `.unsupportedVersion`, `.unknownMKI`,
    ///   `.unencryptedSRTCPRefused`, `.replayed`, `.authenticationFailure`.
    @discardableResult
    public mutating func unprotect(_ packet: UnsafeRawBufferPointer, into output: inout [UInt8]) throws -> UInt32 {
        output.removeAll(keepingCapacity: true)
        let minimum = 8 + SRTPProfile.tagLength + 4 + ring.mkiLength
        guard packet.count >= minimum else { throw SRTPError.packetTooShort(minimum: minimum, actual: packet.count) }
        guard packet[0] >> 6 == 2 else { throw SRTPError.unsupportedVersion(packet[0] >> 6) }
        let mkiEnd = packet.count
        let key = try ring.key(mkiIn: packet, endingAt: mkiEnd)
        let trailerStart = mkiEnd - ring.mkiLength - 4
        let flagged = try SRTPReceiver.word(packet, at: trailerStart)
        let encrypted = flagged >> 31 == 1, index = flagged & 0x7FFF_FFFF
        guard encrypted || policy.allowsUnencryptedSRTCP else { throw SRTPError.unencryptedSRTCPRefused }
        try window.check(UInt64(index))
        let tagStart = trailerStart - SRTPProfile.tagLength
        let clear = encrypted ? 8 : tagStart
        let ssrc = try SRTPReceiver.word(packet, at: 4)
        let plaintext: Data
        do {
            let nonce = try key.srtcp.nonce(ssrc: ssrc, high: 0, low: index, lowOctets: 4)
            let box = try AES.GCM.SealedBox(
                nonce: nonce, ciphertext: UnsafeRawBufferPointer(rebasing: packet[clear ..< tagStart]),
                tag: UnsafeRawBufferPointer(rebasing: packet[tagStart ..< trailerStart]))
            plaintext = try SRTCPAuthenticatedData.with(clear: UnsafeRawBufferPointer(rebasing: packet[..<clear]), trailer: flagged) { aad in
                try AES.GCM.open(box, using: key.srtcp.key, authenticating: aad)
            }
        } catch {
            throw SRTPError.authenticationFailure
        }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: packet[..<clear]))
        plaintext.withUnsafeBytes { output.append(contentsOf: $0) }
        window.record(UInt64(index))
        return index
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
