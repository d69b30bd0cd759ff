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
            Writes certificate.xml and master-secrets.bin ("MSKMS001" then KSAK || z wrapped with AES-256 key wrap, \
            RFC 3394; mode 0600) into the --out folder. The secrets are never written in clear. When the --kek file \
            does not exist, a new random key is written there (mode 0600): keep it apart from the folder. An existing \
            KMS in --out is never overwritten (its key sets would no longer validate) unless --force is given.
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

    @Flag(help: "Replace a KMS already in --out (its master secrets are lost).")
    var force = false

    func validate() throws {
        guard (1 ... 3_650_000).contains(validDays) else { throw ValidationError("--valid-days must be in 1 … 3,650,000") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out)
        let certificatePath = folder.appendingPathComponent(KMSFiles.certificateName).path
        let secretsPath = folder.appendingPathComponent(KMSFiles.secretsName).path
        for path in [certificatePath, secretsPath] where !force && FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) exists: a KMS is already there (--force replaces it and loses its secrets)")
        }
        let created = !FileManager.default.fileExists(atPath: kek)
        if created { try KMSFiles.writeKey(SecurityKey(name: "kek"), to: kek) }
        let kekKey = try KMSFiles.key(at: kek, name: "kek")
        let keyPeriod = try keyPeriodOptions.keyPeriod()
        let start = try validFrom.map { try KMSFiles.time($0) } ?? keyPeriod.start(ofPeriod: keyPeriod.number(at: Date()))
        let engine: KMSEngine
        do {
            engine = try KMSEngine(
                secrets: KMSMasterSecrets(), kmsURI: kmsURI, certURI: certURI, issuer: issuer, keyPeriod: keyPeriod,
                validFrom: start, validTo: start.addingTimeInterval(Double(validDays) * 86_400))
        } catch { throw ValidationError("cannot make the certificate: \(KMSFiles.explain(error))") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try KMSFiles.writePrivate(engine.wrappedSecrets(with: kekKey), to: secretsPath, replacing: force)
        try Data(engine.certificate.xml()).write(to: URL(fileURLWithPath: certificatePath), options: .atomic)
        if created { print("new key-encryption key: \(kek)") }
        print("certificate: \(certificatePath)")
        print("master secrets (wrapped): \(secretsPath)")
        print("KMS URI \(kmsURI), key period \(keyPeriodOptions.period) s, offset \(keyPeriodOptions.offset) s")
    }
}
