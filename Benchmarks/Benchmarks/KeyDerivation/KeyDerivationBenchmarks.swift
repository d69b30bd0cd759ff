// Key-derivation benchmarks (TS 33.220 KDF, MIKEY-SAKKE UID, GUK-ID, MIKEY PRF).
// Their baseline is one HMAC-SHA-256 of the same input through swift-crypto:
// every derivation here is one or a few HMACs plus encoding.
//
//   swift package --package-path Benchmarks benchmark --target KeyDerivationBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Octets
import Crypto
import KeyDerivation

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .nanoseconds, maxIterations: 1_000_000)
    let key = SecretBytes.random(count: 16)
    let user = "sip:alice@mcptt.example.org"
    let s = (try? KDF3GPP.inputString(fc: 0x50, parameters: [.string(user)])) ?? []
    let symmetricKey = key.withUnsafeBytes { SymmetricKey(data: $0) }

    Benchmark("HMAC-SHA-256 of the F.1.3 input (swift-crypto, baseline)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(HMAC<SHA256>.authenticationCode(for: s, using: symmetricKey)) }
    }
    Benchmark("KDF3GPP.derive F.1.3 user salt input") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? KDF3GPP.derive(key: key, fc: 0x50, parameters: [.string(user)])) }
    }
    guard let period = try? KeyPeriod(length: 2_592_000, offset: 0) else { fatalError("key period") }
    Benchmark("MIKEY-SAKKE UID (F.2.1)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? MikeySakkeUID.uid(identifier: user, kmsIdentifier: "kms.example.org", keyPeriod: period, atSecondsSince1900: 3_599_719_634))
        }
    }
    let gmkID = KeyIdentifier.random(purpose: .gmk)
    Benchmark("GUK-ID from GMK-ID (F.1.3)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? gmkID.userKeyIdentifier(key: key, userIdentifier: user)) }
    }
    let rand = [UInt8](repeating: 0x42, count: 16)
    Benchmark("SRTP master key and salt (MIKEY PRF, 7.4.2)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? SRTPMasterKeys.groupCall(gmk: key, gukID: gmkID, rand: rand, session: .mcpttGroupCall))
        }
    }
}
