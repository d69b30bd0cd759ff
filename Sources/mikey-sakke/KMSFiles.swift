import ArgumentParser
import Foundation
import KMS
import Octets

/// The files of `mikey-sakke kms`: a KMS folder (`certificate.xml` and
/// `master-secrets.bin`), 32-octet keys as hex text files, ISO 8601 times.
enum KMSFiles {
    static let certificateName = "certificate.xml"
    static let secretsName = "master-secrets.bin"

    /// A 32-octet key from a file of 64 hex digits (white space ignored).
    static func key(at path: String, name: String) throws -> SecurityKey {
        let text = try String(contentsOfFile: path, encoding: .utf8).filter { !$0.isWhitespace }
        guard text.count == 64, let bytes = try? Hex.decode(text) else {
            throw ValidationError("\(path) must hold 32 octets as 64 hex digits")
        }
        var octets = bytes
        defer { octets.wipe() }
        return try SecurityKey(name: name, bytes: SecretBytes(octets))
    }

    /// Writes `key` as hex to a new file readable by its owner only.
    static func writeKey(_ key: SecurityKey, to path: String) throws {
        let text = key.bytes.withUnsafeBytes { Hex.encode($0) } + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write \(path)")
        }
    }

    /// The optional TrK/InK pair of options.
    static func optionalKey(_ path: String?, name: String?, option: String) throws -> SecurityKey? {
        guard let path else { return nil }
        guard let name else { throw ValidationError("--\(option) needs --\(option)-name (the key's name, ds:KeyName)") }
        return try key(at: path, name: name)
    }

    /// An ISO 8601 time (UTC when no zone is given), or now.
    static func time(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: text) ?? formatter.date(from: text + "Z") else {
            throw ValidationError("--time must be ISO 8601, for example 2026-12-03T12:00:00Z")
        }
        return date
    }

    static func read(_ path: String) throws -> [UInt8] {
        do { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch { throw ValidationError("cannot read \(path)") }
    }

    /// What a KMS error means, for a person.
    static func explain(_ error: KMSError) -> String {
        switch error {
        case .signatureInvalid: "the signature does not verify (wrong key, or the document was changed)"
        case .unknownKeyName(let name): "the document is signed with \"\(name)\", which was not given (--trk/--ink with their names)"
        case .signatureMissing: "the document is not signed, but a TrK or InK was given"
        case .staleTime: "the response's Time is more than 300 s from --time"
        case .requestURLMismatch: "ClientReqUrl is not the --request-url"
        case .invalidSigningKey: "SSK/PVT fail RFC 6507 §5.1.2 for the UID under the certificate's KPAK"
        case .invalidDecryptionKey: "the RSK fails RFC 6508 §6.1.2 for the UID under the certificate's Z_T"
        case .userIDMismatch: "UserID is not the F.2.1 UID of UserUri in KeyPeriodNo"
        case .outsideValidity: "--time is outside ValidFrom … ValidTo"
        case .revoked: "marked revoked"
        case .keyUnwrapFailed: "a wrapped key does not unwrap under the TrK (RFC 3394 integrity check)"
        default: "\(error)"
        }
    }
}
