/// Every fuzz target of the package, in the order of
/// the figures in `Docs/Security.md`. The corpus replay test runs each of them, so a
/// target added here is replayed by `swift test` without further wiring.
public enum FuzzEntryPoints {
    public static let all: [FuzzTarget] = [
        FuzzTarget(SRTPUnprotectFuzzEntry.self),
        FuzzTarget(SRTCPUnprotectFuzzEntry.self),
        FuzzTarget(RTPHeaderFuzzEntry.self),
        FuzzTarget(P256PointFuzzEntry.self),
        FuzzTarget(SAKKEPointFuzzEntry.self),
        FuzzTarget(ECCSIVerifyFuzzEntry.self),
        FuzzTarget(SAKKEDecapsulateFuzzEntry.self),
        FuzzTarget(VectorFileFuzzEntry.self),
        FuzzTarget(VectorFileParseFuzzEntry.self),
        FuzzTarget(IMessageParseFuzzEntry.self),
        FuzzTarget(IMessageProcessFuzzEntry.self),
        FuzzTarget(KMSDocumentFuzzEntry.self),
    ]

    /// The entry point called `name`, if there is one.
    public static func target(named name: String) -> FuzzTarget? {
        all.first { $0.name == name }
    }
}
