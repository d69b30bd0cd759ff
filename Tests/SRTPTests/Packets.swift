import Octets
import SRTP

/// An RTP packet: version 2, payload type 96, the given SEQ and SSRC, optional
/// CSRCs and header extension, then `payload`.
func rtpPacket(sequence: UInt16, ssrc: UInt32 = 0x1234_5678, csrcs: [UInt32] = [], extensionWords: [UInt32]? = nil, payload: [UInt8]) -> [UInt8] {
    var packet: [UInt8] = [0x80 | (extensionWords == nil ? 0 : 0x10) | UInt8(csrcs.count), 96]
    packet += [UInt8(sequence >> 8), UInt8(sequence & 0xFF)]
    packet += [0, 0, 0x10, 0x00] // timestamp
    packet += bigEndian(ssrc)
    for csrc in csrcs { packet += bigEndian(csrc) }
    if let words = extensionWords {
        packet += [0xBE, 0xDE, UInt8(words.count >> 8), UInt8(words.count & 0xFF)]
        for word in words { packet += bigEndian(word) }
    }
    return packet + payload
}

func bigEndian(_ value: UInt32) -> [UInt8] {
    [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
}

func bytes(_ hex: String) -> [UInt8] {
    (try? Hex.decode(hex)) ?? []
}

/// A master key of `profile` from fixed octets, with an optional MKI.
func masterKey(_ profile: SRTPProfile = .aeadAES128GCM, seed: UInt8 = 1, mki: [UInt8] = []) throws -> SRTPMasterKey {
    try SRTPMasterKey(
        profile: profile, masterKey: SecretBytes((0 ..< profile.keyLength).map { UInt8($0) &+ seed }),
        masterSalt: SecretBytes((0 ..< 12).map { UInt8($0) &* 3 &+ seed }), mki: mki)
}
