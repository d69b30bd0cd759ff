import ArgumentParser
import Curves
import ECCSI
import Foundation
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// `mikey-sakke inspect INPUT`: describes a MIKEY I_MESSAGE payload by payload
/// (``IMessageDescription``); given the receiver's keys, also processes it as
/// that receiver would (RFC 6509 §5, TS 33.180 Annex E, ``IMessageReceiver``)
/// and says what it delivered or why it was refused.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Describe a MIKEY-SAKKE I_MESSAGE; with the receiver's keys, verify and decrypt it.",
        discussion: """
            INPUT is hex (whitespace and colons allowed), base64, an SDP 'a=key-mgmt:mikey <base64>' line, an SDP body or \
            SIP message holding one (the first is taken), the path of a file holding any of these or the binary message, \
            or '-' for standard input.

            With --receiver, --receiver-kms, --rsk, --zt and --kpak the message is processed as that receiver would \
            (replay detection off; the clock is --now, else the message's own timestamp, so that old captures can be checked).

            Exit status: 0 when the input decoded (and, with keys, was accepted); 1 when it is not a MIKEY message; \
            2 when the keys are unusable or the receiver refused the message.
            """)

    /// Exit status for input that is not a MIKEY message.
    static let notAMessage: Int32 = 1
    /// Exit status for a message the receiver refused, or keys it cannot use.
    static let notAccepted: Int32 = 2

    @Argument(help: "Hex, base64, an SDP line, a SIP message, a file path, or '-' for standard input.")
    var input: String

    @Flag(help: "Print JSON instead of the tree.")
    var json = false

    @Option(help: "The receiver's URI (MC service user ID).")
    var receiver: String?

    @Option(name: .customLong("receiver-kms"), help: "The receiver's KMS URI.")
    var receiverKMS: String?

    @Option(help: "The receiver's RSK for the message's key period, hex (04 || x || y, 257 octets), or @FILE holding the hex.")
    var rsk: String?

    @Option(help: "The receiver's KMS's Z_T, hex (257 octets).")
    var zt: String?

    @Option(help: "The initiator's KMS's KPAK, hex (65 octets).")
    var kpak: String?

    @Option(help: "The initiator's URI as the SIP layer gives it (needed when identities are hidden, E.7).")
    var initiator: String?

    @OptionGroup var keyPeriodOptions: KeyPeriodOptions

    @Option(help: "The receiver's clock, NTP seconds (default: the message's timestamp).")
    var now: UInt32?

    @Flag(name: .customLong("show-key"), help: "Print the key the message delivers.")
    var showKey = false

    /// Whether any key material was given.
    private var verifies: Bool { [receiver, receiverKMS, rsk, zt, kpak].contains { $0 != nil } }

    func validate() throws {
        guard verifies else {
            if initiator != nil || now != nil || showKey {
                throw ValidationError("--initiator, --now and --show-key need the receiver's keys (--receiver, --receiver-kms, --rsk, --zt, --kpak)")
            }
            return
        }
        let missing = [("--receiver", receiver), ("--receiver-kms", receiverKMS), ("--rsk", rsk), ("--zt", zt), ("--kpak", kpak)]
            .filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else { throw ValidationError("verifying needs \(missing.joined(separator: ", ")) as well") }
        _ = try Self.octets(rsk, option: "rsk", count: SAKKEPoint.encodedCount)
        _ = try Self.octets(zt, option: "zt", count: SAKKEPoint.encodedCount)
        _ = try Self.octets(kpak, option: "kpak", count: P256Point.encodedCount)
    }

    func run() throws {
        let found: MIKEYInput
        do { found = try readInput() } catch let error as MIKEYInputError { throw Self.fail("\(error)", code: Self.notAMessage) }
        let message: IMessage
        do { message = try IMessage(parsing: found.octets) } catch {
            throw Self.fail("not a MIKEY message (read as \(found.form)): \(Self.explain(error))", code: Self.notAMessage)
        }
        var sections: [DescriptionNode] = [.field("input", key: "input", .text(found.form.description))]
        sections.append(IMessageDescription(message).root)
        var accepted = true, problem: String?
        if verifies {
            do {
                let outcome = try verification(of: message)
                sections.append(outcome.node)
                accepted = outcome.accepted
            } catch let error as KeyProblem {
                problem = error.message
            }
        }
        if json {
            print(DescriptionNode.group("inspect", key: "inspect", sections).json, terminator: "")
        } else {
            for section in sections { print(section.tree, terminator: "") }
        }
        if let problem { throw Self.fail(problem, code: Self.notAccepted) }
        if !accepted { throw ExitCode(Self.notAccepted) }
    }

    /// Key material the receiver cannot use; reported after the description.
    private struct KeyProblem: Error {
        let message: String
    }

    /// The input, from standard input, a file, or the argument itself.
    private func readInput() throws -> MIKEYInput {
        if input == "-" {
            let data = try FileHandle.standardInput.read(upToCount: MIKEYInput.maximumCount + 1) ?? Data()
            return try MIKEYInput(contents: data)
        }
        var isDirectory: ObjCBool = false
        guard !input.isEmpty, FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            return try MIKEYInput(text: input)
        }
        guard !isDirectory.boolValue else { throw Self.fail("\(input) is a directory", code: Self.notAMessage) }
        // A size the file system does not report is checked by MIKEYInput once read.
        let size = (try? FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
        guard size <= MIKEYInput.maximumCount else { throw MIKEYInputError.tooLarge(count: size, maximum: MIKEYInput.maximumCount) }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: input)) } catch {
            throw Self.fail("cannot read \(input): \(error.localizedDescription)", code: Self.notAMessage)
        }
        return try MIKEYInput(contents: data)
    }

    // MARK: - Verification

    /// The receiver's processing of `message`, as a section of the output.
    private func verification(of message: IMessage) throws -> (node: DescriptionNode, accepted: Bool) {
        guard let receiver, let receiverKMS else { throw ValidationError("verifying needs --receiver and --receiver-kms") }
        let keyPeriod = try keyPeriodOptions.keyPeriod()
        let clock = now.map { NTPTimestamp(seconds: $0) }
        let time: NTPTimestamp
        switch message.timestamp {
        case .ntpUTC(let stamp), .ntp(let stamp): time = stamp
        case .counter, nil: time = try clock ?? NTPTimestamp(Date())
        }
        let party = IMessageParty(uri: receiver, kmsURI: receiverKMS)
        let periodNumber: UInt64, uid: [UInt8]
        do {
            periodNumber = try keyPeriod.number(at: time)
            uid = try MikeySakkeUID.uid(identifier: receiver, kmsIdentifier: receiverKMS, keyPeriod: keyPeriod, periodNumber: periodNumber)
        } catch {
            throw KeyProblem(message: "no key period for the message's time: \(error)")
        }
        let receiverKey: SAKKE.ReceiverKey
        do {
            let zt = try SAKKEPoint(encoded: Self.octets(zt, option: "zt", count: SAKKEPoint.encodedCount))
            let rsk = try SAKKE.ReceiverSecretKey(encoded: SecretBytes(Self.octets(rsk, option: "rsk", count: SAKKEPoint.encodedCount)))
            receiverKey = try SAKKE.ReceiverKey(identifier: uid, zt: zt, rsk: rsk)
        } catch let error as CurveError {
            throw KeyProblem(message: "--zt is not a point of the SAKKE curve: \(error)")
        } catch SAKKEError.invalidPoint(let error) {
            throw KeyProblem(message: "--rsk is not a point of the SAKKE curve: \(error)")
        } catch SAKKEError.invalidReceiverKey {
            throw KeyProblem(
                message: "the RSK does not validate under Z_T for \(receiver) (\(receiverKMS)) in key period \(periodNumber) (RFC 6508 §6.1.2)")
        }
        let verifier: ECCSI.Verifier
        do { verifier = try ECCSI.Verifier(kpak: Self.octets(kpak, option: "kpak", count: P256Point.encodedCount)) } catch {
            throw KeyProblem(message: "--kpak is not a P-256 point: \(error)")
        }
        // The KPAK given is that of the initiator's KMS, whichever URI the message names for it.
        let initiatorKMS = message.identity(.initiatorKMS)?.text ?? receiverKMS
        let imessageReceiver = try IMessageReceiver(
            party: party, keyPeriod: keyPeriod, keyPeriodNumber: periodNumber, receiverKey: receiverKey,
            trustedKMS: [initiatorKMS: verifier], replayCache: nil)
        do {
            let received = try imessageReceiver.process(message.encoded, initiatorURI: initiator, now: clock ?? time)
            return (accepted(received), true)
        } catch {
            return (.field("verification", key: "verification", .text("refused"), meaning: Self.explain(error, receiver: receiver)), false)
        }
    }

    /// What an accepted message delivered. The key itself only with --show-key.
    private func accepted(_ received: ReceivedKey) -> DescriptionNode {
        var fields: [DescriptionNode] = [
            .field("key id", key: "keyId", .octets(received.keyIdentifier.bytes), meaning: "\(Self.name(of: received.keyIdentifier.purpose))-ID"),
            .field("CSB ID", key: "csbId", .octets(withUnsafeBytes(of: received.csbID.bigEndian) { Array($0) })),
            .field("time", key: "time", .octets(received.time.bytes), meaning: received.time.date.formatted(.iso8601)),
            .field("RAND", key: "rand", .octets(received.rand)),
        ]
        if let uri = received.initiatorURI {
            fields.append(.field("initiator", key: "initiator", .text(uri)))
        } else {
            fields.append(.field("initiator", key: "initiator", .text("hidden"), meaning: "IDRuidi, unconfirmed"))
        }
        fields += [
            .field("initiator KMS", key: "initiatorKms", .text(received.initiatorKMSURI), meaning: "from IDRkmsi, trusted with the given --kpak"),
            .field("initiator UID", key: "initiatorUid", .octets(received.initiatorUID)),
        ]
        let sessions = received.sessions.sorted { $0.key.rawValue < $1.key.rawValue }.map { session, settings in
            DescriptionNode.group(
                "crypto session", key: "cryptoSession", inline: true,
                [
                    .field("CS ID", key: "csId", .integer(UInt64(session.rawValue))),
                    .field("profile", key: "profile", .text(settings.profile.rawValue)),
                    .field(
                        "ROC transmission rate", key: "rocTransmissionRate", .integer(UInt64(settings.rocTransmissionRate)),
                        meaning: settings.rocTransmissionRate == 0 ? "no RCCm3" : "RCCm3"),
                ])
        }
        fields.append(.list("crypto sessions", key: "cryptoSessions", sessions))
        if let parameters = received.keyParameters { fields.append(Self.describe(parameters)) }
        if showKey {
            fields.append(.field("key", key: "key", .octets(received.key.withUnsafeBytes { Array($0) })))
        }
        return .group("verification", key: "verification", value: .text("accepted"), fields)
    }

    /// The key parameters (TS 33.180 E.6), decrypted.
    private static func describe(_ parameters: KeyParameters) -> DescriptionNode {
        let status = parameters.status
        let statusMeaning = (status.isRevoked ? "revoked" : "not revoked") + (status.isSharedWithSecurityGateway ? ", shared with a Security Gateway" : "")
        func time(_ name: String, key: String, _ seconds: UInt64, zero: String) -> DescriptionNode {
            .field(name, key: key, .integer(seconds), meaning: seconds == 0 ? zero : Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601))
        }
        var fields: [DescriptionNode] = [
            .field("Key Type", key: "keyType", .integer(UInt64(parameters.keyType)), meaning: parameters.purpose.map(name(of:)) ?? "reserved"),
            .field("Status", key: "status", .octets(withUnsafeBytes(of: status.rawValue.bigEndian) { Array($0) }), meaning: statusMeaning),
            time("Activation Time", key: "activationTime", parameters.activationTime, zero: "the I_MESSAGE's timestamp"),
            time("Expiry Time", key: "expiryTime", parameters.expiryTime, zero: "never"),
            .field("Text", key: "text", .text(parameters.text)),
        ]
        if KeyParameters.groupKeyTypes.contains(parameters.keyType) {
            fields.append(.list("MC Group IDs", key: "groupIds", parameters.groupIDs.map { .field("Group ID", key: "groupId", .text($0)) }))
        }
        if !parameters.reserved.isEmpty { fields.append(.field("Reserved", key: "reserved", .octets(parameters.reserved))) }
        return .group("key parameters", key: "keyParameters", fields)
    }

    // MARK: - Shared with `create`

    /// The octets of a hex option (whitespace and colons allowed), of `count` octets when given.
    ///
    /// - Throws: `ValidationError` naming the option.
    /// The octets of a hex option; `@PATH` reads the hex from a file, so that
    /// secrets (`--rsk`, `--key`, `--ssk`) need not appear in the process list
    /// or the shell history.
    static func octets(_ text: String?, option: String, count: Int? = nil) throws -> [UInt8] {
        guard var text else { throw ValidationError("--\(option) is required") }
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.size] as? NSNumber)?.intValue ?? Int.max <= 1 << 16,
                  let data = FileManager.default.contents(atPath: path), let contents = String(data: data, encoding: .utf8)
            else { throw ValidationError("--\(option) @\(path): not a readable text file of at most 64 KiB") }
            text = contents
        }
        let digits = text.filter { !$0.isWhitespace && $0 != ":" }
        let octets: [UInt8]
        do { octets = try Hex.decode(digits) } catch {
            throw ValidationError("--\(option) is not hex: \(digits.count % 2 == 1 ? "an odd number of digits" : "a character that is not a hex digit")")
        }
        if let count, octets.count != count { throw ValidationError("--\(option) must be \(count) octets, not \(octets.count)") }
        return octets
    }

    /// Writes `error: message` to standard error; the exit to throw.
    static func fail(_ message: String, code: Int32 = 1) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(code)
    }

    /// The key-type name of TS 33.180 Annex G.
    static func name(of purpose: KeyPurpose) -> String {
        switch purpose {
        case .gmk: "GMK"
        case .pck: "PCK"
        case .csk: "CSK"
        case .spk: "SPK"
        case .mkfc: "MKFC"
        case .mscck: "MSCCK"
        case .musik: "MuSiK"
        }
    }

    // MARK: - Error messages

    /// A codec error in one line.
    static func explain(_ error: MIKEYError) -> String {
        switch error {
        case .malformed(.truncated(let field, let offset, let needed, let available)):
            "\(field) at offset \(offset) needs \(needed) octets, \(available) left"
        case .malformed(.trailingOctets(let field, let offset, let count)):
            "\(count) octets after \(field) (at offset \(offset)) where the message should end"
        case .malformed(let error):
            "malformed: \(error)"
        case .messageTooLarge(let count, let maximum):
            "\(count) octets, more than the \(maximum) a MIKEY message may have here"
        case .unsupportedVersion(let version):
            "version \(version), not 1 (RFC 3830 §6.1)"
        case .unknownPayload(let type, let offset):
            "payload type \(type.rawValue) at offset \(offset) is not one an I_MESSAGE holds (E.1.2)"
        case .invalidValue(let field, let offset, let value):
            "\(field) \(value)\(offset >= 0 ? " at offset \(offset)" : "") is not allowed"
        case .duplicate(let field, let offset):
            "a second \(field)\(offset >= 0 ? " at offset \(offset)" : "")"
        case .emptyValue(let field):
            "an empty \(field)"
        case .valueTooLarge(let field, let count, let maximum):
            "\(field) of \(count), more than \(maximum)"
        case .unauthenticated:
            "a protected payload does not authenticate"
        }
    }

    /// A refusal in one line.
    private static func explain(_ error: MikeySakkeError, receiver: String) -> String {
        switch error {
        case .malformed(let error): "malformed: \(explain(error))"
        case .unsupportedHeader(let field, let value): "the header's \(field) is \(value), not MIKEY-SAKKE's (E.1.2)"
        case .missingPayload(let name): "no \(name) payload (E.1.2)"
        case .unsupportedValue(let field, let value): "\(field) \(value) is not accepted"
        case .notForThisReceiver: "the message is not for \(receiver) (IDRr / IDRuidr, IDRkmsr)"
        case .unknownKMS(let uri): "the initiator's KMS \(uri) is not trusted"
        case .initiatorMismatch: "--initiator does not match the message's IDRi / IDRuidi"
        case .initiatorUnconfirmed: "the initiator is hidden (IDRuidi, E.7): give its URI with --initiator"
        case .staleTimestamp(let seconds): "the timestamp is \(seconds) s from the clock, beyond the allowed skew (RFC 3830 §5.4)"
        case .replayed: "replayed (RFC 3830 §5.4)"
        case .keyPeriodMismatch(let key, let message): "the message is of key period \(message), the RSK of period \(key)"
        case .authenticationFailure:
            "authentication failure: the signature does not verify or the SAKKE payload does not decapsulate (wrong keys, or altered octets)"
        case .keyTypeMismatch(let keyType, let purpose): "the key parameters' type \(keyType) is not the CSB ID's \(name(of: purpose))"
        case .keyRevoked: "the key parameters say the key is revoked (E.6.9)"
        case .keyExpired(let expiry): "the key expired at \(Date(timeIntervalSince1970: Double(expiry)).formatted(.iso8601)) (E.6.10)"
        case .unauthorizedInitiator(let purpose): "the initiator may not send a \(name(of: purpose))"
        case .underivable(let reason): "a value the message determines cannot be derived: \(reason)"
        case .memberFailed(let index, let uri, let reason): "member \(index) (\(uri)): \(reason)"
        case .invalidArgument(let reason): reason
        }
    }
}
