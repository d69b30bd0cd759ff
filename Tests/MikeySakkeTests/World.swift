import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// One KMS, Alice (the initiator) and Bob (the receiver), keyed for the key
/// period of `time`: what every test below sends an I_MESSAGE through.
struct World {
    static let period: KeyPeriod = { guard let period = try? KeyPeriod(length: 2_592_000) else { preconditionFailure() }; return period }()
    static let time = NTPTimestamp(seconds: 3_900_000_000)
    static let kmsURI = "kms.example.org"
    static let alice = IMessageParty(uri: "sip:alice@example.org", kmsURI: kmsURI)
    static let bob = IMessageParty(uri: "sip:bob@example.org", kmsURI: kmsURI)
    static let shared = try? World()

    let eccsiKMS = ECCSI.KMSKeyPair()
    let sakkeKMS = SAKKE.KMSKeyPair()
    let creator: IMessageCreator
    let sender: SAKKE.Sender
    let bobKey: SAKKE.ReceiverKey

    init() throws {
        let aliceUID = try MikeySakkeUID.uid(identifier: Self.alice.uri, kmsIdentifier: Self.kmsURI, keyPeriod: Self.period, at: Self.time)
        let issued = eccsiKMS.issueUserKeys(for: aliceUID)
        creator = IMessageCreator(
            initiator: Self.alice, keyPeriod: Self.period,
            signingKey: try ECCSI.SigningKey(identifier: aliceUID, kpak: eccsiKMS.kpak, ssk: issued.ssk, pvt: issued.pvt))
        sender = SAKKE.Sender(zt: sakkeKMS.zt)
        let bobUID = try MikeySakkeUID.uid(identifier: Self.bob.uri, kmsIdentifier: Self.kmsURI, keyPeriod: Self.period, at: Self.time)
        bobKey = try SAKKE.ReceiverKey(identifier: bobUID, zt: sakkeKMS.zt, rsk: sakkeKMS.receiverSecretKey(for: bobUID))
    }

    func receiver(policy: IMessagePolicy = IMessagePolicy(), cache: ReplayCache? = ReplayCache()) throws -> IMessageReceiver {
        try receiver(for: Self.bob, policy: policy, cache: cache)
    }

    /// A receiver for `party`, keyed by this world's KMS for the period of `time`.
    func receiver(for party: IMessageParty, policy: IMessagePolicy = IMessagePolicy(), cache: ReplayCache? = ReplayCache()) throws
        -> IMessageReceiver
    {
        let uid = try MikeySakkeUID.uid(identifier: party.uri, kmsIdentifier: Self.kmsURI, keyPeriod: Self.period, at: Self.time)
        let key = party == Self.bob ? bobKey : try SAKKE.ReceiverKey(identifier: uid, zt: sakkeKMS.zt, rsk: sakkeKMS.receiverSecretKey(for: uid))
        return try IMessageReceiver(
            party: party, keyPeriod: Self.period, keyPeriodNumber: Self.period.number(at: Self.time), receiverKey: key,
            trustedKMS: [Self.kmsURI: ECCSI.Verifier(kpak: eccsiKMS.kpak)], policy: policy, replayCache: cache)
    }

    func message(
        key: SecretBytes, id: KeyIdentifier, time: NTPTimestamp = World.time, to receiver: IMessageParty = World.bob,
        hidden: Bool = false, creator: IMessageCreator? = nil, options: IMessageOptions? = nil
    ) throws -> IMessage {
        try (creator ?? self.creator).create(
            key: key, keyIdentifier: id, to: receiver, receiverKeyPeriod: Self.period, sender: sender, time: time,
            options: options ?? IMessageOptions(hidesIdentities: hidden))
    }

    /// `payloads` under `header`, signed by Alice over RFC 3830 §5.2's range
    /// (or, with `withoutSignatureHeader`, without SIGN's own header, as some peers sign).
    func signedByAlice(header: CommonHeader, payloads: [MIKEYPayload], withoutSignatureHeader: Bool = false) throws -> IMessage {
        let unsigned = try IMessage(header: header, payloads: payloads)
        var toSign = unsigned.octetsToSign(count: ECCSI.signatureCount)
        if withoutSignatureHeader { toSign.removeLast(SignaturePayload.headerCount) }
        return unsigned.signed(with: try SignaturePayload(signature: creator.signingKey.signature(for: toSign).bytes))
    }

    /// The creator of `party` (Alice by default) for the key period of `time`.
    func creator(at time: NTPTimestamp, for party: IMessageParty = World.alice) throws -> IMessageCreator {
        let uid = try MikeySakkeUID.uid(identifier: party.uri, kmsIdentifier: Self.kmsURI, keyPeriod: Self.period, at: time)
        let issued = eccsiKMS.issueUserKeys(for: uid)
        return IMessageCreator(
            initiator: party, keyPeriod: Self.period,
            signingKey: try ECCSI.SigningKey(identifier: uid, kpak: eccsiKMS.kpak, ssk: issued.ssk, pvt: issued.pvt))
    }
}

func world() throws -> World {
    guard let world = World.shared else { throw MikeySakkeError.invalidArgument("test world") }
    return world
}
