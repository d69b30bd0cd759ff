import ArgumentParser
import BigNum
import Octets
import Curves
import ECCSI
import Foundation
import KeyDerivation
import KMS
import SAKKE
import MIKEY
import MikeySakke
import SRTP

/// `mikey-sakke demo`: walks through the stack, layer by layer, as far as it is built.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through the MIKEY-SAKKE stack: primitives, KMS provisioning, key distribution, SRTP."
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
        let provisioned = try demonstrateKMS()
        print("")
        let received = try demonstrateIMessage(provisioned)
        print("")
        try demonstrateSRTP(
            group: received.group, callSender: received.callSender, call: received.call, controlSender: received.controlSender,
            control: received.control)
    }

    /// The KMS and the KM clients of step 5, handed to step 6.
    private struct Provisioned {
        let kmsURI: String
        let keyPeriod: KeyPeriod
        let now: Date
        let certificate: ValidatedKMSCertificate
        let clients: [String: KMClient]

        func party(_ uri: String) -> IMessageParty { IMessageParty(uri: uri, kmsURI: kmsURI) }

        func creator(for uri: String) throws -> IMessageCreator {
            try IMessageCreator(initiator: party(uri), keyPeriod: keyPeriod, signingKey: keys(of: uri).signingKey)
        }

        func receiver(for uri: String) throws -> IMessageReceiver {
            let keys = try keys(of: uri)
            return try IMessageReceiver(
                party: party(uri), keyPeriod: keyPeriod, keyPeriodNumber: keys.keyPeriodNumber, preparedReceiverKey: keys.receiver,
                trustedKMS: [kmsURI: certificate.verifier])
        }

        private func keys(of uri: String) throws -> PreparedUserKeys {
            guard let client = clients[uri] else { throw ValidationError("\(uri) was not provisioned") }
            return try client.keys(at: now)
        }
    }

    /// Runs `body`, printing how long it took.
    private func timed<Result>(_ body: () throws -> Result) rethrows -> (Result, String) {
        let clock = ContinuousClock(), start = clock.now
        let result = try body()
        let duration = clock.now - start
        let milliseconds = Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
        return (result, String(format: "%.1f ms", milliseconds))
    }

    /// Step 5: a KMS is made, and provisions four users over the Annex D
    /// interface (TrK-wrapped key sets, InK-signed responses); their KM
    /// clients check and keep the keys.
    private func demonstrateKMS() throws -> Provisioned {
        print("5. KMS provisioning (TS 33.180 §5.3, Annex D)")
        let kmsURI = "kms.mcptt.example.org"
        let period = try KeyPeriod(length: 2_592_000, offset: 0)
        let now = Date()
        let (engine, initTime) = try timed {
            try KMSEngine(
                secrets: KMSMasterSecrets(), kmsURI: kmsURI, certURI: "cert1.\(kmsURI)", issuer: "demo", keyPeriod: period,
                validFrom: now.addingTimeInterval(-86_400), validTo: now.addingTimeInterval(365 * 86_400))
        }
        let certificateXML = engine.certificate.xml()
        print("   kms init: master secrets (KSAK, z), root certificate XML of \(certificateXML.count) octets (\(initTime))")
        let certificate = try engine.certificate.validated(at: now)
        var clients: [String: KMClient] = [:]
        let users = ["sip:gms@mcptt.example.org", "sip:alice@mcptt.example.org", "sip:bob@mcptt.example.org", "sip:mcptt-server.mcptt.example.org"]
        for user in users {
            let trk = SecurityKey(name: "tk.1.\(user)"), ink = SecurityKey(name: "ink.1.\(user)")
            let url = "https://\(kmsURI)/keymanagement/identity/v1/keyprov"
            let (response, issueTime) = try timed {
                try engine.keyProvisionResponse(userURI: user, time: now, requestURL: url, transportKey: trk, integrityKey: ink)
            }
            var client = try KMClient(
                userURI: user, homeCertificate: KMSCertificate(xml: certificateXML), at: now,
                reader: KMSResponseReader(securityKeys: [trk, ink]))
            let (periods, acceptTime) = try timed { try client.acceptKeyProvision(response, requestURL: url, now: now) }
            clients[user] = client
            let name = user.dropFirst(4).prefix { $0 != "@" && $0 != "." }
            print("   \(name): KmsKeyProv \(response.count) octets, periods \(periods.map(String.init).joined(separator: ", ")) (\(issueTime));"
                + " client verified, unwrapped, validated, prepared (\(acceptTime))")
        }
        var tampered = try engine.keyProvisionResponse(
            userURI: users[1], time: now, requestURL: "x", transportKey: SecurityKey(name: "t"), integrityKey: SecurityKey(name: "i"))
        tampered[tampered.count / 2] ^= 1
        var probe = try KMClient(userURI: users[1], homeCertificate: engine.certificate, at: now)
        let refused = (try? probe.acceptKeyProvision(tampered, now: now)) == nil
        print("   A response with one bit changed (or unknown keys) is refused whole ...... \(refused ? "ok" : "FAILED")")
        if !refused { throw ExitCode.failure }
        return Provisioned(kmsURI: kmsURI, keyPeriod: period, now: now, certificate: certificate, clients: clients)
    }

    /// Step 6: a GMK and a PCK travel in MIKEY-SAKKE I_MESSAGEs (RFC 6509,
    /// TS 33.180 Annex E) under the keys the KMS provisioned in step 5.
    private func demonstrateIMessage(_ world: Provisioned) throws -> (
        group: ReceivedKey, callSender: SRTPMasterKey, call: ReceivedKey, controlSender: SRTPMasterKey, control: ReceivedKey
    ) {
        print("6. MIKEY-SAKKE I_MESSAGEs (RFC 3830, 6509; TS 33.180 Annex E)")
        let period = world.keyPeriod
        let now = try NTPTimestamp(world.now)
        let alice = world.party("sip:alice@mcptt.example.org")
        func creator(for party: IMessageParty) throws -> IMessageCreator { try world.creator(for: party.uri) }
        let gms = world.party("sip:gms@mcptt.example.org")
        let aliceReceiver = try world.receiver(for: alice.uri)
        let sender = world.certificate.sender
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier.random(purpose: .gmk)
        let (message, createTime) = try timed {
            try creator(for: gms).create(key: gmk, keyIdentifier: gmkID, to: alice, receiverKeyPeriod: period, sender: sender, time: now)
        }
        print("   The GMS sends Alice GMK-ID \(gmkID): I_MESSAGE of \(message.encoded.count) octets,")
        print("        HDR, T, RAND, IDRi, IDRkmsi, IDRr, IDRkmsr, SAKKE (to Alice's UID), SIGN (GMS's UID) (\(createTime))")
        let (received, processTime) = try timed { try aliceReceiver.process(message.encoded, now: now) }
        let gmkOK = received.key == gmk && received.keyIdentifier == gmkID
        print("   Alice verifies, decapsulates, undoes the GUK-ID: GMK and GMK-ID ... \(gmkOK ? "ok" : "FAILED") (\(processTime))")
        var tampered = message.encoded
        tampered[tampered.count / 2] ^= 1
        let refused = (try? aliceReceiver.process(tampered, now: now)) == nil
        print("   The message with one bit changed yields no key ................... \(refused ? "ok" : "FAILED")")
        let replayRefused = (try? aliceReceiver.process(message.encoded, now: now)) == nil
        print("   The same message again is a replay (RFC 3830 5.4), refused ........ \(replayRefused ? "ok" : "FAILED")")
        let bob = world.party("sip:bob@mcptt.example.org")
        let pck = SecretBytes.random(count: 16), pckID = KeyIdentifier.random(purpose: .pck)
        let call = try creator(for: bob).create(
            key: pck, keyIdentifier: pckID, to: alice, receiverKeyPeriod: period, sender: sender, time: now,
            options: IMessageOptions(hidesIdentities: true))
        let privateCall = try aliceReceiver.process(call.encoded, initiatorURI: bob.uri, now: now)
        let pckOK = privateCall.key == pck && privateCall.keyIdentifier == pckID
        print("   Bob calls Alice with identities hidden (E.7, IDRuidi/IDRuidr): PCK  \(pckOK ? "ok" : "FAILED")")
        let server = world.party("sip:mcptt-server.mcptt.example.org")
        let serverReceiver = try world.receiver(for: server.uri)
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

    /// Step 7: group-call media under the GMK that arrived in step 6, and floor
    /// control under the CSK (RFC 7714, TS 33.180 §7.5, §9.4).
    private func demonstrateSRTP(
        group: ReceivedKey, callSender: SRTPMasterKey, call: ReceivedKey, controlSender: SRTPMasterKey, control: ReceivedKey
    ) throws {
        print("7. SRTP and SRTCP with AEAD_AES_128_GCM (RFC 7714, TS 33.180 7.5, 9.4)")
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
