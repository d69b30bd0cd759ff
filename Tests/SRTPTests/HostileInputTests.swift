import Octets
import SRTP
import Testing
import TestSupport

/// Random and mutated packets: every one is refused with a typed error or,
/// for genuine packets only, accepted; none crashes or returns plaintext on error.
@Suite struct HostileInputTests {
    @Test func randomOctetStringsAreRefusedWithTypedErrors() throws {
        var generator = SeededGenerator.logged("srtpHostileRandom")
        let key = try masterKey(mki: bytes("0a0b0c0d"))
        var receiver = try SRTPReceiver(keys: [key])
        var control = try SRTCPReceiver(keys: [key], policy: SRTPPolicy(allowsUnencryptedSRTCP: true))
        for _ in 0 ..< 2000 {
            let length = Int.random(in: 0 ... 120, using: &generator)
            var packet = (0 ..< length).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
            if length > 0, Bool.random(using: &generator) { packet[0] = 0x80 | (packet[0] & 0x3F) } // mostly version 2
            var output: [UInt8] = [1]
            #expect(throws: SRTPError.self) { try packet.withUnsafeBytes { try receiver.unprotect($0, into: &output) } }
            #expect(output.isEmpty)
            #expect(throws: SRTPError.self) { try packet.withUnsafeBytes { _ = try control.unprotect($0, into: &output) } }
            #expect(output.isEmpty)
        }
    }

    @Test func everyTruncationAndSingleByteChangeOfAGenuinePacketIsRefused() throws {
        let key = try masterKey(mki: bytes("0a0b0c0d"))
        var sender = try SRTPSender(key: key)
        let receiver = try SRTPReceiver(keys: [key])
        let protected = try sender.protect(rtpPacket(sequence: 42, csrcs: [9], extensionWords: [1, 2], payload: Array("hostile".utf8)))
        for length in 0 ..< protected.count {
            var fresh = receiver
            #expect(throws: SRTPError.self) { try fresh.unprotect(Array(protected.prefix(length))) }
        }
        for position in protected.indices {
            var fresh = receiver
            var changed = protected
            changed[position] ^= 0x01
            #expect(throws: SRTPError.self) { try fresh.unprotect(changed) }
        }
        var genuine = receiver
        _ = try genuine.unprotect(protected)
    }
}
