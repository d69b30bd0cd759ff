import Octets
import SRTP
import TestSupport

/// SRTP protect with secret keys: the RFC 7714 §16.1.1 packet under its
/// session key and salt (known answer), then seeded master keys and salts
/// through the RFC 3711 KDF, two packets each.
enum SRTPProtectCheck {
    static func run(inputCount: Int) throws(CheckError) {
        do {
            let key = try SRTPMasterKey(
                profile: .aeadAES128GCM, sessionKey: SecretBytes(Secret.bytes("000102030405060708090a0b0c0d0e0f")),
                sessionSalt: SecretBytes(Secret.bytes("517569642070726f2071756f")))
            var sender = try SRTPSender(key: key, policy: .rfc7714)
            let packet = try PublicInput.bytes(
                "8040f17b8041f8d35501a0b247616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573")
            guard try sender.protect(packet) == PublicInput.bytes(
                "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833899d7f27beb16a9152cf765ee4390cce")
            else { throw CheckError.wrongAnswer(operation: "srtp-protect", input: 0, what: "protected packet") }
        } catch let error as CheckError {
            throw error
        } catch {
            throw CheckError.operationFailed(operation: "srtp-protect", input: 0, error: error)
        }
        for index in 1 ..< max(inputCount, 1) {
            var generator = SeededGenerator(seed: 0x5279_0000 &+ UInt64(index))
            let profile: SRTPProfile = index % 2 == 1 ? .aeadAES256GCM : .aeadAES128GCM
            let masterKey = Secret.bytes((0 ..< profile.keyLength).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
            let masterSalt = Secret.bytes((0 ..< SRTPProfile.saltLength).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
            do {
                let key = try SRTPMasterKey(
                    profile: profile, masterKey: SecretBytes(masterKey), masterSalt: SecretBytes(masterSalt), mki: [0, 0, 0, UInt8(index)])
                var sender = try SRTPSender(key: key)
                for sequence in [UInt16(0xFFFF), 0] {
                    let packet: [UInt8] = [0x80, 0x60, UInt8(sequence >> 8), UInt8(sequence & 0xFF), 0, 0, 0x10, 0, 0x12, 0x34, 0x56, 0x78]
                        + Array("a media payload of a few dozen octets".utf8)
                    let protected = try sender.protect(packet)
                    // The packet goes on the wire: its length is public and so is every octet.
                    guard protected.count == packet.count + SRTPProfile.tagLength + 4 + 4 else {
                        throw CheckError.wrongAnswer(operation: "srtp-protect", input: index, what: "packet length")
                    }
                }
            } catch let error as CheckError {
                throw error
            } catch {
                throw CheckError.operationFailed(operation: "srtp-protect", input: index, error: error)
            }
        }
    }
}
