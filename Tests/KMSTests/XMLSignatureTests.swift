import Foundation
import Octets
import Testing

@testable import KMS

/// The XML-DSig profile of TS 33.180 D.3.4: what verifies, what is refused,
/// and agreement with the xmlsec1 tool in both directions.
@Suite struct XMLSignatureTests {
    static let secured = KMSWorld.text(try! KMSWorld.provisioning(secured: true))

    func read(_ text: String, keys: [SecurityKey] = [KMSWorld.transportKey, KMSWorld.integrityKey], now: Date = KMSWorld.now) throws(KMSError)
        -> KMSResponse
    {
        try KMSResponseReader(securityKeys: keys).read(KMSWorld.bytes(text), requestURL: KMSWorld.requestURL, now: now)
    }

    @Test func ourSignatureVerifies() throws {
        #expect(try read(Self.secured).userURI == KMSWorld.alice)
    }

    @Test func anyChangeToTheSignedDocumentBreaksTheSignature() {
        for (target, replacement) in [
            ("<KeyPeriodNo>1545</KeyPeriodNo>", "<KeyPeriodNo>1546</KeyPeriodNo>"),
            ("<Revoked>false</Revoked>", "<Revoked>true</Revoked>"),
            ("    <KmsUri>", "  <KmsUri>"),  // white space is signed too
            ("Version=\"1.1.0\"", "Version=\"1.1.1\""),
        ] {
            #expect(throws: KMSError.signatureInvalid) { try read(KMSWorld.replacing(target, with: replacement, in: Self.secured)) }
        }
    }

    @Test func theKeyIsTheOneKeyNameNamesAndNoOther() throws {
        // Only the TrK given: the InK-signed document names a key the reader lacks.
        #expect(throws: KMSError.unknownKeyName(KMSWorld.integrityKey.name)) { try read(Self.secured, keys: [KMSWorld.transportKey]) }
        // A key of the right name with other octets.
        let impostor = try SecurityKey(name: KMSWorld.integrityKey.name, bytes: SecretBytes([UInt8](repeating: 0x33, count: 32)))
        #expect(throws: KMSError.signatureInvalid) { try read(Self.secured, keys: [KMSWorld.transportKey, impostor]) }
    }

    @Test func unsignedResponsesAreRefusedWhenKeysAreConfigured() throws {
        let plain = KMSWorld.text(try KMSWorld.provisioning(secured: false))
        #expect(throws: KMSError.signatureMissing) { try read(plain) }
        // And a signed one is not read without keys: it cannot be checked.
        #expect(throws: KMSError.unknownKeyName(KMSWorld.integrityKey.name)) { try read(Self.secured, keys: []) }
    }

    @Test func truncatedOrWeakMACsAreRefused() {
        for bits in ["64", "120", "257", "130", "0"] {
            let text = KMSWorld.replacing("<HMACOutputLength>256</HMACOutputLength>", with: "<HMACOutputLength>\(bits)</HMACOutputLength>", in: Self.secured)
            #expect(throws: KMSError.invalidHMACOutputLength(bits)) { try read(text) }
        }
        let sha1 = KMSWorld.replacing(XMLAlgorithm.hmacSHA256, with: "http://www.w3.org/2000/09/xmldsig#hmac-sha1", in: Self.secured)
        #expect(throws: KMSError.unsupportedAlgorithm("http://www.w3.org/2000/09/xmldsig#hmac-sha1")) { try read(sha1) }
        // 128 bits declared while 256 are sent: the lengths disagree.
        let declared128 = KMSWorld.replacing("<HMACOutputLength>256</HMACOutputLength>", with: "<HMACOutputLength>128</HMACOutputLength>", in: Self.secured)
        #expect(throws: KMSError.signatureInvalid) { try read(declared128) }
    }

    @Test func otherTransformsAndCanonicalisationsAreRefused() {
        let xslt = KMSWorld.replacing(XMLAlgorithm.envelopedSignature, with: "http://www.w3.org/TR/1999/REC-xslt-19991116", in: Self.secured)
        #expect(throws: KMSError.unsupportedAlgorithm("http://www.w3.org/TR/1999/REC-xslt-19991116")) { try read(xslt) }
        let exclusive = KMSWorld.replacing(XMLAlgorithm.canonicalXML10, with: "http://www.w3.org/2001/10/xml-exc-c14n#", in: Self.secured)
        #expect(throws: KMSError.unsupportedAlgorithm("http://www.w3.org/2001/10/xml-exc-c14n#")) { try read(exclusive) }
    }

