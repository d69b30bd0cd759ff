// SRTP/SRTCP per-packet benchmarks (AEAD_AES_128_GCM, 4-octet MKI, RCCm3 R = 1),
// with two bare AES-GCM seals of the same payload and a 12-octet AAD in the same
// run as baselines: libgcrypt with a reused context (what the SRTP backend calls
// on Linux) and swift-crypto's one-shot seal.
//
//   swift package --package-path Benchmarks benchmark --target SRTPBenchmarks

import Benchmark
import BenchmarkSupport
import BigNum
import Octets
import Crypto
#if canImport(CGcryptBaseline)
import CGcryptBaseline
#endif
import Foundation
import SRTP

func rtp(sequence: UInt16, payload: Int) -> [UInt8] {
    [0x80, 96, UInt8(sequence >> 8), UInt8(sequence & 0xFF), 0, 0, 0x10, 0, 0x12, 0x34, 0x56, 0x78]
        + [UInt8](repeating: 0xA5, count: payload)
}

/// Unprotects `packets` in turn into one reused buffer, starting again with a
/// `fresh` receiver when they run out (each is accepted once by the replay window).
func unprotectEach<Receiver>(
    _ packets: [[UInt8]], _ benchmark: Benchmark, fresh: Receiver,
    _ unprotect: (inout Receiver, UnsafeRawBufferPointer, inout [UInt8]) throws -> Void
) {
    var context = fresh
    var output: [UInt8] = []
    output.reserveCapacity(1500)
    var next = 0
    for _ in benchmark.scaledIterations {
        if next == packets.count {
            context = fresh
            next = 0
        }
        try? packets[next].withUnsafeBytes { try unprotect(&context, $0, &output) }
        next += 1
    }
    blackHole(output)
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

    #if canImport(CGcryptBaseline)
    guard gcry_check_version("1.8.0") != nil else { fatalError("libgcrypt 1.8 or later") }
    var gcryptHandle: gcry_cipher_hd_t?
    guard gcry_cipher_open(&gcryptHandle, Int32(GCRY_CIPHER_AES.rawValue), Int32(GCRY_CIPHER_MODE_GCM.rawValue), 0) == 0,
        let gcrypt = gcryptHandle, gcry_cipher_setkey(gcrypt, [UInt8](repeating: 9, count: 16), 16) == 0
    else { fatalError("libgcrypt AES-GCM") }
    let iv = [UInt8](repeating: 7, count: 12)
    #endif

    for payload in [20, 160, 1200] {
        let packet = rtp(sequence: 1000, payload: payload)
        let header = Array(packet.prefix(12)), body = Array(packet.dropFirst(12))
        #if canImport(CGcryptBaseline)
        Benchmark("AES-GCM seal \(payload) B + 12 B AAD (libgcrypt, reused context, in place, baseline)") { benchmark in
            var data = body
            var tag = [UInt8](repeating: 0, count: 16)
            for _ in benchmark.scaledIterations {
                gcry_cipher_setiv(gcrypt, iv, 12)
                gcry_cipher_authenticate(gcrypt, header, header.count)
                data.withUnsafeMutableBytes { _ = gcry_cipher_encrypt(gcrypt, $0.baseAddress, $0.count, nil, 0) }
                gcry_cipher_gettag(gcrypt, &tag, 16)
            }
            blackHole(tag)
        }
        #endif
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
        Benchmark("SRTP protect in place \(payload) B payload") { benchmark in
            guard var context = try? SRTPSender(key: key) else { fatalError("SRTP sender") }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1500)
            var sequence: UInt16 = 0
            for _ in benchmark.scaledIterations {
                // The next plaintext packet into the reused buffer, then protected where it is.
                buffer.removeAll(keepingCapacity: true)
                buffer.append(contentsOf: packet)
                buffer[2] = UInt8(sequence >> 8)
                buffer[3] = UInt8(truncatingIfNeeded: sequence)
                sequence &+= 1
                do { try context.protect(inPlace: &buffer) } catch { fatalError("SRTP protect: \(error)") }
            }
            blackHole(buffer)
        }
        // Distinct packets, so that the replay window accepts every one.
        guard var producer = try? SRTPSender(key: key) else { fatalError("SRTP sender") }
        let protected = (0 ..< 4096).compactMap { try? producer.protect(rtp(sequence: UInt16($0), payload: payload)) }
        Benchmark("SRTP unprotect \(payload) B payload") { benchmark in
            unprotectEach(protected, benchmark, fresh: receiver) { context, packet, output in try context.unprotect(packet, into: &output) }
        }
    }

    guard var rtcpProducer = try? SRTCPSender(key: key), let rtcpReceiver = try? SRTCPReceiver(keys: [key]) else { fatalError("SRTCP setup") }
    let rtcpPackets = (0 ..< 4096).compactMap { _ in
        try? rtcpProducer.protect([0x81, 0xC8, 0x00, 0x0E] + [UInt8](repeating: 0x5A, count: 56))
    }
    Benchmark("SRTCP unprotect 60 B packet") { benchmark in
        unprotectEach(rtcpPackets, benchmark, fresh: rtcpReceiver) { context, packet, output in _ = try context.unprotect(packet, into: &output) }
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
