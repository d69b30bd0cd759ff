import ArgumentParser
import Curves
import ECCSI
import Foundation
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// `mikey-sakke create`: makes an I_MESSAGE distributing a PCK, GMK, CSK or
/// MuSiK (TS 33.180 Annex E, ``IMessageCreator``) from keys given on the
/// command line, for testing a peer; the reverse of `inspect`.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Make a MIKEY-SAKKE I_MESSAGE (TS 33.180 Annex E) distributing a key, for testing a peer.",
        discussion: """
            Signs with the initiator's SSK and PVT (ECCSI, RFC 6507) for its UID in the key period of --time, and \
            encapsulates --key to the receiver's UID of that period under --zt (SAKKE, RFC 6508). Both parties are taken \
            to share the key period. Prints the message as hex, or base64 with --base64 (the form of an SDP a=key-mgmt:mikey line).
            """)

    /// The kinds of key Annex E distributes.
    enum KeyType: String, ExpressibleByArgument, CaseIterable {
        case pck, gmk, csk, musik

        var purpose: KeyPurpose {
            switch self {
            case .pck: .pck
            case .gmk: .gmk
            case .csk: .csk
            case .musik: .musik
            }
        }
    }

    @Option(name: .customLong("type"), help: "The key's type.")
    var keyType: KeyType

    @Option(help: "The key, hex (16 octets), or @FILE holding the hex.")
    var key: String

    @Option(name: .customLong("key-id"), help: "The key's identifier, hex (4 octets; its purpose tag must match --type).")
    var keyID: String

    @Option(help: "The initiator's URI.")
    var initiator: String

    @Option(name: .customLong("initiator-kms"), help: "The initiator's KMS URI.")
    var initiatorKMS: String

    @Option(help: "The receiver's URI.")
    var receiver: String

    @Option(name: .customLong("receiver-kms"), help: "The receiver's KMS URI.")
    var receiverKMS: String

    @Option(help: "The initiator's SSK for the key period, hex (32 octets), or @FILE holding the hex.")
    var ssk: String

    @Option(help: "The initiator's PVT for the key period, hex (65 octets).")
    var pvt: String

    @Option(help: "The initiator's KMS's KPAK, hex (65 octets).")
    var kpak: String

    @Option(help: "The receiver's KMS's Z_T, hex (257 octets).")
    var zt: String

    @Option(help: "The RAND, hex (default: 16 random octets).")
    var rand: String?

    @Option(help: "The timestamp, NTP seconds (default: now).")
    var time: UInt32?

    @OptionGroup var keyPeriodOptions: KeyPeriodOptions

    @Flag(name: .customLong("hide-identities"), help: "Send IDRuidi and IDRuidr instead of IDRi and IDRr (E.7).")
    var hidesIdentities = false

    @Flag(name: .customLong("key-parameters"), help: "Send the key parameters (E.6) of the key's type: default status, no expiry.")
    var sendsKeyParameters = false

    @Option(name: .customLong("key-parameters-iv"), help: "The key parameters' IV, hex (16 octets; default: random).")
    var keyParametersIV: String?

    @Flag(name: .customLong("security-policy"), help: "Name the type's crypto sessions and send its default SP explicitly.")
    var sendsSecurityPolicy = false

    @Option(help: "ECCSI's j, hex (32 octets), for reproducible output (default: random).")
    var nonce: String?

    @Flag(help: "Print base64 instead of hex.")
    var base64 = false

    func validate() throws {
        _ = try Self.octets(key, option: "key", count: 16)
        let identifier = try Self.octets(keyID, option: "key-id", count: 4)
        let tag = identifier[0] >> 4
        guard tag == keyType.purpose.rawValue else {
            let named = KeyPurpose(rawValue: tag).map { "\(InspectCommand.name(of: $0))" } ?? "undefined"
            throw ValidationError(
                "--key-id has purpose tag \(tag) (\(named)), not \(keyType.purpose.rawValue) (\(InspectCommand.name(of: keyType.purpose)))")
        }
        _ = try Self.octets(ssk, option: "ssk", count: 32)
        _ = try Self.octets(pvt, option: "pvt", count: P256Point.encodedCount)
        _ = try Self.octets(kpak, option: "kpak", count: P256Point.encodedCount)
        _ = try Self.octets(zt, option: "zt", count: SAKKEPoint.encodedCount)
        if let rand {
            let octets = try Self.octets(rand, option: "rand")
            guard (1 ... 255).contains(octets.count) else { throw ValidationError("--rand must be 1 to 255 octets, not \(octets.count)") }
        }
        if let nonce { _ = try Self.octets(nonce, option: "nonce", count: 32) }
        if let keyParametersIV {
            guard sendsKeyParameters else { throw ValidationError("--key-parameters-iv needs --key-parameters") }
            _ = try Self.octets(keyParametersIV, option: "key-parameters-iv", count: MCDataProtectedPayload.ivCount)
        }
    }

    func run() throws {
        let message: IMessage
        do { message = try create() } catch let error as ExitCode { throw error } catch let error as ValidationError { throw error } catch {
            throw InspectCommand.fail(Self.explain(error))
        }
        print(base64 ? Data(message.encoded).base64EncodedString() : Hex.encode(message.encoded))
    }

    private func create() throws -> IMessage {
        let keyPeriod = try keyPeriodOptions.keyPeriod()
        let time = try self.time.map { NTPTimestamp(seconds: $0) } ?? NTPTimestamp(Date())
        let periodNumber: UInt64
        do { periodNumber = try keyPeriod.number(at: time) } catch {
            throw InspectCommand.fail("the time is before the first key period (--offset \(keyPeriodOptions.offset))")
        }
        let uid = try MikeySakkeUID.uid(identifier: initiator, kmsIdentifier: initiatorKMS, keyPeriod: keyPeriod, periodNumber: periodNumber)
        let signingKey: ECCSI.SigningKey
        do {
            signingKey = try ECCSI.SigningKey(
                identifier: uid, kpak: Self.octets(kpak, option: "kpak"), ssk: Self.octets(ssk, option: "ssk"), pvt: Self.octets(pvt, option: "pvt"))
        } catch ECCSIError.invalidUserKeys {
            throw InspectCommand.fail(
                "the SSK and PVT do not validate under the KPAK for \(initiator) (\(initiatorKMS)) in key period \(periodNumber) "
                    + "(RFC 6507 §5.1.2): were they issued for this period?")
        } catch ECCSIError.invalidPoint(let error) {
            throw InspectCommand.fail("--kpak or --pvt is not a P-256 point: \(error)")
        } catch ECCSIError.invalidSecretScalar {
            throw InspectCommand.fail("--ssk is not a scalar in 1 … q − 1")
        }
        let zt: SAKKEPoint
        do { zt = try SAKKEPoint(encoded: Self.octets(self.zt, option: "zt")) } catch let error as CurveError {
            throw InspectCommand.fail("--zt is not a point of the SAKKE curve: \(error)")
        }
        let nonce: P256SecretScalar?
        do { nonce = try self.nonce.map { try P256SecretScalar(bigEndianBytes: Self.octets($0, option: "nonce")) } } catch let error as ValidationError {
            throw error
        } catch {
            throw InspectCommand.fail("--nonce is not a scalar in 1 … q − 1")
        }
        let creator = IMessageCreator(initiator: IMessageParty(uri: initiator, kmsURI: initiatorKMS), keyPeriod: keyPeriod, signingKey: signingKey)
        return try creator.create(
            key: SecretBytes(Self.octets(key, option: "key")), keyIdentifier: KeyIdentifier(bytes: Self.octets(keyID, option: "key-id")),
            to: IMessageParty(uri: receiver, kmsURI: receiverKMS), receiverKeyPeriod: keyPeriod, sender: SAKKE.Sender(zt: zt), time: time,
            rand: rand.map { try RandPayload(Self.octets($0, option: "rand")) } ?? .random(), options: options(), nonce: nonce)
    }

    /// Identity hiding, the explicit security policy and the key parameters, as asked.
    private func options() throws -> IMessageOptions {
        var options = IMessageOptions(hidesIdentities: hidesIdentities)
        if sendsSecurityPolicy {
            guard let profile = AnnexEProfile(purpose: keyType.purpose) else {
                throw InspectCommand.fail("Annex E has no default profile for \(keyType.rawValue)")
            }
            options.cryptoSessions = try profile.cryptoSessions(profile.sessionIDs)
            options.policies = [profile.defaultPolicy()]
        }
        if sendsKeyParameters {
            options.keyParameters = try KeyParameters(keyType: keyType.purpose)
            options.keyParametersIV = try keyParametersIV.map { try Self.octets($0, option: "key-parameters-iv") }
        }
        return options
    }

    private static func octets(_ text: String, option: String, count: Int? = nil) throws -> [UInt8] {
        try InspectCommand.octets(text, option: option, count: count)
    }

    /// A failure of the lower layers in one line.
    private static func explain(_ error: any Error) -> String {
        switch error {
        case MikeySakkeError.invalidArgument(let reason): reason
        case ECCSIError.degenerateNonce: "--nonce makes r or s zero (RFC 6507 §5.2.1): pick another"
        case SAKKEError.degenerateIdentifier: "the receiver's UID cannot be encapsulated to under this Z_T"
        case let error as MIKEYError: InspectCommand.explain(error)
        default: "\(error)"
        }
    }
}
