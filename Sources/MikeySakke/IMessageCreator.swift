import Curves
import ECCSI
import KeyDerivation
import MIKEY
import Octets
import SAKKE

/// The initiator's side of RFC 6509 §5 as TS 33.180 Annex E fills it: makes
/// an I_MESSAGE that carries a 16-octet key SAKKE-encapsulated to the
/// receiver's UID and ECCSI-signed with the initiator's UID.
///
/// Payloads in the order RFC 6509 §4 lists them: HDR, T, RAND, IDRi, IDRkmsi,
/// IDRr, IDRkmsr, the SPs, SAKKE, then the SAKKE-to-self and key-parameters
/// extensions when asked for, SIGN. For a GMK the CSB ID is the
/// receiver's GUK-ID (end-point diversity, F.1.3).
public struct IMessageCreator: Sendable {
    /// The initiator (PCK: the calling user; GMK: the GMS; CSK download: the MCX server).
    public let initiator: IMessageParty
    /// The initiator's KMS key period.
    public let keyPeriod: KeyPeriod
    /// The initiator's ECCSI key for its UID of one key period.
    public let signingKey: ECCSI.SigningKey

    public init(initiator: IMessageParty, keyPeriod: KeyPeriod, signingKey: ECCSI.SigningKey) {
        self.initiator = initiator
        self.keyPeriod = keyPeriod
        self.signingKey = signingKey
    }

    /// An I_MESSAGE distributing `key` under `keyIdentifier` to `receiver`.
    ///
    /// - Parameters:
    ///   - key: the PCK, GMK, CSK or MuSiK (16 octets, E.1.1).
    ///   - keyIdentifier: its key id; for a GMK the GMK-ID, turned into the receiver's GUK-ID here.
    ///   - receiver: the receiving party.
    ///   - receiverKeyPeriod: the key period of the receiver's KMS.
    ///   - sender: a SAKKE sender prepared for the receiver's KMS's Z_T.
    ///   - time: the message's timestamp (NTP-UTC); both UIDs are those of the key periods it falls in.
    ///   - rand: the RAND (16 octets recommended).
    ///   - options: crypto sessions, policies, identity hiding, SAKKE-to-self, key parameters.
    ///   - nonce: ECCSI's j, for reproducible test vectors only; random when nil.
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` for a key other than
    ///   16 octets, a signing key that is not the initiator's UID at `time`, or
    ///   key parameters whose type is not the key identifier's purpose; the
    ///   lower layers' errors otherwise.
    public func create(
        key: SecretBytes, keyIdentifier: KeyIdentifier, to receiver: IMessageParty, receiverKeyPeriod: KeyPeriod,
        sender: SAKKE.Sender, time: NTPTimestamp, rand: RandPayload = .random(), options: IMessageOptions = IMessageOptions(),
        nonce: P256SecretScalar? = nil
    ) throws -> IMessage {
        guard key.count == 16 else { throw MikeySakkeError.invalidArgument("the key must be 16 octets (E.1.1), not \(key.count)") }
        if let parameters = options.keyParameters, parameters.keyType != keyIdentifier.purpose.rawValue {
            throw MikeySakkeError.invalidArgument("the key parameters' type \(parameters.keyType) is not the key identifier's purpose")
        }
        let initiatorUID = try MikeySakkeUID.uid(identifier: initiator.uri, kmsIdentifier: initiator.kmsURI, keyPeriod: keyPeriod, at: time)
        guard initiatorUID == signingKey.identifier else {
            throw MikeySakkeError.invalidArgument("the signing key is not for the initiator's UID at this time")
        }
        let receiverUID = try MikeySakkeUID.uid(
            identifier: receiver.uri, kmsIdentifier: receiver.kmsURI, keyPeriod: receiverKeyPeriod, at: time)
        let csbID = keyIdentifier.purpose.usesEndPointDiversity
            ? try keyIdentifier.userKeyIdentifier(key: key, userIdentifier: receiver.uri) : keyIdentifier
        let encapsulation = try sender.encapsulate(ssv: key, to: receiverUID)
        let hides = options.hidesIdentities
        var payloads: [MIKEYPayload] = [
            .timestamp(.ntpUTC(time)),
            .rand(rand),
            .identity(
                hides ? try IdentityPayload(role: .initiatorUID, data: initiatorUID) : try IdentityPayload(role: .initiator, uri: initiator.uri)),
            .identity(try IdentityPayload(role: .initiatorKMS, uri: initiator.kmsURI)),
            .identity(
                hides ? try IdentityPayload(role: .responderUID, data: receiverUID) : try IdentityPayload(role: .responder, uri: receiver.uri)),
            .identity(try IdentityPayload(role: .responderKMS, uri: receiver.kmsURI)),
        ]
        payloads += options.policies.map { .securityPolicy($0) }
        payloads.append(.sakke(try SAKKEPayload(data: encapsulation.bytes)))
        if let toSelf = options.sakkeToSelf {
            let own = try toSelf.encapsulate(ssv: key, to: initiatorUID)
            payloads.append(.generalExtension(try GeneralExtensionPayload(sakkeToSelf: SAKKEPayload(data: own.bytes))))
        }
        if let parameters = options.keyParameters {
            let iv = options.keyParametersIV ?? SecretBytes.random(count: MCDataProtectedPayload.ivCount).withUnsafeBytes { Array($0) }
            payloads.append(.generalExtension(try parameters.sealed(key: key, csbID: csbID, iv: iv, dateTime: time.unixSeconds)))
        }
        let unsigned = try IMessage(header: CommonHeader(csbID: csbID.rawValue, cryptoSessions: options.cryptoSessions), payloads: payloads)
        let toSign = unsigned.octetsToSign(count: ECCSI.signatureCount)
        let signature = if let nonce { try signingKey.signature(for: toSign, nonce: nonce) } else { signingKey.signature(for: toSign) }
        return unsigned.signed(with: try SignaturePayload(signature: signature.bytes))
    }
}
