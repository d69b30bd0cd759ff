import ArgumentParser
import Foundation
import KMS

/// `mikey-sakke kms init`: a new KMS: fresh master secrets (KSAK, z), its
/// root certificate (D.3.2) and the secrets wrapped under a key-encryption key.
struct KMSInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new KMS: a root certificate (TS 33.180 D.3.2) and its master secrets wrapped under --kek.",
        discussion: """
            Writes DIR/certificate.xml and DIR/master-secrets.bin ("MSKMS001" then KSAK || z wrapped with AES-256 key \
            wrap, RFC 3394). The secrets are never written in clear. When the --kek file does not exist, a new random \
            key is written there (mode 0600): keep it apart from the folder.
            """)

    @Option(name: .customLong("kms-uri"), help: "The KMS URI (KmsUri; the UIDs' KMS identifier).")
    var kmsURI: String

    @Option(name: .customLong("cert-uri"), help: "The certificate's URI (CertUri).")
    var certURI: String?

    @Option(help: "The issuer (Issuer).")
    var issuer: String?

    @OptionGroup var keyPeriodOptions: KeyPeriodOptions

    @Option(name: .customLong("valid-from"), help: "ValidFrom, ISO 8601 (default: the start of the current key period).")
    var validFrom: String?

    @Option(name: .customLong("valid-days"), help: "Days the certificate is valid from ValidFrom.")
    var validDays: Int = 3650

    @Option(help: "The key-encryption key file (64 hex digits); made when absent.")
    var kek: String

    @Option(help: "The folder to write the KMS into.")
    var out: String

    func run() throws {
        let created = !FileManager.default.fileExists(atPath: kek)
        if created { try KMSFiles.writeKey(SecurityKey(name: "kek"), to: kek) }
        let kekKey = try KMSFiles.key(at: kek, name: "kek")
        let keyPeriod = try keyPeriodOptions.keyPeriod()
        let start = try validFrom.map { try KMSFiles.time($0) } ?? keyPeriod.start(ofPeriod: keyPeriod.number(at: Date()))
        let engine = try KMSEngine(
            secrets: KMSMasterSecrets(), kmsURI: kmsURI, certURI: certURI, issuer: issuer, keyPeriod: keyPeriod,
            validFrom: start, validTo: start.addingTimeInterval(Double(validDays) * 86_400))
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: out)
        try Data(engine.certificate.xml()).write(to: folder.appendingPathComponent(KMSFiles.certificateName))
        let secretsPath = folder.appendingPathComponent(KMSFiles.secretsName).path
        guard FileManager.default.createFile(
            atPath: secretsPath, contents: Data(engine.wrappedSecrets(with: kekKey)), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(secretsPath)") }
        if created { print("new key-encryption key: \(kek)") }
        print("certificate: \(folder.appendingPathComponent(KMSFiles.certificateName).path)")
        print("master secrets (wrapped): \(secretsPath)")
        print("KMS URI \(kmsURI), key period \(keyPeriodOptions.period) s, offset \(keyPeriodOptions.offset) s")
    }
}
