import ArgumentParser
import KeyDerivation

/// `--period` and `--offset`: the KMS key period the UIDs of a command's
/// I_MESSAGE are derived in (TS 33.180 F.2.1; the KMS certificate's
/// UserKeyPeriod and UserKeyOffset).
struct KeyPeriodOptions: ParsableArguments {
    @Option(help: "The KMS key period, seconds (F.2.1).")
    var period: UInt64 = 2_592_000

    @Option(help: "The KMS key period offset, seconds.")
    var offset: UInt64 = 0

    func validate() throws {
        guard (try? KeyPeriod(length: period, offset: offset)) != nil else {
            throw ValidationError("--period must be above 0 and --offset below it")
        }
    }

    /// The key period the options name (checked by ``validate()``).
    func keyPeriod() throws -> KeyPeriod { try KeyPeriod(length: period, offset: offset) }
}
