import FuzzEntryPoints

/// libFuzzer's entry: one input through `VectorFileParseFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(VectorFileParseFuzzEntry.self, start, count)
}
