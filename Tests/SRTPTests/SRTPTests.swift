import Octets
import KeyDerivation
import SRTP
import Testing
import TestSupport

@Suite struct SRTPRoundTripTests {
    @Test(arguments: [(SRTPProfile.aeadAES128GCM, 0), (.aeadAES128GCM, 4), (.aeadAES256GCM, 8)])
    func packetsOfEverySizeRoundTripWithTheirMKI(profile: SRTPProfile, mkiLength: Int) throws {
        let key = try masterKey(profile, mki: [UInt8](repeating: 0xA5, count: mkiLength))
        var sender = try SRTPSender(key: key)
        var receiver = try SRTPReceiver(keys: [key])
        for (offset, size) in [0, 1, 20, 160, 1200].enumerated() {
            let packet = rtpPacket(sequence: UInt16(100 + offset), csrcs: offset % 2 == 0 ? [] : [7, 8], payload: [UInt8](repeating: UInt8(size & 0xFF), count: size))
            let protected = try sender.protect(packet)
            // header ‖ ciphertext ‖ tag ‖ MKI ‖ ROC (R = 1: every packet).
            #expect(protected.count == packet.count + 16 + mkiLength + 4)
            #expect(Array(protected.suffix(4 + mkiLength).prefix(mkiLength)) == key.mki)
            #expect(try receiver.unprotect(protected) == packet)
        }
    }

    @Test func headerExtensionAndCSRCsAreAuthenticatedNotEncrypted() throws {
        let key = try masterKey()
        var sender = try SRTPSender(key: key, policy: .rfc7714)
        var receiver = try SRTPReceiver(keys: [key], policy: .rfc7714)
        let packet = rtpPacket(sequence: 1, csrcs: [1, 2, 3], extensionWords: [0xDEAD_BEEF, 0x0102_0304], payload: Array("secret".utf8))
        let protected = try sender.protect(packet)
        let headerLength = 12 + 12 + 4 + 8
        #expect(Array(protected.prefix(headerLength)) == Array(packet.prefix(headerLength)))
        #expect(Array(protected[headerLength ..< headerLength + 6]) != Array("secret".utf8))
        var tampered = protected
        tampered[headerLength - 1] ^= 1 // inside the extension
        var probe = receiver
        #expect(throws: SRTPError.authenticationFailure) { try probe.unprotect(tampered) }
        #expect(try receiver.unprotect(protected) == packet)
    }

    @Test func sequenceWrapIncrementsTheRolloverCounterOnBothSides() throws {
        let key = try masterKey()
        var sender = try SRTPSender(key: key, policy: .rfc7714)
        var receiver = try SRTPReceiver(keys: [key], policy: .rfc7714)
        for step in 0 ..< 12 {
            let sequence = UInt16(truncatingIfNeeded: 65_530 + step)
            let packet = rtpPacket(sequence: sequence, payload: [UInt8(step)])
            #expect(try receiver.unprotect(sender.protect(packet)) == packet)
        }
        #expect(sender.rolloverCounter == 1)
        #expect(receiver.rolloverCounter == 1)
    }

    @Test func reorderingInsideTheWindowIsAcceptedAndReplaysAndOldPacketsAreRefused() throws {
        let key = try masterKey()
        var sender = try SRTPSender(key: key, policy: .rfc7714)
        var receiver = try SRTPReceiver(keys: [key], policy: SRTPPolicy(replayWindowSize: 64, rocTransmissionRate: 0))
        let protected = try (0 ..< 200).map { try sender.protect(rtpPacket(sequence: UInt16($0), payload: [UInt8($0)])) }
        _ = try receiver.unprotect(protected[150])
        _ = try receiver.unprotect(protected[120]) // 30 behind: inside the window
        #expect(throws: SRTPError.replayed(index: 120)) { try receiver.unprotect(protected[120]) }
        #expect(throws: SRTPError.replayed(index: 80)) { try receiver.unprotect(protected[80]) } // 70 behind
        _ = try receiver.unprotect(protected[199])
        #expect(throws: SRTPError.replayed(index: 150)) { try receiver.unprotect(protected[150]) }
        _ = try receiver.unprotect(protected[140])
    }

