import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE
import Testing

@Suite struct IMessageExchangeTests {
    @Test func aPCKTravelsFromAliceToBob() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16)
        let pckID = KeyIdentifier(purpose: .pck, value: 0x0123_4567)
        let message = try world.message(key: pck, id: pckID)
        let received = try world.receiver().process(message.encoded, now: World.time)
        #expect(received.key == pck)
        #expect(received.keyIdentifier == pckID)
        #expect(received.csbID == pckID.rawValue)
        #expect(received.initiatorURI == World.alice.uri)
        #expect(received.rand == message.rand?.value)
        #expect(received.time == World.time)
    }

    @Test func aGMKArrivesUnderTheReceiversGUKIDAndComesOutUnderItsGMKID() throws {
        let world = try world()
        let gmk = SecretBytes.random(count: 16)
        let gmkID = KeyIdentifier(purpose: .gmk, value: 0x0AB_CDEF)
        let message = try world.message(key: gmk, id: gmkID)
        let gukID = try gmkID.userKeyIdentifier(key: gmk, userIdentifier: World.bob.uri)
        #expect(message.header.csbID == gukID.rawValue)
        let received = try world.receiver().process(message.encoded, now: World.time)
        #expect(received.keyIdentifier == gmkID)
        #expect(received.csbID == gukID.rawValue)
        // Both ends derive one SRTP master key for the group call (§7.4.2).
        let ours = try SRTPMasterKeys.groupCall(gmk: gmk, gukID: gukID, rand: received.rand, session: .mcpttGroupCall)
        let theirs = try received.srtpMasterKeys(session: .mcpttGroupCall)
        #expect(ours.masterKey == theirs.masterKey)
        #expect(ours.masterSalt == theirs.masterSalt)
    }

    @Test func aPreparedReceiverAcceptsAndRefusesAsAColdOne() throws {
        let world = try world()
        let prepared = try IMessageReceiver(
            party: World.bob, keyPeriod: World.period, keyPeriodNumber: World.period.number(at: World.time), receiverKey: world.bobKey,
            trustedKMS: [World.kmsURI: ECCSI.Verifier(kpak: world.eccsiKMS.kpak)], preparesReceiverKey: true)
        let pck = SecretBytes.random(count: 16)
        let message = try world.message(key: pck, id: KeyIdentifier(purpose: .pck, value: 0x4242))
        var tampered = message.encoded
        tampered[tampered.count - 100] ^= 0x01  // inside the SAKKE data's H or SIGN
        #expect(throws: MikeySakkeError.authenticationFailure) { try prepared.process(tampered, now: World.time) }
        #expect(try prepared.process(message.encoded, now: World.time).key == pck)
    }

    @Test func theSameMessageTwiceIsAReplay() throws {
        let world = try world()
        let receiver = try world.receiver()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 1))
        _ = try receiver.process(message.encoded, now: World.time)
        #expect(throws: MikeySakkeError.replayed) { try receiver.process(message.encoded, now: World.time) }
    }

    @Test func aTimestampOutsideTheClockSkewIsStale() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 2))
        let later = NTPTimestamp(seconds: World.time.seconds + 301)
        #expect(throws: MikeySakkeError.staleTimestamp(secondsFromNow: -301)) { try world.receiver().process(message.encoded, now: later) }
    }

    @Test func theCreatorRefusesToSignForAKeyPeriodItHasNoKeyFor() throws {
        let world = try world()
        let next = NTPTimestamp(seconds: World.time.seconds + 2_592_000)
        // Alice's key is for this period: the creator refuses to sign for the next.
        #expect(throws: MikeySakkeError.invalidArgument("the signing key is not for the initiator's UID at this time")) {
            try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 3), time: next)
        }
    }

    @Test func bobRefusesAMessageOfTheNextKeyPeriodWhileHisKeyIsForThisOne() throws {
        let world = try world()
        let next = NTPTimestamp(seconds: World.time.seconds + 2_592_000)
        let message = try world.message(
            key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 10), time: next, creator: world.creator(at: next))
        let number = try World.period.number(at: World.time)
        #expect(throws: MikeySakkeError.keyPeriodMismatch(key: number, message: number + 1)) {
            try world.receiver().process(message.encoded, now: next)
        }
    }

    @Test func hiddenIdentitiesCarryUIDsAndNeedTheInitiatorsURIFromOutside() throws {
        let world = try world()
        let pck = SecretBytes.random(count: 16)
        let message = try world.message(key: pck, id: KeyIdentifier(purpose: .pck, value: 11), hidden: true)
        #expect(message.identity(.initiator) == nil)
        #expect(message.identity(.responder) == nil)
        #expect(message.identity(.responderUID)?.data == world.bobKey.identifier)
        #expect(message.identity(.initiatorUID)?.data == world.creator.signingKey.identifier)
        #expect(throws: MikeySakkeError.initiatorUnconfirmed) { try world.receiver().process(message.encoded, now: World.time) }
        #expect(throws: MikeySakkeError.initiatorMismatch) {
            try world.receiver().process(message.encoded, initiatorURI: "sip:mallory@example.org", now: World.time)
        }
        let received = try world.receiver().process(message.encoded, initiatorURI: World.alice.uri, now: World.time)
        #expect(received.key == pck)
        #expect(received.initiatorURI == World.alice.uri)
        let unconfirmed = try world.receiver(policy: IMessagePolicy(acceptsUnconfirmedInitiator: true)).process(message.encoded, now: World.time)
        #expect(unconfirmed.initiatorURI == nil)
        #expect(unconfirmed.key == pck)
    }

    @Test func aMessageForSomeoneElseIsRefused() throws {
        let world = try world()
        let carol = IMessageParty(uri: "sip:carol@example.org", kmsURI: World.kmsURI)
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 4), to: carol)
        #expect(throws: MikeySakkeError.notForThisReceiver) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func aMessageForThisURIUnderAnotherKMSIsRefused() throws {
        let world = try world()
        let elsewhere = IMessageParty(uri: World.bob.uri, kmsURI: "kms.other.example.org")
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 12), to: elsewhere)
        #expect(throws: MikeySakkeError.notForThisReceiver) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func bitFlipsAllAcrossTheMessageAreRefusedAndYieldNoKey() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 5))
        let receiver = try world.receiver(cache: nil)
        for position in stride(from: 0, to: message.encoded.count, by: 7) {
            var changed = message.encoded
            changed[position] ^= 0x10
            #expect(throws: MikeySakkeError.self) { try receiver.process(changed, now: World.time) }
        }
    }

    @Test func anInitiatorURIFromSIPThatDiffersFromIDRiIsRefused() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 6))
        #expect(throws: MikeySakkeError.initiatorMismatch) {
            try world.receiver().process(message.encoded, initiatorURI: "sip:mallory@example.org", now: World.time)
        }
    }

    @Test func anUntrustedKMSIsRefused() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 7))
        let stranger = try IMessageReceiver(
            party: World.bob, keyPeriod: World.period, keyPeriodNumber: World.period.number(at: World.time), receiverKey: world.bobKey,
            trustedKMS: [:])
        #expect(throws: MikeySakkeError.unknownKMS(World.kmsURI)) { try stranger.process(message.encoded, now: World.time) }
    }

    @Test func aMessageWithoutAResponderIdentityIsATypedError() throws {
        let world = try world()
        let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 8))
        let stripped = try IMessage(
            header: message.header,
            payloads: message.payloads.filter { if case .identity(let id) = $0 { id.role != .responder } else { true } })
        let resigned = stripped.signed(with: try #require(message.signature))
        #expect(throws: MikeySakkeError.missingPayload("IDRr or IDRuidr")) { try world.receiver().process(resigned.encoded, now: World.time) }
    }

    @Test func aKeyOtherThan16OctetsIsRefusedByTheCreator() throws {
        let world = try world()
        #expect(throws: MikeySakkeError.invalidArgument("the key must be 16 octets (E.1.1), not 32")) {
            try world.message(key: .random(count: 32), id: KeyIdentifier(purpose: .pck, value: 9))
        }
    }
}
