import Foundation
import KeyDerivation

/// A KMS certificate (TS 33.180 D.3.2, Table D.3.2.2-1): the public
/// parameters of a domain of users, as a `KmsCertificate` element says them.
///
/// This is the document: its keys are the octets it carries, not yet
/// decoded. ``validated(at:)`` checks it (keys on their curves and in their
/// groups, parameter set, UID format, revocation, validity) and returns the
/// ``ValidatedKMSCertificate`` that key sets are checked under.
public struct KMSCertificate: Sendable, Hashable {
    /// The `Role` attribute.
    public enum Role: String, Sendable, Hashable {
        /// The KMS's own certificate, the only one it issues key sets under.
        case root = "Root"
        /// Another KMS's certificate, for inter-domain calls.
        case external = "External"
    }

    /// `Version` ("1.1.0", or "1.2.0" with `IsSecurityGateway`).
    public var version: String
    public var role: Role
    /// `CertUri`.
    public var certURI: String?
    /// `KmsUri`: the KMS URI of the UIDs (TS 33.180 F.2.1).
    public var kmsURI: String
    /// `Issuer`.
    public var issuer: String?
    /// `ValidFrom`.
    public var validFrom: Date?
    /// `ValidTo`.
    public var validTo: Date?
    /// `Revoked`.
    public var isRevoked: Bool
    /// `UserIdFormat` (must be "2").
    public var userIDFormat: String
    /// `UserKeyPeriod`, seconds.
    public var userKeyPeriod: UInt64
    /// `UserKeyOffset`, seconds after 1900-01-01.
    public var userKeyOffset: UInt64
    /// `PubEncKey`: Z_T, 04 ‖ x ‖ y (RFC 6508 §2.2).
    public var pubEncKey: [UInt8]
    /// `PubAuthKey`: KPAK, 04 ‖ x ‖ y (RFC 6507 §2.2).
    public var pubAuthKey: [UInt8]
    /// `ParameterSet` (1 when absent).
    public var parameterSet: String?
    /// `KmsDomainList`.
    public var domains: [String]
    /// `IsSecurityGateway` (D.3.2.2; version 1.2.0).
    public var isSecurityGateway: Bool?

    public init(
        version: String = "1.1.0", role: Role, certURI: String?, kmsURI: String, issuer: String? = nil,
        validFrom: Date? = nil, validTo: Date? = nil, isRevoked: Bool = false, userIDFormat: String = "2",
        userKeyPeriod: UInt64, userKeyOffset: UInt64, pubEncKey: [UInt8], pubAuthKey: [UInt8],
        parameterSet: String? = "1", domains: [String] = [], isSecurityGateway: Bool? = nil
    ) {
        self.version = version
        self.role = role
        self.certURI = certURI
        self.kmsURI = kmsURI
        self.issuer = issuer
        self.validFrom = validFrom
        self.validTo = validTo
        self.isRevoked = isRevoked
        self.userIDFormat = userIDFormat
        self.userKeyPeriod = userKeyPeriod
        self.userKeyOffset = userKeyOffset
        self.pubEncKey = pubEncKey
        self.pubAuthKey = pubAuthKey
        self.parameterSet = parameterSet
        self.domains = domains
        self.isSecurityGateway = isSecurityGateway
    }

    /// Checks the certificate for use at `time`.
    ///
    /// - Throws: ``KMSError/unsupportedParameterSet(_:)``, ``KMSError/unsupportedUserIDFormat(_:)``,
    ///   ``KMSError/invalidKeyPeriod``, ``KMSError/invalidZT(_:)``, ``KMSError/invalidKPAK(_:)``,
    ///   ``KMSError/revoked``, ``KMSError/outsideValidity``.
    public func validated(at time: Date) throws(KMSError) -> ValidatedKMSCertificate {
        try ValidatedKMSCertificate(self, at: time)
    }

    /// Whether `time` lies in `ValidFrom` … `ValidTo` (either bound may be
    /// absent), to the second: `ValidTo` is the last second of validity.
    public func isValid(at time: Date) -> Bool {
        Self.isWithin(time, from: validFrom, to: validTo)
    }

    /// Whether `time`, in whole seconds, lies in `from` … `to` (whole-second `xsd:dateTime` values).
    static func isWithin(_ time: Date, from: Date?, to: Date?) -> Bool {
        let second = time.timeIntervalSince1970.rounded(.down)
        return (from.map { second >= $0.timeIntervalSince1970 } ?? true) && (to.map { second <= $0.timeIntervalSince1970 } ?? true)
    }

    /// `ValidFrom` and `ValidTo` of a certificate or key set (each optional);
    /// a `ValidTo` before `ValidFrom` is refused as ``KMSError/invalidValue(_:)`` of `ValidTo`.
    static func validity(of fields: XMLSequence) throws(KMSError) -> (from: Date?, to: Date?) {
        let from = try fields.optionalText("ValidFrom").map { text throws(KMSError) in try XMLValue.date(text, "ValidFrom") }
        let to = try fields.optionalText("ValidTo").map { text throws(KMSError) in try XMLValue.date(text, "ValidTo") }
        if let from, let to, to < from { throw KMSError.invalidValue("ValidTo") }
        return (from, to)
    }

