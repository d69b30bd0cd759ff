import BigNum
import Octets
import KeyDerivation

/// The suites of the key-derivation layer: KDF-3GPP (TS 33.220 B.2),
/// MIKEY-SAKKE-UID (TS 33.180 F.2.1) and MIKEY-PRF (RFC 3830 §4.1 with
/// PRF-HMAC-SHA-256).
enum KeyDerivationSuites {
    static let kdf = AlgorithmSuite(
        algorithm: "KDF-3GPP",
        operations: [
            "derive": { test, _ in
                let fc = try test.bytes("fc")
                guard fc.count == 1 else { throw VectorInputError.wrongType("fc", expected: "one octet") }
                let output = try KDF3GPP.derive(
                    key: SecretBytes(test.bytes("key")), fc: fc[0], parameters: test.bytesArray("p").map { .octets($0) })
                return ["output": .bytes(output.withUnsafeBytes { Array($0) })]
            },
        ])

    static let uid = AlgorithmSuite(
        algorithm: "MIKEY-SAKKE-UID",
        operations: [
            "uid": { test, _ in
                let period = try KeyPeriod(
                    length: UInt64(nonNegative(test.integer("userKeyPeriod"), "userKeyPeriod")),
                    offset: UInt64(nonNegative(test.integer("userKeyOffset"), "userKeyOffset")))
                let time = UInt64(try nonNegative(test.integer("time"), "time"))
                let uid = try MikeySakkeUID.uid(
                    identifier: test.string("uri"), kmsIdentifier: test.string("kmsUri"), keyPeriod: period, atSecondsSince1900: time)
                return ["uid": .bytes(uid), "keyPeriodNo": .integer(Int(try period.number(atSecondsSince1900: time)))]
            },
        ])

    static let prf = AlgorithmSuite(
        algorithm: "MIKEY-PRF",
        unsupportedParameters: { file in
            let prf = file.parameter("prf")
            return prf == nil || prf == "PRF-HMAC-SHA-256" ? nil : "only PRF-HMAC-SHA-256 (RFC 6043 §6.1) is implemented"
        },
        operations: [
            "srtp-master": { test, _ in
                let csb = try test.bytes("csbId")
                guard csb.count == 4 else { throw KeyDerivationError.invalidCSBIDLength(csb.count) }
                let csID = try test.integer("csId")
                guard (0 ... 255).contains(csID) else { throw VectorInputError.wrongType("csId", expected: "0 … 255") }
                let keys = try SRTPMasterKeys.derive(
                    tgk: SecretBytes(test.bytes("tgk")), csbID: csb.reduce(0) { $0 << 8 | UInt32($1) }, csID: UInt8(csID),
                    rand: test.bytes("rand"), keyLength: test.integer("keyLength"), saltLength: test.integer("saltLength"))
                return [
                    "masterKey": .bytes(keys.masterKey.withUnsafeBytes { Array($0) }),
                    "masterSalt": .bytes(keys.masterSalt.withUnsafeBytes { Array($0) }),
                ]
            },
        ])

    private static func nonNegative(_ value: Int, _ name: String) throws -> Int {
        guard value >= 0 else { throw VectorInputError.wrongType(name, expected: "a non-negative integer") }
        return value
    }
}
