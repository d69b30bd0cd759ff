import ArgumentParser

/// `mikey-sakke`: the command-line tool of swift-mikey-sakke.
@main
struct MikeySakke: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mikey-sakke",
        abstract: "The 3GPP mission-critical (TS 33.180) security stack: KMS keys, MIKEY-SAKKE, SRTP.",
        subcommands: [DemoCommand.self, VectorsCommand.self, InspectCommand.self, CreateCommand.self, KMSCommand.self]
    )
}