    // MARK: XML

    /// Reads a document whose element is a `KmsCertificate`.
    ///
    /// - Throws: ``KMSError`` for a document that is not one.
    public init(xml: some Collection<UInt8>, maximumSize: Int = 4 << 20) throws(KMSError) {
        let tree = try XMLTree(parsing: xml, maximumSize: maximumSize)
        try self.init(element: tree.root)
    }

    static let fields: [XMLSequence.Field] = [
        .init("KmsUri", rank: 0), .init("CertUri", required: false, rank: 0), .init("Issuer", required: false, rank: 2),
        .init("ValidFrom", required: false, rank: 3), .init("ValidTo", required: false, rank: 4),
        .init("Revoked", required: false, rank: 5), .init("UserIdFormat", aliases: ["UserIDFormat"], rank: 6),
        .init("UserKeyPeriod", rank: 7), .init("UserKeyOffset", rank: 8), .init("PubEncKey", rank: 9),
        .init("PubAuthKey", rank: 10), .init("ParameterSet", required: false, rank: 11),
        .init("KmsDomainList", required: false, rank: 12),
    ]

    /// Reads a `KmsCertificate` element (D.3.5.1 `KmsCertificateType`).
    init(element: XMLTreeElement) throws(KMSError) {
        guard element.isElement("KmsCertificate", in: XMLNamespace.kmsInterface) else {
            throw KMSError.unexpectedElement(element.name)
        }
        let fields = try XMLSequence(element, namespace: XMLNamespace.kmsInterface, fields: Self.fields)
        version = element.attribute("Version") ?? "1.1.0"
        guard let roleText = element.attribute("Role"), let role = Role(rawValue: roleText) else { throw KMSError.invalidValue("Role") }
        self.role = role
        certURI = try fields.optionalText("CertUri")
        kmsURI = try fields.text("KmsUri")
        issuer = try fields.optionalText("Issuer")
        (validFrom, validTo) = try Self.validity(of: fields)
        isRevoked = try fields.optionalText("Revoked").map { text throws(KMSError) in try XMLValue.boolean(text, "Revoked") } ?? false
        userIDFormat = try fields.text("UserIdFormat")
        userKeyPeriod = try XMLValue.unsigned(fields.text("UserKeyPeriod"), "UserKeyPeriod")
        userKeyOffset = try XMLValue.unsigned(fields.text("UserKeyOffset"), "UserKeyOffset")
        pubEncKey = try XMLValue.hex(fields.text("PubEncKey"), "PubEncKey")
        pubAuthKey = try XMLValue.hex(fields.text("PubAuthKey"), "PubAuthKey")
        parameterSet = try fields.optionalText("ParameterSet")
        if let list = fields.optional("KmsDomainList") {
            let domainFields = try XMLSequence(
                list, namespace: XMLNamespace.kmsInterface, fields: [.init("KmsDomain", repeats: true, rank: 0)])
            domains = try domainFields.all("KmsDomain").map { element throws(KMSError) in try XMLSequence.simpleText(element) }
        } else {
            domains = []
        }
        isSecurityGateway = try element.attribute("IsSecurityGateway").map { text throws(KMSError) in
            try XMLValue.boolean(text, "IsSecurityGateway")
        }
    }

    /// The certificate as a standalone document (`KmsCertificate` element,
    /// schema order, the interface namespace as default).
    public func xml() -> [UInt8] {
        var writer = XMLWriter()
        write(into: &writer, declaringNamespace: true)
        return Array(writer.text.utf8)
    }

    func write(into writer: inout XMLWriter, declaringNamespace: Bool) {
        var attributes: [(String, String)] = []
        if declaringNamespace { attributes.append(("xmlns", XMLNamespace.kmsInterface)) }
        attributes += [("Version", version), ("Role", role.rawValue)]
        if let isSecurityGateway { attributes.append(("IsSecurityGateway", isSecurityGateway ? "true" : "false")) }
        writer.open("KmsCertificate", attributes)
        writer.element("KmsUri", kmsURI)
        if let certURI { writer.element("CertUri", certURI) }
        if let issuer { writer.element("Issuer", issuer) }
        if let validFrom { writer.element("ValidFrom", XMLValue.text(validFrom)) }
        if let validTo { writer.element("ValidTo", XMLValue.text(validTo)) }
        writer.element("Revoked", isRevoked ? "true" : "false")
        writer.element("UserIdFormat", userIDFormat)
        writer.element("UserKeyPeriod", String(userKeyPeriod))
        writer.element("UserKeyOffset", String(userKeyOffset))
        writer.element("PubEncKey", XMLValue.hexText(pubEncKey))
        writer.element("PubAuthKey", XMLValue.hexText(pubAuthKey))
        if let parameterSet { writer.element("ParameterSet", parameterSet) }
        if !domains.isEmpty {
            writer.open("KmsDomainList")
            for domain in domains { writer.element("KmsDomain", domain) }
            writer.close()
        }
        writer.close()
    }
}
