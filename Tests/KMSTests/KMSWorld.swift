import Foundation
import KeyDerivation
import Octets

@testable import KMS

/// A small KMS for the tests: fixed master secrets (RFC 6507's KSAK and
/// RFC 6508's z), 30-day key periods, and two users.
enum KMSWorld {
    static let kmsURI = "kms.example.org"
    static let certURI = "cert1.kms.example.org"
    static let alice = "sip:alice@example.org"
    static let bob = "sip:bob@example.org"
    static let requestURL = "https://kms.example.org/keymanagement/identity/v1/keyprov"
    /// 2026-12-03T12:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_796_299_200)

    static let secrets: KMSMasterSecrets = {
        let ksak = [UInt8](repeating: 0, count: 29) + [0x01, 0x23, 0x45]
        let zHex = "aff429d35f84b110d094803b3595a6e2998bc99f"
        let z = [UInt8](repeating: 0, count: 108) + (try! Hex.decode(zHex))
        return try! KMSMasterSecrets(ksak: SecretBytes(ksak), z: SecretBytes(z))
    }()

    static let keyPeriod = try! KeyPeriod(length: 2_592_000, offset: 0)

    static let engine = try! KMSEngine(
        secrets: secrets, kmsURI: kmsURI, certURI: certURI, issuer: "www.example.org", keyPeriod: keyPeriod,
        validFrom: Date(timeIntervalSince1970: 946_684_800), validTo: Date(timeIntervalSince1970: 4_102_444_800),
        domains: ["example.org"])

    static let transportKey = try! SecurityKey(name: "tk.12.alice@example.org", bytes: SecretBytes([UInt8](repeating: 0x11, count: 32)))
    static let integrityKey = try! SecurityKey(name: "ink.12.alice@example.org", bytes: SecretBytes([UInt8](repeating: 0x22, count: 32)))

    /// Alice's key provisioning response at ``now``: plain, or wrapped with the TrK and signed with the InK.
    static func provisioning(secured: Bool, user: String = alice, time: Date = now) throws -> [UInt8] {
        try engine.keyProvisionResponse(
            userURI: user, time: time, requestURL: requestURL, transportKey: secured ? transportKey : nil,
            integrityKey: secured ? integrityKey : nil)
    }

    /// A reader with both security keys, or none.
    static func reader(secured: Bool) -> KMSResponseReader {
        KMSResponseReader(securityKeys: secured ? [transportKey, integrityKey] : [])
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `text` with the first `target` replaced, which must occur.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        precondition(text.contains(target), "\(target) not in the document")
        return text.replacingOccurrences(of: target, with: replacement, options: [], range: text.range(of: target))
    }
}
