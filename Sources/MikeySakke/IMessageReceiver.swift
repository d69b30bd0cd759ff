import ECCSI
import KeyDerivation
import MIKEY
import Octets
import SAKKE

/// The receiver's side of RFC 6509 §5: checks an I_MESSAGE and recovers its
/// key. In order: the format; the header (data type 26, PRF-HMAC-SHA-256);
/// the timestamp against the clock; the receiver (IDRr, or the UID in
/// IDRuidr); the key period of T against the receiver's key; the initiator's
/// UID (from IDRi, or the URI the SIP layer gives, checked against IDRuidi) and
/// its KMS; the ECCSI signature over the signed octets; the SAKKE payload;
/// the replay cache. A message that fails any check yields no key.
public struct IMessageReceiver: Sendable {
    /// This receiver.
    public let party: IMessageParty
    /// The key period of this receiver's KMS.
    public let keyPeriod: KeyPeriod
    /// The key period number of ``receiverKey``.
    public let keyPeriodNumber: UInt64
    /// This receiver's SAKKE key (its UID of that period, Z_T, RSK).
    public let receiverKey: SAKKE.ReceiverKey
    /// The KPAKs of the KMSs whose users this receiver accepts, by KMS URI.
    public let trustedKMS: [String: ECCSI.Verifier]
    /// The key periods of those KMSs (the receiver's own when absent).
    public let trustedKMSKeyPeriods: [String: KeyPeriod]
    /// What is accepted.
    public let policy: IMessagePolicy
    /// The replay cache; nil turns replay detection off (vector tests only).
    public let replayCache: ReplayCache?

    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` when `receiverKey` is not
    ///   the UID of `party` in period `keyPeriodNumber`.
    public init(
        party: IMessageParty, keyPeriod: KeyPeriod, keyPeriodNumber: UInt64, receiverKey: SAKKE.ReceiverKey,
        trustedKMS: [String: ECCSI.Verifier], trustedKMSKeyPeriods: [String: KeyPeriod] = [:],
        policy: IMessagePolicy = IMessagePolicy(), replayCache: ReplayCache? = ReplayCache()
    ) throws {
        let uid = try MikeySakkeUID.uid(
            identifier: party.uri, kmsIdentifier: party.kmsURI, keyPeriod: keyPeriod,
            at: NTPTimestamp(rawValue: keyPeriod.startSeconds(ofPeriod: keyPeriodNumber) << 32))
        guard uid == receiverKey.identifier else {
            throw MikeySakkeError.invalidArgument("the receiver key is not the UID of this party in this key period")
        }
        self.party = party
        self.keyPeriod = keyPeriod
        self.keyPeriodNumber = keyPeriodNumber
        self.receiverKey = receiverKey
        self.trustedKMS = trustedKMS
        self.trustedKMSKeyPeriods = trustedKMSKeyPeriods
        self.policy = policy
        self.replayCache = replayCache
    }

    /// Checks `octets` and returns the key it carries.
    ///
    /// - Parameters:
    ///   - octets: the I_MESSAGE.
    ///   - initiatorURI: the initiator's URI from the SIP layer, needed when IDRuidi hides it (E.7), checked against IDRi otherwise.
    ///   - now: the receiver's clock.
    /// - Throws: ``MikeySakkeError``.
    public func process(_ octets: some Collection<UInt8>, initiatorURI: String? = nil, now: NTPTimestamp) throws(MikeySakkeError) -> ReceivedKey {
        let message: IMessage
        do { message = try IMessage(parsing: octets) } catch { throw .malformed(error) }
        guard message.header.dataType == .sakkeMessage else {
            throw .unsupportedHeader(field: "data type", value: Int(message.header.dataType.rawValue))
        }
        guard message.header.prf == .hmacSHA256 else { throw .unsupportedHeader(field: "PRF func", value: Int(message.header.prf.rawValue)) }
        guard let timestamp = message.timestamp else { throw .missingPayload("T") }
        guard case .ntpUTC(let time) = timestamp else { throw .unsupportedValue(field: "TS type", value: Int(timestamp.timestampType)) }
        guard let rand = message.rand else { throw .missingPayload("RAND") }
        guard rand.value.count >= policy.minimumRandCount else { throw .unsupportedValue(field: "RAND len", value: rand.value.count) }
        guard let sakke = message.sakke else { throw .missingPayload("SAKKE") }
        guard sakke.parameterSet == 1 else { throw .unsupportedValue(field: "SAKKE params", value: Int(sakke.parameterSet)) }
        guard let signature = message.signature else { throw .missingPayload("SIGN") }
        guard signature.signatureType == SignaturePayload.eccsiType else {
            throw .unsupportedValue(field: "S type", value: Int(signature.signatureType))
        }
        let skew = Int64(time.seconds) - Int64(now.seconds)
        guard skew.magnitude <= UInt64(policy.allowedClockSkew) else { throw .staleTimestamp(secondsFromNow: skew) }

        let period = try derivation { try keyPeriod.number(at: time) }
        guard period == keyPeriodNumber else { throw .keyPeriodMismatch(key: keyPeriodNumber, message: period) }
        if let responder = message.identity(.responder) {
            guard responder.data == Array(party.uri.utf8) else { throw .notForThisReceiver }
        } else if let responderUID = message.identity(.responderUID) {
            guard responderUID.data == receiverKey.identifier else { throw .notForThisReceiver }
        } else {
            throw .missingPayload("IDRr or IDRuidr")
        }
        if let responderKMS = message.identity(.responderKMS), responderKMS.data != Array(party.kmsURI.utf8) {
            throw .notForThisReceiver
        }

        guard let kmsURI = message.identity(.initiatorKMS)?.text else { throw .missingPayload("IDRkmsi") }
        guard let verifier = trustedKMS[kmsURI] else { throw .unknownKMS(kmsURI) }
        let initiatorPeriod = trustedKMSKeyPeriods[kmsURI] ?? keyPeriod
        let confirmedURI: String?
        let initiatorUID: [UInt8]
        if let initiator = message.identity(.initiator) {
            guard let uri = initiator.text else { throw .unsupportedValue(field: "IDRi", value: initiator.data.count) }
            if let initiatorURI, initiatorURI != uri { throw .initiatorMismatch }
            confirmedURI = uri
            initiatorUID = try derivation { try MikeySakkeUID.uid(identifier: uri, kmsIdentifier: kmsURI, keyPeriod: initiatorPeriod, at: time) }
        } else if let hidden = message.identity(.initiatorUID) {
            if let initiatorURI {
                let uid = try derivation {
                    try MikeySakkeUID.uid(identifier: initiatorURI, kmsIdentifier: kmsURI, keyPeriod: initiatorPeriod, at: time)
                }
                guard uid == hidden.data else { throw .initiatorMismatch }
                confirmedURI = initiatorURI
            } else {
                guard policy.acceptsUnconfirmedInitiator else { throw .initiatorUnconfirmed }
                confirmedURI = nil
            }
            initiatorUID = hidden.data
        } else {
            throw .missingPayload("IDRi or IDRuidi")
        }

        do {
            try verifier.verify(signature.signature, for: message.signedOctets, signer: initiatorUID)
        } catch {
            throw .authenticationFailure
        }
        let key: SecretBytes
        do { key = try receiverKey.decapsulate(sakke.data) } catch { throw .authenticationFailure }
        let csbID: KeyIdentifier
        do { csbID = try KeyIdentifier(rawValue: message.header.csbID) } catch {
            throw .unsupportedValue(field: "CSB ID", value: Int(message.header.csbID))
        }
        let keyIdentifier = csbID.purpose.usesEndPointDiversity
            ? try derivation { try csbID.keyIdentifier(fromUserKeyIdentifierWith: key, userIdentifier: party.uri) } : csbID
        if let replayCache {
            guard replayCache.insert(message.signedOctets, seconds: time.seconds, now: now.seconds, skew: policy.allowedClockSkew) else {
                throw .replayed
            }
        }
        return ReceivedKey(
            key: key, keyIdentifier: keyIdentifier, csbID: message.header.csbID, rand: rand.value, time: time,
            initiatorURI: confirmedURI, initiatorKMSURI: kmsURI, initiatorUID: initiatorUID)
    }

    private func derivation<Result>(_ body: () throws -> Result) throws(MikeySakkeError) -> Result {
        do { return try body() } catch { throw .invalidArgument("key derivation: \(error)") }
    }
}
