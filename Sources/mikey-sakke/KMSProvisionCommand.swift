import ArgumentParser
import Foundation
import KMS

/// `mikey-sakke kms provision`: the KmsKeyProv response (D.3.4.2) of a KMS
/// made by `kms init` for one user: the key sets of the period at --time and
/// the next.
struct KMSProvisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provision",
        abstract: "Write a user's key provisioning response (TS 33.180 D.3.4.2): key sets for the period at --time and the next.",
        discussion: """
            With --trk the key material is wrapped with the TrK (AES-256 key wrap) and the response signed; with --ink \
            it is signed with the InK (XML-DSig HMAC-SHA-256), as D.3.4 shows. Without either, the response is a plain \
            KmsResponse with the keys in clear: a secret file.
            """)

    @Option(help: "The KMS folder made by `kms init`.")
    var kms: String

    @Option(help: "The key-encryption key file of the KMS's master secrets.")
    var kek: String

    @Option(help: "The user's URI.")
    var user: String

    @Option(help: "The time, ISO 8601 (default: now).")
    var time: String?

    /// --trk wraps the keys and signs; --ink signs.
    @OptionGroup var securityKeys: SecurityKeyOptions

    @Option(name: .customLong("request-url"), help: "ClientReqUrl (default: the KMS URI's keyprov resource).")
    var requestURL: String?

    @Option(help: "Write the response to this file instead of standard output.")
    var out: String?

    func run() throws {
        let folder = URL(fileURLWithPath: kms)
        let certificate = try KMSCertificate(xml: KMSFiles.read(folder.appendingPathComponent(KMSFiles.certificateName).path))
        let transportKey = try securityKeys.transportKey()
        let response: [UInt8]
        do {
            let secrets = try KMSMasterSecrets(
                wrapped: KMSFiles.read(folder.appendingPathComponent(KMSFiles.secretsName).path), key: KMSFiles.key(at: kek, name: "kek"))
            let engine = try KMSEngine(secrets: secrets, certificate: certificate)
            response = try engine.keyProvisionResponse(
                userURI: user, time: KMSFiles.time(time),
                requestURL: requestURL ?? "https://\(certificate.kmsURI)/keymanagement/identity/v1/keyprov",
                transportKey: transportKey, integrityKey: securityKeys.integrityKey())
        } catch let error as KMSError {
            throw ValidationError("cannot provision: \(KMSFiles.explain(error))")
        }
        if let out {
            try KMSFiles.writePrivate(response, to: out, replacing: true)
        } else {
            if transportKey == nil {
                FileHandle.standardError.write(Data("warning: the keys are in clear (no --trk); treat this output as a secret\n".utf8))
            }
            FileHandle.standardOutput.write(Data(response))
        }
    }
}
