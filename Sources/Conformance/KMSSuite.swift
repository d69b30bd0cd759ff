import Foundation
import KMS
import Octets

/// The KMS operations of the vector format (TestVectors/FORMAT.md, TS 33.180
/// §5.3, Annex D): a certificate checked at a time, and a key provisioning
/// response read, verified, unwrapped and validated under a certificate.
enum KMSSuite {
    static let suite = AlgorithmSuite(
        algorithm: "KMS",
        unsupportedParameters: { file in
            let set = file.parameter("parameterSet")
            return set == nil || set == "1" ? nil : "only parameter set 1 (RFC 6509) is defined"
        },
        operations: [
            "certificate": { test, _ in
                let certificate = try KMSCertificate(xml: Array(test.string("certificate").utf8)).validated(at: time(test))
                return [
                    "kmsUri": .string(certificate.kmsURI), "certUri": .string(certificate.certificate.certURI ?? ""),
                    "kpak": .bytes(certificate.kpak.encoded), "zt": .bytes(certificate.zt.encoded),
                    "userKeyPeriod": .integer(Int(clamping: certificate.keyPeriod.length)),
                    "userKeyOffset": .integer(Int(clamping: certificate.keyPeriod.offset)),
                ]
            },
            "key-provision": { test, _ in
                let now = try time(test)
                let certificate = try KMSCertificate(xml: Array(test.string("certificate").utf8)).validated(at: now)
                var keys: [SecurityKey] = []
                for (key, name) in [("trk", "trkName"), ("ink", "inkName")] {
                    if let bytes = try test.optionalBytes(key) {
                        keys.append(try SecurityKey(name: test.string(name), bytes: SecretBytes(bytes)))
                    }
                }
                let response = try KMSResponseReader(securityKeys: keys).read(
                    Array(test.string("response").utf8), requestURL: test.optionalString("requestUrl"), now: now)
                guard case .keyProvision(let provision) = response.message else { throw KMSError.unexpectedElement("KmsMessage") }
                let userURI = try test.string("userUri")
                guard response.userURI == userURI else { throw KMSError.userURIMismatch }
                guard response.kmsURI == certificate.kmsURI else { throw KMSError.kmsMismatch }
                // The key set of the period at `time`: the one the client uses now.
                let period = try certificate.periodNumber(at: now)
                guard let keySet = provision.keySets.first(where: { $0.keyPeriodNumber == period }) ?? provision.keySets.first else {
                    throw KMSError.missingElement("KmsKeySet")
                }
                let provisioned = try keySet.validated(under: certificate, userURI: userURI, at: now, transportKeys: keys)
                return [
                    "userId": .bytes(provisioned.uid), "keyPeriodNo": .integer(Int(clamping: provisioned.keyPeriodNumber)),
                    "ssk": .bigEndianInteger(provisioned.signingKey.ssk.withBigEndianBytes { $0 }), "pvt": .bytes(provisioned.signingKey.pvt.encoded),
                    "rsk": .bytes(provisioned.receiverKey.rsk.encoded.withUnsafeBytes { Array($0) }),
                ]
            },
        ])

    /// The test's `time`, ISO 8601 UTC.
    private static func time(_ test: VectorTest) throws -> Date {
        let text = try test.string("time")
        guard let date = ISO8601DateFormatter().date(from: text.hasSuffix("Z") ? text : text + "Z") else {
            throw VectorInputError.wrongType("time", expected: "ISO 8601 UTC")
        }
        return date
    }
}
