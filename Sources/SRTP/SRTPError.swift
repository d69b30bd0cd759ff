/// Errors of the SRTP module. Parsing errors say what is wrong with the
/// packet; every cryptographic failure is the single `authenticationFailure`.
/// On any error the context's state is unchanged and no plaintext is returned.
public enum SRTPError: Error, Equatable, Sendable {
    /// A master key, master salt or session key of the wrong length for the profile.
    case invalidKeyLength(expected: [Int], actual: Int)
    /// An MKI that is not 0, 4 or 8 octets, or MKIs of different lengths in one context.
    case invalidMKILength(Int)
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
    /// The index was already received (replay), or lies behind the replay window.
    case replayed(index: UInt64)
    /// An authentication-only SRTCP packet (E = 0) under a policy that requires
    /// encryption (TS 33.180 §9.4.8).
    case unencryptedSRTCPRefused
    /// The sender used every index the key allows (2⁴⁸ SRTP, 2³¹ SRTCP packets): rekey.
    case indexExhausted
    /// A configuration value out of range (replay window size, ROC transmission rate).
    case invalidPolicy(String)
}
