/// The body of every `LLVMFuzzerTestOneInput`: copies libFuzzer's buffer,
/// runs the entry point and turns a finding into a trap, which libFuzzer
/// records as a crash and writes to a `crash-…` file.
public enum FuzzDriver {
    /// Runs `entry` on the `count` octets at `start`; returns 0 as libFuzzer requires.
    public static func testOneInput<Entry: FuzzEntryPoint>(_ entry: Entry.Type, _ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        do {
            _ = try Entry.run(input)
        } catch {
            fatalError("fuzz finding: \(error)")
        }
        return 0
    }
}
