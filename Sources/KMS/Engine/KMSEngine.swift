import ECCSI
import Foundation
import KeyDerivation
import Octets
import SAKKE

/// A KMS (TS 33.180 §5.3): from its master secrets, its root certificate
/// (D.3.2) and, for a user URI and a time, the user's key sets (D.3.3) for
/// that key period and the next, so that a client rolls over at the period
/// boundary without a gap. Issues many users' key sets on every core.
///
/// Each key set carries the F.2.1 UID of the user in its period; its SSK/PVT
/// come from RFC 6507 §5.1.1 with a fresh v, its RSK from RFC 6508 §6.1.1.
public struct KMSEngine: Sendable {
    /// The root certificate the engine issues under.
    public let certificate: KMSCertificate
    /// The certificate's key periods.
    public let keyPeriod: KeyPeriod
    let secrets: KMSMasterSecrets

    /// A KMS with a new root certificate for `secrets`.
    ///
    /// - Parameters:
    ///   - secrets: the KMS's master secrets.
    ///   - kmsURI: the KMS URI (`KmsUri`, the UIDs' KMS identifier).
    ///   - certURI: the certificate's URI.
    ///   - issuer: `Issuer`.
    ///   - keyPeriod: `UserKeyPeriod` and `UserKeyOffset`.
    ///   - validFrom: `ValidFrom`.
    ///   - validTo: `ValidTo`.
    ///   - domains: `KmsDomainList`.
    /// - Throws: ``KMSError/unwritableValue(_:)`` for a KMS URI XML cannot
    ///   carry, or a `validFrom`/`validTo` outside the years 1900 … 9999 or in
    ///   the wrong order.
    public init(
        secrets: KMSMasterSecrets, kmsURI: String, certURI: String? = nil, issuer: String? = nil, keyPeriod: KeyPeriod,
        validFrom: Date? = nil, validTo: Date? = nil, domains: [String] = []
    ) throws(KMSError) {
        let certificate = KMSCertificate(
            role: .root, certURI: certURI, kmsURI: kmsURI, issuer: issuer, validFrom: validFrom, validTo: validTo,
            userKeyPeriod: keyPeriod.length, userKeyOffset: keyPeriod.offset, pubEncKey: secrets.sakke.zt.encoded,
            pubAuthKey: secrets.eccsi.kpak.encoded, domains: domains)
        for (name, date) in [("ValidFrom", validFrom), ("ValidTo", validTo)] {
            if let date, !XMLDateTime.isReadable(date) { throw KMSError.unwritableValue(name) }
        }
        // Read back as a client reads it.
        do { _ = try KMSCertificate(xml: certificate.xml()) } catch { throw KMSError.unwritableValue("KmsCertificate") }
        self.certificate = certificate
        self.keyPeriod = keyPeriod
        self.secrets = secrets
    }

    /// A KMS for an existing certificate and its secrets.
    ///
    /// - Throws: ``KMSError/invalidMasterSecrets`` when the certificate's
    ///   Z_T and KPAK are not the secrets' public keys, ``KMSError/invalidKeyPeriod``.
    public init(secrets: KMSMasterSecrets, certificate: KMSCertificate) throws(KMSError) {
        guard certificate.pubEncKey == secrets.sakke.zt.encoded, certificate.pubAuthKey == secrets.eccsi.kpak.encoded else {
            throw KMSError.invalidMasterSecrets
        }
        guard let keyPeriod = try? KeyPeriod(length: certificate.userKeyPeriod, offset: certificate.userKeyOffset) else {
            throw KMSError.invalidKeyPeriod
        }
        self.certificate = certificate
        self.keyPeriod = keyPeriod
        self.secrets = secrets
    }

    /// The engine's master secrets wrapped with `key` (``KMSMasterSecrets/wrapped(with:)``).
    public func wrappedSecrets(with key: SecurityKey) -> [UInt8] { secrets.wrapped(with: key) }

