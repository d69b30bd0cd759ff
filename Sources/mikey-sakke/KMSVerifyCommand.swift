import ArgumentParser
import Foundation
import KMS
import Octets

/// `mikey-sakke kms verify`: checks a KMS certificate and, optionally, a key
/// provisioning response under it, as a KM client would, and prints what it
/// found (never a secret).
struct KMSVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a KMS certificate and a key provisioning response (TS 33.180 Annex D) and print what they hold.",
        discussion: """
            The certificate is checked at --time (keys on their curves, parameter set 1, UID format 2, validity, \
            revocation). The response's signature is checked with --trk/--ink (required when it is signed), its Time \
            against --time (300 s), ClientReqUrl against --request-url when given, and every key set under the \
            certificate: UserID = F.2.1 UID, SSK/PVT (RFC 6507 §5.1.2), RSK (RFC 6508 §6.1.2); its KmsUri must be the \
            certificate's. Without --user the keys are checked for the response's own UserUri, which binds them to no \
            one in particular: give --user for a real check. Values from the documents are printed with control \
            characters escaped. Exits 1 on any failure.
            """)

    @Option(help: "The KmsCertificate document.")
    var certificate: String

    @Option(help: "A KmsResponse / SignedKmsResponse with KmsKeyProv.")
    var response: String?

    @Option(help: "The user the key sets are for (default: the response's UserUri).")
    var user: String?

    @Option(help: "The time, ISO 8601 (default: now).")
    var time: String?

    @OptionGroup var securityKeys: SecurityKeyOptions

    @Option(name: .customLong("request-url"), help: "The URL the response was fetched from (checked against ClientReqUrl).")
    var requestURL: String?

    func run() throws {
        let now = try KMSFiles.time(time)
        let keys = try securityKeys.keys()
        do {
            let document = try KMSCertificate(xml: KMSFiles.read(certificate))
            guard document.role == .root else { throw KMSError.invalidValue("Role") }
            let validated = try document.validated(at: now)
            print("certificate: valid at \(now)")
            print(KMSFiles.printable("  KmsUri \(document.kmsURI), CertUri \(document.certURI ?? "-"), role \(document.role.rawValue)"))
            print("  key period \(document.userKeyPeriod) s, offset \(document.userKeyOffset) s, period now \(try validated.periodNumber(at: now))")
            print("  KPAK \(Hex.encode(document.pubAuthKey.prefix(9)))…, Z_T \(Hex.encode(document.pubEncKey.prefix(9)))…")
            guard let response else { return }
            let read = try KMSResponseReader(securityKeys: keys).read(KMSFiles.read(response), requestURL: requestURL, now: now)
            guard read.kmsURI == document.kmsURI else { throw KMSError.kmsMismatch }
            let userNote = user == nil ? " (no --user: not checked against anyone)" : ""
            print(KMSFiles.printable("response: \(keys.isEmpty ? "unsigned" : "signature verified"), UserUri \(read.userURI)\(userNote), Time \(read.time)"))
            guard case .keyProvision(let provision) = read.message else { throw KMSError.unexpectedElement("KmsMessage") }
            for keySet in provision.keySets {
                let keys = try keySet.validatedOnReceipt(
                    under: validated, userURI: user ?? read.userURI, receivedAt: now, transportKeys: keys)
                print("  key set for period \(keys.keyPeriodNumber): UID \(Hex.encode(keys.uid))")
                print("    SSK/PVT valid (RFC 6507 §5.1.2), RSK valid (RFC 6508 §6.1.2); keys \(Self.form(keySet))")
            }
        } catch let error as KMSError {
            print("refused: \(KMSFiles.explain(error))")
            throw ExitCode.failure
        }
    }

    private static func form(_ keySet: KMSKeySet) -> String {
        let contents = [keySet.userDecryptKey, keySet.userSigningKey, keySet.userPublicToken]
        let wrapped = contents.filter { content in if case .encrypted = content { true } else { false } }.count
        return wrapped == contents.count ? "wrapped with the TrK" : wrapped == 0 ? "in clear" : "partly wrapped (\(wrapped) of 3)"
    }
}
