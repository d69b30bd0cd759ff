import BigNum
import Octets
import SRTP

/// The SRTP and SRTCP operations of the vector format: AEAD AES-GCM protect
/// and unprotect (RFC 7714), and for the RFC 3711 files the AES-CM key
/// derivation (`session-keys`) and keystream.
enum SRTPSuites {
    static let srtp = AlgorithmSuite(
        algorithm: "SRTP",
        unsupportedParameters: unsupported,
        operations: [
            "protect": { test, file in
                var sender = try SRTPSender(
                    key: key(test, file), policy: .rfc7714, rolloverCounter: UInt32(nonNegative(test.optionalInteger("roc") ?? 0, "roc")))
                return ["protected": .bytes(try sender.protect(test.bytes("packet")))]
            },
            "unprotect": { test, file in
                var receiver = try SRTPReceiver(
                    keys: [key(test, file)], policy: .rfc7714, rolloverCounter: UInt32(nonNegative(test.optionalInteger("roc") ?? 0, "roc")))
                return ["packet": .bytes(try receiver.unprotect(test.bytes("protected")))]
            },
            "session-keys": { test, file in
                let (masterKey, masterSalt) = (SecretBytes(try test.bytes("masterKey")), SecretBytes(try test.bytes("masterSalt")))
                func derive(_ label: SRTPKeyDerivation.Label, _ length: Int) throws -> VectorOutput {
                    .bytes(try SRTPKeyDerivation.derive(masterKey: masterKey, masterSalt: masterSalt, label: label, length: length)
                        .withUnsafeBytes { Array($0) })
                }
                var outputs = [
                    "sessionKey": try derive(.srtpEncryption, masterKey.count),
                    "sessionSalt": try derive(.srtpSalt, masterSalt.count),
                ]
                if file.parameter("profile")?.contains("HMAC_SHA1") == true {
                    outputs["sessionAuthKey"] = try derive(.srtpAuthentication, 20)
                }
                return outputs
            },
            "keystream": { test, _ in
                let stream = try SRTPKeyDerivation.keystream(
                    key: SecretBytes(test.bytes("key")), iv: test.bytes("iv"), count: test.expectedOutputByteCount("keystream"))
                return ["keystream": .bytes(stream.withUnsafeBytes { Array($0) })]
            },
        ])

    static let srtcp = AlgorithmSuite(
        algorithm: "SRTCP",
        unsupportedParameters: unsupported,
        operations: [
            "protect": { test, file in
                var sender = try SRTCPSender(key: key(test, file), initialIndex: UInt32(nonNegative(test.integer("srtcpIndex"), "srtcpIndex")))
                return ["protected": .bytes(try sender.protect(test.bytes("packet"), encrypt: test.optionalBool("encrypt") ?? true))]
            },
            "unprotect": { test, file in
                var receiver = try SRTCPReceiver(keys: [key(test, file)], policy: .rfc7714)
                var packet: [UInt8] = []
                let index = try test.bytes("protected").withUnsafeBytes { try receiver.unprotect($0, into: &packet) }
                if let expected = try test.optionalInteger("srtcpIndex"), expected != Int(index) {
                    throw VectorInputError.wrongType("srtcpIndex", expected: "the index the packet carries (\(index))")
                }
                return ["packet": .bytes(packet)]
            },
        ])

    /// The AEAD profiles for protect/unprotect; the RFC 3711 profile for the KDF operations.
    private static func unsupported(_ file: VectorFile) -> String? {
        guard let profile = file.parameter("profile") else { return "no profile parameter" }
        if SRTPProfile(rawValue: profile) != nil || profile == "AES_CM_128_HMAC_SHA1_80" { return nil }
        return "profile \(profile) is not implemented"
    }

    /// The test's key: session key and salt when given (KDF bypassed), else master key and salt.
    private static func key(_ test: VectorTest, _ file: VectorFile) throws -> SRTPMasterKey {
        guard let profile = SRTPProfile(rawValue: file.parameter("profile") ?? "") else {
            throw VectorInputError.wrongType("profile", expected: "an AEAD profile for protect/unprotect")
        }
        let mki = try test.optionalBytes("mki") ?? []
        if let sessionKey = try test.optionalBytes("sessionKey") {
            // One packet in one direction per test: the vector form may serve an SRTCP sender.
            return try SRTPMasterKey(
                vectorProfile: profile, sessionKey: SecretBytes(sessionKey), sessionSalt: SecretBytes(test.bytes("sessionSalt")), mki: mki)
        }
        return try SRTPMasterKey(
            profile: profile, masterKey: SecretBytes(test.bytes("masterKey")), masterSalt: SecretBytes(test.bytes("masterSalt")), mki: mki)
    }

    private static func nonNegative(_ value: Int, _ name: String) throws -> Int {
        guard value >= 0, value <= Int(UInt32.max) else { throw VectorInputError.wrongType(name, expected: "an integer in 0 … 2^32 − 1") }
        return value
    }
}
