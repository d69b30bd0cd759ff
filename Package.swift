// swift-tools-version: 6.1
//
// swift-mikey-sakke: the 3GPP mission-critical (TS 33.180) end-to-end security stack.
// Layers and their order are described in Docs/Architecture.md; each layer is its own
// library product so that a user imports only what they need.

import PackageDescription

let package = Package(
    name: "swift-mikey-sakke",
    products: [
        .library(name: "BigNum", targets: ["BigNum"]),
        .library(name: "Curves", targets: ["Curves"]),
        .library(name: "ECCSI", targets: ["ECCSI"]),
        .library(name: "KeyDerivation", targets: ["KeyDerivation"]),
        .library(name: "SAKKE", targets: ["SAKKE"]),
        .library(name: "SRTP", targets: ["SRTP"]),
        .library(name: "Conformance", targets: ["Conformance"]),
        .executable(name: "mikey-sakke", targets: ["mikey-sakke"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        // getrandom(2), which Glibc's Swift module does not export.
        .systemLibrary(name: "CSystemRandom"),
        .target(
            name: "BigNum",
            dependencies: ["CGMP", "CSystemRandom"]
        ),
        .target(
            name: "Curves",
            dependencies: ["BigNum"]
        ),
        .target(
            name: "ECCSI",
            dependencies: ["BigNum", "Curves", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "KeyDerivation",
            dependencies: ["BigNum", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SAKKE",
            dependencies: ["BigNum", "Curves", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "SRTP",
            dependencies: [
                "BigNum",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Conformance",
            dependencies: ["BigNum", "Curves", "ECCSI", "KeyDerivation", "SAKKE", "SRTP"]
        ),
        .executableTarget(
            name: "mikey-sakke",
            dependencies: [
                "BigNum",
                "Conformance",
                "Curves",
                "ECCSI",
                "KeyDerivation",
                "SAKKE",
                "SRTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets (deterministic generators); not a product.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "BigNumTests",
            dependencies: ["BigNum", "CGMP", "TestSupport"]
        ),
        .testTarget(
            name: "CurvesTests",
            dependencies: ["Curves", "BigNum", "TestSupport"]
        ),
        .testTarget(
            name: "ECCSITests",
            dependencies: ["ECCSI", "Curves", "BigNum", "KeyDerivation", "TestSupport"]
        ),
        .testTarget(
            name: "KeyDerivationTests",
            dependencies: ["KeyDerivation", "BigNum", "TestSupport"]
        ),
        .testTarget(
            name: "SAKKETests",
            dependencies: ["SAKKE", "Curves", "BigNum"]
        ),
        .testTarget(
            name: "SRTPTests",
            dependencies: ["SRTP", "KeyDerivation", "BigNum", "TestSupport"]
        ),
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["Conformance"]
        ),
    ]
)
