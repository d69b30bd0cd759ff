import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE
import Testing

/// The receiver's rules beyond the signature: which purposes and initiators
/// it accepts, the header, the identity forms, the replay cache shared or full.
@Suite struct IMessageReceiverRulesTests {
    @Test func aKeyOfAPurposeAnnexEDoesNotDistributeIsRefused() throws {
        let world = try world()
        for purpose in [KeyPurpose.spk, .mkfc, .mscck] {
            let message = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: purpose, value: 0x123))
            #expect(throws: MikeySakkeError.unsupportedValue(field: "CSB ID purpose", value: Int(purpose.rawValue))) {
                try world.receiver().process(message.encoded, now: World.time)
            }
        }
    }

    @Test func aPolicyCanNameWhoMaySendEachPurpose() throws {
        let world = try world()
        let onlyGMS = IMessagePolicy(authorizedInitiators: [.gmk: ["sip:gms@example.org"]])
        let gmk = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .gmk, value: 0x124))
        #expect(throws: MikeySakkeError.unauthorizedInitiator(purpose: .gmk)) {
            try world.receiver(policy: onlyGMS).process(gmk.encoded, now: World.time)
        }
        // A purpose the policy does not list still comes from any trusted user.
        let pck = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x125))
        #expect(try world.receiver(policy: onlyGMS).process(pck.encoded, now: World.time).initiatorURI == World.alice.uri)
        let alice = IMessagePolicy(authorizedInitiators: [.gmk: [World.alice.uri]])
        #expect(try world.receiver(policy: alice).process(gmk.encoded, now: World.time).keyIdentifier.purpose == .gmk)
    }

    @Test func aKeyWhoseActivationIsAheadIsDeliveredButNotYetActive() throws {
        let world = try world()
        let start = World.time.unixSeconds + 3_600
        let parameters = try KeyParameters(keyType: .gmk, activationTime: start, expiryTime: start + 60)
        let message = try world.message(
            key: .random(count: 16), id: KeyIdentifier(purpose: .gmk, value: 0x126), options: IMessageOptions(keyParameters: parameters))
        let received = try world.receiver().process(message.encoded, now: World.time)
        #expect(!received.isActive(atUnixSeconds: World.time.unixSeconds))
        #expect(received.isActive(atUnixSeconds: start))
        #expect(!received.isActive(atUnixSeconds: start + 60))
        let plain = try world.receiver().process(
            world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x127)).encoded, now: World.time)
        #expect(plain.isActive(atUnixSeconds: 0))
    }

    @Test func aVerificationRequestIsRefused() throws {
        let world = try world()
        let honest = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x128))
        let header = try CommonHeader(verificationRequested: true, csbID: honest.header.csbID)
        let message = try world.signedByAlice(header: header, payloads: honest.payloads)
        #expect(throws: MikeySakkeError.unsupportedHeader(field: "V", value: 1)) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func bothFormsOfOnePartysIdentityAreRefused() throws {
        let world = try world()
        let honest = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x129))
        let extra = MIKEYPayload.identity(try IdentityPayload(role: .initiatorUID, data: world.creator.signingKey.identifier))
        let message = try world.signedByAlice(header: honest.header, payloads: honest.payloads + [extra])
        #expect(throws: MikeySakkeError.unsupportedValue(field: "IDRi and IDRuidi", value: 2)) {
            try world.receiver().process(message.encoded, initiatorURI: World.alice.uri, now: World.time)
        }
    }

    @Test func aMessageWithoutIDRkmsrIsRefused() throws {
        let world = try world()
        let honest = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x12A))
        let stripped = honest.payloads.filter { if case .identity(let id) = $0 { id.role != .responderKMS } else { true } }
        let message = try world.signedByAlice(header: honest.header, payloads: stripped)
        #expect(throws: MikeySakkeError.missingPayload("IDRkmsr")) { try world.receiver().process(message.encoded, now: World.time) }
    }

    @Test func theSessionsSPIIsTheMKI() throws {
        let world = try world()
        let gmkID = KeyIdentifier(purpose: .gmk, value: 0x12B)
        let spi: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let options = IMessageOptions(
            cryptoSessions: try AnnexEProfile.gmk.cryptoSessions([.mcpttGroupCall], spi: spi), policies: [AnnexEProfile.gmk.defaultPolicy()])
        let received = try world.receiver().process(world.message(key: .random(count: 16), id: gmkID, options: options).encoded, now: World.time)
        #expect(received.sessions[.mcpttGroupCall]?.spi == spi)
        #expect(try received.srtpMasterKey(for: .mcpttGroupCall).mki == spi)
        #expect(try received.srtpMasterKey(for: .mcpttGroupCall, mki: [9, 9, 9, 9]).mki == [9, 9, 9, 9])
    }

    @Test func aReceiverForAPeriodPastNTPEraZeroIsARefusalNotATrap() throws {
        let world = try world()
        #expect(throws: (any Error).self) {
            try IMessageReceiver(
                party: World.bob, keyPeriod: World.period, keyPeriodNumber: .max / 2, receiverKey: world.bobKey,
                trustedKMS: [:])
        }
    }

    @Test func receiversSharingACacheEachAcceptAMessageOnce() throws {
        let world = try world()
        let cache = ReplayCache()
        let message = try world.message(
            key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x12C), options: IMessageOptions(sakkeToSelf: world.sender))
        let bob = try world.receiver(cache: cache), aliceDevice = try world.receiver(for: World.alice, cache: cache)
        _ = try bob.process(message.encoded, now: World.time)
        _ = try aliceDevice.process(message.encoded, now: World.time)
        #expect(throws: MikeySakkeError.replayed) { try bob.process(message.encoded, now: World.time) }
        #expect(throws: MikeySakkeError.replayed) { try aliceDevice.process(message.encoded, now: World.time) }
        #expect(cache.count == 2)
    }

    @Test func aFullCacheRefusesUntilItsEntriesExpire() throws {
        let world = try world()
        let cache = ReplayCache(capacity: 1)
        let receiver = try world.receiver(cache: cache)
        let first = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x12D))
        _ = try receiver.process(first.encoded, now: World.time)
        let second = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x12E))
        #expect(throws: MikeySakkeError.replayed) { try receiver.process(second.encoded, now: World.time) }
        // Past the first entry's timestamp + skew it is swept, and a fresh message fits.
        let later = NTPTimestamp(seconds: World.time.seconds + 301)
        let third = try world.message(key: .random(count: 16), id: KeyIdentifier(purpose: .pck, value: 0x12F), time: later)
        #expect(try receiver.process(third.encoded, now: later).time == later)
        #expect(cache.count == 1)
    }
}
