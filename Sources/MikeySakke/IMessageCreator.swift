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
/// IDRr, IDRkmsr, the SPs, SAKKE, SIGN. For a GMK the CSB ID is the
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
    ///   - cryptoSessions: the crypto sessions (default: none, the annex's default profile).
    ///   - policies: SP payloads for those sessions.
    ///   - hidesIdentities: replace IDRi and IDRr by IDRuidi and IDRuidr holding the
    ///     UIDs (E.7); the receiver then needs the initiator's URI from the SIP layer.
    ///   - nonce: ECCSI's j, for reproducible test vectors only; random when nil.
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` for a key other than
    ///   16 octets or a signing key that is not the initiator's UID at `time`;
    ///   the lower layers' errors otherwise.
    public func create(
        key: SecretBytes, keyIdentifier: KeyIdentifier, to receiver: IMessageParty, receiverKeyPeriod: KeyPeriod,
        sender: SAKKE.Sender, time: NTPTimestamp, rand: RandPayload = .random(),
        cryptoSessions: CryptoSessionMap = .empty, policies: [SecurityPolicyPayload] = [], hidesIdentities: Bool = false,
        nonce: P256SecretScalar? = nil
    ) throws -> IMessage {
        guard key.count == 16 else { throw MikeySakkeError.invalidArgument("the key must be 16 octets (E.1.1), not \(key.count)") }
        let initiatorUID = try MikeySakkeUID.uid(identifier: initiator.uri, kmsIdentifier: initiator.kmsURI, keyPeriod: keyPeriod, at: time)
        guard initiatorUID == signingKey.identifier else {
            throw MikeySakkeError.invalidArgument("the signing key is not for the initiator's UID at this time")
        }
        let receiverUID = try MikeySakkeUID.uid(
            identifier: receiver.uri, kmsIdentifier: receiver.kmsURI, keyPeriod: receiverKeyPeriod, at: time)
        let csbID = keyIdentifier.purpose.usesEndPointDiversity
            ? try keyIdentifier.userKeyIdentifier(key: key, userIdentifier: receiver.uri) : keyIdentifier
        let encapsulation = try sender.encapsulate(ssv: key, to: receiverUID)
        var payloads: [MIKEYPayload] = [
            .timestamp(.ntpUTC(time)),
            .rand(rand),
            .identity(
                hidesIdentities
                    ? try IdentityPayload(role: .initiatorUID, type: .uri, data: initiatorUID)
                    : try IdentityPayload(role: .initiator, uri: initiator.uri)),
            .identity(try IdentityPayload(role: .initiatorKMS, uri: initiator.kmsURI)),
            .identity(
                hidesIdentities
                    ? try IdentityPayload(role: .responderUID, type: .uri, data: receiverUID)
                    : try IdentityPayload(role: .responder, uri: receiver.uri)),
            .identity(try IdentityPayload(role: .responderKMS, uri: receiver.kmsURI)),
        ]
        payloads += policies.map { .securityPolicy($0) }
        payloads.append(.sakke(try SAKKEPayload(parameterSet: 1, idScheme: .mcxHashedUID, data: encapsulation.bytes)))
        let unsigned = try IMessage(header: CommonHeader(csbID: csbID.rawValue, cryptoSessions: cryptoSessions), payloads: payloads)
        let toSign = unsigned.octetsToSign(count: ECCSI.signatureCount)
        let signature = if let nonce { try signingKey.signature(for: toSign, nonce: nonce) } else { signingKey.signature(for: toSign) }
        return unsigned.signed(with: try SignaturePayload(signature: signature.bytes))
    }
}
