import Foundation
import Testing

@testable import KMS

/// Hostile documents: no DTD, no entities, no network, bounded size and
/// depth, and a typed error for each.
@Suite struct XMLHardeningTests {
    func certificate(_ text: String, maximumSize: Int = 4 << 20) throws(KMSError) -> KMSCertificate {
        try KMSCertificate(xml: KMSWorld.bytes(text), maximumSize: maximumSize)
    }

    @Test func externalEntitiesAreRefusedBeforeParsing() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE KmsCertificate [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <KmsCertificate xmlns="urn:3gpp:ns:mcsecKMSInterface:1.0" Role="Root"><KmsUri>&secret;</KmsUri></KmsCertificate>
            """
        #expect(throws: KMSError.doctypeRefused) { try certificate(xxe) }
        let network = """
            <?xml version="1.0"?>
            <!DOCTYPE KmsCertificate SYSTEM "http://127.0.0.1:9/evil.dtd">
            <KmsCertificate xmlns="urn:3gpp:ns:mcsecKMSInterface:1.0" Role="Root"/>
            """
        #expect(throws: KMSError.doctypeRefused) { try certificate(network) }
    }

    @Test func entityExpansionIsRefusedWithoutExpanding() {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1 ... 9 { laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n" }
        laughs += "]>\n<KmsCertificate xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\">&lol9;</KmsCertificate>"
        #expect(throws: KMSError.doctypeRefused) { try certificate(laughs) }
        // Without a DTD an entity reference is undeclared: not well-formed.
        #expect(throws: KMSError.malformedXML) {
            try certificate("<KmsCertificate xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\">&lol9;</KmsCertificate>")
        }
    }

    @Test func oversizedAndDeepDocumentsAreRefused() {
        let big = KMSWorld.text(KMSWorld.engine.certificate.xml())
        #expect(throws: KMSError.documentTooLarge(limit: 100)) { try certificate(big, maximumSize: 100) }
        let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        #expect(throws: KMSError.malformedXML) { try certificate(deep) }
    }

    @Test func documentsWithTooManyNamespacesOrAttributesAreRefusedBeforeCanonicalisation() throws {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        func declaring(_ count: Int) -> String {
            let declarations = (0 ..< count).map { " xmlns:p\($0)=\"urn:example:\($0)\"" }.joined()
            return KMSWorld.replacing("<KmsCertificate ", with: "<KmsCertificate\(declarations) ", in: good)
        }
        // The certificate declares one namespace: 31 more are within the limit of 32, 32 more are not.
        _ = try certificate(declaring(XMLTree.maximumNamespaceDeclarations - 1))
        #expect(throws: KMSError.documentTooComplex) { try certificate(declaring(XMLTree.maximumNamespaceDeclarations)) }
        // Declarations spread over the elements count together.
        let spread = KMSWorld.replacing("<KmsUri>", with: (0 ..< 40).map { "<x:E xmlns:x=\"urn:e:\($0)\"/>" }.joined() + "<KmsUri>", in: good)
        #expect(throws: KMSError.documentTooComplex) { try certificate(spread) }
        let attributes = (0 ..< XMLTree.maximumAttributes + 1).map { " a\($0)=\"1\"" }.joined()
        #expect(throws: KMSError.documentTooComplex) { try certificate(KMSWorld.replacing("<KmsUri>", with: "<KmsUri\(attributes)>", in: good)) }
    }

    @Test func manyRepeatedElementsAreReadInLinearTime() throws {
        // 20,000 empty key sets: refused for the first one's missing KmsUri, once the
        // sequence is read (it took seconds when each repeat copied the list).
        let sets = String(repeating: "<KmsKeySet/>", count: 20_000)
        let response = """
            <KmsResponse xmlns="urn:3gpp:ns:mcsecKMSInterface:1.0" Version="1.0.0"><KmsUri>kms.example.org</KmsUri>\
            <UserUri>sip:alice@example.org</UserUri><Time>2026-12-03T12:00:00</Time><ClientReqUrl>https://kms.example.org/k</ClientReqUrl><KmsMessage><KmsKeyProv>\(sets)</KmsKeyProv>\
            </KmsMessage></KmsResponse>
            """
        #expect(throws: KMSError.missingElement("KmsUri")) {
            try KMSResponseReader(maximumClockSkew: .infinity).read(KMSWorld.bytes(response), now: KMSWorld.now)
        }
    }

    @Test func onlyUTF8IsRead() {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        // UTF-16 with a byte-order mark, declared as such: libxml2 is told UTF-8.
        let utf16: [UInt8] = [0xFF, 0xFE] + KMSWorld.replacing("UTF-8", with: "UTF-16", in: good).utf16.flatMap { unit -> [UInt8] in
            [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(throws: KMSError.malformedXML) { try KMSCertificate(xml: utf16) }
    }

    @Test func unqualifiedElementsAreNotExtensions() {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        let unqualified = KMSWorld.replacing("<KmsUri>", with: "<Note xmlns=\"\">x</Note><KmsUri>", in: good)
        #expect(throws: KMSError.unexpectedElement("Note")) { try certificate(unqualified) }
    }

    @Test func malformedAndTruncatedDocumentsAreRefused() {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        for cut in [0, 10, good.utf8.count / 2, good.utf8.count - 3] {
            #expect(throws: KMSError.malformedXML) { try certificate(String(good.utf8.prefix(cut))!) }
        }
    }

    @Test func theSchemaIsEnforcedOnTheRequiredElements() {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        #expect(throws: KMSError.missingElement("PubEncKey")) {
            try certificate(good.replacingOccurrences(of: #"<PubEncKey>[0-9A-F]*</PubEncKey>"#, with: "", options: .regularExpression))
        }
        #expect(throws: KMSError.misplacedElement("UserKeyPeriod")) {
            try certificate(KMSWorld.replacing("<UserKeyPeriod>", with: "<UserKeyPeriod>1</UserKeyPeriod><UserKeyPeriod>", in: good))
        }
        #expect(throws: KMSError.misplacedElement("Issuer")) {
            try certificate(KMSWorld.replacing("<Revoked>false</Revoked>", with: "<Revoked>false</Revoked><Issuer>late</Issuer>", in: good)
                .replacingOccurrences(of: "<Issuer>www.example.org</Issuer>", with: ""))
        }
        #expect(throws: KMSError.unexpectedElement("Surprise")) {
            try certificate(KMSWorld.replacing("<Revoked>", with: "<Surprise/><Revoked>", in: good))
        }
        #expect(throws: KMSError.invalidValue("UserKeyPeriod")) {
            try certificate(KMSWorld.replacing("<UserKeyPeriod>2592000", with: "<UserKeyPeriod>-5", in: good))
        }
        #expect(throws: KMSError.invalidValue("PubAuthKey")) {
            try certificate(KMSWorld.replacing("<PubAuthKey>04", with: "<PubAuthKey>4", in: good))
        }
        #expect(throws: KMSError.invalidValue("Role")) { try certificate(KMSWorld.replacing("Role=\"Root\"", with: "Role=\"Boss\"", in: good)) }
        #expect(throws: KMSError.unexpectedElement("KmsCertificate")) {
            try certificate(KMSWorld.replacing(XMLNamespace.kmsInterface, with: "urn:other", in: good))
        }
    }

    @Test func extensionsInOtherNamespacesAreSkipped() throws {
        let good = KMSWorld.text(KMSWorld.engine.certificate.xml())
        let extended = KMSWorld.replacing("<Revoked>", with: "<x:Vendor xmlns:x=\"urn:vendor\"><x:Any/></x:Vendor><Revoked>", in: good)
        #expect(try certificate(extended) == KMSWorld.engine.certificate)
    }

    @Test func datesWithoutAZoneAreUTC() {
        #expect(XMLDateTime.unixSeconds("2014-01-26T10:05:52") == 1_390_730_752)
        #expect(XMLDateTime.unixSeconds("2014-01-26T10:05:52Z") == 1_390_730_752)
        #expect(XMLDateTime.unixSeconds("2014-01-26T12:05:52.250+02:00") == 1_390_730_752)
        #expect(XMLDateTime.unixSeconds("2000-02-29T00:00:00") == 951_782_400)
        #expect(XMLDateTime.unixSeconds("1900-01-01T00:00:00") == -2_208_988_800)
        for bad in ["2001-02-29T00:00:00", "2014-13-01T00:00:00", "2014-01-26 10:05:52", "2014-01-26T24:00:00", "2014-01-26T10:05:52+2", ""] {
            #expect(XMLDateTime.unixSeconds(bad) == nil, "\(bad)")
        }
        #expect(XMLDateTime.text(unixSeconds: 1_390_730_752) == "2014-01-26T10:05:52")
        #expect(XMLDateTime.text(unixSeconds: -2_208_988_800) == "1900-01-01T00:00:00")
    }
}
