import ArgumentParser
import KMS

/// `--trk`/`--trk-name` and `--ink`/`--ink-name`: the TrK and InK of the
/// Annex D security extension, as 32-octet hex files and their `ds:KeyName`s.
struct SecurityKeyOptions: ParsableArguments {
    @Option(help: "The TrK file (64 hex digits).")
    var trk: String?

    @Option(name: .customLong("trk-name"), help: "The TrK's name (ds:KeyName).")
    var trkName: String?

    @Option(help: "The InK file (64 hex digits).")
    var ink: String?

    @Option(name: .customLong("ink-name"), help: "The InK's name (ds:KeyName).")
    var inkName: String?

    /// The TrK, when given.
    func transportKey() throws -> SecurityKey? { try KMSFiles.optionalKey(trk, name: trkName, option: "trk") }

    /// The InK, when given.
    func integrityKey() throws -> SecurityKey? { try KMSFiles.optionalKey(ink, name: inkName, option: "ink") }

    /// Every key given.
    func keys() throws -> [SecurityKey] { try [transportKey(), integrityKey()].compactMap { $0 } }
}
