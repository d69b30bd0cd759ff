import Curves
import Octets
import SAKKE

/// The SAKKE operations of the vector format (parameter set 1): KMS keys,
/// receiver keys and their validation, encapsulation, decapsulation and the
/// pairing (RFC 6508 §3.2, §6).
enum SAKKESuite {
    static let suite = AlgorithmSuite(
        algorithm: "SAKKE",
        unsupportedParameters: { file in
            file.parameter("parameterSet").map { $0 == "1" ? nil : "only parameter set 1 (RFC 6509) is implemented" } ?? nil
        },
        operations: [
            "kms-keys": { test, _ in
                ["zt": .bytes(try SAKKE.KMSKeyPair(z: SecretBytes(test.bytes("z"))).zt.encoded)]
            },
            "user-keys": { test, _ in
                let kms = try SAKKE.KMSKeyPair(z: SecretBytes(test.bytes("z")))
                return ["rsk": .bytes(try kms.receiverSecretKey(for: test.bytes("id")).encoded.withUnsafeBytes { Array($0) })]
            },
            "validate-user-keys": { test, _ in
                _ = try SAKKE.ReceiverKey(identifier: test.bytes("id"), zt: point(test.bytes("zt")), rsk: SAKKE.ReceiverSecretKey(encoded: SecretBytes(test.bytes("rsk"))))
                return [:]
            },
            "encapsulate": { test, _ in
                let encapsulation = try SAKKE.encapsulate(ssv: SecretBytes(test.bytes("ssv")), to: test.bytes("id"), zt: point(test.bytes("zt")))
                return ["encapsulated": .bytes(encapsulation.bytes)]
            },
            "decapsulate": { test, _ in
                let key = try SAKKE.ReceiverKey(identifier: test.bytes("id"), zt: point(test.bytes("zt")), rsk: SAKKE.ReceiverSecretKey(encoded: SecretBytes(test.bytes("rsk"))))
                return ["ssv": .bytes(try key.decapsulate(test.bytes("encapsulated")).withUnsafeBytes { Array($0) })]
            },
            "pairing": { test, _ in
                let value = TatePairing.reduced(try point(test.bytes("p1")), try point(test.bytes("q1")))
                // The vector format stores the class with a = 1: 00…01 ‖ b.
                let one = [UInt8](repeating: 0, count: 127) + [1]
                return ["g": .bytes(one + (try value.normalizedBytes()))]
            },
        ])

    private static func point(_ bytes: [UInt8]) throws -> SAKKEPoint {
        do { return try SAKKEPoint(encoded: bytes) } catch let error as CurveError { throw SAKKEError.invalidPoint(error) }
    }
}
