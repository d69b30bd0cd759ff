import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        guard text.count == 64, var octets = try? Hex.decode(text) else {
            throw ValidationError("\(path) must hold 32 octets as 64 hex digits")
        }
        defer { octets.wipe() }
        return try SecurityKey(name: name, bytes: SecretBytes(octets))
    }

    /// Writes `key` as hex to a new file readable by its owner only.
    static func writeKey(_ key: SecurityKey, to path: String) throws {
        var text = Array((key.bytes.withUnsafeBytes { Hex.encode($0) } + "\n").utf8)
        defer { text.wipe() }
        try writePrivate(text, to: path, replacing: false)
    }

    /// Writes `bytes` to `path` with mode 0600 from the start: the file is
    /// created by `open(O_CREAT | O_EXCL | O_NOFOLLOW, 0600)`, so it is never
    /// readable by others, not even for a moment. With `replacing`, the bytes
    /// go to a new `path.partial` that is then renamed over `path`; without,
    /// an existing `path` is an error.
    static func writePrivate(_ bytes: [UInt8], to path: String, replacing: Bool) throws {
        let target = replacing ? path + ".partial" : path
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ValidationError(errno == EEXIST ? "\(target) exists: not overwritten" : "cannot create \(target)")
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { base in write(descriptor, base + written, buffer.count - written) } ?? -1
            }
            guard count > 0 else {
                close(descriptor)
                unlink(target)
                throw ValidationError("cannot write \(target)")
            }
            written += count
        }
        guard close(descriptor) == 0, !replacing || rename(target, path) == 0 else {
            unlink(target)
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

    /// `text` from a document, safe to print: control characters (C0, C1,
    /// DEL, line and paragraph separators) shown as `\u{…}` escapes, so a
    /// hostile value cannot forge lines of output.
    static func printable(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator || scalar.properties.generalCategory == .format
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
    }

    /// What a KMS error means, for a person (values from the document made printable).
    static func explain(_ error: KMSError) -> String {
        printable(explanation(error))
    }

    private static func explanation(_ error: KMSError) -> String {
        switch error {
        case .signatureInvalid: "the signature does not verify (wrong key, or the document was changed)"
        case .unknownKeyName(let name): "the document is signed with \"\(name)\", which was not given (--trk/--ink with their names)"
        case .signatureMissing: "the document is not signed, but a TrK or InK was given"
        case .staleTime: "the response's Time is more than 300 s from --time"
        case .requestURLMismatch: "ClientReqUrl is not the --request-url"
        case .invalidSigningKey: "SSK/PVT fail RFC 6507 §5.1.2 for the UID under the certificate's KPAK"
        case .invalidDecryptionKey: "the RSK fails RFC 6508 §6.1.2 for the UID under the certificate's Z_T"
        case .userIDMismatch: "UserID is not the F.2.1 UID of UserUri in KeyPeriodNo"
        case .keyPeriodMismatch: "KeyPeriodNo is not the key period of --time (or ValidFrom … ValidTo leave it)"
        case .outsideValidity: "--time is outside ValidFrom … ValidTo"
        case .revoked: "marked revoked"
        case .keyUnwrapFailed: "a wrapped key does not unwrap under the TrK (RFC 3394 integrity check)"
        case .invalidMasterSecrets: "the master secrets do not unwrap under --kek, or do not match the certificate"
        case .kmsMismatch: "the KmsUri or CertUri is not the certificate's"
        case .documentTooComplex: "the document declares too many namespaces or attributes"
        default: "\(error)"
        }
    }
}
