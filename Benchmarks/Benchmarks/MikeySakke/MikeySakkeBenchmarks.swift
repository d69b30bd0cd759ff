// MIKEY-SAKKE I_MESSAGE benchmarks (RFC 6509, TS 33.180 Annex E): create and
// process a PCK and a GMK message, and a GMS's group re-key at 1,000 members
// on one task and on two. GMP's 1024-bit mpz_powm is measured in the same run
// as the unit of the ratios.
//
//   swift package --package-path Benchmarks benchmark --target MikeySakkeBenchmarks

import Benchmark
import Dispatch
import BenchmarkSupport
import BigNum
import Curves
import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// One KMS, a GMS/initiator and a receiver keyed for one key period.
private struct Setup {
    let period: KeyPeriod
    let time = NTPTimestamp(seconds: 3_900_000_000)
    let initiator = IMessageParty(uri: "sip:alice@example.org", kmsURI: "kms.example.org")
    let receiver = IMessageParty(uri: "sip:bob@example.org", kmsURI: "kms.example.org")
    let eccsiKMS = ECCSI.KMSKeyPair()
    let sakkeKMS = SAKKE.KMSKeyPair()
    let creator: IMessageCreator
    let sender: SAKKE.Sender
    let receiverKey: SAKKE.ReceiverKey

    init() throws {
        period = try KeyPeriod(length: 2_592_000)
        let initiatorUID = try MikeySakkeUID.uid(identifier: initiator.uri, kmsIdentifier: initiator.kmsURI, keyPeriod: period, at: time)
        let issued = eccsiKMS.issueUserKeys(for: initiatorUID)
        creator = IMessageCreator(
            initiator: initiator, keyPeriod: period,
            signingKey: try ECCSI.SigningKey(identifier: initiatorUID, kpak: eccsiKMS.kpak, ssk: issued.ssk, pvt: issued.pvt))
        sender = SAKKE.Sender(zt: sakkeKMS.zt)
        let uid = try MikeySakkeUID.uid(identifier: receiver.uri, kmsIdentifier: receiver.kmsURI, keyPeriod: period, at: time)
        receiverKey = try SAKKE.ReceiverKey(identifier: uid, zt: sakkeKMS.zt, rsk: sakkeKMS.receiverSecretKey(for: uid))
    }

    func imessageReceiver(prepared: Bool) throws -> IMessageReceiver {
        try IMessageReceiver(
            party: receiver, keyPeriod: period, keyPeriodNumber: period.number(at: time), receiverKey: receiverKey,
            trustedKMS: [initiator.kmsURI: ECCSI.Verifier(kpak: eccsiKMS.kpak)], replayCache: nil, preparesReceiverKey: prepared)
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .microseconds, maxIterations: 2_000)
    mpzPowm1024Baseline(modulus: SAKKECurve.field.modulus)
    guard let setup = try? Setup(), let cold = try? setup.imessageReceiver(prepared: false),
        let prepared = try? setup.imessageReceiver(prepared: true)
    else { fatalError("MIKEY-SAKKE setup") }
    let key = SecretBytes([UInt8](repeating: 0x42, count: 16))
    for (name, id) in [("PCK", KeyIdentifier(purpose: .pck, value: 1)), ("GMK", KeyIdentifier(purpose: .gmk, value: 1))] {
        func create(_ sender: SAKKE.Sender) -> IMessage? {
            try? setup.creator.create(key: key, keyIdentifier: id, to: setup.receiver, receiverKeyPeriod: setup.period, sender: sender, time: setup.time)
        }
        Benchmark("I_MESSAGE create \(name) (cold: Z_T table built per message)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(create(SAKKE.Sender(zt: setup.sakkeKMS.zt))) }
        }
        Benchmark("I_MESSAGE create \(name) (prepared sender: Z_T table)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(create(setup.sender)) }
        }
        guard let message = create(setup.sender)?.encoded else { fatalError("MIKEY-SAKKE setup") }
        Benchmark("I_MESSAGE process \(name) (cold receiver key)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? cold.process(message, now: setup.time)) }
        }
        Benchmark("I_MESSAGE process \(name) (prepared receiver: RSK lines, [b]P + Z_T table)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? prepared.process(message, now: setup.time)) }
        }
        Benchmark("I_MESSAGE parse \(name)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? IMessage(parsing: message)) }
        }
    }
    let members = (0 ..< 1_000).map { IMessageParty(uri: "sip:member\($0)@example.org", kmsURI: "kms.example.org") }
    let distributor = GroupKeyDistributor(creator: setup.creator, sender: setup.sender, memberKeyPeriod: setup.period)
    let gmkID = KeyIdentifier(purpose: .gmk, value: 2)
    let slow = Benchmark.Configuration(
        metrics: [.wallClock], timeUnits: .milliseconds, warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 5)
    for (count, tasks) in [(1_000, 1), (1_000, 2), (250, 2)] {
        let group = Array(members.prefix(count))
        Benchmark("group re-key \(count) members (\(tasks) task\(tasks == 1 ? "" : "s"))", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? await distributor.distribute(gmk: key, gmkID: gmkID, to: group, time: setup.time, tasks: tasks))
            }
        }
    }
    // What the machine gives two threads on the same kernel, without the re-key's
    // orchestration: 400 SAKKE encapsulations (prepared sender) to distinct UIDs
    // on one thread, and split over two with DispatchQueue.concurrentPerform.
    let uids = (0 ..< 400).map { index in (0 ..< 32).map { UInt8(truncatingIfNeeded: index &* 31 &+ $0) } }
    for threads in [1, 2] {
        Benchmark("baseline: 400 SAKKE encapsulations on \(threads) thread\(threads == 1 ? "" : "s")", configuration: slow) { benchmark in
            for _ in benchmark.scaledIterations {
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    for uid in uids[(part * 400 / threads) ..< ((part + 1) * 400 / threads)] {
                        blackHole(try? setup.sender.encapsulate(ssv: key, to: uid))
                    }
                }
            }
        }
    }
}
