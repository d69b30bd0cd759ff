import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE
import SRTP
import Testing

/// The optional parts of an Annex E I_MESSAGE (SAKKE-to-self, key
/// parameters, crypto sessions and policies), CSK distribution, and the
/// deployed-field policy options.
@Suite struct IMessageAnnexETests {
    static let mcx = IMessageParty(uri: "sip:mcx.example.org", kmsURI: World.kmsURI)

    @Test func sakkeToSelfLetsTheInitiatorsOtherDeviceRecoverTheKey() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16), pckID = KeyIdentifier(purpose: .pck, value: 0x51)
        let message = try world.message(key: pck, id: pckID, options: IMessageOptions(sakkeToSelf: world.sender))
        let extensionPayload = try #require(message.generalExtension(.sakkeToSelf))
        #expect(extensionPayload.data.first == 0)  // E.5: the inner Next payload is 0
        #expect(try world.receiver().process(message.encoded, now: World.time).key == pck)
        let ownDevice = try world.receiver(for: World.alice).process(message.encoded, now: World.time)
        #expect(ownDevice.key == pck)
        #expect(ownDevice.keyIdentifier == pckID)
    }

    @Test func withoutSakkeToSelfTheInitiatorsOtherDeviceIsNotAReceiver() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x52))
        #expect(throws: MikeySakkeError.notForThisReceiver) { try world.receiver(for: World.alice).process(message.encoded, now: World.time) }
    }

    @Test func aGMKSentToSelfComesBackUnderItsGMKIDWithIdentitiesHidden() throws {
        let world = try world()
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier(purpose: .gmk, value: 0x53)
        let shown = try world.message(key: gmk, id: gmkID, options: IMessageOptions(sakkeToSelf: world.sender))
        #expect(try world.receiver(for: World.alice).process(shown.encoded, now: World.time).keyIdentifier == gmkID)
        // With IDRuidr the GUK-ID cannot be undone by anyone but the responder.
        let hidden = try world.message(key: gmk, id: gmkID, options: IMessageOptions(hidesIdentities: true, sakkeToSelf: world.sender))
        #expect(throws: MikeySakkeError.missingPayload("IDRr")) {
            try world.receiver(for: World.alice).process(hidden.encoded, initiatorURI: World.alice.uri, now: World.time)
        }
    }

    @Test func keyParametersTravelEncryptedAndComeOutChecked() throws {
        let world = try world()
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier(purpose: .gmk, value: 0x54)
        let parameters = try KeyParameters(keyType: .gmk, expiryTime: World.time.unixSeconds + 86_400, text: "Fire team", groupIDs: ["sip:fire@example.org"])
        let message = try world.message(key: gmk, id: gmkID, options: IMessageOptions(keyParameters: parameters))
        let data = try #require(message.generalExtension(.keyParameters)).data
        #expect(data.firstRange(of: Array("Fire team".utf8)) == nil)
        // The DPPK-ID is the CSB ID, here Bob's GUK-ID (E.6.1).
        #expect(Array(data[28 ..< 32]) == withUnsafeBytes(of: message.header.csbID.bigEndian) { Array($0) })
        let received = try world.receiver().process(message.encoded, now: World.time)
        #expect(received.keyParameters == parameters)
    }

    @Test func aRevokedKeyIsRefused() throws {
        let world = try world()
        let revoked = try KeyParameters(keyType: .pck, status: KeyStatus(rawValue: 0))
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x55), options: IMessageOptions(keyParameters: revoked))
        #expect(throws: MikeySakkeError.keyRevoked) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func anExpiredKeyIsRefused() throws {
        let world = try world()
        let expiry = World.time.unixSeconds - 1
        let expired = try KeyParameters(keyType: .pck, expiryTime: expiry)
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x56), options: IMessageOptions(keyParameters: expired))
        #expect(throws: MikeySakkeError.keyExpired(expiry: expiry)) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func aKeyTypeOtherThanTheCSBIDsPurposeIsRefusedAtBothEnds() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16), pckID = KeyIdentifier(purpose: .pck, value: 0x57)
        let gmkType = try KeyParameters(keyType: .gmk)
        #expect(throws: MikeySakkeError.self) { try world.message(key: pck, id: pckID, options: IMessageOptions(keyParameters: gmkType)) }
        // A sender that writes it anyway.
        let honest = try world.message(key: pck, id: pckID)
        let forged = try world.signedByAlice(header: honest.header,
            payloads: honest.payloads + [.generalExtension(gmkType.sealed(key: pck, csbID: pckID, iv: Array(repeating: 1, count: 16), dateTime: 0))])
        #expect(throws: MikeySakkeError.keyTypeMismatch(keyType: 0, purpose: .pck)) { try world.receiver().process(forged.encoded, now: World.time) }
    }

    @Test func keyParametersSealedUnderAnotherKeyYieldNoKey() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16), pckID = KeyIdentifier(purpose: .pck, value: 0x58)
        let honest = try world.message(key: pck, id: pckID)
        let sealed = try KeyParameters(keyType: .pck).sealed(key: .random(count: 16), csbID: pckID, iv: Array(repeating: 2, count: 16), dateTime: 0)
        let forged = try world.signedByAlice(header: honest.header, payloads: honest.payloads + [.generalExtension(sealed)])
        #expect(throws: MikeySakkeError.authenticationFailure) { try world.receiver().process(forged.encoded, now: World.time) }
    }

    @Test func aSignatureWithoutTheSIGNHeaderIsAcceptedOnlyByPolicy() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16)
        let honest = try world.message(key: pck, id: KeyIdentifier(purpose: .pck, value: 0x59))
        let peer = try world.signedByAlice(header: honest.header, payloads: honest.payloads, withoutSignatureHeader: true)
        #expect(throws: MikeySakkeError.authenticationFailure) { try world.receiver().process(peer.encoded, now: World.time) }
        let lenient = try world.receiver(policy: IMessagePolicy(acceptsSignatureWithoutHeader: true))
        #expect(try lenient.process(peer.encoded, now: World.time).key == pck)
        #expect(try lenient.process(try world.message(key: pck, id: KeyIdentifier(purpose: .pck, value: 0x5A)).encoded, now: World.time).key == pck)
    }

    @Test func aMessageWithoutAnInitiatorIdentityIsATypedError() throws {
        let world = try world()
        let honest = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x5B))
        let stripped = try world.signedByAlice(header: honest.header,
            payloads: honest.payloads.filter { if case .identity(let id) = $0 { id.role != .initiator } else { true } })
        #expect(throws: MikeySakkeError.missingPayload("IDRi or IDRuidi")) { try world.receiver().process(stripped.encoded, now: World.time) }
    }

    @Test func theDefaultProfilesGiveAESGCMForEverySessionOfTheKey() throws {
        let world = try world()
        let pck = try world.receiver().process(
            world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x5C)).encoded, now: World.time)
        #expect(Set(pck.sessions.keys) == Set(AnnexEProfile.pck.sessionIDs))
        #expect(pck.sessions.values.allSatisfy { $0.profile == .aeadAES128GCM && $0.rocTransmissionRate == 0 })
        let gmk = try world.receiver().process(
            world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .gmk, value: 0x5D)).encoded, now: World.time)
        #expect(gmk.sessions[.mcpttGroupCall] == gmk.sessions[.mcvideoGroupCall])
        #expect(gmk.sessions[.mcpttGroupCall]?.rocTransmissionRate == 1)
    }

    @Test func aGivenProfileReachesSRTPAndBothEndsShareTheMedia() throws {
        let world = try world()
        let gmk = SecretBytes.random(count: 16), gmkID = KeyIdentifier(purpose: .gmk, value: 0x5E)
        let policy = try SecurityPolicyPayload(
            policyNumber: 1, parameters: AnnexEProfile.gmk.defaultParameters.map { $0.type == 1 ? SecurityPolicyParameter(.sessionEncryptionKeyLength, 32) : $0 })
        let options = IMessageOptions(cryptoSessions: try AnnexEProfile.gmk.cryptoSessions([.mcpttGroupCall], policyNumber: 1), policies: [policy])
        let message = try world.message(key: gmk, id: gmkID, options: options)
        let received = try world.receiver().process(message.encoded, now: World.time)
        #expect(Array(received.sessions.keys) == [.mcpttGroupCall])
        let settings = try #require(received.sessions[.mcpttGroupCall])
        #expect(settings.profile == .aeadAES256GCM)
        #expect(throws: MikeySakkeError.self) { try received.srtpMasterKey(for: .mcvideoGroupCall) }
        // The GMS side derives the same master key from the GMK, Bob's GUK-ID and the RAND.
        let gukID = try gmkID.userKeyIdentifier(key: gmk, userIdentifier: World.bob.uri)
        let keys = try SRTPMasterKeys.groupCall(gmk: gmk, gukID: gukID, rand: received.rand, session: .mcpttGroupCall, keyLength: 32)
        let senderKey = try SRTPMasterKey(profile: .aeadAES256GCM, masterKey: keys.masterKey, masterSalt: keys.masterSalt, mki: gmkID.bytes + gukID.bytes)
        var sender = try SRTPSender(key: senderKey, policy: settings.policy)
        var receiver = try SRTPReceiver(keys: [received.srtpMasterKey(for: .mcpttGroupCall)], policy: settings.policy)
        let rtp: [UInt8] = [0x80, 96, 0, 1, 0, 0, 0, 1, 0xAB, 0xCD, 0xEF, 0x01] + Array("voice".utf8)
        #expect(try receiver.unprotect(sender.protect(rtp)) == rtp)
    }

    @Test func aPolicyThisStackCannotHonourIsRefused() throws {
        let world = try world()
        let aesCM = try SecurityPolicyPayload(policyNumber: 0, parameters: [SecurityPolicyParameter(.encryptionAlgorithm, 1)])
        let options = IMessageOptions(cryptoSessions: try AnnexEProfile.pck.cryptoSessions([.mcpttPrivateCallInitiator]), policies: [aesCM])
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x5F), options: options)
        #expect(throws: MikeySakkeError.unsupportedValue(field: "SP encryption algorithm", value: 1)) {
            try world.receiver().process(message.encoded, now: World.time)
        }
        let pckSessionsOnAGMK = IMessageOptions(cryptoSessions: try AnnexEProfile.pck.cryptoSessions([.mcpttPrivateCallInitiator]), policies: [AnnexEProfile.pck.defaultPolicy()])
        let wrong = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .gmk, value: 0x60), options: pckSessionsOnAGMK)
        #expect(throws: MikeySakkeError.malformed(.invalidValue(field: "CS ID", offset: -1, value: 0))) {
            try world.receiver().process(wrong.encoded, now: World.time)
        }
    }

    @Test func aCSKGoesUpToTheMCXServerAndProtectsFloorControl() throws {
        let world = try world()
        let csk = SecretBytes.random(count: 16), cskID = KeyIdentifier(purpose: .csk, value: 0x61)
        let upload = try world.message(key: csk, id: cskID, to: Self.mcx)
        let server = try world.receiver(for: Self.mcx).process(upload.encoded, now: World.time)
        #expect(server.key == csk)
        #expect(Set(server.sessions.keys) == [.cskSRTCPForMCPTT, .cskSRTCPForMCVideo])
        // CSK download: the server sends it back down, signed with its own UID (E.4.1).
        let download = try world.message(key: csk, id: cskID, to: World.bob, creator: world.creator(at: World.time, for: Self.mcx))
        let client = try world.receiver().process(download.encoded, now: World.time)
        #expect(client.initiatorURI == Self.mcx.uri)
        // Alice protects floor control under the key she uploaded; the server unprotects with what it received.
        let keys = try SRTPMasterKeys.derive(
            tgk: csk, csbID: cskID.rawValue, csID: CryptoSessionID.cskSRTCPForMCPTT.rawValue, rand: try #require(upload.rand).value)
        var floor = try SRTCPSender(key: SRTPMasterKey(profile: .aeadAES128GCM, masterKey: keys.masterKey, masterSalt: keys.masterSalt, mki: cskID.bytes))
        var control = try SRTCPReceiver(keys: [server.srtpMasterKey(for: .cskSRTCPForMCPTT)])
        let rtcp: [UInt8] = [0x80, 204, 0, 3, 0, 0, 0, 7] + Array("MCPT".utf8) + [0, 0, 0, 0]
        #expect(try control.unprotect(floor.protect(rtcp)) == rtcp)
    }
}
