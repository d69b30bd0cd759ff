// ECCSI (RFC 6507) and P-256 benchmarks, with two baselines in the same run:
// GMP's 256-bit mpz_powm (the unit of the targets in Docs/Performance.md) and
// swift-crypto's P-256 ECDSA sign/verify (for scale).
//
//   swift package --package-path Benchmarks benchmark --target ECCSIBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Crypto
import Curves
import ECCSI

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .nanoseconds, maxIterations: 100_000)
    let scalars = Curves.P256.scalars
    let field = Curves.P256.field
    var generator = SystemRandomNumberGenerator()

    // MARK: Baselines

    mpzPowmBaseline(
        "mpz_powm 256-bit (P-256 p)", modulus: field.modulus,
        base: field.integer(field.randomNonzeroElement(using: &generator)), exponent: fullWidthExponent(bits: 256))
    let ecdsaKey = Crypto.P256.Signing.PrivateKey()
    let ecdsaMessage = [UInt8](repeating: 0x5A, count: 100)
    Benchmark("swift-crypto P-256 ECDSA sign") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? ecdsaKey.signature(for: ecdsaMessage)) }
    }
    guard let ecdsaSignature = try? ecdsaKey.signature(for: ecdsaMessage) else { fatalError("ECDSA setup") }
    Benchmark("swift-crypto P-256 ECDSA verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ecdsaKey.publicKey.isValidSignature(ecdsaSignature, for: ecdsaMessage))
        }
    }

    // MARK: Curve

    let k = scalars.randomNonzeroElement(using: &generator)
    guard let point = try? Curves.P256.multiplyGenerator(scalars.randomNonzeroElement(using: &generator)) else {
        fatalError("curve setup")
    }
    Benchmark("P-256 [k]G fixed-base comb (constant time)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Curves.P256.multiplyGenerator(k)) }
    }
    Benchmark("P-256 [k]P (constant time)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Curves.P256.multiply(point, k)) }
    }
    Benchmark("P-256 [k]P vartime (wNAF)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Curves.P256.multiplyVartime(point, k)) }
    }
    let table = P256PrecomputedPoint(point, windowBits: 7)
    Benchmark("P-256 [u]G + [v]P vartime, P precomputed") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Curves.P256.linearCombinationVartime(generatorScalar: k, [(table, k)])) }
    }

    // MARK: ECCSI

    let kms = ECCSI.KMSKeyPair()
    let identifier = Array("2026-11\u{0}sip:alice@mcptt.example.org\u{0}".utf8)
    let issued = kms.issueUserKeys(for: identifier)
    guard let key = try? ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt) else {
        fatalError("ECCSI setup")
    }
    let message = [UInt8](repeating: 0xA5, count: 100)
    let signature = key.signature(for: message).bytes
    let verifier = ECCSI.Verifier(kpak: kms.kpak)
    guard let prepared = try? verifier.prepare(signer: identifier, pvt: issued.pvt) else { fatalError("ECCSI prepare") }

    Benchmark("ECCSI KMS keys (KSAK -> KPAK)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ECCSI.KMSKeyPair(ksak: issued.ssk).kpak) }
    }
    Benchmark("ECCSI user key issue (SSK, PVT)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(kms.issueUserKeys(for: identifier)) }
    }
    Benchmark("ECCSI user key validation") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt))
        }
    }
    Benchmark("ECCSI sign") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(key.signature(for: message)) }
    }
    Benchmark("ECCSI verify (cold)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? verifier.verify(signature, for: message, signer: identifier)) }
    }
    Benchmark("ECCSI verify (prepared signer)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? prepared.verify(signature, for: message)) }
    }
    Benchmark("ECCSI prepare signer") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? verifier.prepare(signer: identifier, pvt: issued.pvt)) }
    }
}
