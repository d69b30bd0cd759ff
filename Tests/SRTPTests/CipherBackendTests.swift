import Crypto
import Octets
@testable import SRTP
import Testing
import TestSupport

/// The per-packet AES-GCM backend (libgcrypt on Linux) against swift-crypto's
/// AES.GCM as the oracle, computed here from RFC 7714's IV and AAD layouts;
/// the in-place forms; and one key used from two threads at once.
@Suite struct CipherBackendTests {
    /// Octets from a seeded generator.
    static func octets(_ count: Int, _ generator: inout SeededGenerator) -> [UInt8] {
        (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &generator) }
    }

    /// IV = (00 00 ‖ SSRC ‖ high ‖ low) XOR salt (RFC 7714 §8.1, §9.1), from the packet's fields.
    static func iv(salt: [UInt8], ssrc: UInt32, high: [UInt8], low: [UInt8]) -> [UInt8] {
        zip([0, 0] + bigEndian(ssrc) + high + low, salt).map { $0 ^ $1 }
    }

    @Test(arguments: [SRTPProfile.aeadAES128GCM, .aeadAES256GCM])
    func srtpPacketsAreSwiftCryptosAESGCMByteForByte(profile: SRTPProfile) throws {
        var generator = SeededGenerator(seed: 0x5EED_0000 + UInt64(profile.keyLength))
        let sessionKey = Self.octets(profile.keyLength, &generator), salt = Self.octets(12, &generator)
        let key = try SRTPMasterKey(profile: profile, sessionKey: SecretBytes(sessionKey), sessionSalt: SecretBytes(salt), mki: [1, 2, 3, 4])
        var sender = try SRTPSender(key: key), inPlaceSender = try SRTPSender(key: key)
        var receiver = try SRTPReceiver(keys: [key])
        let oracleKey = SymmetricKey(data: sessionKey)
        for number in 0 ..< 200 {
            let sequence = UInt16(truncatingIfNeeded: 65_400 + number) // wraps: the ROC goes to 1
            let size = [0, 1, 15, 16, 17, 20, 160, 1200, Int.random(in: 0 ... 1400, using: &generator)][number % 9]
            let packet = rtpPacket(
                sequence: sequence, csrcs: number % 3 == 0 ? [9] : [], payload: Self.octets(size, &generator))
            let protected = try sender.protect(packet)
            let headerLength = packet.count - size, roc: UInt32 = number >= 136 ? 1 : 0
            let nonce = Self.iv(salt: salt, ssrc: 0x1234_5678, high: bigEndian(roc), low: [UInt8(sequence >> 8), UInt8(sequence & 0xFF)])
            let sealed = try AES.GCM.seal(
                packet[headerLength...], using: oracleKey, nonce: AES.GCM.Nonce(data: nonce), authenticating: packet[..<headerLength])
            #expect(Array(protected.prefix(packet.count + 16)) == Array(packet[..<headerLength]) + Array(sealed.ciphertext) + Array(sealed.tag))
            #expect(Array(protected[(packet.count + 16)...]) == [1, 2, 3, 4] + bigEndian(roc))
            var inPlace = packet
            try inPlaceSender.protect(inPlace: &inPlace)
            #expect(inPlace == protected)
            try receiver.unprotect(inPlace: &inPlace)
            #expect(inPlace == packet)
        }
    }

    @Test(arguments: [true, false])
    func srtcpPacketsAreSwiftCryptosAESGCMByteForByte(encrypt: Bool) throws {
        var generator = SeededGenerator(seed: encrypt ? 0xC0 : 0xC1)
        let sessionKey = Self.octets(16, &generator), salt = Self.octets(12, &generator)
        let key = try SRTPMasterKey(vectorProfile: .aeadAES128GCM, sessionKey: SecretBytes(sessionKey), sessionSalt: SecretBytes(salt), mki: [])
        var sender = try SRTCPSender(key: key, initialIndex: 0x7FFF_FF00), inPlaceSender = try SRTCPSender(key: key, initialIndex: 0x7FFF_FF00)
        var receiver = try SRTCPReceiver(keys: [key], policy: SRTPPolicy(allowsUnencryptedSRTCP: true))
        for number in 0 ..< 100 {
            let packet: [UInt8] = [0x80, 200, 0, 6] + bigEndian(0xCAFE_F00D) + Self.octets([0, 4, 20, 100, 1000][number % 5], &generator)
            let protected = try sender.protect(packet, encrypt: encrypt)
            let index = UInt32(0x7FFF_FF00 + number), word = bigEndian(index | (encrypt ? 1 << 31 : 0))
            let clear = encrypt ? 8 : packet.count
            let nonce = Self.iv(salt: salt, ssrc: 0xCAFE_F00D, high: [0, 0], low: bigEndian(index))
            let sealed = try AES.GCM.seal(
                packet[clear...], using: SymmetricKey(data: sessionKey), nonce: AES.GCM.Nonce(data: nonce),
                authenticating: Array(packet[..<clear]) + word)
            #expect(protected == Array(packet[..<clear]) + Array(sealed.ciphertext) + Array(sealed.tag) + word)
            var inPlace = packet
            try inPlaceSender.protect(inPlace: &inPlace, encrypt: encrypt)
            #expect(inPlace == protected)
            #expect(try receiver.unprotect(inPlace: &inPlace) == index)
            #expect(inPlace == packet)
        }
    }

    @Test func aForgedPacketUnprotectedInPlaceIsZeroedAndTheReceiverUnchanged() throws {
        let key = try masterKey()
        var sender = try SRTPSender(key: key)
        var receiver = try SRTPReceiver(keys: [key])
        let packet = rtpPacket(sequence: 7, payload: [UInt8](repeating: 0x42, count: 40))
        let protected = try sender.protect(packet)
        var forged = protected
        forged[20] ^= 1
        #expect(throws: SRTPError.authenticationFailure) { try receiver.unprotect(inPlace: &forged) }
        // The header and trailer stay; the payload is zeros, not plaintext nor ciphertext.
        #expect(Array(forged[..<12]) == Array(protected[..<12]))
        #expect(forged[12 ..< 52].allSatisfy { $0 == 0 })
        // Nothing was recorded: the genuine packet is still accepted.
        var genuine = protected
        try receiver.unprotect(inPlace: &genuine)
        #expect(genuine == packet)
        // A short packet leaves the buffer untouched.
        var short = Array(protected.prefix(20))
        #expect(throws: SRTPError.self) { try receiver.unprotect(inPlace: &short) }
        #expect(short == Array(protected.prefix(20)))
    }

    @Test func bothBackendsSealAndOpenTheSameBits() throws {
        // libgcrypt (when it serves) and swift-crypto on the same inputs: random
        // keys, nonces, AAD split in two at every place, payloads of 0 … 300 octets.
        var generator = SeededGenerator(seed: 0xBAC_E11D)
        for keyLength in [16, 32] {
            let key = SecretBytes(Self.octets(keyLength, &generator))
            let native = try AESGCMCipher(key: key), portable = try AESGCMCipher(key: key, prefersLibgcrypt: false)
            #expect(!portable.usesLibgcrypt)
            for size in [0, 1, 15, 16, 17, 31, 64, 300] {
                let nonce = Self.octets(12, &generator), aad = Self.octets(Int.random(in: 0 ... 40, using: &generator), &generator)
                let plaintext = Self.octets(size, &generator), split = Int.random(in: 0 ... aad.count, using: &generator)
                var sealed: [[UInt8]] = []
                for cipher in [native, portable] {
                    var data = plaintext, tag = [UInt8](repeating: 0, count: 16)
                    nonce.withUnsafeBytes { n in
                        aad.withUnsafeBytes { a in
                            data.withUnsafeMutableBytes { d in
                                tag.withUnsafeMutableBytes { t in
                                    cipher.seal(nonce: n, aad: UnsafeRawBufferPointer(rebasing: a[..<split]),
                                                aadTail: UnsafeRawBufferPointer(rebasing: a[split...]), data: d, tag: t)
                                }
                            }
                        }
                    }
                    sealed.append(data + tag)
                }
                #expect(sealed[0] == sealed[1])
                for cipher in [native, portable] {
                    // Each opens the other's output; a changed tag leaves zeros.
                    var data = Array(sealed[0].prefix(size)), forged = data
                    let tag = Array(sealed[0].suffix(16)), badTag = [tag[0] ^ 1] + tag.dropFirst()
                    try nonce.withUnsafeBytes { n in
                        try aad.withUnsafeBytes { a in
                            try data.withUnsafeMutableBytes { d in try tag.withUnsafeBytes { t in try cipher.open(nonce: n, aad: a, data: d, tag: t) } }
                            #expect(throws: SRTPError.authenticationFailure) {
                                try forged.withUnsafeMutableBytes { d in try badTag.withUnsafeBytes { t in try cipher.open(nonce: n, aad: a, data: d, tag: t) } }
                            }
                        }
                    }
                    #expect(data == plaintext)
                    #expect(forged.allSatisfy { $0 == 0 })
                }
            }
        }
    }

    @Test func aForgedSRTCPPacketUnprotectedInPlaceIsZeroedAndTheReceiverUnchanged() throws {
        let key = try masterKey()
        var sender = try SRTCPSender(key: key)
        var receiver = try SRTCPReceiver(keys: [key])
        let packet: [UInt8] = [0x80, 200, 0, 6] + bigEndian(0xCAFE_F00D) + [UInt8](repeating: 0x42, count: 24)
        let protected = try sender.protect(packet)
        var forged = protected
        forged[12] ^= 1
        #expect(throws: SRTPError.authenticationFailure) { try receiver.unprotect(inPlace: &forged) }
        #expect(Array(forged[..<8]) == Array(packet[..<8]))
        #expect(forged[8 ..< 32].allSatisfy { $0 == 0 })
        var genuine = protected
        #expect(try receiver.unprotect(inPlace: &genuine) == 0)
        #expect(genuine == packet)
    }

    @Test func oneSessionKeyServesSRTPAndSRTCPOnTwoThreadsAtOnce() async throws {
        // A key built from session keys shares one cipher context between its
        // SRTP and SRTCP directions: one thread on each.
        let key = try SRTPMasterKey(
            vectorProfile: .aeadAES128GCM, sessionKey: SecretBytes([UInt8](repeating: 3, count: 16)),
            sessionSalt: SecretBytes([UInt8](repeating: 4, count: 12)), mki: [])
        async let media: Bool = {
            var sender = try SRTPSender(key: key), receiver = try SRTPReceiver(keys: [key])
            for sequence in 0 ..< 2_000 {
                let packet = rtpPacket(sequence: UInt16(sequence), payload: [UInt8](repeating: 9, count: 160))
                guard try receiver.unprotect(sender.protect(packet)) == packet else { return false }
            }
            return true
        }()
        async let control: Bool = {
            var sender = try SRTCPSender(key: key), receiver = try SRTCPReceiver(keys: [key])
            for _ in 0 ..< 2_000 {
                let packet: [UInt8] = [0x80, 200, 0, 6] + bigEndian(0xCAFE_F00D) + [UInt8](repeating: 5, count: 40)
                guard try receiver.unprotect(sender.protect(packet)) == packet else { return false }
            }
            return true
        }()
        let (mediaRoundTrips, controlRoundTrips) = try await (media, control)
        #expect(mediaRoundTrips && controlRoundTrips)
    }

    @Test func oneKeyServesSendersAndReceiversOnTwoThreadsAtOnce() async throws {
        // One master key, so one cipher context per direction, used by two
        // streams' senders and receivers concurrently (the context's lock).
        let key = try masterKey()
        let results = await withTaskGroup(of: Bool.self) { group in
            for ssrc: UInt32 in [1, 2] {
                group.addTask {
                    do {
                        var sender = try SRTPSender(key: key, ssrc: ssrc)
                        var receiver = try SRTPReceiver(keys: [key])
                        for sequence in 0 ..< 2_000 {
                            let packet = rtpPacket(sequence: UInt16(sequence), ssrc: ssrc, payload: [UInt8](repeating: UInt8(sequence & 0xFF), count: 160))
                            guard try receiver.unprotect(sender.protect(packet)) == packet else { return false }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results == [true, true])
    }
}
