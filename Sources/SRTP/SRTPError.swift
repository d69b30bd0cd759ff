/// Errors of the SRTP module. Parsing errors say what is wrong with the
/// packet; every cryptographic failure is the single `authenticationFailure`.
/// On any error the context's state is unchanged and no plaintext is returned.
public enum SRTPError: Error, Equatable, Sendable {
    /// A master key, master salt or session key of the wrong length for the profile.
    case invalidKeyLength(expected: [Int], actual: Int)
    /// A keystream or derived-key length outside 0 … 2²⁰ octets (AES-CM's
    /// 16-bit block counter, RFC 3711 §4.1.1).
    case invalidOutputLength(Int)
    /// An AES-CM initial counter block of other than 16 octets (RFC 3711 §4.1.1).
    case invalidIVLength(Int)
    /// An MKI that is not 0, 4 or 8 octets, or MKIs of different lengths in one context.
    case invalidMKILength(Int)
    /// A receiver was given no master key, or several without MKIs to tell them apart.
    case ambiguousKeyRing(keyCount: Int)
    /// The packet is shorter than its fixed parts (header, tag, trailer) require.
    case packetTooShort(minimum: Int, actual: Int)
    /// The RTP/RTCP version field is not 2.
    case unsupportedVersion(UInt8)
    /// The CSRC list or the header extension runs past the end of the packet.
    case headerLengthExceedsPacket(headerLength: Int, packetLength: Int)
    /// The packet's MKI names no key of the context.
    case unknownMKI([UInt8])
    /// The tag did not verify (wrong key, tampering, wrong index).
    case authenticationFailure
    /// libgcrypt cannot make a cipher context (out of memory). Where
    /// libgcrypt cannot serve at all (older than 1.8, FIPS mode), swift-crypto
    /// does and this error does not arise.
    case cipherUnavailable
    /// The index was already received (replay), or lies behind the replay window.
    case replayed(index: UInt64)
    /// An authentication-only SRTCP packet (E = 0) under a policy that requires
    /// encryption (TS 33.180 §9.4.8).
    case unencryptedSRTCPRefused
    /// The sender used every index the key allows (2⁴⁸ SRTP, 2³¹ SRTCP packets): rekey.
    case indexExhausted
    /// An SRTCP sender's initial index at or above 2³¹ (RFC 3711 §3.4: a 31-bit index).
    case invalidInitialIndex(UInt32)
    /// An SRTCP sender was given a key whose SRTP and SRTCP session keys and
    /// salts are one (given, not derived): SRTCP index n would reuse the GCM
    /// IV of SRTP packet n. Derive the key from a master key and salt.
    case sharedSessionKeys
    /// A sender was handed a packet of another stream: its SSRC is not the one
    /// the sender is pinned to (one sender per master key and SSRC).
    case ssrcMismatch(expected: UInt32, actual: UInt32)
    /// The sender was asked to protect a packet whose index (ROC ‖ SEQ) is not
    /// above the highest it has protected: the AES-GCM IV would repeat, which
    /// reveals the XOR of two plaintexts and the GHASH key (RFC 7714 §8.1,
    /// RFC 3711 §3.3.1). The sender's state is unchanged.
    case indexNotIncreasing(index: UInt64, highest: UInt64)
    /// A replay window size not in 1 … 32 768 (RFC 3711 §3.3.2 asks for at least 64).
    case invalidReplayWindowSize(Int)
    /// An RCCm3 ROC transmission rate R not in 0 … 65 535 (RFC 4771 §4: a 16-bit value).
    case invalidROCTransmissionRate(Int)
}
