// SAKKE (RFC 6508, parameter set 1) benchmarks with GMP's 1024-bit mpz_powm
// (full-width exponent) in the same run as the unit of the targets.
//
//   swift package --package-path Benchmarks benchmark --target SAKKEBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Curves
import Octets
import SAKKE

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .microseconds, maxIterations: 10_000)
    mpzPowm1024Baseline(modulus: SAKKECurve.field.modulus)
    let kms = SAKKE.KMSKeyPair()
    let identifier = Array("2026-11\u{0}sip:bob@example.org\u{0}".utf8)
    guard let rsk = try? kms.receiverSecretKey(for: identifier),
        let key = try? SAKKE.ReceiverKey(identifier: identifier, zt: kms.zt, rsk: rsk),
        let (_, encapsulation) = try? SAKKE.encapsulate(to: identifier, zt: kms.zt)
    else { fatalError("SAKKE setup") }
    let ssv = SecretBytes([UInt8](repeating: 0x42, count: 16))
    // The pairing's cost does not depend on its arguments: Z_T stands in for the RSK.
    Benchmark("SAKKE pairing (cold)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(TatePairing.reduced(encapsulation.r, kms.zt)) }
    }
    let lines = SAKKEPairingPrecomputation(kms.zt)
    Benchmark("SAKKE pairing (precomputed lines of the RSK)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(lines.pairing(with: encapsulation.r)) }
    }
    Benchmark("SAKKE encapsulate (cold)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? SAKKE.encapsulate(ssv: ssv, to: identifier, zt: kms.zt)) }
    }
    Benchmark("SAKKE decapsulate (cold)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? key.decapsulate(encapsulation)) }
    }
    let receiver = SAKKE.PreparedReceiver(key)
    Benchmark("SAKKE decapsulate (prepared receiver: RSK lines, [b]P + Z_T table)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? receiver.decapsulate(encapsulation)) }
    }
    let sender = SAKKE.Sender(zt: kms.zt)
    Benchmark("SAKKE encapsulate (prepared sender, Z_T table)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? sender.encapsulate(ssv: ssv, to: identifier)) }
    }
    guard let recipient = try? SAKKE.PreparedRecipient(identifier: identifier, zt: kms.zt) else { fatalError("SAKKE setup") }
    Benchmark("SAKKE encapsulate (prepared recipient, [b]P + Z_T table)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? recipient.encapsulate(ssv: ssv)) }
    }
    Benchmark("SAKKE prepare receiver (RSK lines, [b]P + Z_T table)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SAKKE.PreparedReceiver(key)) }
    }
    Benchmark("SAKKE prepare sender (Z_T table)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(SAKKE.Sender(zt: kms.zt)) }
    }
    Benchmark("SAKKE RSK issue") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? kms.receiverSecretKey(for: identifier)) }
    }
    let encoded = encapsulation.bytes
    Benchmark("SAKKE encapsulation parse (R on the curve and in the order-q subgroup)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? SAKKE.Encapsulation(bytes: encoded)) }
    }
    Benchmark("SAKKE RSK validation") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? SAKKE.ReceiverKey(identifier: identifier, zt: kms.zt, rsk: rsk)) }
    }
}
