import Curves
import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// The MIKEY-SAKKE operations of the vector format (parameter set 1):
/// `process` an I_MESSAGE as its receiver (RFC 6509 §5, TS 33.180 Annex E),
/// and `create` one byte for byte from given RAND, time and ECCSI nonce j
/// (SAKKE's r comes from the key and the receiver's UID, RFC 6508 §6.2.1).
enum MikeySakkeSuite {
    static let suite = AlgorithmSuite(
        algorithm: "MIKEY-SAKKE",
        unsupportedParameters: { file in
            file.parameter("parameterSet").map { $0 == "1" ? nil : "only parameter set 1 (RFC 6509) is implemented" } ?? nil
        },
        operations: ["process": process, "create": create])

    /// `process`: the receiver's checks with replay detection off; the clock
    /// is `time` when given, else the message's own timestamp.
    private static let process: AlgorithmSuite.Operation = { test, _ in
        let octets = try test.bytes("message")
        let period = try keyPeriod(test)
        let message = try IMessage(parsing: octets)
        guard case .ntpUTC(let time) = message.timestamp else { throw MikeySakkeError.missingPayload("T") }
        let receiver = IMessageParty(uri: try test.string("receiverUri"), kmsURI: try test.string("receiverKmsUri"))
        let uid = try MikeySakkeUID.uid(identifier: receiver.uri, kmsIdentifier: receiver.kmsURI, keyPeriod: period, at: time)
        let receiverKey = try SAKKE.ReceiverKey(
            identifier: uid, zt: sakkePoint(test.bytes("receiverZt")), rsk: SAKKE.ReceiverSecretKey(encoded: SecretBytes(test.bytes("receiverRsk"))))
        let initiatorKMS = try test.optionalString("initiatorKmsUri") ?? message.identity(.initiatorKMS)?.text ?? ""
        let imessageReceiver = try IMessageReceiver(
            party: receiver, keyPeriod: period, keyPeriodNumber: period.number(at: time), receiverKey: receiverKey,
            trustedKMS: [initiatorKMS: ECCSI.Verifier(kpak: test.bytes("initiatorKpak"))], replayCache: nil)
        let now = try test.optionalInteger("time").map { NTPTimestamp(seconds: UInt32(clamping: $0)) } ?? time
        let received = try imessageReceiver.process(octets, initiatorURI: test.optionalString("initiatorUri"), now: now)
        var outputs: [String: VectorOutput] = [
            "key": .bytes(received.key.withUnsafeBytes { Array($0) }), "csbId": .bytes(bigEndian(received.csbID)),
            "rand": .bytes(received.rand), "timestamp": .bytes(received.time.bytes), "keyId": .bytes(received.keyIdentifier.bytes),
        ]
        if let uri = received.initiatorURI { outputs["initiatorUri"] = .string(uri) }
        return outputs
    }

    /// `create`: the initiator's side with every random input given.
    private static let create: AlgorithmSuite.Operation = { test, _ in
        let period = try keyPeriod(test)
        let initiator = IMessageParty(uri: try test.string("initiatorUri"), kmsURI: try test.string("initiatorKmsUri"))
        let receiver = IMessageParty(uri: try test.string("receiverUri"), kmsURI: try test.string("receiverKmsUri"))
        let time = NTPTimestamp(rawValue: try integer64(test.bytes("timestamp"), name: "timestamp"))
        let uid = try MikeySakkeUID.uid(identifier: initiator.uri, kmsIdentifier: initiator.kmsURI, keyPeriod: period, at: time)
        let signingKey = try ECCSI.SigningKey(
            identifier: uid, kpak: test.bytes("initiatorKpak"), ssk: test.bytes("initiatorSsk"), pvt: test.bytes("initiatorPvt"))
        let creator = IMessageCreator(initiator: initiator, keyPeriod: period, signingKey: signingKey)
        let sender = SAKKE.Sender(zt: try sakkePoint(test.bytes("receiverZt")))
        var options = IMessageOptions(hidesIdentities: try test.optionalBool("hideIdentities") ?? false)
        if let zt = try test.optionalBytes("initiatorZt") { options.sakkeToSelf = SAKKE.Sender(zt: try sakkePoint(zt)) }
        guard let j = try? P256SecretScalar(bigEndianBytes: test.bytes("j")) else { throw ECCSIError.invalidSecretScalar }
        let message = try creator.create(
            key: SecretBytes(test.bytes("key")), keyIdentifier: KeyIdentifier(bytes: test.bytes("keyId")), to: receiver,
            receiverKeyPeriod: period, sender: sender, time: time, rand: RandPayload(test.bytes("rand")), options: options, nonce: j)
        return ["message": .bytes(message.encoded)]
    }

    private static func keyPeriod(_ test: VectorTest) throws -> KeyPeriod {
        try KeyPeriod(length: UInt64(clamping: test.integer("userKeyPeriod")), offset: UInt64(clamping: test.integer("userKeyOffset")))
    }

    private static func sakkePoint(_ bytes: [UInt8]) throws -> SAKKEPoint {
        do { return try SAKKEPoint(encoded: bytes) } catch let error as CurveError { throw SAKKEError.invalidPoint(error) }
    }

    private static func integer64(_ bytes: [UInt8], name: String) throws -> UInt64 {
        guard bytes.count == 8 else { throw VectorInputError.wrongType(name, expected: "8-octet hex string") }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }
}
