import FuzzEntryPoints

/// libFuzzer's entry: one input through `SRTCPUnprotectFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(SRTCPUnprotectFuzzEntry.self, start, count)
}
