// SRTP/SRTCP per-packet benchmarks (AEAD_AES_128_GCM, 4-octet MKI, RCCm3 R = 1),
// with a bare swift-crypto AES-GCM seal of the same payload and a 12-octet AAD
// in the same run as the baseline.
//
//   swift package --package-path Benchmarks benchmark --target SRTPBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Octets
import Crypto
import Foundation
import SRTP

func rtp(sequence: UInt16, payload: Int) -> [UInt8] {
    [0x80, 96, UInt8(sequence >> 8), UInt8(sequence & 0xFF), 0, 0, 0x10, 0, 0x12, 0x34, 0x56, 0x78]
        + [UInt8](repeating: 0xA5, count: payload)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .nanoseconds, maxIterations: 1_000_000)
    guard let key = try? SRTPMasterKey(
        profile: .aeadAES128GCM, masterKey: SecretBytes.random(count: 16), masterSalt: SecretBytes.random(count: 12),
        mki: [0x10, 0x00, 0x00, 0x01]),
        let receiver = try? SRTPReceiver(keys: [key])
    else { fatalError("SRTP setup") }
    let gcmKey = SymmetricKey(size: .bits128)
    guard let nonce = try? AES.GCM.Nonce(data: [UInt8](repeating: 7, count: 12)) else { fatalError("nonce") }

    for payload in [20, 160, 1200] {
        let packet = rtp(sequence: 1000, payload: payload)
        let header = Array(packet.prefix(12)), body = Array(packet.dropFirst(12))
        Benchmark("AES-GCM seal \(payload) B + 12 B AAD (swift-crypto, baseline)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? AES.GCM.seal(body, using: gcmKey, nonce: nonce, authenticating: header)) }
        }
        Benchmark("SRTP protect \(payload) B payload") { benchmark in
            // A sender refuses an index it has used (the IV would repeat):
            // each packet takes the next SEQ, written in place (the ROC
            // follows the wraps).
            guard var context = try? SRTPSender(key: key) else { fatalError("SRTP sender") }
            var next = packet
            var output: [UInt8] = []
            output.reserveCapacity(1500)
            var sequence: UInt16 = 0
            for _ in benchmark.scaledIterations {
                next[2] = UInt8(sequence >> 8)
                next[3] = UInt8(truncatingIfNeeded: sequence)
                sequence &+= 1
                do { try next.withUnsafeBytes { try context.protect($0, into: &output) } } catch { fatalError("SRTP protect: \(error)") }
            }
            blackHole(output)
        }
        // Distinct packets, so that the replay window accepts every one.
        guard var producer = try? SRTPSender(key: key) else { fatalError("SRTP sender") }
        let protected = (0 ..< 4096).compactMap { try? producer.protect(rtp(sequence: UInt16($0), payload: payload)) }
        Benchmark("SRTP unprotect \(payload) B payload") { benchmark in
            var context = receiver
            var output: [UInt8] = []
            output.reserveCapacity(1500)
            var next = 0
            for _ in benchmark.scaledIterations {
                if next == protected.count {
                    context = receiver
                    next = 0
                }
                try? protected[next].withUnsafeBytes { try context.unprotect($0, into: &output) }
                next += 1
            }
            blackHole(output)
        }
    }

    let rtcp = [UInt8](repeating: 0x81, count: 1) + [0xC8, 0x00, 0x0E] + [UInt8](repeating: 0x5A, count: 56)
    Benchmark("SRTCP protect 60 B packet") { benchmark in
        guard var context = try? SRTCPSender(key: key) else { fatalError("SRTCP setup") }
        var output: [UInt8] = []
        output.reserveCapacity(200)
        for _ in benchmark.scaledIterations {
            do { try rtcp.withUnsafeBytes { try context.protect($0, into: &output) } } catch { fatalError("SRTCP protect: \(error)") }
        }
        blackHole(output)
    }
}
