// KMS benchmarks (TS 33.180 §5.3, Annex D): one user's key set issued (the
// crypto: F.2.1 UID, RFC 6507 SSK/PVT, RFC 6508 RSK), the whole key
// provisioning response (two periods, XML, TrK wrap, InK signature), the
// client's check of it, and batches of 1,000 users on one task and two (the
// goal: 100,000 users for one period in 60 s on two cores). GMP's 1024-bit
// mpz_powm is measured in the same run as the unit of the ratios.
//
//   swift package --package-path Benchmarks benchmark --target KMSBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Curves
import Foundation
import KeyDerivation
import KMS
import Octets

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .microseconds, maxIterations: 1_000)
    mpzPowm1024Baseline(modulus: SAKKECurve.field.modulus)
    let now = Date(timeIntervalSince1970: 1_796_299_200)
    guard let period = try? KeyPeriod(length: 2_592_000),
        let engine = try? KMSEngine(
            secrets: KMSMasterSecrets(), kmsURI: "kms.example.org", certURI: "cert1.kms.example.org", keyPeriod: period,
            validFrom: now.addingTimeInterval(-86_400), validTo: now.addingTimeInterval(86_400 * 365)),
        let periodNumber = try? engine.periodNumber(at: now)
    else { fatalError("KMS setup") }
    let user = "sip:alice@example.org", url = "https://kms.example.org/keymanagement/identity/v1/keyprov"
    let trk = SecurityKey(name: "tk.1"), ink = SecurityKey(name: "ink.1")

    Benchmark("KMS key set issue (UID, SSK/PVT, RSK)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? engine.issueKeySet(for: user, periodNumber: periodNumber)) }
    }
    Benchmark("KMS key provisioning response (2 periods, plain XML)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? engine.keyProvisionResponse(userURI: user, time: now, requestURL: url)) }
    }
    Benchmark("KMS key provisioning response (2 periods, TrK-wrapped, InK-signed)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? engine.keyProvisionResponse(userURI: user, time: now, requestURL: url, transportKey: trk, integrityKey: ink))
        }
    }
    guard let secured = try? engine.keyProvisionResponse(userURI: user, time: now, requestURL: url, transportKey: trk, integrityKey: ink)
    else { fatalError("KMS setup") }
    let reader = KMSResponseReader(securityKeys: [trk, ink])
    Benchmark("KM client read + verify signature (no key validation)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? reader.read(secured, requestURL: url, now: now)) }
    }
    Benchmark("KM client accept key provisioning (verify, unwrap, validate, prepare 2 periods)") { benchmark in
        for _ in benchmark.scaledIterations {
            guard var client = try? KMClient(userURI: user, homeCertificate: engine.certificate, at: now, reader: reader) else { continue }
            blackHole(try? client.acceptKeyProvision(secured, requestURL: url, now: now))
        }
    }
    let users = (0 ..< 1_000).map { "sip:user\($0)@example.org" }
    let slow = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)
    for tasks in [1, 2] {
        Benchmark("KMS batch: 1,000 users' key sets, one period (\(tasks) task\(tasks == 1 ? "" : "s"))", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(await engine.issueKeySets(for: users, periodNumber: periodNumber, tasks: tasks)) }
        }
    }
}
