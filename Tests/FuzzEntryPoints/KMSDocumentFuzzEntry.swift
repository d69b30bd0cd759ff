import Foundation
import KMS

/// The KMS document readers (TS 33.180 Annex D) on the whole input: as a
/// `KmsCertificate` and as a KMS response (any `Time`; no keys, so only an
/// unsigned `KmsResponse` can be accepted). Refusals must be `KMSError`; an
/// accepted certificate writes back to a document that reads as the same
/// certificate, and an accepted response writes back to one with the same header.
public enum KMSDocumentFuzzEntry: FuzzEntryPoint {
    public static let name = "KMSDocument"

    private static let reader = KMSResponseReader(maximumClockSkew: .infinity, maximumDocumentSize: 1 << 20)

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        let certificate = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is KMSError }) {
            let certificate = try KMSCertificate(xml: input, maximumSize: 1 << 20)
            try FuzzExpectation.require(try KMSCertificate(xml: certificate.xml()) == certificate, name, "certificate round trip")
        }
        let response = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is KMSError }) {
            let response = try reader.read(input, now: Date(timeIntervalSince1970: 0))
            let again = try reader.read(response.xml(), now: Date(timeIntervalSince1970: 0))
            try FuzzExpectation.require(
                again.kmsURI == response.kmsURI && again.userURI == response.userURI && again.clientRequestURL == response.clientRequestURL
                    && Int64(again.time.timeIntervalSince1970) == Int64(response.time.timeIntervalSince1970),
                name, "response round trip")
        }
        return certificate == .accepted || response == .accepted ? .accepted : .rejected
    }
}
