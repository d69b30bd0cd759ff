import Foundation
import KeyDerivation
import Octets

/// A KMS key set (TS 33.180 D.3.3, Table D.3.3.2-1): one user's keys for one
/// key period, as a `KmsKeySet` element says them.
///
/// This is the document: keys as their octets or still wrapped.
/// ``validated(under:userURI:at:transportKeys:)`` unwraps, decodes and checks
/// them and returns ``ProvisionedUserKeys``.
public struct KMSKeySet: Sendable {
    /// `Version` ("1.1.0").
    public var version: String
    /// `KmsUri`.
    public var kmsURI: String
    /// `CertUri`.
    public var certURI: String?
    /// `Issuer`.
    public var issuer: String?
    /// `UserUri`.
    public var userURI: String
    /// `UserID`: the F.2.1 UID, 32 octets.
    public var userID: [UInt8]
    /// `ValidFrom`.
    public var validFrom: Date?
    /// `ValidTo`.
    public var validTo: Date?
    /// `KeyPeriodNo`.
    public var keyPeriodNumber: UInt64
    /// `Revoked`.
    public var isRevoked: Bool
    /// `UserDecryptKey`: the SAKKE RSK, 04 ‖ x ‖ y.
    public var userDecryptKey: KeyContent
    /// `UserSigningKeySSK`: the ECCSI SSK.
    public var userSigningKey: KeyContent
    /// `UserPubTokenPVT`: the ECCSI PVT, 04 ‖ x ‖ y.
    public var userPublicToken: KeyContent

    public init(
        version: String = "1.1.0", kmsURI: String, certURI: String?, issuer: String? = nil, userURI: String, userID: [UInt8],
        validFrom: Date?, validTo: Date?, keyPeriodNumber: UInt64, isRevoked: Bool = false,
        userDecryptKey: KeyContent, userSigningKey: KeyContent, userPublicToken: KeyContent
    ) {
        self.version = version
        self.kmsURI = kmsURI
        self.certURI = certURI
        self.issuer = issuer
        self.userURI = userURI
        self.userID = userID
        self.validFrom = validFrom
        self.validTo = validTo
        self.keyPeriodNumber = keyPeriodNumber
        self.isRevoked = isRevoked
        self.userDecryptKey = userDecryptKey
        self.userSigningKey = userSigningKey
        self.userPublicToken = userPublicToken
    }

    /// Whether `time` lies in `ValidFrom` … `ValidTo` (either bound may be
    /// absent), to the second: `ValidTo` is the last second of validity.
    public func isValid(at time: Date) -> Bool {
        KMSCertificate.isWithin(time, from: validFrom, to: validTo)
    }

    /// Unwraps, decodes and checks the keys for `userURI` at `time` under
    /// `certificate` (see ``ProvisionedUserKeys``).
    ///
    /// - Throws: ``KMSError``.
    public func validated(
        under certificate: ValidatedKMSCertificate, userURI: String, at time: Date, transportKeys: [SecurityKey] = []
    ) throws(KMSError) -> ProvisionedUserKeys {
        try ProvisionedUserKeys(self, under: certificate, userURI: userURI, at: time, transportKeys: transportKeys)
    }

    /// ``validated(under:userURI:at:transportKeys:)`` for a key set a client
    /// has just received at `now`: a key set of a later period (the
    /// roll-over) is checked as of its start (its `ValidFrom`, or else its
    /// period's first second), so that it is not refused for not being valid
    /// yet; its validity is checked again at each use. A key set of an
    /// earlier period is refused.
    ///
    /// - Throws: ``KMSError``.
    public func validatedOnReceipt(
        under certificate: ValidatedKMSCertificate, userURI: String, receivedAt now: Date, transportKeys: [SecurityKey] = []
    ) throws(KMSError) -> ProvisionedUserKeys {
        let start = validFrom ?? Self.start(ofPeriod: keyPeriodNumber, certificate.keyPeriod)
        return try validated(under: certificate, userURI: userURI, at: start.map { max($0, now) } ?? now, transportKeys: transportKeys)
    }

    /// The first second of period `number`, or nil when it is past UInt64 NTP seconds.
    private static func start(ofPeriod number: UInt64, _ period: KeyPeriod) -> Date? {
        let (product, overflow) = number.multipliedReportingOverflow(by: period.length)
        let (seconds, carry) = period.offset.addingReportingOverflow(product)
        guard !overflow, !carry else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) - Double(NTPTimestamp.unixEpochOffset))
    }

    // MARK: XML

    static let fields: [XMLSequence.Field] = [
        .init("KmsUri", rank: 0), .init("CertUri", required: false, rank: 1), .init("Issuer", required: false, rank: 2),
        .init("UserUri", rank: 3), .init("UserID", rank: 4), .init("ValidFrom", required: false, rank: 5),
        .init("ValidTo", required: false, rank: 6), .init("KeyPeriodNo", rank: 7), .init("Revoked", required: false, rank: 8),
        .init("UserDecryptKey", rank: 9), .init("UserSigningKeySSK", rank: 10), .init("UserPubTokenPVT", rank: 11),
    ]

    /// Reads a `KmsKeySet` element (D.3.5.1 `KmsKeySetType`).
    init(element: XMLTreeElement) throws(KMSError) {
        guard element.isElement("KmsKeySet", in: XMLNamespace.kmsInterface) else { throw KMSError.unexpectedElement(element.name) }
        let fields = try XMLSequence(element, namespace: XMLNamespace.kmsInterface, fields: Self.fields)
        version = element.attribute("Version") ?? "1.1.0"
        kmsURI = try fields.text("KmsUri")
        certURI = try fields.optionalText("CertUri")
        issuer = try fields.optionalText("Issuer")
        userURI = try fields.text("UserUri")
        userID = try XMLValue.hex(fields.text("UserID"), "UserID")
        (validFrom, validTo) = try KMSCertificate.validity(of: fields)
        keyPeriodNumber = try XMLValue.unsigned(fields.text("KeyPeriodNo"), "KeyPeriodNo")
        isRevoked = try fields.optionalText("Revoked").map { text throws(KMSError) in try XMLValue.boolean(text, "Revoked") } ?? false
        userDecryptKey = try KeyContent(element: fields.required("UserDecryptKey"))
        userSigningKey = try KeyContent(element: fields.required("UserSigningKeySSK"))
        userPublicToken = try KeyContent(element: fields.required("UserPubTokenPVT"))
    }

    func write(into writer: inout XMLWriter) {
        writer.open("KmsKeySet", [("Version", version)])
        writer.element("KmsUri", kmsURI)
        if let certURI { writer.element("CertUri", certURI) }
        if let issuer { writer.element("Issuer", issuer) }
        writer.element("UserUri", userURI)
        writer.element("UserID", XMLValue.hexText(userID))
        if let validFrom { writer.element("ValidFrom", XMLValue.text(validFrom)) }
        if let validTo { writer.element("ValidTo", XMLValue.text(validTo)) }
        writer.element("KeyPeriodNo", String(keyPeriodNumber))
        writer.element("Revoked", isRevoked ? "true" : "false")
        userDecryptKey.write("UserDecryptKey", into: &writer)
        userSigningKey.write("UserSigningKeySSK", into: &writer)
        userPublicToken.write("UserPubTokenPVT", into: &writer)
        writer.close()
    }
}
