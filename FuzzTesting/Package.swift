// swift-tools-version: 6.1
//
// libFuzzer targets of swift-mikey-sakke, in a package of their own so that
// library users never build them and `swift test` in the root never sees
// them. One executable per parser or byte-taking entry point; the entry points
// themselves live in the root package's Tests/FuzzEntryPoints (reached here
// through the symlink Sources/FuzzEntryPoints), where the corpus replay test
// uses them too. Build and run (see README.md and Scripts/fuzz.sh):
//   swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library

import PackageDescription

/// The fuzz targets: entry-point name → executable `Fuzz<name>`.
let targets = [
    "SRTPUnprotect", "SRTCPUnprotect", "RTPHeader", "P256Point", "SAKKEPoint", "ECCSIVerify", "SAKKEDecapsulate", "VectorFile",
    "VectorFileParse", "IMessageParse", "IMessageProcess", "KMSDocument",
]

let package = Package(
    name: "swift-mikey-sakke-fuzzing",
    products: targets.map { .executable(name: "Fuzz\($0)", targets: ["Fuzz\($0)"]) },
    dependencies: [
        .package(name: "swift-mikey-sakke", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzEntryPoints",
            dependencies: ["Octets", "Curves", "ECCSI", "KeyDerivation", "SAKKE", "SRTP", "MIKEY", "KMS", "MikeySakke", "Conformance"].map {
                .product(name: $0, package: "swift-mikey-sakke")
            }
        ),
    ] + targets.map { .executableTarget(name: "Fuzz\($0)", dependencies: ["FuzzEntryPoints"]) }
)
