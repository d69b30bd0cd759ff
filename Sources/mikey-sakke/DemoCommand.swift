import ArgumentParser
import BigNum
import Octets
import Curves
import ECCSI
import Foundation
import KeyDerivation
import SAKKE
import MIKEY
import MikeySakke
import SRTP

/// `mikey-sakke demo`: walks through the stack, layer by layer, as far as it is built.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through the MIKEY-SAKKE stack: KMS keys, key distribution, SRTP (as far as built)."
    )

    func run() throws {
        print("swift-mikey-sakke demo")
        print("")
        try demonstrateFieldEngine()
        print("")
        let uid = try demonstrateKeyDerivation()
        print("")
        try demonstrateECCSI(identifier: uid)
        print("")
        try demonstrateSAKKE(identifier: uid)
        print("")
        let received = try demonstrateIMessage()
        print("")
        try demonstrateSRTP(
            group: received.group, callSender: received.callSender, call: received.call, controlSender: received.controlSender,
            control: received.control)
    }

    /// Step 5: a GMK and a PCK travel in MIKEY-SAKKE I_MESSAGEs (RFC 6509, TS 33.180 Annex E).
    private func demonstrateIMessage() throws -> (
        group: ReceivedKey, callSender: SRTPMasterKey, call: ReceivedKey, controlSender: SRTPMasterKey, control: ReceivedKey
    ) {
        print("5. MIKEY-SAKKE I_MESSAGEs (RFC 3830, 6509; TS 33.180 Annex E)")
        let period = try KeyPeriod(length: 2_592_000, offset: 0)
        let now = try NTPTimestamp(Date())
        let kmsURI = "kms.mcptt.example.org"
        let gms = IMessageParty(uri: "sip:gms@mcptt.example.org", kmsURI: kmsURI)
        let alice = IMessageParty(uri: "sip:alice@mcptt.example.org", kmsURI: kmsURI)
        let eccsiKMS = ECCSI.KMSKeyPair(), sakkeKMS = SAKKE.KMSKeyPair()
        func creator(for party: IMessageParty) throws -> IMessageCreator {
            let uid = try MikeySakkeUID.uid(identifier: party.uri, kmsIdentifier: kmsURI, keyPeriod: period, at: now)
            let issued = eccsiKMS.issueUserKeys(for: uid)
            return IMessageCreator(
                initiator: party, keyPeriod: period,
                signingKey: try ECCSI.SigningKey(identifier: uid, kpak: eccsiKMS.kpak, ssk: issued.ssk, pvt: issued.pvt))
        }
        let aliceUID = try MikeySakkeUID.uid(identifier: alice.uri, kmsIdentifier: kmsURI, keyPeriod: period, at: now)
        let aliceReceiver = try IMessageReceiver(
            party: alice, keyPeriod: period, keyPeriodNumber: period.number(at: now),
            receiverKey: SAKKE.ReceiverKey(identifier: aliceUID, zt: sakkeKMS.zt, rsk: sakkeKMS.receiverSecretKey(for: aliceUID)),
            trustedKMS: [kmsURI: ECCSI.Verifier(kpak: eccsiKMS.kpak)])
        let sender = SAKKE.Sender(zt: sakkeKMS.zt)
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier.random(purpose: .gmk)
        let message = try creator(for: gms).create(
            key: gmk, keyIdentifier: gmkID, to: alice, receiverKeyPeriod: period, sender: sender, time: now)
        print("   The GMS sends Alice GMK-ID \(gmkID): I_MESSAGE of \(message.encoded.count) octets,")
        print("        HDR, T, RAND, IDRi, IDRkmsi, IDRr, IDRkmsr, SAKKE (to Alice's UID), SIGN (GMS's UID)")
        let received = try aliceReceiver.process(message.encoded, now: now)
        let gmkOK = received.key == gmk && received.keyIdentifier == gmkID
        print("   Alice verifies, decapsulates, undoes the GUK-ID: GMK and GMK-ID ... \(gmkOK ? "ok" : "FAILED")")
        var tampered = message.encoded
        tampered[tampered.count / 2] ^= 1
        let refused = (try? aliceReceiver.process(tampered, now: now)) == nil
        print("   The message with one bit changed yields no key ................... \(refused ? "ok" : "FAILED")")
        let replayRefused = (try? aliceReceiver.process(message.encoded, now: now)) == nil
        print("   The same message again is a replay (RFC 3830 5.4), refused ........ \(replayRefused ? "ok" : "FAILED")")
        let bob = IMessageParty(uri: "sip:bob@mcptt.example.org", kmsURI: kmsURI)
        let pck = SecretBytes.random(count: 16), pckID = KeyIdentifier.random(purpose: .pck)
        let call = try creator(for: bob).create(
            key: pck, keyIdentifier: pckID, to: alice, receiverKeyPeriod: period, sender: sender, time: now,
            options: IMessageOptions(hidesIdentities: true))
        let privateCall = try aliceReceiver.process(call.encoded, initiatorURI: bob.uri, now: now)
        let pckOK = privateCall.key == pck && privateCall.keyIdentifier == pckID
        print("   Bob calls Alice with identities hidden (E.7, IDRuidi/IDRuidr): PCK  \(pckOK ? "ok" : "FAILED")")
        let server = IMessageParty(uri: "sip:mcptt-server.mcptt.example.org", kmsURI: kmsURI)
        let serverUID = try MikeySakkeUID.uid(identifier: server.uri, kmsIdentifier: kmsURI, keyPeriod: period, at: now)
        let serverReceiver = try IMessageReceiver(
            party: server, keyPeriod: period, keyPeriodNumber: period.number(at: now),
            receiverKey: SAKKE.ReceiverKey(identifier: serverUID, zt: sakkeKMS.zt, rsk: sakkeKMS.receiverSecretKey(for: serverUID)),
            trustedKMS: [kmsURI: ECCSI.Verifier(kpak: eccsiKMS.kpak)])
        let csk = SecretBytes.random(count: 16), cskID = KeyIdentifier.random(purpose: .csk)
        let parameters = try KeyParameters(keyType: .csk, text: "Alice's CSK")
        let upload = try creator(for: alice).create(
            key: csk, keyIdentifier: cskID, to: server, receiverKeyPeriod: period, sender: sender, time: now,
            options: IMessageOptions(keyParameters: parameters))
        let uploaded = try serverReceiver.process(upload.encoded, now: now)
        let cskOK = uploaded.key == csk && uploaded.keyParameters == parameters
        print("   Alice uploads a CSK to the MCX server (E.4), key parameters (E.6) sealed under it .. \(cskOK ? "ok" : "FAILED")")
        if !gmkOK || !refused || !replayRefused || !pckOK || !cskOK { throw ExitCode.failure }
        print("   Default profiles (Annex E): GMK on CS-IDs 4 and 5, PCK on 0-3, CSK on 6 and 8, AES-GCM")
        // Alice's own SRTCP key for floor control: the PRF over the CSK she sent, its id and the RAND.
        let keys = try SRTPMasterKeys.derive(
            tgk: csk, csbID: cskID.rawValue, csID: CryptoSessionID.cskSRTCPForMCPTT.rawValue, rand: uploaded.rand)
        let controlSender = try SRTPMasterKey(profile: .aeadAES128GCM, masterKey: keys.masterKey, masterSalt: keys.masterSalt, mki: cskID.bytes)
        let callKeys = try SRTPMasterKeys.privateCall(pck: pck, pckID: pckID, rand: privateCall.rand, session: .mcpttPrivateCallInitiator)
        let callSender = try SRTPMasterKey(profile: .aeadAES128GCM, masterKey: callKeys.masterKey, masterSalt: callKeys.masterSalt, mki: pckID.bytes)
        return (received, callSender, privateCall, controlSender, uploaded)
    }

    /// Step 1 as built today: the prime-field engine over the SAKKE prime.
    private func demonstrateFieldEngine() throws {
        let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
        let prime = field.modulus
        print("1. Field engine (BigNum)")
        print("   F_p with p from RFC 6509 Appendix A: \(field.bitWidth) bits, p mod 4 = 3")
        let x = try field.element(BigUInt.random(below: prime))
        let fermat = field.powerVartime(x, prime - 1)
        print("   Fermat: x^(p-1) = 1 for a random x ........ \(fermat == field.one ? "ok" : "FAILED")")
        let inverse = try field.inverse(x)
        print("   x * x^-1 = 1 (constant-time inverse) ........ \(field.multiply(x, inverse) == field.one ? "ok" : "FAILED")")
        let y = fp2.element(real: x, imaginary: field.element(word: 1))
        print("   F_p^2: y^p = conjugate(y) (Frobenius) ....... \(fp2.powerVartime(y, prime) == fp2.conjugate(y) ? "ok" : "FAILED")")
    }

    /// Step 3: ECCSI signatures (RFC 6507) as MIKEY-SAKKE uses them to sign an I_MESSAGE.
    private func demonstrateECCSI(identifier: [UInt8]) throws {
        print("3. ECCSI signatures on P-256 (RFC 6507)")
        let kms = ECCSI.KMSKeyPair()
        print("   KMS: random KSAK (secret), KPAK = [KSAK]G")
        print("        KPAK = \(Hex.encode(kms.kpak.encoded).prefix(34))...")
        let issued = kms.issueUserKeys(for: identifier)
        print("   KMS issues SSK (secret) and PVT for Alice's UID of this key period")
        print("        PVT  = \(Hex.encode(issued.pvt.encoded).prefix(34))...")
        let key = try ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt)
        print("   Alice validates [SSK]G = KPAK + [HS]PVT ..... ok")
        let message = Array("an I_MESSAGE to be signed".utf8)
        let signature = key.signature(for: message)
        print("   Alice signs: r || s || PVT, \(signature.bytes.count) octets")
        let verifier = ECCSI.Verifier(kpak: kms.kpak)
        try verifier.verify(signature.bytes, for: message, signer: identifier)
        print("   Bob verifies with KPAK and Alice's identifier  ok")
        var tampered = message
        tampered[0] ^= 1
        let rejected = (try? verifier.verify(signature.bytes, for: tampered, signer: identifier)) == nil
        print("   A message altered by one bit is rejected ..... \(rejected ? "ok" : "FAILED")")
        if !rejected { throw ExitCode.failure }
    }

    /// Step 2: identities and keys derived with the 3GPP KDF and the MIKEY PRF.
    private func demonstrateKeyDerivation() throws -> [UInt8] {
        print("2. Key derivation (TS 33.220 KDF, TS 33.180 Annex F/G, RFC 3830)")
        let period = try KeyPeriod(length: 2_592_000, offset: 0)
        let now = try NTPTimestamp(Date())
        let number = try period.number(at: now)
        let uid = try MikeySakkeUID.uid(
            identifier: "sip:alice@mcptt.example.org", kmsIdentifier: "kms.mcptt.example.org", keyPeriod: period, at: now)
        print("   Key period: 30 days, number \(number) since 1900 (started \(period.start(ofPeriod: number).formatted(.iso8601)))")
        print("   Alice's MIKEY-SAKKE UID (F.2.1) = \(Hex.encode(uid).prefix(32))...")
        let gmk = SecretBytes.random(count: 16)
        let gmkID = KeyIdentifier.random(purpose: .gmk)
        let gukID = try gmkID.userKeyIdentifier(key: gmk, userIdentifier: "sip:alice@mcptt.example.org")
        let back = try gukID.keyIdentifier(fromUserKeyIdentifierWith: gmk, userIdentifier: "sip:alice@mcptt.example.org")
        print("   GMK-ID \(gmkID) -> Alice's GUK-ID \(gukID) (F.1.3) -> back to \(back) ... \(back == gmkID ? "ok" : "FAILED")")
        let rand = SecretBytes.random(count: 16).withUnsafeBytes { Array($0) }
        let keys = try SRTPMasterKeys.groupCall(gmk: gmk, gukID: gukID, rand: rand, session: .mcpttGroupCall)
        print("   SRTP master key (\(keys.masterKey.count) octets) and salt (\(keys.masterSalt.count)) for CS-ID 4 (7.4.2), not shown")
        if back != gmkID { throw ExitCode.failure }
        return uid
    }

    /// Step 4: SAKKE key encapsulation (RFC 6508) of a 128-bit SSV (in MIKEY-SAKKE, the GMK) to a UID.
    private func demonstrateSAKKE(identifier: [UInt8]) throws {
        print("4. SAKKE key encapsulation (RFC 6508, parameter set 1)")
        let kms = SAKKE.KMSKeyPair()
        print("   KMS: random master secret z (secret), Z_T = [z]P on the 1024-bit curve")
        let key = try SAKKE.ReceiverKey(identifier: identifier, zt: kms.zt, rsk: kms.receiverSecretKey(for: identifier))
        print("   KMS issues Alice's RSK; she validates <[a]P + Z_T, RSK> = g ... ok")
        let (ssv, encapsulation) = try SAKKE.encapsulate(to: identifier, zt: kms.zt)
        print("   Bob encapsulates a fresh SSV to Alice's UID: R || H, \(encapsulation.bytes.count) octets")
        let recovered = try key.decapsulate(encapsulation)
        print("   Alice decapsulates with her RSK (pairing, then the check of R) ... \(recovered == ssv ? "ok" : "FAILED")")
        if recovered != ssv { throw ExitCode.failure }
    }

    /// Step 6: group-call media under the GMK that arrived in step 5, and floor
    /// control under the CSK (RFC 7714, TS 33.180 §7.5, §9.4).
    private func demonstrateSRTP(
        group: ReceivedKey, callSender: SRTPMasterKey, call: ReceivedKey, controlSender: SRTPMasterKey, control: ReceivedKey
    ) throws {
        print("6. SRTP and SRTCP with AEAD_AES_128_GCM (RFC 7714, TS 33.180 7.5, 9.4)")
        let key = try group.srtpMasterKey(for: .mcpttGroupCall)
        let policy = group.sessions[.mcpttGroupCall].map(\.policy) ?? SRTPPolicy()
        var sender = try SRTPSender(key: key, policy: policy)
        var receiver = try SRTPReceiver(keys: [key], policy: policy)
        let rtp: [UInt8] = [0x80, 96, 0x12, 0x34, 0, 0, 0, 160, 0xCA, 0xFE, 0xF0, 0x0D] + Array("20 ms of voice".utf8)
        let protected = try sender.protect(rtp)
        print("   RTP \(rtp.count) octets -> SRTP \(protected.count) (tag 16, MKI = GMK-ID || GUK-ID 8, ROC 4)")
        let clear = try receiver.unprotect(protected)
        print("   The receiver finds the key by MKI and decrypts ... \(clear == rtp ? "ok" : "FAILED")")
        let replayRejected = (try? receiver.unprotect(protected)) == nil
        print("   The same packet again is a replay, rejected ..... \(replayRejected ? "ok" : "FAILED")")
        var bob = try SRTPSender(key: callSender, policy: SRTPPolicy(rocTransmissionRate: 0))
        var alice = try SRTPReceiver(keys: [call.srtpMasterKey(for: .mcpttPrivateCallInitiator)], policy: SRTPPolicy(rocTransmissionRate: 0))
        let voice: [UInt8] = [0x80, 96, 0x00, 0x01, 0, 0, 0, 160, 0x0B, 0x0B, 0x00, 0x01] + Array("hello Alice".utf8)
        let callOK = try alice.unprotect(bob.protect(voice)) == voice
        print("   Bob's private-call media under the PCK, CS-ID 0 (MKI = PCK-ID) ........ \(callOK ? "ok" : "FAILED")")
        var floor = try SRTCPSender(key: controlSender)
        var server = try SRTCPReceiver(keys: [control.srtpMasterKey(for: .cskSRTCPForMCPTT)])
        let request: [UInt8] = [0x80, 204, 0, 3, 0x00, 0x00, 0x0A, 0x11] + Array("MCPT".utf8) + [0, 0, 0, 0]
        let sealed = try floor.protect(request)
        let floorOK = try server.unprotect(sealed) == request
        print("   Floor request (RTCP APP) under the CSK, CS-ID 6: SRTCP \(sealed.count) octets ... \(floorOK ? "ok" : "FAILED")")
        if clear != rtp || !replayRejected || !callOK || !floorOK { throw ExitCode.failure }
    }
}
