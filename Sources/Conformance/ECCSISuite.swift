import Curves
import ECCSI

/// The ECCSI operations of the vector format (TestVectors/FORMAT.md), on
/// `P-256` with `SHA-256` (RFC 6509 §3), the only parameters RFC 6507 is
/// used with in MIKEY-SAKKE.
enum ECCSISuite {
    static let suite = AlgorithmSuite(
        algorithm: "ECCSI",
        unsupportedParameters: { file in
            let curve = file.parameter("curve"), hash = file.parameter("hash")
            guard curve == nil || curve == "P-256", hash == nil || hash == "SHA-256" else {
                return "only P-256 with SHA-256 (RFC 6509 §3) is implemented"
            }
            return nil
        },
        operations: [
            "kms-keys": { test, _ in
                let kms = try ECCSI.KMSKeyPair(ksakBytes: test.bytes("ksak"))
                return ["kpak": .bytes(kms.kpak.encoded)]
            },
            "user-keys": { test, _ in
                let kms = try ECCSI.KMSKeyPair(ksakBytes: test.bytes("ksak"))
                // A KPAK in the file that is not [KSAK]G is an inconsistent input.
                guard kms.kpak == (try point(test.bytes("kpak"))) else { throw VectorInputError.wrongType("kpak", expected: "[ksak]G") }
                let v = try secret(test.bytes("v"))
                let keys = try kms.issueUserKeys(for: test.bytes("id"), v: v)
                return ["ssk": .bigEndianInteger(keys.ssk.withBigEndianBytes { $0 }), "pvt": .bytes(keys.pvt.encoded), "hs": .bytes(keys.hs)]
            },
            "validate-user-keys": { test, _ in
                _ = try ECCSI.SigningKey(
                    identifier: test.bytes("id"), kpak: test.bytes("kpak"), ssk: test.bytes("ssk"), pvt: test.bytes("pvt"))
                return [:]
            },
            "sign": { test, _ in
                let key = try ECCSI.SigningKey(
                    identifier: test.bytes("id"), kpak: test.bytes("kpak"), ssk: test.bytes("ssk"), pvt: test.bytes("pvt"))
                let signature = try key.signature(for: test.bytes("message"), nonce: secret(test.bytes("j")))
                let he = ECCSI.messageHash(hs: key.hs, r: signature.r, message: try test.bytes("message"))
                return ["signature": .bytes(signature.bytes), "hs": .bytes(key.hs), "he": .bytes(he)]
            },
            "verify": { test, _ in
                let verifier = try ECCSI.Verifier(kpak: test.bytes("kpak"))
                try verifier.verify(test.bytes("signature"), for: test.bytes("message"), signer: test.bytes("id"))
                return [:]
            },
        ])

    private static func point(_ bytes: [UInt8]) throws -> P256Point {
        do { return try P256Point(encoded: bytes) } catch let error as CurveError { throw ECCSIError.invalidPoint(error) }
    }

    private static func secret(_ bytes: [UInt8]) throws -> P256SecretScalar {
        guard let scalar = try? P256SecretScalar(bigEndianBytes: bytes) else { throw ECCSIError.invalidSecretScalar }
        return scalar
    }
}
