import ECCSI
import KeyDerivation
import MIKEY
import Octets
import SAKKE

/// The receiver's side of RFC 6509 §5: checks an I_MESSAGE and recovers its
/// key. In order: the format; the header (data type 26, V = 0,
/// PRF-HMAC-SHA-256); the timestamp against the clock; the key period of T
/// against the receiver's key; the addressee (IDRr, or the UID in IDRuidr; or,
/// for a message carrying SAKKE-to-self, the initiator itself, E.5); the initiator's UID
/// (from IDRi, or the URI the SIP layer gives, checked against IDRuidi) and
/// its KMS; the key's purpose and, when the policy restricts it, who may send
/// it; the crypto sessions and policies (Annex E); the ECCSI signature
/// over the signed octets; the SAKKE payload; the key parameters (E.6); the
/// replay cache. A message that fails any check yields no key.
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
    /// ``receiverKey`` with its pairing lines and [b]P + Z_T table, when prepared.
    private let preparedKey: SAKKE.PreparedReceiver?

    /// - Parameters:
    ///   - party: this receiver's URI and KMS URI.
    ///   - keyPeriod: the key period of this receiver's KMS.
    ///   - keyPeriodNumber: the period `receiverKey` is for.
    ///   - receiverKey: the validated SAKKE key of this party's UID in that period.
    ///   - trustedKMS: the KPAKs of the initiators' KMSs, by KMS URI (IDRkmsi).
    ///   - trustedKMSKeyPeriods: their key periods, where they differ from ours.
    ///   - policy: what is accepted.
    ///   - replayCache: the replay cache; nil turns replay detection off.
    ///   - preparesReceiverKey: precompute the RSK's pairing lines and
    ///     the [b]P + Z_T table once (tens of milliseconds), so that each message
    ///     decapsulates in about a quarter of the cold time: for a receiver that
    ///     lives for its key period.
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` when `receiverKey` is not
    ///   the UID of `party` in period `keyPeriodNumber`.
    public init(
        party: IMessageParty, keyPeriod: KeyPeriod, keyPeriodNumber: UInt64, receiverKey: SAKKE.ReceiverKey,
        trustedKMS: [String: ECCSI.Verifier], trustedKMSKeyPeriods: [String: KeyPeriod] = [:],
        policy: IMessagePolicy = IMessagePolicy(), replayCache: ReplayCache? = ReplayCache(), preparesReceiverKey: Bool = false
    ) throws {
        try self.init(
            party: party, keyPeriod: keyPeriod, keyPeriodNumber: keyPeriodNumber, receiverKey: receiverKey,
            preparedKey: preparesReceiverKey ? SAKKE.PreparedReceiver(receiverKey) : nil, trustedKMS: trustedKMS,
            trustedKMSKeyPeriods: trustedKMSKeyPeriods, policy: policy, replayCache: replayCache)
    }

    /// A receiver of a key already prepared (a KM client keeps one per key
    /// period: `KMS.PreparedUserKeys`), so that no receiver pays the
    /// precomputation again.
    ///
    /// - Parameters:
    ///   - party: this receiver's URI and KMS URI.
    ///   - keyPeriod: the key periods of its KMS.
    ///   - keyPeriodNumber: the period the key is for.
    ///   - preparedReceiverKey: the prepared SAKKE key of this party's UID in that period.
    ///   - trustedKMS: the KPAKs of the initiators' KMSs, by KMS URI (IDRkmsi).
    ///   - trustedKMSKeyPeriods: their key periods, where they differ from ours.
    ///   - policy: what is accepted.
    ///   - replayCache: the replay cache; nil turns replay detection off.
    /// - Throws: ``MikeySakkeError/invalidArgument(_:)`` when the key is not
    ///   the UID of `party` in period `keyPeriodNumber`.
    public init(
        party: IMessageParty, keyPeriod: KeyPeriod, keyPeriodNumber: UInt64, preparedReceiverKey: SAKKE.PreparedReceiver,
        trustedKMS: [String: ECCSI.Verifier], trustedKMSKeyPeriods: [String: KeyPeriod] = [:],
        policy: IMessagePolicy = IMessagePolicy(), replayCache: ReplayCache? = ReplayCache()
    ) throws {
        try self.init(
            party: party, keyPeriod: keyPeriod, keyPeriodNumber: keyPeriodNumber, receiverKey: preparedReceiverKey.key,
            preparedKey: preparedReceiverKey, trustedKMS: trustedKMS, trustedKMSKeyPeriods: trustedKMSKeyPeriods, policy: policy,
            replayCache: replayCache)
    }

    private init(
        party: IMessageParty, keyPeriod: KeyPeriod, keyPeriodNumber: UInt64, receiverKey: SAKKE.ReceiverKey,
        preparedKey: SAKKE.PreparedReceiver?, trustedKMS: [String: ECCSI.Verifier], trustedKMSKeyPeriods: [String: KeyPeriod],
        policy: IMessagePolicy, replayCache: ReplayCache?
    ) throws {
        let uid = try MikeySakkeUID.uid(
            identifier: party.uri, kmsIdentifier: party.kmsURI, keyPeriod: keyPeriod, periodNumber: keyPeriodNumber)
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
        self.preparedKey = preparedKey
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
        let (time, rand, signature) = try checkStructure(of: message, now: now)
        let period = try derivation { try keyPeriod.number(at: time) }
        guard period == keyPeriodNumber else { throw .keyPeriodMismatch(key: keyPeriodNumber, message: period) }
        let sakke = try sakkePayload(for: message)

        guard let kmsURI = message.identity(.initiatorKMS)?.text else { throw .missingPayload("IDRkmsi") }
        guard let verifier = trustedKMS[kmsURI] else { throw .unknownKMS(kmsURI) }
        let (confirmedURI, initiatorUID) = try initiator(of: message, kmsURI: kmsURI, time: time, given: initiatorURI)
        let csbID: KeyIdentifier
        do { csbID = try KeyIdentifier(rawValue: message.header.csbID) } catch {
            throw .unsupportedValue(field: "CSB ID", value: Int(message.header.csbID))
        }
        let sessions = try Self.sessions(of: message, purpose: csbID.purpose)
        if let allowed = policy.authorizedInitiators[csbID.purpose] {
            guard let confirmedURI, allowed.contains(confirmedURI) else { throw .unauthorizedInitiator(purpose: csbID.purpose) }
        }

        do {
            try verifier.verify(signature.signature, for: message.signedOctets, signer: initiatorUID)
        } catch {
            guard policy.acceptsSignatureWithoutHeader,
                  (try? verifier.verify(
                      signature.signature, for: message.signedOctets.dropLast(SignaturePayload.headerCount), signer: initiatorUID)) != nil
            else { throw .authenticationFailure }
        }
        let key: SecretBytes
        do {
            key = try preparedKey.map { try $0.decapsulate(sakke.data) } ?? receiverKey.decapsulate(sakke.data)
        } catch { throw .authenticationFailure }
        let keyIdentifier = try keyIdentifier(csbID, key: key, message: message)
        let parameters = try keyParameters(of: message, key: key, csbID: csbID, time: time, now: now)
        if let replayCache {
            guard replayCache.insert(
                message.signedOctets, receiver: receiverKey.identifier, seconds: time.seconds, now: now.seconds, skew: policy.allowedClockSkew)
            else {
                throw .replayed
            }
        }
        return ReceivedKey(
            key: key, keyIdentifier: keyIdentifier, csbID: message.header.csbID, rand: rand, time: time,
            initiatorURI: confirmedURI, initiatorKMSURI: kmsURI, initiatorUID: initiatorUID, sessions: sessions, keyParameters: parameters)
    }

    /// The header, the mandatory payloads and the clock (E.1.2, RFC 3830 §5.4).
    private func checkStructure(of message: IMessage, now: NTPTimestamp) throws(MikeySakkeError)
        -> (time: NTPTimestamp, rand: [UInt8], signature: SignaturePayload)
    {
        guard message.header.dataType == .sakkeMessage else {
            throw .unsupportedHeader(field: "data type", value: Int(message.header.dataType.rawValue))
        }
        guard message.header.prf == .hmacSHA256 else { throw .unsupportedHeader(field: "PRF func", value: Int(message.header.prf.rawValue)) }
        guard !message.header.verificationRequested else { throw .unsupportedHeader(field: "V", value: 1) }
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
        return (time, rand.value, signature)
    }

    /// The SAKKE payload meant for this receiver: the message's own when IDRr
    /// (or IDRuidr) and IDRkmsr name it; the SAKKE-to-self extension's when
    /// IDRi (or IDRuidi) and IDRkmsi name it (E.5: another device of the initiator).
    private func sakkePayload(for message: IMessage) throws(MikeySakkeError) -> SAKKEPayload {
        for (plain, hidden, name) in [(IdentityRole.initiator, IdentityRole.initiatorUID, "IDRi and IDRuidi"), (.responder, .responderUID, "IDRr and IDRuidr")]
        where message.identity(plain) != nil && message.identity(hidden) != nil {
            // E.7: the UID form replaces the URI form; both would let two readers see two identities.
            throw .unsupportedValue(field: name, value: 2)
        }
        guard message.identity(.responderKMS) != nil else { throw .missingPayload("IDRkmsr") }
        let ownURI = Array(party.uri.utf8), ownKMS = Array(party.kmsURI.utf8)
        func names(_ role: IdentityRole, _ hidden: IdentityRole, _ kms: IdentityRole) -> Bool? {
            let named = message.identity(role).map { $0.data == ownURI } ?? message.identity(hidden).map { $0.data == receiverKey.identifier }
            return named.map { $0 && message.identity(kms)?.data == ownKMS }
        }
        guard let forResponder = names(.responder, .responderUID, .responderKMS) else { throw .missingPayload("IDRr or IDRuidr") }
        if forResponder, let sakke = message.sakke { return sakke }
        guard names(.initiator, .initiatorUID, .initiatorKMS) == true, let toSelf = message.generalExtension(.sakkeToSelf) else {
            throw .notForThisReceiver
        }
        let sakke: SAKKEPayload
        do { sakke = try toSelf.sakkeToSelf() } catch { throw .malformed(error) }
        guard sakke.parameterSet == 1 else { throw .unsupportedValue(field: "SAKKE params", value: Int(sakke.parameterSet)) }
        return sakke
    }

    /// The initiator's confirmed URI (nil when hidden and accepted unconfirmed) and its UID.
    private func initiator(of message: IMessage, kmsURI: String, time: NTPTimestamp, given: String?) throws(MikeySakkeError)
        -> (uri: String?, uid: [UInt8])
    {
        let period = trustedKMSKeyPeriods[kmsURI] ?? keyPeriod
        func uid(_ uri: String) throws(MikeySakkeError) -> [UInt8] {
            try derivation { try MikeySakkeUID.uid(identifier: uri, kmsIdentifier: kmsURI, keyPeriod: period, at: time) }
        }
        if let initiator = message.identity(.initiator) {
            guard let uri = initiator.text else { throw .unsupportedValue(field: "IDRi", value: initiator.data.count) }
            if let given, given != uri { throw .initiatorMismatch }
            return (uri, try uid(uri))
        }
        guard let hidden = message.identity(.initiatorUID) else { throw .missingPayload("IDRi or IDRuidi") }
        if let given {
            guard try uid(given) == hidden.data else { throw .initiatorMismatch }
            return (given, hidden.data)
        }
        guard policy.acceptsUnconfirmedInitiator else { throw .initiatorUnconfirmed }
        return (nil, hidden.data)
    }

    /// The crypto sessions the message sets up under the Annex E rules of the
    /// key's purpose, each with its SRTP settings.
    private static func sessions(of message: IMessage, purpose: KeyPurpose) throws(MikeySakkeError)
        -> [CryptoSessionID: SRTPSessionSettings]
    {
        guard let profile = AnnexEProfile(purpose: purpose) else {
            throw .unsupportedValue(field: "CSB ID purpose", value: Int(purpose.rawValue))
        }
        let sessions: [CryptoSessionID: [SecurityPolicyParameter]]
        do { sessions = try profile.sessions(of: message) } catch { throw .malformed(error) }
        var spis: [UInt8: [UInt8]] = [:]
        if case .genericID(let entries) = message.header.cryptoSessions {
            for entry in entries { spis[entry.csID] = entry.spi }
        }
        var settings: [CryptoSessionID: SRTPSessionSettings] = [:]
        for (session, parameters) in sessions {
            settings[session] = try SRTPSessionSettings(parameters: parameters, spi: spis[session.rawValue] ?? [])
        }
        return settings
    }

    /// The key's identifier: the CSB ID, or for a GMK the GMK-ID behind the
    /// GUK-ID, which was made with the responder's URI (F.1.3).
    private func keyIdentifier(_ csbID: KeyIdentifier, key: SecretBytes, message: IMessage) throws(MikeySakkeError) -> KeyIdentifier {
        guard csbID.purpose.usesEndPointDiversity else { return csbID }
        let responderURI: String
        if message.identity(.responder) == nil, message.identity(.responderUID) != nil {
            guard message.identity(.responderUID)?.data == receiverKey.identifier else { throw .missingPayload("IDRr") }
            responderURI = party.uri
        } else {
            guard let uri = message.identity(.responder)?.text else { throw .missingPayload("IDRr") }
            responderURI = uri
        }
        return try derivation { try csbID.keyIdentifier(fromUserKeyIdentifierWith: key, userIdentifier: responderURI) }
    }

    /// The key parameters (E.6), decrypted under the key and checked: not
    /// revoked, not expired, of the type the CSB ID's purpose says.
    private func keyParameters(of message: IMessage, key: SecretBytes, csbID: KeyIdentifier, time: NTPTimestamp, now: NTPTimestamp)
        throws(MikeySakkeError) -> KeyParameters?
    {
        guard let payload = message.generalExtension(.keyParameters) else { return nil }
        let parameters: KeyParameters
        do { parameters = try KeyParameters(opening: payload, key: key, csbID: csbID) } catch .unauthenticated {
            throw .authenticationFailure
        } catch { throw .malformed(error) }
        guard parameters.keyType == csbID.purpose.rawValue else {
            throw .keyTypeMismatch(keyType: parameters.keyType, purpose: csbID.purpose)
        }
        guard !parameters.status.isRevoked else { throw .keyRevoked }
        let unixNow = now.unixSeconds
        if parameters.expiryTime != 0, parameters.expiryTime <= unixNow { throw .keyExpired(expiry: parameters.expiryTime) }
        return parameters
    }

    /// A derivation from the message's values (its time's key period, a UID,
    /// the GUK-ID) that failed: the message is the cause.
    private func derivation<Result>(_ body: () throws -> Result) throws(MikeySakkeError) -> Result {
        do { return try body() } catch { throw .underivable("\(error)") }
    }
}