    @Test func aReferenceToAnythingButTheSignedRootIsRefused() {
        let elsewhere = KMSWorld.replacing("URI=\"#xmldoc\"", with: "URI=\"#other\"", in: Self.secured)
        #expect(throws: KMSError.signatureReferenceMismatch) { try read(elsewhere) }
        let external = KMSWorld.replacing("URI=\"#xmldoc\"", with: "URI=\"http://attacker.example/doc\"", in: Self.secured)
        #expect(throws: KMSError.signatureReferenceMismatch) { try read(external) }
        // A second element with the root's Id: the reference would be ambiguous.
        let duplicate = KMSWorld.replacing("<KmsKeySet Version=\"1.1.0\">", with: "<KmsKeySet Version=\"1.1.0\" Id=\"xmldoc\">", in: Self.secured)
        #expect(throws: KMSError.signatureReferenceMismatch) { try read(duplicate) }
    }

    @Test func signatureWrappingIsRefused() throws {
        // The classic wrapping: the signed response moved into an extension
        // element, an attacker's response in its place.
        let signedResponse = Self.secured[Self.secured.range(of: "  <KmsResponse")!.lowerBound ..< Self.secured.range(of: "  <Signature")!.lowerBound]
        let forged = signedResponse.replacingOccurrences(of: "<KeyPeriodNo>1545</KeyPeriodNo>", with: "<KeyPeriodNo>1</KeyPeriodNo>")
        let wrapped = KMSWorld.replacing(String(signedResponse), with: forged + "<x:Hidden xmlns:x=\"urn:x\">" + signedResponse + "</x:Hidden>", in: Self.secured)
        #expect(throws: KMSError.misplacedElement("SignedKmsResponse")) { try read(wrapped) }
        // A signature that is not the root's own (nested deeper) does not count.
        let signature = Self.secured[Self.secured.range(of: "  <Signature")!.lowerBound ..< Self.secured.range(of: "</SignedKmsResponse>")!.lowerBound]
        let nested = KMSWorld.replacing(String(signature), with: "", in: Self.secured)
            .replacingOccurrences(of: "</KmsMessage>", with: "</KmsMessage>" + signature)
        #expect(throws: KMSError.misplacedElement("SignedKmsResponse")) { try read(nested) }
    }

    @Test func staleResponsesAndOtherURLsAreRefused() throws {
        #expect(throws: KMSError.staleTime) { try read(Self.secured, now: KMSWorld.now.addingTimeInterval(301)) }
        #expect(throws: KMSError.staleTime) { try read(Self.secured, now: KMSWorld.now.addingTimeInterval(-301)) }
        #expect(try read(Self.secured, now: KMSWorld.now.addingTimeInterval(300)).userURI == KMSWorld.alice)
        let reader = KMSResponseReader(securityKeys: [KMSWorld.transportKey, KMSWorld.integrityKey])
        #expect(throws: KMSError.requestURLMismatch) {
            try reader.read(KMSWorld.bytes(Self.secured), requestURL: "https://kms.example.org/keymanagement/identity/v1/init", now: KMSWorld.now)
        }
    }

    // MARK: xmlsec1, the test oracle

    /// xmlsec1, when installed (CI installs Debian's xmlsec1).
    static let xmlsec1: URL? = ["/usr/bin/xmlsec1", "/usr/local/bin/xmlsec1"].map(URL.init(fileURLWithPath:))
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Runs xmlsec1 with the InK loaded under its name; returns its exit status and output file.
    static func runXMLSec(_ mode: String, _ document: String, key: SecurityKey) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kms-xmlsec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("key.bin"), input = directory.appendingPathComponent("in.xml")
        let output = directory.appendingPathComponent("out.xml")
        try key.bytes.withUnsafeBytes { Data($0) }.write(to: keyFile)
        try Data(document.utf8).write(to: input)
        let process = Process()
        process.executableURL = xmlsec1
        process.arguments = [mode, "--hmackey:\(key.name)", keyFile.path, "--id-attr:Id", "SignedKmsResponse", "--output", output.path, input.path]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: xmlsec1 != nil)) func xmlsec1VerifiesOurSignature() throws {
        #expect(try Self.runXMLSec("--verify", Self.secured, key: KMSWorld.integrityKey).status == 0)
        let tampered = KMSWorld.replacing("<KeyPeriodNo>1545</KeyPeriodNo>", with: "<KeyPeriodNo>1546</KeyPeriodNo>", in: Self.secured)
        #expect(try Self.runXMLSec("--verify", tampered, key: KMSWorld.integrityKey).status != 0)
    }

    @Test(.enabled(if: xmlsec1 != nil)) func weVerifyXMLSec1sSignature() throws {
        // Our document with its values emptied is a template; xmlsec1 fills it.
        var template = Self.secured
        for element in ["DigestValue", "SignatureValue"] {
            let open = template.range(of: "<\(element)>")!, close = template.range(of: "</\(element)>")!
            template.replaceSubrange(open.upperBound ..< close.lowerBound, with: "")
        }
        let signed = try Self.runXMLSec("--sign", template, key: KMSWorld.integrityKey)
        #expect(signed.status == 0)
        #expect(try read(signed.output).userURI == KMSWorld.alice)
    }
}
