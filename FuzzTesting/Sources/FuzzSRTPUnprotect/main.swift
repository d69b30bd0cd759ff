import FuzzEntryPoints

/// libFuzzer's entry: one input through `SRTPUnprotectFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(SRTPUnprotectFuzzEntry.self, start, count)
}
