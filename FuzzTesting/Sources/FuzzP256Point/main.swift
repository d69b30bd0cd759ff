import FuzzEntryPoints

/// libFuzzer's entry: one input through `P256PointFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(P256PointFuzzEntry.self, start, count)
}
