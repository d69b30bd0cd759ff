import Foundation
import KMS
import Octets

/// The KMS document readers (TS 33.180 Annex D) on the whole input: as a
/// `KmsCertificate` and as a KMS response (any `Time`; no keys, so only an
/// unsigned `KmsResponse` can be accepted). Refusals must be `KMSError`; an
/// accepted certificate writes back to a document that reads as the same
/// certificate, and an accepted response writes back to one with the same header.
public enum KMSDocumentFuzzEntry: FuzzEntryPoint {
    public static let name = "KMSDocument"

    private static let reader = KMSResponseReader(maximumClockSkew: .infinity, maximumDocumentSize: 1 << 20)

    /// A reader with the TrK and InK of TestVectors/kms-provisioning.json
    /// (Scripts/make-kms-vectors.py), so that signed and wrapped seeds reach
    /// canonicalisation and the MAC check.
    private static let keyedReader: KMSResponseReader = {
        do {
            let keys = [
                try SecurityKey(name: "tk.1.alice@example.org", bytes: SecretBytes(Array(0x20 ..< 0x40))),
                try SecurityKey(name: "ik.1.alice@example.org", bytes: SecretBytes(Array(0x40 ..< 0x60))),
            ]
            return KMSResponseReader(securityKeys: keys, maximumClockSkew: .infinity, maximumDocumentSize: 1 << 20)
        } catch { preconditionFailure("32-octet keys: \(error)") }
    }()

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
        let signed = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is KMSError }) {
            _ = try keyedReader.read(input, now: Date(timeIntervalSince1970: 0))
        }
        return [certificate, response, signed].contains(.accepted) ? .accepted : .rejected
    }
}