    @Test func sequenceNumbersAcrossTheWrapInEitherOrderFindTheirRolloverCounter() throws {
        let key = try masterKey()
        var sender = try SRTPSender(key: key, policy: .rfc7714, rolloverCounter: 5)
        var receiver = try SRTPReceiver(keys: [key], policy: .rfc7714, rolloverCounter: 5)
        let sequences: [UInt16] = [65_534, 65_535, 0, 1]
        let protected = try sequences.map { try sender.protect(rtpPacket(sequence: $0, payload: [1])) }
        // Arrival order 65 534 (ROC 5), 0 (ROC 6, after the wrap), 65 535 (ROC 5, late), 1.
        for index in [0, 2, 1, 3] { #expect(try receiver.unprotect(protected[index]) == rtpPacket(sequence: sequences[index], payload: [1])) }
        #expect(receiver.rolloverCounter == 6)
    }

    @Test func aLateJoinerTakesTheRolloverCounterFromRCCm3() throws {
        let key = try masterKey(mki: bytes("01020304"))
        var sender = try SRTPSender(key: key, policy: SRTPPolicy(rocTransmissionRate: 4), rolloverCounter: 3)
        let protected = try (8 ... 13).map { try sender.protect(rtpPacket(sequence: UInt16($0), payload: [9])) }
        // A receiver that joins late believes ROC = 0; packet 9 carries no ROC.
        var late = try SRTPReceiver(keys: [key], policy: SRTPPolicy(rocTransmissionRate: 4))
        #expect(throws: SRTPError.authenticationFailure) { try late.unprotect(protected[1]) }
        // Packet 8 (8 mod 4 = 0) carries ROC 3: accepted, and the following ones with it.
        #expect(protected[0].count == protected[1].count + 4)
        for packet in protected { _ = try late.unprotect(packet) }
        #expect(late.rolloverCounter == 3)
        // Without RCCm3 the same late receiver cannot decrypt at all.
        var plainSender = try SRTPSender(key: key, policy: .rfc7714, rolloverCounter: 3)
        var plainLate = try SRTPReceiver(keys: [key], policy: .rfc7714)
        #expect(throws: SRTPError.authenticationFailure) { try plainLate.unprotect(plainSender.protect(rtpPacket(sequence: 8, payload: [9]))) }
    }

    /// TS 33.180 §7.4.2 end to end: GMK → (MIKEY PRF) master key and salt → SRTP with MKI GMK-ID ‖ GUK-ID.
    @Test func groupCallMediaFromAMIKEYDerivedKeyRoundTrips() throws {
        let gmk = SecretBytes((0 ..< 16).map { UInt8($0) })
        let gmkID = KeyIdentifier(purpose: .gmk, value: 0x0123_4567)
        let gukID = try gmkID.userKeyIdentifier(key: gmk, userIdentifier: "sip:alice@example.org")
        let rand = [UInt8](repeating: 0x42, count: 16)
        let derived = try SRTPMasterKeys.groupCall(gmk: gmk, gukID: gukID, rand: rand, session: .mcpttGroupCall)
        let key = try SRTPMasterKey(profile: .aeadAES128GCM, masterKey: derived.masterKey, masterSalt: derived.masterSalt, mki: gmkID.bytes + gukID.bytes)
        var sender = try SRTPSender(key: key)
        var receiver = try SRTPReceiver(keys: [key, masterKey(mki: [UInt8](repeating: 0, count: 8))])
        let packet = rtpPacket(sequence: 7, payload: Array("floor granted".utf8))
        let protected = try sender.protect(packet)
        #expect(try receiver.unprotect(protected) == packet)
        // Another member's GUK-ID gives another MKI and key: unknown to this receiver.
        let otherGUK = try gmkID.userKeyIdentifier(key: gmk, userIdentifier: "sip:bob@example.org")
        let other = try SRTPMasterKey(profile: .aeadAES128GCM, masterKey: derived.masterKey, masterSalt: derived.masterSalt, mki: gmkID.bytes + otherGUK.bytes)
        var otherSender = try SRTPSender(key: other)
        #expect(throws: SRTPError.unknownMKI(gmkID.bytes + otherGUK.bytes)) { try receiver.unprotect(otherSender.protect(packet)) }
    }
}

@Suite struct SRTPRejectionTests {
    static func key() throws -> SRTPMasterKey { try masterKey(mki: bytes("0a0b0c0d")) }

