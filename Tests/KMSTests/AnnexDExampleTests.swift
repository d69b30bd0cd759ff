import Curves
import Foundation
import Octets
import Testing

@testable import KMS

/// The three example responses of TS 33.180 D.3.4 (AnnexD/README.md), as
/// printed and after mending their defects: they are refused for exactly
/// the reason they should be (not well-formed; then a placeholder signature;
/// then placeholder keys), and their structure reads as the examples say.
@Suite struct AnnexDExampleTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("AnnexD")

    static func example(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func initExample() throws -> String { try example("D.3.4.1-KmsInit.xml") }
    static func keyProvisionExample() throws -> String { try example("D.3.4.2-KmsKeyProv.xml") }
    static func certificateCacheExample() throws -> String { try example("D.3.4.3-KmsCertCache.xml") }

    /// The examples' `Time` values: 2014-01-26T10:05:52, 10:07:14 and 10:14:12 (UTC, no zone given).
    static let initTime = Date(timeIntervalSince1970: 1_390_730_752)
    static let keyProvisionTime = Date(timeIntervalSince1970: 1_390_730_834)
    static let certificateCacheTime = Date(timeIntervalSince1970: 1_390_731_252)

    /// Base64 "DEADBEEF", the examples' placeholder `CipherValue`.
    static let deadbeef: [UInt8] = [0x0C, 0x40, 0x03, 0x04, 0x41, 0x05]
    /// Hex "029A2F", the examples' placeholder `PubEncKey` and `PubAuthKey`.
    static let placeholderKey: [UInt8] = [0x02, 0x9A, 0x2F]

    /// A security key of `name` (any octets: the examples' MACs are placeholders).
    static func key(_ name: String) throws -> SecurityKey {
        try SecurityKey(name: name, bytes: SecretBytes([UInt8](repeating: 0x5A, count: 32)))
    }

    // MARK: The mends, one per defect

    /// D.3.4.1, D.3.4.2: `<ds:KeyName>…</KeyName>`, an end tag without the
    /// `ds:` prefix of its start tag (XML 1.0 §3 "Element Type Match").
    static func mendingKeyNameEndTags(_ text: String) -> String {
        precondition(text.contains("</KeyName>"), "no unprefixed KeyName end tag")
        let mended = text.replacingOccurrences(
            of: #"(<ds:KeyName>[^<]*)</KeyName>"#, with: "$1</ds:KeyName>", options: .regularExpression)
        precondition(mended != text, "no <ds:KeyName> closed by </KeyName>")
        return mended
    }

    /// D.3.4.1: `NewIntegrityKey xmlns= " urn:3gpp:ns:mcsecKMSInterface:1.0"`,
    /// a namespace URI with a leading space: another namespace.
    static func mendingNamespaceWithLeadingSpace(_ text: String) -> String {
        KMSWorld.replacing(#"xmlns= " urn:3gpp:ns:mcsecKMSInterface:1.0""#, with: #"xmlns= "urn:3gpp:ns:mcsecKMSInterface:1.0""#, in: text)
    }

    /// D.3.4.2: `ValidTo` twice in the second key set.
    static func mendingDuplicateValidTo(_ text: String) -> String {
        KMSWorld.replacing(
            "<ValidTo>2016-03-29T23:59:59</ValidTo>\n        <ValidTo>2016-03-29T23:59:59</ValidTo>",
            with: "<ValidTo>2016-03-29T23:59:59</ValidTo>", in: text)
    }

    static func mendedInit() throws -> String { mendingNamespaceWithLeadingSpace(mendingKeyNameEndTags(try initExample())) }
    static func mendedKeyProvision() throws -> String { mendingDuplicateValidTo(mendingKeyNameEndTags(try keyProvisionExample())) }

    // MARK: Reading

    /// The example read as a client would, with a key of the name its signature gives.
    static func read(_ text: String, keyName: String, now: Date) throws -> KMSResponse {
        try KMSResponseReader(securityKeys: [key(keyName)]).read(KMSWorld.bytes(text), now: now)
    }

    /// The `KmsResponse` inside the example's `SignedKmsResponse`, read
    /// without its signature (which is a placeholder).
    static func structure(_ text: String) throws -> KMSResponse {
        let tree = try XMLTree(parsing: KMSWorld.bytes(text))
        #expect(tree.root.name == "SignedKmsResponse")
        return try KMSResponse(element: tree.root.children[0])
    }

    /// Checks an `EncryptedKey` of the examples: AES-256 key wrap, a `KeyName`, the placeholder value.
    static func expectPlaceholder(_ key: EncryptedKey?, keyName: String, carrying carried: String?, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(key?.algorithm == "http://www.w3.org/2001/04/xmlenc#kw-aes256", sourceLocation: sourceLocation)
        #expect(key?.keyName == keyName, sourceLocation: sourceLocation)
        #expect(key?.cipherValue == deadbeef, sourceLocation: sourceLocation)
        #expect(key?.carriedKeyName == carried, sourceLocation: sourceLocation)
    }

    static func expectPlaceholder(_ content: KeyContent, keyName: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .encrypted(let key) = content else {
            Issue.record("a key in clear where the example wraps it", sourceLocation: sourceLocation)
            return
        }
        expectPlaceholder(key, keyName: keyName, carrying: nil, sourceLocation: sourceLocation)
    }

    // MARK: D.3.4.1 KmsInit

    @Test func initExampleAsPrintedIsNotWellFormed() throws {
        #expect(throws: KMSError.malformedXML) { try Self.read(Self.initExample(), keyName: "tk.11.user@example.org", now: Self.initTime) }
    }

    @Test func mendedInitExampleIsRefusedForItsPlaceholderSignature() throws {
        let mended = try Self.mendedInit()
        #expect(throws: KMSError.signatureInvalid) { try Self.read(mended, keyName: "tk.11.user@example.org", now: Self.initTime) }
        // It names the TrK tk.11: a reader with only another key cannot check it.
        #expect(throws: KMSError.unknownKeyName("tk.11.user@example.org")) {
            try Self.read(mended, keyName: "ink.12.user@example.org", now: Self.initTime)
        }
    }

    @Test func mendedInitExampleReadsAsPrinted() throws {
        let response = try Self.structure(Self.mendedInit())
        #expect(response.kmsURI == "kms.example.org")
        #expect(response.userURI == "example:user@example.org")
        #expect(response.time == Self.initTime)
        #expect(response.kmsID == "KMSProvider12345")
        #expect(response.clientRequestURL == "http://kms.example.org/keymanagement/identity/v1/init")
        #expect(response.error == nil)
        guard case .initialization(let content) = response.message else {
            Issue.record("not a KmsInit")
            return
        }
        #expect(content.version == "1.0.0")
        let certificate = content.certificate
        #expect(certificate.version == "1.1.0")
        #expect(certificate.role == .root)
        // Written CertUri first, KmsUri second in the example.
        #expect(certificate.certURI == "cert1.kms.example.org")
        #expect(certificate.kmsURI == "kms.example.org")
        #expect(certificate.issuer == "www.example.org")
        // 2000-01-26T00:00:00 and 2025-01-26T23:59:59.
        #expect(certificate.validFrom == Date(timeIntervalSince1970: 948_844_800))
        #expect(certificate.validTo == Date(timeIntervalSince1970: 1_737_935_999))
        #expect(!certificate.isRevoked)
        #expect(certificate.userIDFormat == "2")
        #expect(certificate.userKeyPeriod == 2_592_000)
        #expect(certificate.userKeyOffset == 0)
        #expect(certificate.pubEncKey == Self.placeholderKey)
        #expect(certificate.pubAuthKey == Self.placeholderKey)
        #expect(certificate.parameterSet == "1")
        #expect(certificate.domains == ["sec1.example.org", "sec2.example.org"])
        #expect(certificate.isSecurityGateway == nil)
        Self.expectPlaceholder(content.newTransportKey, keyName: "tk.11.user@example.org", carrying: "tk.12.user@example.org")
        Self.expectPlaceholder(content.newIntegrityKey, keyName: "tk.11.user@example.org", carrying: "ink.12.user@example.org")
    }

    @Test func withoutTheNamespaceMendTheNewIntegrityKeyIsAnotherNamespacesElement() throws {
        // " urn:3gpp:ns:mcsecKMSInterface:1.0" is not the interface namespace:
        // its NewIntegrityKey is an extension (xsd:any ##other) and is skipped.
        let response = try Self.structure(Self.mendingKeyNameEndTags(Self.initExample()))
        guard case .initialization(let content) = response.message else {
            Issue.record("not a KmsInit")
            return
        }
        #expect(content.newTransportKey?.carriedKeyName == "tk.12.user@example.org")
        #expect(content.newIntegrityKey == nil)
    }

    @Test func initExampleCertificateHasAPlaceholderZT() throws {
        let response = try Self.structure(Self.mendedInit())
        guard case .initialization(let content) = response.message else {
            Issue.record("not a KmsInit")
            return
        }
        // 029A2F is 3 octets where Z_T is 04 ‖ x ‖ y, 257 octets: the length check refuses it first.
        #expect(throws: KMSError.invalidZT(.invalidLength(expected: 257, actual: 3))) { try content.certificate.validated(at: Self.initTime) }
    }

    // MARK: D.3.4.2 KmsKeyProv

    @Test func keyProvisionExampleAsPrintedIsNotWellFormed() throws {
        #expect(throws: KMSError.malformedXML) {
            try Self.read(Self.keyProvisionExample(), keyName: "ink.12.user@example.org", now: Self.keyProvisionTime)
        }
    }

    @Test func mendedKeyProvisionExampleIsRefusedForItsPlaceholderSignature() throws {
        let mended = try Self.mendedKeyProvision()
        #expect(throws: KMSError.signatureInvalid) { try Self.read(mended, keyName: "ink.12.user@example.org", now: Self.keyProvisionTime) }
        #expect(throws: KMSError.unknownKeyName("ink.12.user@example.org")) {
            try Self.read(mended, keyName: "tk.12.user@example.org", now: Self.keyProvisionTime)
        }
    }

    @Test func withoutTheValidToMendTheSecondKeySetIsRefused() throws {
        let halfMended = Self.mendingKeyNameEndTags(try Self.keyProvisionExample())
        #expect(throws: KMSError.misplacedElement("ValidTo")) { try Self.structure(halfMended) }
    }

    @Test func mendedKeyProvisionExampleReadsAsPrinted() throws {
        let response = try Self.structure(Self.mendedKeyProvision())
        #expect(response.kmsURI == "kms.example.org")
        #expect(response.userURI == "example:user@example.org")
        #expect(response.time == Self.keyProvisionTime)
        #expect(response.kmsID == "KMSProvider12345")
        #expect(response.clientRequestURL == "http://kms.example.org/keymanagement/identity/v1/keyprov")
        guard case .keyProvision(let content) = response.message else {
            Issue.record("not a KmsKeyProv")
            return
        }
        #expect(content.keySets.count == 2)
        #expect(content.keySets.map(\.userURI) == ["example:user@example.org", "example:user.pseudonym@example.org"])
        #expect(content.keySets.map(\.userID) == [
            [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF],
            [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0x00, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF],
        ])
        for keySet in content.keySets {
            #expect(keySet.version == "1.1.0")
            #expect(keySet.kmsURI == "kms.example.org")
            #expect(keySet.certURI == "cert1.kms.example.org")
            #expect(keySet.issuer == "www.example.org")
            // 2015-12-30T00:00:00 … 2016-03-29T23:59:59.
            #expect(keySet.validFrom == Date(timeIntervalSince1970: 1_451_433_600))
            #expect(keySet.validTo == Date(timeIntervalSince1970: 1_459_295_999))
            #expect(keySet.keyPeriodNumber == 1514)
            #expect(!keySet.isRevoked)
            Self.expectPlaceholder(keySet.userDecryptKey, keyName: "tk.12.user@example.org")
            Self.expectPlaceholder(keySet.userSigningKey, keyName: "tk.12.user@example.org")
            Self.expectPlaceholder(keySet.userPublicToken, keyName: "tk.12.user@example.org")
        }
        Self.expectPlaceholder(content.newTransportKey, keyName: "tk.12.user@example.org", carrying: "tk.13.user@example.org")
        #expect(content.newIntegrityKey == nil)
    }

    // MARK: D.3.4.3 KmsCertCache

    @Test func certificateCacheExampleAsPrintedIsWellFormedAndRefusedForItsPlaceholderSignature() throws {
        // Unlike D.3.4.1 and D.3.4.2 it has no defect (the README lists none):
        // as printed it parses, and only its placeholder signature is refused.
        let printed = try Self.certificateCacheExample()
        _ = try XMLTree(parsing: KMSWorld.bytes(printed))
        #expect(throws: KMSError.signatureInvalid) { try Self.read(printed, keyName: "ink.12.user@example.org", now: Self.certificateCacheTime) }
        #expect(throws: KMSError.unknownKeyName("ink.12.user@example.org")) {
            try Self.read(printed, keyName: "tk.12.user@example.org", now: Self.certificateCacheTime)
        }
    }

    @Test func certificateCacheExampleReadsAsPrinted() throws {
        let response = try Self.structure(Self.certificateCacheExample())
        #expect(response.kmsURI == "kms.example.org")
        #expect(response.userURI == "example:user@example.org")
        #expect(response.time == Self.certificateCacheTime)
        #expect(response.clientRequestURL == "http://kms.example.org/keymanagement/identity/v1/certcache")
        guard case .certificateCache(let cache) = response.message else {
            Issue.record("not a KmsCertCache")
            return
        }
        #expect(cache.version == "1.0.0")
        #expect(cache.cacheNumber == nil)
        #expect(cache.certificates.count == 2)
        guard cache.certificates.count == 2 else { return }
        let (first, second) = (cache.certificates[0], cache.certificates[1])
        #expect(first.role == .external)
        #expect(first.certURI == "cert2.kms.example.org")
        #expect(first.kmsURI == "kms.example.org")
        #expect(first.issuer == "www.example.org")
        #expect(first.userKeyPeriod == 2_592_000)
        #expect(first.userKeyOffset == 0)
        #expect(first.domains == ["sec3.example.org"])
        #expect(second.role == .external)
        #expect(second.certURI == "cert1.kms.another.example.org")
        #expect(second.kmsURI == "kms.another.example.org")
        #expect(second.issuer == "www.another.example.org")
        #expect(second.userKeyPeriod == 604_800)
        #expect(second.userKeyOffset == 432_000)
        #expect(second.domains == ["another.example.org"])
        for certificate in cache.certificates {
            #expect(certificate.version == "1.1.0")
            // 2000-01-26T00:00:00 … 2100-01-26T23:59:59.
            #expect(certificate.validFrom == Date(timeIntervalSince1970: 948_844_800))
            #expect(certificate.validTo == Date(timeIntervalSince1970: 4_104_691_199))
            #expect(!certificate.isRevoked)
            #expect(certificate.userIDFormat == "2")
            #expect(certificate.parameterSet == "1")
            #expect(certificate.pubEncKey == Self.placeholderKey)
            #expect(certificate.pubAuthKey == Self.placeholderKey)
            #expect(throws: KMSError.invalidZT(.invalidLength(expected: 257, actual: 3))) {
                try certificate.validated(at: Self.certificateCacheTime)
            }
        }
    }
}
