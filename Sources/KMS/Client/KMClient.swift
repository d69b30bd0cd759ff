import Foundation
import KeyDerivation

/// A key management client (TS 33.180 §5.3): the home KMS's certificate and
/// those of external KMSs, and the user's key sets by key period, each
/// checked when it arrives and kept prepared.
///
/// It answers "which UID and keys for URI U at time T": ``keys(at:)`` picks
/// the key set of the period at T, so it rolls over at the exact period
/// boundary; ``uid(of:kmsURI:at:)`` computes another user's UID under its
/// KMS's certificate. A response is applied whole or not at all.
public struct KMClient: Sendable {
    /// The user's URI (`UserUri`).
    public let userURI: String
    /// The home KMS's root certificate.
    public private(set) var homeCertificate: ValidatedKMSCertificate
    /// External KMSs' certificates, by KMS URI.
    public private(set) var externalCertificates: [String: ValidatedKMSCertificate] = [:]
    /// The TrK and InK shared with the KMS (the reader verifies and unwraps with them).
    public private(set) var reader: KMSResponseReader
    private var keySets: [UInt64: PreparedUserKeys] = [:]

    /// A client of `userURI` trusting `homeCertificate` (checked at `time`).
    ///
    /// - Throws: ``KMSError`` when the certificate is not a valid root certificate.
    public init(userURI: String, homeCertificate: KMSCertificate, at time: Date, reader: KMSResponseReader = KMSResponseReader()) throws(KMSError) {
        guard homeCertificate.role == .root else { throw KMSError.invalidValue("Role") }
        self.userURI = userURI
        self.homeCertificate = try homeCertificate.validated(at: time)
        self.reader = reader
    }

    /// The key periods the client holds keys for, in order.
    public var keyPeriodNumbers: [UInt64] { keySets.keys.sorted() }

    /// The keys of the key period at `time`.
    ///
    /// - Throws: ``KMSError/noKeySet(_:)`` when none was provisioned for that
    ///   period, ``KMSError/outsideValidity`` when it or the home certificate
    ///   is not valid at `time`, ``KMSError/revoked``,
    ///   ``KMSError/timeBeforeFirstKeyPeriod``.
    public func keys(at time: Date) throws(KMSError) -> PreparedUserKeys {
        let period = try certificate(of: homeCertificate.kmsURI, at: time).periodNumber(at: time)
        guard let keys = keySets[period] else { throw KMSError.noKeySet(period) }
        guard KMSCertificate.isWithin(time, from: keys.keys.validFrom, to: keys.keys.validTo) else {
            throw KMSError.outsideValidity
        }
        return keys
    }

    /// The UID of `uri` at `time` under the KMS `kmsURI` (the home KMS by default).
    ///
    /// - Throws: ``KMSError/unknownKMS(_:)`` for a KMS whose certificate the client does not hold.
    public func uid(of uri: String, kmsURI: String? = nil, at time: Date) throws(KMSError) -> [UInt8] {
        let certificate = try self.certificate(of: kmsURI ?? homeCertificate.kmsURI, at: time)
        return try certificate.uid(of: uri, periodNumber: certificate.periodNumber(at: time))
    }

    /// The certificate of the KMS `kmsURI`, which must be valid at `time`
    /// (certificates are checked when they arrive, and again at each use).
    ///
    /// - Throws: ``KMSError/unknownKMS(_:)``, ``KMSError/outsideValidity``, ``KMSError/revoked``.
    public func certificate(of kmsURI: String, at time: Date) throws(KMSError) -> ValidatedKMSCertificate {
        let found = kmsURI == homeCertificate.kmsURI ? homeCertificate : externalCertificates[kmsURI]
        guard let certificate = found else { throw KMSError.unknownKMS(kmsURI) }
        guard !certificate.certificate.isRevoked else { throw KMSError.revoked }
        guard certificate.certificate.isValid(at: time) else { throw KMSError.outsideValidity }
        return certificate
    }

    /// Applies a `KmsKeyProv` response: every key set is checked under the
    /// home certificate (``ProvisionedUserKeys``; a key set of a future
    /// period as of its `ValidFrom`), and a new TrK/InK is
    /// unwrapped; then all are stored (a key set replaces the one of its period).
    ///
    /// - Returns: the key periods received.
    /// - Throws: ``KMSError``; nothing is stored then.
    @discardableResult
    public mutating func acceptKeyProvision(_ document: some Collection<UInt8>, requestURL: String? = nil, now: Date) throws(KMSError) -> [UInt64] {
        let response = try read(document, requestURL: requestURL, now: now)
        guard case .keyProvision(let provision) = response.message else { throw KMSError.unexpectedElement("KmsMessage") }
        let keys = try provision.keySets.map { keySet throws(KMSError) in
            // ``keys(at:)`` checks the validity again at each use.
            PreparedUserKeys(
                try keySet.validatedOnReceipt(under: homeCertificate, userURI: userURI, receivedAt: now, transportKeys: reader.securityKeys))
        }
        let newKeys = try carriedKeys(provision.newTransportKey, provision.newIntegrityKey)
        for key in keys { keySets[key.keyPeriodNumber] = key }
        adopt(newKeys)
        return keys.map(\.keyPeriodNumber)
    }

