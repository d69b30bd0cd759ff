import FuzzEntryPoints

/// libFuzzer's entry: one input through `RTPHeaderFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(RTPHeaderFuzzEntry.self, start, count)
}
