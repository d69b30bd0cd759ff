// swift-tools-version: 6.1
//
// Benchmarks of swift-mikey-sakke, in a package of their own so that users of the
// library never fetch the benchmark harness. Run from the repository root:
//   swift package --package-path Benchmarks benchmark
// Figures and their ratios to the GMP baseline go to Docs/Performance.md.

import PackageDescription

let package = Package(
    name: "swift-mikey-sakke-benchmarks",
    dependencies: [
        .package(name: "swift-mikey-sakke", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        // GMP's own mpz functions, called directly: the baseline of every ratio.
        .systemLibrary(
            name: "CGMPBaseline",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"]), .brew(["gmp"])]
        ),
        // libgcrypt called directly: the bare AES-GCM baseline of the SRTP rows.
        .systemLibrary(
            name: "CGcryptBaseline",
            pkgConfig: "libgcrypt",
            providers: [.apt(["libgcrypt20-dev"])]
        ),
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "CGMPBaseline",
            ]
        ),
        .executableTarget(
            name: "FieldArithmetic",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
                "CGMPBaseline",
            ],
            path: "Benchmarks/FieldArithmetic",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ECCSIBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Curves", package: "swift-mikey-sakke"),
                .product(name: "ECCSI", package: "swift-mikey-sakke"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
                "CGMPBaseline",
            ],
            path: "Benchmarks/ECCSI",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "KeyDerivationBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "KeyDerivation", package: "swift-mikey-sakke"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/KeyDerivation",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "SRTPBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "SRTP", package: "swift-mikey-sakke"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
                .target(name: "CGcryptBaseline", condition: .when(platforms: [.linux])),
            ],
            path: "Benchmarks/SRTP",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "SAKKEBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Curves", package: "swift-mikey-sakke"),
                .product(name: "SAKKE", package: "swift-mikey-sakke"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/SAKKE",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "MikeySakkeBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Curves", package: "swift-mikey-sakke"),
                .product(name: "ECCSI", package: "swift-mikey-sakke"),
                .product(name: "SAKKE", package: "swift-mikey-sakke"),
                .product(name: "KeyDerivation", package: "swift-mikey-sakke"),
                .product(name: "MIKEY", package: "swift-mikey-sakke"),
                .product(name: "MikeySakke", package: "swift-mikey-sakke"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/MikeySakke",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "KMSBenchmarks",
            dependencies: [
                .product(name: "BigNum", package: "swift-mikey-sakke"),
                .product(name: "Octets", package: "swift-mikey-sakke"),
                .product(name: "Curves", package: "swift-mikey-sakke"),
                .product(name: "KeyDerivation", package: "swift-mikey-sakke"),
                .product(name: "KMS", package: "swift-mikey-sakke"),
                .product(name: "Benchmark", package: "package-benchmark"),
                "BenchmarkSupport",
            ],
            path: "Benchmarks/KMS",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
