import FuzzEntryPoints

/// libFuzzer's entry: one input through `KMSDocumentFuzzEntry`; a finding traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzDriver.testOneInput(KMSDocumentFuzzEntry.self, start, count)
}