    @Test func malformedPacketsAreRefusedWithTheirReason() throws {
        var sender = try SRTPSender(key: Self.key())
        var receiver = try SRTPReceiver(keys: [Self.key()])
        #expect(throws: SRTPError.packetTooShort(minimum: 12, actual: 11)) { try sender.protect([UInt8](repeating: 0x80, count: 11)) }
        var wrongVersion = rtpPacket(sequence: 1, payload: [1])
        wrongVersion[0] = 0x40
        #expect(throws: SRTPError.unsupportedVersion(1)) { try sender.protect(wrongVersion) }
        var csrcs = rtpPacket(sequence: 1, payload: [])
        csrcs[0] = 0x8F // 15 CSRCs, none present
        #expect(throws: SRTPError.headerLengthExceedsPacket(headerLength: 72, packetLength: 12)) { try sender.protect(csrcs) }
        var extensionPastEnd = rtpPacket(sequence: 1, extensionWords: [1], payload: [])
        extensionPastEnd[15] = 9 // claims 9 words
        #expect(throws: SRTPError.headerLengthExceedsPacket(headerLength: 52, packetLength: 20)) { try sender.protect(extensionPastEnd) }
        let protected = try sender.protect(rtpPacket(sequence: 4, payload: [1, 2, 3]))
        #expect(throws: SRTPError.packetTooShort(minimum: 36, actual: 35)) { try receiver.unprotect(Array(protected.prefix(12)) + [UInt8](repeating: 0, count: 23)) }
    }

    @Test func unknownMKIAndTamperingAreRefusedAndLeaveTheReceiverUnchanged() throws {
        var sender = try SRTPSender(key: Self.key())
        var receiver = try SRTPReceiver(keys: [Self.key()])
        let protected = try sender.protect(rtpPacket(sequence: 4, payload: [1, 2, 3]))
        var wrongMKI = protected
        wrongMKI[wrongMKI.count - 5] ^= 1
        #expect(throws: SRTPError.unknownMKI(bytes("0a0b0c0c"))) { try receiver.unprotect(wrongMKI) }
        for position in [1, 12, 14, protected.count - 9] { // header, ciphertext, tag; ROC at the end changes the IV
            var tampered = protected
            tampered[position] ^= 0x40
            #expect(throws: SRTPError.authenticationFailure) { try receiver.unprotect(tampered) }
        }
        var rocChanged = protected
        rocChanged[rocChanged.count - 1] ^= 1
        #expect(throws: SRTPError.authenticationFailure) { try receiver.unprotect(rocChanged) }
        // None of the failures touched the state: the genuine packet is still fresh.
        var output: [UInt8] = [1]
        try protected.withUnsafeBytes { try receiver.unprotect($0, into: &output) }
        #expect(output == rtpPacket(sequence: 4, payload: [1, 2, 3]))
        #expect(throws: SRTPError.replayed(index: 4)) { try receiver.unprotect(protected) }
        #expect(throws: SRTPError.ambiguousKeyRing(keyCount: 0)) { try SRTPReceiver(keys: []) }
        #expect(throws: SRTPError.ambiguousKeyRing(keyCount: 2)) { try SRTPReceiver(keys: [masterKey(), masterKey(seed: 2)]) }
        #expect(throws: SRTPError.invalidMKILength(8)) { try SRTPReceiver(keys: [masterKey(mki: bytes("01020304")), masterKey(mki: bytes("0102030405060708"))]) }
        #expect(throws: SRTPError.invalidReplayWindowSize(0)) { try SRTPReceiver(keys: [masterKey()], policy: SRTPPolicy(replayWindowSize: 0)) }
        #expect(throws: SRTPError.invalidROCTransmissionRate(65_536)) {
            _ = try SRTPSender(key: masterKey(), policy: SRTPPolicy(rocTransmissionRate: 65_536))
        }
    }

    @Test func aFailedPacketReturnsNoPlaintext() throws {
        var sender = try SRTPSender(key: Self.key())
        var receiver = try SRTPReceiver(keys: [Self.key()])
        var tampered = try sender.protect(rtpPacket(sequence: 4, payload: [1, 2, 3]))
        tampered[13] ^= 1
        var output: [UInt8] = [7, 7, 7]
        #expect(throws: SRTPError.authenticationFailure) { try tampered.withUnsafeBytes { try receiver.unprotect($0, into: &output) } }
        #expect(output.isEmpty)
    }
}

@Suite struct SRTCPTests {
    static let rtcp = bytes("81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef")