    /// The key-period number at `time`.
    ///
    /// - Throws: ``KMSError/timeBeforeFirstKeyPeriod``.
    public func periodNumber(at time: Date) throws(KMSError) -> UInt64 {
        do { return try keyPeriod.number(at: time) } catch { throw KMSError.timeBeforeFirstKeyPeriod }
    }

    /// Issues `userURI`'s keys for period `periodNumber`.
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)`` for a URI over 65 535
    ///   octets, ``KMSError/degenerateIdentifier`` for the (negligibly rare)
    ///   UID with a + z ≡ 0 mod q.
    public func issueKeySet(for userURI: String, periodNumber: UInt64) throws(KMSError) -> IssuedKeySet {
        let uid = try uid(of: userURI, periodNumber: periodNumber)
        let rsk: SAKKE.ReceiverSecretKey
        do { rsk = try secrets.sakke.receiverSecretKey(for: uid) } catch { throw KMSError.degenerateIdentifier }
        return keySet(of: userURI, uid: uid, periodNumber: periodNumber, receiverSecretKey: rsk)
    }

    /// The F.2.1 UID of `userURI` in period `periodNumber`.
    private func uid(of userURI: String, periodNumber: UInt64) throws(KMSError) -> [UInt8] {
        // The period and the next must end within UInt64 NTP seconds and before 10000-01-01.
        let periods = (UInt64.max - keyPeriod.offset) / keyPeriod.length
        guard periods >= 2, periodNumber <= periods - 2, XMLDateTime.isReadable(keyPeriod.end(ofPeriod: periodNumber + 1)) else {
            throw KMSError.invalidKeyPeriod
        }
        do {
            return try MikeySakkeUID.uid(
                identifier: userURI, kmsIdentifier: certificate.kmsURI, keyPeriod: keyPeriod, periodNumber: periodNumber)
        } catch { throw KMSError.unwritableValue("UserUri") }
    }

    /// The key set of a UID whose RSK is issued: new SSK and PVT, the period's bounds.
    private func keySet(
        of userURI: String, uid: [UInt8], periodNumber: UInt64, receiverSecretKey: SAKKE.ReceiverSecretKey
    ) -> IssuedKeySet {
        IssuedKeySet(
            userURI: userURI, uid: uid, keyPeriodNumber: periodNumber, validFrom: keyPeriod.start(ofPeriod: periodNumber),
            validTo: keyPeriod.end(ofPeriod: periodNumber).addingTimeInterval(-1), userKeys: secrets.eccsi.issueUserKeys(for: uid),
            receiverSecretKey: receiverSecretKey)
    }

    /// `userURI`'s key sets for the period at `time` and the next.
    ///
    /// - Throws: as ``issueKeySet(for:periodNumber:)``, ``KMSError/timeBeforeFirstKeyPeriod``.
    public func issueKeySets(for userURI: String, at time: Date) throws(KMSError) -> [IssuedKeySet] {
        let period = try periodNumber(at: time)
        return [try issueKeySet(for: userURI, periodNumber: period), try issueKeySet(for: userURI, periodNumber: period + 1)]
    }

    /// Many users' keys for one period, on `tasks` tasks (every core by
    /// default), in the users' order. Users go in batches of
    /// ``issueBatchSize``, whose RSKs are computed together
    /// (`SAKKE.KMSKeyPair.receiverSecretKeys(for:)`): 0.47 ms a user on one
    /// core against 0.64 ms for ``issueKeySet(for:periodNumber:)`` alone
    /// (Docs/Performance.md).
    public func issueKeySets(
        for userURIs: [String], periodNumber: UInt64, tasks: Int = ProcessInfo.processInfo.activeProcessorCount
    ) async -> [Result<IssuedKeySet, KMSError>] {
        let batches = stride(from: 0, to: userURIs.count, by: Self.issueBatchSize).map { start in
            Array(userURIs[start ..< min(start + Self.issueBatchSize, userURIs.count)])
        }
        return await ParallelWork.map(batches, tasks: tasks) { _, batch in issueBatch(batch, periodNumber: periodNumber) }.flatMap { $0 }
    }

    /// Users per batch of ``issueKeySets(for:periodNumber:tasks:)``: large
    /// enough that the batch's shared inversions cost little per user.
    public static let issueBatchSize = 32

    /// One batch of ``issueKeySets(for:periodNumber:tasks:)``. When a UID of
    /// the batch is degenerate (a + z ≡ 0 mod q, negligibly rare), each user
    /// is issued alone, so that the error is that user's only.
    private func issueBatch(_ userURIs: [String], periodNumber: UInt64) -> [Result<IssuedKeySet, KMSError>] {
        let uids = userURIs.map { uri in Result { () throws(KMSError) in try uid(of: uri, periodNumber: periodNumber) } }
        let issuable = uids.compactMap { uid in try? uid.get() }
        let rsks: [SAKKE.ReceiverSecretKey]
        do { rsks = try secrets.sakke.receiverSecretKeys(for: issuable) } catch {
            return userURIs.map { uri in Result { () throws(KMSError) in try issueKeySet(for: uri, periodNumber: periodNumber) } }
        }
        var next = 0
        return zip(userURIs, uids).map { uri, uid in
            uid.map { uid in
                defer { next += 1 }
                return keySet(of: uri, uid: uid, periodNumber: periodNumber, receiverSecretKey: rsks[next])
            }
        }
    }

    /// The `KmsInit` response (D.3.4.1): the root certificate and, with a
    /// TrK, a new TrK and InK wrapped with it; signed with `transportKey` when given.
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)``.
    public func initResponse(
        userURI: String, time: Date, requestURL: String, transportKey: SecurityKey? = nil, newTransportKey: SecurityKey? = nil,
        newIntegrityKey: SecurityKey? = nil
    ) throws(KMSError) -> [UInt8] {
        let message = KMSInit(
            certificate: certificate,
            newTransportKey: try transportKey.flatMap { key throws(KMSError) in try newTransportKey.map { new throws(KMSError) in try Self.carry(new, with: key) } },
            newIntegrityKey: try transportKey.flatMap { key throws(KMSError) in try newIntegrityKey.map { new throws(KMSError) in try Self.carry(new, with: key) } })
        let response = KMSResponse(
            kmsURI: certificate.kmsURI, userURI: userURI, time: time, clientRequestURL: requestURL, message: .initialization(message))
        return try response.xml(signedWith: transportKey)
    }

    /// The `KmsKeyProv` response (D.3.4.2) for `userURI` at `time`: the key
    /// sets of this period and the next, wrapped with `transportKey` when
    /// given, and the document signed with `integrityKey` (or else the TrK)
    /// when either is given.
    ///
    /// - Throws: as ``issueKeySets(for:at:)``.
    public func keyProvisionResponse(
        userURI: String, time: Date, requestURL: String, transportKey: SecurityKey? = nil, integrityKey: SecurityKey? = nil
    ) throws(KMSError) -> [UInt8] {
        let keySets = try issueKeySets(for: userURI, at: time).map { issued throws(KMSError) in
            try issued.keySet(under: certificate, transportKey: transportKey)
        }
        let response = KMSResponse(
            kmsURI: certificate.kmsURI, userURI: userURI, time: time, clientRequestURL: requestURL,
            message: .keyProvision(KMSKeyProvision(keySets: keySets)))
        return try response.xml(signedWith: integrityKey ?? transportKey)
    }

    /// A new key wrapped with the TrK, naming itself as the carried key.
    private static func carry(_ new: SecurityKey, with transportKey: SecurityKey) throws(KMSError) -> EncryptedKey {
        try KeyWrapping.wrap(new.bytes, as: .octets, with: transportKey, carriedKeyName: new.name)
    }
}
