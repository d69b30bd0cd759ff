import Octets
import SRTP
import Testing

/// A sender never protects two packets under one GCM IV (RFC 7714 §8.1): an
/// index at or behind the highest it used is refused, and nothing changes.
@Suite struct NonceReuseTests {
    @Test func protectingTheSameSequenceNumberTwiceIsRefused() throws {
        var sender = try SRTPSender(key: masterKey(), policy: .rfc7714)
        let first = try sender.protect(rtpPacket(sequence: 7, payload: [1, 2, 3]))
        var output: [UInt8] = [9]
        #expect(throws: SRTPError.indexNotIncreasing(index: 7, highest: 7)) {
            try rtpPacket(sequence: 7, payload: [4, 5, 6]).withUnsafeBytes { try sender.protect($0, into: &output) }
        }
        #expect(output == [9])
        #expect(sender.highestIndex == 7)
        // The refusal changed nothing: the next index is still accepted and decrypts.
        var receiver = try SRTPReceiver(keys: [masterKey()], policy: .rfc7714)
        #expect(try receiver.unprotect(first) == rtpPacket(sequence: 7, payload: [1, 2, 3]))
        let next = try sender.protect(rtpPacket(sequence: 8, payload: [7]))
        #expect(try receiver.unprotect(next) == rtpPacket(sequence: 8, payload: [7]))
    }

    @Test func aSequenceNumberGoingBackwardsWithoutWrappingIsRefused() throws {
        var sender = try SRTPSender(key: masterKey(), policy: .rfc7714)
        _ = try sender.protect(rtpPacket(sequence: 40_000, payload: [1]))
        #expect(throws: SRTPError.indexNotIncreasing(index: 39_999, highest: 40_000)) {
            try sender.protect(rtpPacket(sequence: 39_999, payload: [1]))
        }
        // 0x7FFF behind is not yet a wrap (RFC 3711 §3.3.1 takes the nearer index).
        #expect(throws: SRTPError.indexNotIncreasing(index: 7233, highest: 40_000)) {
            try sender.protect(rtpPacket(sequence: 7233, payload: [1]))
        }
        #expect(sender.rolloverCounter == 0)
    }

    @Test func aWrapToASmallSequenceNumberMovesToTheNextRolloverCounter() throws {
        var sender = try SRTPSender(key: masterKey(), policy: .rfc7714)
        _ = try sender.protect(rtpPacket(sequence: 65_000, payload: [1]))
        _ = try sender.protect(rtpPacket(sequence: 3, payload: [1]))
        #expect(sender.highestIndex == 1 << 16 | 3)
        #expect(throws: SRTPError.indexNotIncreasing(index: 1 << 16 | 2, highest: 1 << 16 | 3)) {
            try sender.protect(rtpPacket(sequence: 2, payload: [1]))
        }
    }

    @Test func aSenderIsPinnedToTheSSRCOfItsFirstPacket() throws {
        var sender = try SRTPSender(key: masterKey(), policy: .rfc7714)
        _ = try sender.protect(rtpPacket(sequence: 1, ssrc: 0xAAAA_0001, payload: [1]))
        #expect(sender.ssrc == 0xAAAA_0001)
        #expect(throws: SRTPError.ssrcMismatch(expected: 0xAAAA_0001, actual: 0xBBBB_0002)) {
            try sender.protect(rtpPacket(sequence: 2, ssrc: 0xBBBB_0002, payload: [1]))
        }
        #expect(sender.highestIndex == 1)
        var given = try SRTPSender(key: masterKey(), ssrc: 7)
        #expect(throws: SRTPError.ssrcMismatch(expected: 7, actual: 0x1234_5678)) { try given.protect(rtpPacket(sequence: 1, payload: [1])) }
        #expect(given.highestIndex == nil)
    }

    @Test func aResumedSenderNeverRepeatsAnIndexOfItsEarlierLife() throws {
        let highest: UInt64 = 3 << 16 | 0xFFF0
        var sender = try SRTPSender(key: masterKey(), policy: .rfc7714, ssrc: 0x1234_5678, resumingAfter: highest)
        #expect(sender.rolloverCounter == 3)
        #expect(throws: SRTPError.indexNotIncreasing(index: highest, highest: highest)) {
            try sender.protect(rtpPacket(sequence: 0xFFF0, payload: [1]))
        }
        // A small SEQ after 0xFFF0 is the wrap to ROC 4, as the earlier life would have counted.
        let wrapped = try sender.protect(rtpPacket(sequence: 2, payload: [5]))
        #expect(sender.highestIndex == 4 << 16 | 2)
        var receiver = try SRTPReceiver(keys: [masterKey()], policy: .rfc7714, rolloverCounter: 4)
        #expect(try receiver.unprotect(wrapped) == rtpPacket(sequence: 2, payload: [5]))
        #expect(throws: SRTPError.indexExhausted) { _ = try SRTPSender(key: masterKey(), ssrc: 1, resumingAfter: 1 << 48 - 1) }
    }

    @Test func anSRTCPSenderIsPinnedToOneSSRC() throws {
        var sender = try SRTCPSender(key: masterKey())
        let packet: [UInt8] = [0x81, 0xC8, 0x00, 0x01, 0x00, 0x00, 0x00, 0x2A]
        var other = packet
        other[7] = 0x2B
        _ = try sender.protect(packet)
        var output: [UInt8] = [9]
        #expect(throws: SRTPError.ssrcMismatch(expected: 0x2A, actual: 0x2B)) {
            try other.withUnsafeBytes { try sender.protect($0, into: &output) }
        }
        #expect(output == [9])
        #expect(sender.nextIndex == 1)
    }

    /// With one given session key and salt for both, SRTP packet n (ROC 0) and
    /// SRTCP packet n have the same GCM IV: the same keystream.
    @Test func anSRTCPSenderRefusesAKeyWhoseSessionKeysSRTPShares() throws {
        let shared = try SRTPMasterKey(
            profile: .aeadAES128GCM, sessionKey: SecretBytes([UInt8](repeating: 7, count: 16)),
            sessionSalt: SecretBytes([UInt8](repeating: 9, count: 12)))
        #expect(throws: SRTPError.sharedSessionKeys) { _ = try SRTCPSender(key: shared) }
        // The same key still protects SRTP, and a derived key serves SRTCP.
        var srtp = try SRTPSender(key: shared, policy: .rfc7714)
        #expect(try srtp.protect(rtpPacket(sequence: 1, payload: [1])).count == 12 + 1 + 16)
        _ = try SRTCPSender(key: masterKey())
    }

    @Test func aReplayWindowRecordsAnIndexFarBehindWithoutTrapping() throws {
        var window = try ReplayWindow(size: 64)
        window.record(100_000)
        window.record(0)
        window.record(100_000 - 64)
        #expect(window.highestIndex == 100_000)
        #expect(throws: SRTPError.replayed(index: 0)) { try window.check(0) }
        try window.check(100_000 - 63)
    }
}