    @Test func encryptedAndAuthenticationOnlyPacketsRoundTrip() throws {
        let key = try masterKey(.aeadAES256GCM, mki: bytes("11223344"))
        var sender = try SRTCPSender(key: key, initialIndex: 1492)
        var receiver = try SRTCPReceiver(keys: [key], policy: SRTPPolicy(allowsUnencryptedSRTCP: true))
        let encrypted = try sender.protect(Self.rtcp)
        #expect(Array(encrypted.prefix(8)) == Array(Self.rtcp.prefix(8)))
        #expect(Array(encrypted.suffix(8)) == bytes("800005d4") + key.mki)
        #expect(try receiver.unprotect(encrypted) == Self.rtcp)
        let clear = try sender.protect(Self.rtcp, encrypt: false)
        #expect(Array(clear.prefix(Self.rtcp.count)) == Self.rtcp)
        #expect(Array(clear.suffix(8)) == bytes("000005d5") + key.mki)
        #expect(try receiver.unprotect(clear) == Self.rtcp)
        #expect(sender.nextIndex == 1494)
    }

    @Test func unencryptedSRTCPIsRefusedUnlessThePolicyAllowsIt() throws {
        let key = try masterKey()
        var sender = try SRTCPSender(key: key)
        var strict = try SRTCPReceiver(keys: [key])
        let clear = try sender.protect(Self.rtcp, encrypt: false)
        #expect(throws: SRTPError.unencryptedSRTCPRefused) { try strict.unprotect(clear) }
        _ = try strict.unprotect(sender.protect(Self.rtcp))
    }

    @Test func replaysTamperingShortPacketsAndExhaustedIndexesAreRefused() throws {
        let key = try masterKey(mki: bytes("0a0b0c0d"))
        var sender = try SRTCPSender(key: key)
        var receiver = try SRTCPReceiver(keys: [key])
        let first = try sender.protect(Self.rtcp)
        var tampered = first
        tampered[10] ^= 1
        #expect(throws: SRTPError.authenticationFailure) { try receiver.unprotect(tampered) }
        var flagCleared = first
        flagCleared[flagCleared.count - 8] &= 0x7F
        var lenient = try SRTCPReceiver(keys: [key], policy: SRTPPolicy(allowsUnencryptedSRTCP: true))
        #expect(throws: SRTPError.authenticationFailure) { try lenient.unprotect(flagCleared) }
        _ = try receiver.unprotect(first)
        #expect(throws: SRTPError.replayed(index: 0)) { try receiver.unprotect(first) }
        #expect(throws: SRTPError.packetTooShort(minimum: 32, actual: 31)) { try receiver.unprotect(Array(first.prefix(31))) }
        var last = try SRTCPSender(key: key, initialIndex: 0x7FFF_FFFF)
        _ = try last.protect(Self.rtcp)
        #expect(throws: SRTPError.indexExhausted) { try last.protect(Self.rtcp) }
        #expect(throws: SRTPError.invalidInitialIndex(0x8000_0000)) { _ = try SRTCPSender(key: key, initialIndex: 0x8000_0000) }
    }
}

@Suite struct ReplayWindowTests {
    @Test func windowsOfAnySizeTrackExactlyTheirRange() throws {
        var single = try ReplayWindow(size: 1)
        single.record(10)
        #expect(throws: SRTPError.replayed(index: 10)) { try single.check(10) }
        #expect(throws: SRTPError.replayed(index: 9)) { try single.check(9) }
        try single.check(11)
        for size in [2, 64, 65, 1000] {
            var window = try ReplayWindow(size: size)
            try window.check(5000)
            window.record(5000)
            #expect(throws: SRTPError.replayed(index: 5000)) { try window.check(5000) }
            try window.check(UInt64(5000 - size + 1))
            #expect(throws: SRTPError.replayed(index: UInt64(5000 - size))) { try window.check(UInt64(5000 - size)) }
            window.record(UInt64(5000 - size + 1))
            #expect(throws: SRTPError.replayed(index: UInt64(5000 - size + 1))) { try window.check(UInt64(5000 - size + 1)) }
            // A jump further than the window forgets everything before it.
            window.record(UInt64(5000 + 3 * size))
            try window.check(UInt64(5000 + 3 * size - 1))
            #expect(window.highestIndex == UInt64(5000 + 3 * size))
        }
    }

    @Test func shiftsAcrossWordBoundariesKeepTheRightBits() throws {
        var window = try ReplayWindow(size: 200)
        for index in stride(from: UInt64(0), through: 300, by: 3) { window.record(index) }
        for index in UInt64(101) ... 300 {
            if index % 3 == 0 {
                #expect(throws: SRTPError.replayed(index: index)) { try window.check(index) }
            } else {
                try window.check(index)
            }
        }
    }
}