    /// Applies a `KmsInit` response: its root certificate must be the home
    /// KMS's (same KMS URI) and valid now; it replaces the home certificate,
    /// and a new TrK/InK is adopted. When the new certificate changes Z_T,
    /// KPAK or the key periods, the key sets held (checked under the old one)
    /// are dropped: the client asks for new ones.
    ///
    /// - Throws: ``KMSError``; nothing changes then.
    public mutating func acceptInit(_ document: some Collection<UInt8>, requestURL: String? = nil, now: Date) throws(KMSError) {
        let response = try read(document, requestURL: requestURL, now: now)
        guard case .initialization(let content) = response.message else { throw KMSError.unexpectedElement("KmsMessage") }
        guard content.certificate.role == .root, content.certificate.kmsURI == homeCertificate.kmsURI else { throw KMSError.kmsMismatch }
        let certificate = try content.certificate.validated(at: now)
        let newKeys = try carriedKeys(content.newTransportKey, content.newIntegrityKey)
        let old = homeCertificate.certificate, new = certificate.certificate
        if old.pubEncKey != new.pubEncKey || old.pubAuthKey != new.pubAuthKey || old.userKeyPeriod != new.userKeyPeriod
            || old.userKeyOffset != new.userKeyOffset
        {
            keySets = [:]
        }
        homeCertificate = certificate
        adopt(newKeys)
    }

    /// Applies a `KmsCertCache` response: every external certificate valid
    /// now is stored by its KMS URI; one that is not valid is skipped.
    ///
    /// - Returns: the KMS URIs stored.
    /// - Throws: ``KMSError`` for the document; nothing changes then.
    @discardableResult
    public mutating func acceptCertificateCache(_ document: some Collection<UInt8>, requestURL: String? = nil, now: Date) throws(KMSError)
        -> [String]
    {
        let response = try read(document, requestURL: requestURL, now: now)
        guard case .certificateCache(let cache) = response.message else { throw KMSError.unexpectedElement("KmsMessage") }
        let valid = cache.certificates.compactMap { try? $0.validated(at: now) }.filter { $0.kmsURI != homeCertificate.kmsURI }
        for certificate in valid { externalCertificates[certificate.kmsURI] = certificate }
        return valid.map(\.kmsURI)
    }

    /// Forgets the key sets of periods before the one at `time`.
    public mutating func discardKeySets(before time: Date) {
        guard let period = try? homeCertificate.periodNumber(at: time) else { return }
        keySets = keySets.filter { $0.key >= period }
    }

    private func read(_ document: some Collection<UInt8>, requestURL: String?, now: Date) throws(KMSError) -> KMSResponse {
        let response = try reader.read(document, requestURL: requestURL, now: now)
        guard response.kmsURI == homeCertificate.kmsURI else { throw KMSError.kmsMismatch }
        guard response.userURI == userURI else { throw KMSError.userURIMismatch }
        return response
    }

    /// A new TrK and InK carried by a response, unwrapped with the key each names.
    private struct CarriedKeys {
        var transportKey: SecurityKey?
        var integrityKey: SecurityKey?
        /// The names of the keys that wrapped them: the TrK in use.
        var wrappingKeyNames: Set<String> = []
    }

    private func carriedKeys(_ transport: EncryptedKey?, _ integrity: EncryptedKey?) throws(KMSError) -> CarriedKeys {
        func unwrap(_ encrypted: EncryptedKey?) throws(KMSError) -> SecurityKey? {
            guard let encrypted else { return nil }
            guard let name = encrypted.carriedKeyName else { throw KMSError.missingElement("CarriedKeyName") }
            return try SecurityKey(name: name, bytes: KeyWrapping.unwrap(encrypted, as: .octets, with: reader.securityKeys))
        }
        return CarriedKeys(
            transportKey: try unwrap(transport), integrityKey: try unwrap(integrity),
            wrappingKeyNames: Set([transport, integrity].compactMap { $0?.keyName }))
    }

    /// Adopts new keys as replacements (TS 33.180 §5.3: a new TrK is sent "to
    /// replace existing TrK"): a new TrK retires the key that wrapped it (the
    /// TrK in use), so a leaked earlier TrK stops working; a new InK retires
    /// every other key but the TrK in use (the old InK).
    private mutating func adopt(_ carried: CarriedKeys) {
        var keys = reader.securityKeys
        if carried.integrityKey != nil { keys = keys.filter { carried.wrappingKeyNames.contains($0.name) } }
        if carried.transportKey != nil { keys = keys.filter { !carried.wrappingKeyNames.contains($0.name) } }
        let new = [carried.transportKey, carried.integrityKey].compactMap { $0 }
        let names = Set(new.map(\.name))
        reader.securityKeys = keys.filter { !names.contains($0.name) } + new
    }
}
