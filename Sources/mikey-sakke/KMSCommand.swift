import ArgumentParser

/// `mikey-sakke kms`: a KMS on the command line (TS 33.180 §5.3, Annex D):
/// make one, provision users, check what a KMS sent.
struct KMSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kms",
        abstract: "A KMS (TS 33.180 Annex D): make one, provision a user, verify a certificate and a key set response.",
        subcommands: [KMSInitCommand.self, KMSProvisionCommand.self, KMSVerifyCommand.self]
    )
}
