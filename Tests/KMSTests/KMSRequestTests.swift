import Foundation
import Testing

@testable import KMS

/// The signed KMS request of D.2.2: the KMS's checks.
@Suite struct KMSRequestTests {
    static let url = "https://kms.example.org/keymanagement/identity/v1/keyprov"
    static let request = KMSRequest(
        userURI: KMSWorld.alice, kmsURI: KMSWorld.kmsURI, time: KMSWorld.now, clientID: "client-1", clientRequestURL: url)

    func verify(_ document: [UInt8], now: Date = KMSWorld.now, url: String = url) throws(KMSError) -> (request: KMSRequest, keyName: String) {
        try KMSRequest.verified(document, keys: [KMSWorld.integrityKey], kmsURI: KMSWorld.kmsURI, requestURL: url, now: now)
    }

    @Test func aSignedRequestRoundTripsAndNamesItsKey() throws {
        let document = try Self.request.xml(signedWith: KMSWorld.integrityKey)
        #expect(KMSWorld.text(document).contains("<SignedKmsRequest xmlns=\"urn:3gpp:ns:mcsecKMSSecExt:1.0\" Id=\"xmldoc\">"))
        let verified = try verify(document)
        #expect(verified.request == Self.request)
        #expect(verified.keyName == KMSWorld.integrityKey.name)
    }

    @Test func theKMSRefusesWhatD22Lists() throws {
        let document = try Self.request.xml(signedWith: KMSWorld.integrityKey)
        #expect(throws: KMSError.staleTime) { try verify(document, now: KMSWorld.now.addingTimeInterval(6)) }
        #expect(throws: KMSError.requestURLMismatch) { try verify(document, url: "https://kms.example.org/keymanagement/identity/v1/init") }
        let tampered = KMSWorld.replacing("client-1", with: "client-2", in: KMSWorld.text(document))
        #expect(throws: KMSError.signatureInvalid) { try verify(KMSWorld.bytes(tampered)) }
        var other = Self.request
        other.kmsURI = "kms.other.org"
        #expect(throws: KMSError.kmsMismatch) { try verify(other.xml(signedWith: KMSWorld.integrityKey)) }
        #expect(throws: KMSError.unknownKeyName(KMSWorld.transportKey.name)) { try verify(Self.request.xml(signedWith: KMSWorld.transportKey)) }
    }
}
