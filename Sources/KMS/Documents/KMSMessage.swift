/// The content of a response's `KmsMessage` (TS 33.180 D.3.1, D.3.5.1).
public enum KMSMessage: Sendable {
    /// `KmsInit`: the KMS's root certificate, and optionally a new TrK / InK (D.3.4.1).
    case initialization(KMSInit)
    /// `KmsKeyProv`: user key sets, and optionally a new TrK / InK (D.3.4.2).
    case keyProvision(KMSKeyProvision)
    /// `KmsCertCache`: certificates of other KMSs (D.3.4.3).
    case certificateCache(KMSCertificateCache)
}

/// `KmsInit` (D.3.5.1 `KmsInitType`, D.3.5.2 `KmsInitTkIkType`).
public struct KMSInit: Sendable {
    public var version: String
    /// The KMS's certificate (a `SignedKmsCertificate`'s inner certificate too).
    public var certificate: KMSCertificate
    /// `NewTransportKey`, wrapped with the current TrK.
    public var newTransportKey: EncryptedKey?
    /// `NewIntegrityKey`, wrapped with the current TrK.
    public var newIntegrityKey: EncryptedKey?

    public init(version: String = "1.0.0", certificate: KMSCertificate, newTransportKey: EncryptedKey? = nil, newIntegrityKey: EncryptedKey? = nil) {
        self.version = version
        self.certificate = certificate
        self.newTransportKey = newTransportKey
        self.newIntegrityKey = newIntegrityKey
    }
}

/// `KmsKeyProv` (D.3.5.1 `KmsKeyProvType`, D.3.5.2 `KmsKeyProvTkIkType`).
public struct KMSKeyProvision: Sendable {
    public var version: String
    /// The key sets, in document order.
    public var keySets: [KMSKeySet]
    public var newTransportKey: EncryptedKey?
    public var newIntegrityKey: EncryptedKey?

    public init(version: String = "1.0.0", keySets: [KMSKeySet], newTransportKey: EncryptedKey? = nil, newIntegrityKey: EncryptedKey? = nil) {
        self.version = version
        self.keySets = keySets
        self.newTransportKey = newTransportKey
        self.newIntegrityKey = newIntegrityKey
    }
}

/// `KmsCertCache` (D.3.5.1 `KmsCertCacheType`). The XML-DSig signature a
/// `SignedKmsCertificate` may carry (ECDSA with a key Annex D does not
/// identify) is not verified: the response's own signature covers the cache.
public struct KMSCertificateCache: Sendable {
    public var version: String
    /// `CacheNum`.
    public var cacheNumber: UInt64?
    public var certificates: [KMSCertificate]

    public init(version: String = "1.0.0", cacheNumber: UInt64? = nil, certificates: [KMSCertificate]) {
        self.version = version
        self.cacheNumber = cacheNumber
        self.certificates = certificates
    }
}
