import FuzzEntryPoints

/// libFuzzer's entry: one input through `IMessageProcessFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(IMessageProcessFuzzEntry.self, start, count)
}
