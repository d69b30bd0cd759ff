import Octets
import SRTP
import Testing

@Suite struct SRTPKeyDerivationTests {
    /// RFC 3711 Appendix B.3.
    @Test func sessionKeysOfRFC3711AppendixB3() throws {
        let masterKey = SecretBytes(bytes("e1f97a0d3e018be0d64fa32c06de4139"))
        let masterSalt = SecretBytes(bytes("0ec675ad498afeebb6960b3aabe6"))
        let key = try SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: masterSalt, label: .srtpEncryption, length: 16)
        let salt = try SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: masterSalt, label: .srtpSalt, length: 14)
        #expect(key.withUnsafeBytes { Array($0) } == bytes("c61e7a93744f39ee10734afe3ff7a087"))
        #expect(salt.withUnsafeBytes { Array($0) } == bytes("30cbbc08863d8c85d49db34a9ae1"))
    }

    /// RFC 7714 §11: a 96-bit salt is the 112-bit one with two zero octets at the end.
    @Test func a96BitSaltDerivesLikeThe112BitSaltPaddedWithZeros() throws {
        let masterKey = SecretBytes(bytes("000102030405060708090a0b0c0d0e0f"))
        let short = SecretBytes(bytes("517569642070726f2071756f"))
        let padded = SecretBytes(bytes("517569642070726f2071756f0000"))
        for label in [SRTPKeyDerivation.Label.srtpEncryption, .srtpSalt, .srtcpEncryption, .srtcpSalt] {
            let a = try SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: short, label: label, length: 16)
            let b = try SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: padded, label: label, length: 16)
            #expect(a == b)
        }
    }

    @Test func labelsGiveDistinctKeysAndBadLengthsAreRefused() throws {
        let master = SecretBytes([UInt8](repeating: 9, count: 16)), salt = SecretBytes([UInt8](repeating: 7, count: 12))
        let keys = try [SRTPKeyDerivation.Label.srtpEncryption, .srtpAuthentication, .srtpSalt, .srtcpEncryption, .srtcpAuthentication, .srtcpSalt]
            .map { try SRTPKeyDerivation.derive(masterKey: master, masterSalt: salt, label: $0, length: 16).withUnsafeBytes { Array($0) } }
        #expect(Set(keys).count == 6)
        #expect(throws: SRTPError.invalidKeyLength(expected: [12, 14], actual: 13)) {
            try SRTPKeyDerivation.derive(masterKey: master, masterSalt: SecretBytes([UInt8](repeating: 0, count: 13)), label: .srtpSalt, length: 12)
        }
        #expect(throws: SRTPError.invalidKeyLength(expected: [16, 24, 32], actual: 15)) {
            try SRTPKeyDerivation.keystream(key: SecretBytes([UInt8](repeating: 0, count: 15)), iv: [UInt8](repeating: 0, count: 16), count: 4)
        }
        #expect(throws: SRTPError.invalidIVLength(12)) {
            try SRTPKeyDerivation.keystream(key: master, iv: [UInt8](repeating: 0, count: 12), count: 4)
        }
        #expect(throws: SRTPError.invalidKeyLength(expected: [16], actual: 32)) {
            try SRTPMasterKey(profile: .aeadAES128GCM, masterKey: SecretBytes([UInt8](repeating: 0, count: 32)), masterSalt: salt)
        }
        #expect(throws: SRTPError.invalidMKILength(3)) { try masterKey(mki: [1, 2, 3]) }
    }

    @Test func keystreamLengthsOutsideTheCounterRangeAreRefused() throws {
        let master = SecretBytes([UInt8](repeating: 9, count: 16)), iv = [UInt8](repeating: 0, count: 16)
        #expect(throws: SRTPError.invalidOutputLength(-1)) { try SRTPKeyDerivation.keystream(key: master, iv: iv, count: -1) }
        #expect(throws: SRTPError.invalidOutputLength(1 << 20 + 1)) {
            try SRTPKeyDerivation.keystream(key: master, iv: iv, count: 1 << 20 + 1)
        }
        #expect(throws: SRTPError.invalidOutputLength(-5)) {
            try SRTPKeyDerivation.derive(masterKey: master, masterSalt: SecretBytes([UInt8](repeating: 7, count: 12)), label: .srtpSalt, length: -5)
        }
        #expect(try SRTPKeyDerivation.keystream(key: master, iv: iv, count: 0).count == 0)
    }
}
