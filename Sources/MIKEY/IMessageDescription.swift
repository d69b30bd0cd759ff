import KeyDerivation
import Octets

/// A readable account of an I_MESSAGE (RFC 6509 §4, TS 33.180 E.1.2): every
/// payload in order from HDR to SIGN, each with its octet range, its Next
/// payload octet as read, and its fields named as RFC 3830, RFC 6043,
/// RFC 6509 and TS 33.180 Annex E name them, in decimal or hex with their
/// meaning; and the octets SIGN covers (``IMessage/signedCount``).
///
/// Nothing is verified or decrypted here: the SAKKE data, the signature and
/// the key parameters (E.6, encrypted under the key) are shown as octets,
/// split into their parts where the format fixes them (R_(b,S) ‖ H; r ‖ s ‖ PVT;
/// the MCData protected payload's header).
///
/// Offsets are exact: encoding is canonical, so each payload occupies the
/// octets its own encoding does, in order after the header.
public struct IMessageDescription: Sendable {
    /// The description: a group `I_MESSAGE` holding the message's length, the
    /// signed range and the list of payloads.
    public let root: DescriptionNode

    public init(_ message: IMessage) {
        let sizes = message.payloads.map { 1 + $0.encodedCount }
        let signCount = message.signature.map { SignaturePayload.headerCount + $0.signature.count } ?? 0
        let headerCount = message.encoded.count - sizes.reduce(0, +) - signCount
        var entries = [Self.header(message.header, octets: 0 ..< headerCount, next: message.octet(at: 2))]
        var offset = headerCount
        for (payload, size) in zip(message.payloads, sizes) {
            entries.append(
                Self.payload(payload, octets: offset ..< offset + size, next: message.octet(at: offset), csbID: message.header.csbID))
            offset += size
        }
        if let signature = message.signature {
            entries.append(Self.signature(signature, octets: offset ..< offset + signCount))
        }
        root = .group(
            "I_MESSAGE", key: "message",
            [
                .field("octets", key: "octets", .integer(UInt64(message.encoded.count))),
                .field(
                    "signed", key: "signed", .octetRange(0 ..< message.signedCount),
                    meaning: message.signature == nil ? "no SIGN: the whole message, unsigned" : "covered by SIGN, its header included"),
                .list("payloads", key: "payloads", entries),
            ])
    }

    /// The tree (``DescriptionNode/tree``).
    public var tree: String { root.tree }

    /// The JSON (``DescriptionNode/json``).
    public var json: String { root.json }

    // MARK: - Payloads

    /// HDR (RFC 3830 §6.1, TS 33.180 E.1.2).
    private static func header(_ header: CommonHeader, octets: Range<Int>, next: UInt8?) -> DescriptionNode {
        var fields: [DescriptionNode] = [
            .field("at", key: "octets", .octetRange(octets)),
            .field("version", key: "version", .integer(UInt64(CommonHeader.version))),
            .field("data type", key: "dataType", .integer(UInt64(header.dataType.rawValue)), meaning: MIKEYFieldMeaning.dataType(header.dataType)),
        ]
        fields += nextPayload(next)
        fields += [
            .field("V", key: "v", .flag(header.verificationRequested), meaning: MIKEYFieldMeaning.verification(header.verificationRequested)),
            .field("PRF func", key: "prfFunc", .integer(UInt64(header.prf.rawValue)), meaning: MIKEYFieldMeaning.prf(header.prf)),
            .field("CSB ID", key: "csbId", .octets(bigEndian(header.csbID)), meaning: MIKEYFieldMeaning.csbID(header.csbID)),
            .field("#CS", key: "csCount", .integer(UInt64(header.cryptoSessions.count))),
            .field(
                "CS ID map type", key: "csIdMapType", .integer(UInt64(header.cryptoSessions.mapType)),
                meaning: MIKEYFieldMeaning.mapType(header.cryptoSessions.mapType)),
        ]
        switch header.cryptoSessions {
        case .empty: break
        case .srtpID(let sessions): fields.append(.list("CS ID map info", key: "csIdMapInfo", sessions.map(srtpSession)))
        case .genericID(let sessions): fields.append(.list("CS ID map info", key: "csIdMapInfo", sessions.map(genericSession)))
        }
        return .group("HDR", key: "hdr", fields)
    }

    /// One crypto session of an SRTP-ID map (RFC 3830 §6.1.1).
    private static func srtpSession(_ session: SRTPIDCryptoSession) -> DescriptionNode {
        .group(
            "crypto session", key: "cryptoSession", inline: true,
            [
                .field("Policy_no_i", key: "policyNo", .integer(UInt64(session.policyNumber))),
                .field("SSRC_i", key: "ssrc", .octets(bigEndian(session.ssrc))),
                .field("ROC_i", key: "roc", .integer(UInt64(session.rolloverCounter))),
            ])
    }

    /// One crypto session of a GENERIC-ID map (RFC 6043 §6.1.1, TS 33.180 E.1.2).
    private static func genericSession(_ session: GenericIDCryptoSession) -> DescriptionNode {
        .group(
            "crypto session", key: "cryptoSession",
            [
                .field("CS ID", key: "csId", .integer(UInt64(session.csID)), meaning: MIKEYFieldMeaning.csID(session.csID)),
                .field("Prot type", key: "protType", .integer(UInt64(session.protocolType)), meaning: MIKEYFieldMeaning.protocolType(session.protocolType)),
                .field("S", key: "s", .flag(session.flag)),
                .field("#P", key: "policyCount", .integer(UInt64(session.policyNumbers.count))),
                .list("Ps", key: "ps", session.policyNumbers.map { .field("policy no", key: "policyNo", .integer(UInt64($0))) }),
                .field("Session Data len", key: "sessionDataLength", .integer(UInt64(session.sessionData.count))),
                .field("Session Data", key: "sessionData", .octets(session.sessionData)),
                .field("SPI len", key: "spiLength", .integer(UInt64(session.spi.count))),
                .field("SPI", key: "spi", .octets(session.spi), meaning: session.spi.isEmpty ? nil : "MKI"),
            ])
    }

    private static func payload(_ payload: MIKEYPayload, octets: Range<Int>, next: UInt8?, csbID: UInt32) -> DescriptionNode {
        let start: [DescriptionNode] = [.field("at", key: "octets", .octetRange(octets))] + nextPayload(next)
        switch payload {
        case .timestamp(let timestamp): return .group("T", key: "t", start + self.timestamp(timestamp))
        case .rand(let rand): return .group("RAND", key: "rand", start + self.rand(rand))
        case .identity(let identity): return .group("IDR", key: "idr", start + self.identity(identity))
        case .securityPolicy(let policy): return .group("SP", key: "sp", start + securityPolicy(policy))
        case .sakke(let sakke): return .group("SAKKE", key: "sakke", start + self.sakke(sakke))
        case .generalExtension(let payload):
            return .group("general extension", key: "generalExtension", start + generalExtension(payload, csbID: csbID))
        }
    }

    /// T (RFC 3830 §6.6).
    private static func timestamp(_ timestamp: TimestampPayload) -> [DescriptionNode] {
        let type = DescriptionNode.field(
            "TS type", key: "tsType", .integer(UInt64(timestamp.timestampType)), meaning: MIKEYFieldMeaning.timestampType(timestamp.timestampType))
        switch timestamp {
        case .ntpUTC(let time), .ntp(let time):
            return [type, .field("TS value", key: "tsValue", .octets(time.bytes), meaning: MIKEYFieldMeaning.date(time))]
        case .counter(let counter):
            return [type, .field("TS value", key: "tsValue", .integer(UInt64(counter)))]
        }
    }

    /// RAND (RFC 3830 §6.11).
    private static func rand(_ rand: RandPayload) -> [DescriptionNode] {
        [
            .field("RAND len", key: "randLength", .integer(UInt64(rand.value.count))),
            .field("RAND", key: "rand", .octets(rand.value)),
        ]
    }

    /// IDR (RFC 6043 §6.6, TS 33.180 E.7): the data as text when it is a URI or NAI, else hex.
    private static func identity(_ identity: IdentityPayload) -> [DescriptionNode] {
        let isUID = identity.role == .initiatorUID || identity.role == .responderUID
        let data: DescriptionNode =
            if !isUID, identity.type == .uri || identity.type == .nai, let text = identity.text, text.allSatisfy(isPrintable) {
                .field("ID data", key: "idData", .text(text))
            } else {
                .field("ID data", key: "idData", .octets(identity.data), meaning: isUID ? "MIKEY-SAKKE UID, F.2.1" : nil)
            }
        return [
            .field("ID Role", key: "idRole", .integer(UInt64(identity.role.rawValue)), meaning: identity.role.description),
            .field("ID Type", key: "idType", .integer(UInt64(identity.type.rawValue)), meaning: identity.type.description),
            .field("ID len", key: "idLength", .integer(UInt64(identity.data.count))),
            data,
        ]
    }

    /// SP (RFC 3830 §6.10) with its SRTP parameters (§6.10.1, TS 33.180 Tables E.2.2-1, E.3.2-1, E.4.2-1).
    private static func securityPolicy(_ policy: SecurityPolicyPayload) -> [DescriptionNode] {
        let parameters = policy.parameters.map { parameter -> DescriptionNode in
            let value: DescriptionNode =
                if let number = parameter.integerValue {
                    .field("value", key: "value", .integer(number), meaning: MIKEYFieldMeaning.srtpPolicyValue(type: parameter.type, value: number))
                } else {
                    .field("value", key: "value", .octets(parameter.value))
                }
            return .group(
                "parameter", key: "parameter", inline: true,
                [
                    .field("type", key: "type", .integer(UInt64(parameter.type)), meaning: SRTPPolicyType(rawValue: parameter.type).description),
                    .field("length", key: "length", .integer(UInt64(parameter.value.count))),
                    value,
                ])
        }
        return [
            .field("Policy no", key: "policyNo", .integer(UInt64(policy.policyNumber))),
            .field("Prot type", key: "protType", .integer(UInt64(policy.protocolType)), meaning: MIKEYFieldMeaning.protocolType(policy.protocolType)),
            .field("Policy param length", key: "policyParamLength", .integer(UInt64(policy.parameters.reduce(0) { $0 + 2 + $1.value.count }))),
            .list("Policy param", key: "policyParam", parameters),
        ]
    }

    /// SAKKE (RFC 6509 §4.2); for parameter set 1, the data split into R_(b,S) and H (RFC 6508 §6.2.1).
    private static func sakke(_ sakke: SAKKEPayload) -> [DescriptionNode] {
        let pointCount = 257, hashCount = 16
        let data: DescriptionNode =
            if sakke.parameterSet == 1, sakke.data.count == pointCount + hashCount {
                .group(
                    "SAKKE data", key: "sakkeData", meaning: "R_(b,S) || H, RFC 6508 §6.2.1",
                    [
                        .field("R_(b,S)", key: "r", .octets(Array(sakke.data.prefix(pointCount)))),
                        .field("H", key: "h", .octets(Array(sakke.data.suffix(hashCount))), meaning: "the key, masked"),
                    ])
            } else {
                .field("SAKKE data", key: "sakkeData", .octets(sakke.data))
            }
        return [
            .field("SAKKE params", key: "sakkeParams", .integer(UInt64(sakke.parameterSet)), meaning: MIKEYFieldMeaning.sakkeParameterSet(sakke.parameterSet)),
            .field("ID scheme", key: "idScheme", .integer(UInt64(sakke.idScheme.rawValue)), meaning: sakke.idScheme.description),
            .field("SAKKE data len", key: "sakkeDataLength", .integer(UInt64(sakke.data.count))),
            data,
        ]
    }

    /// A general extension (RFC 3830 §6.15): SAKKE-to-self (E.5) and the key
    /// parameters' MCData protected payload (E.6.1, §8.5.4.1) opened up, others as octets.
    private static func generalExtension(_ payload: GeneralExtensionPayload, csbID: UInt32) -> [DescriptionNode] {
        var fields: [DescriptionNode] = [
            .field("Type", key: "type", .integer(UInt64(payload.type.rawValue)), meaning: payload.type.description),
            .field("Length", key: "length", .integer(UInt64(payload.data.count))),
        ]
        switch payload.type {
        case .sakkeToSelf:
            if let sakke = try? payload.sakkeToSelf(), let next = payload.data.first {
                fields.append(.group("SAKKE payload", key: "sakkePayload", nextPayload(next) + self.sakke(sakke)))
            } else {
                fields.append(.field("Data", key: "data", .octets(payload.data), meaning: "not a SAKKE payload"))
            }
        case .keyParameters:
            if let protected = try? MCDataProtectedPayload(parsing: payload.data) {
                fields.append(protectedPayload(protected, csbID: csbID))
            } else {
                fields.append(.field("Data", key: "data", .octets(payload.data), meaning: "not an MCData protected payload"))
            }
        default:
            fields.append(.field("Data", key: "data", .octets(payload.data)))
        }
        return fields
    }

    /// An MCData protected payload (TS 33.180 Table 8.5.4.1-1) as E.6.1 uses it.
    private static func protectedPayload(_ payload: MCDataProtectedPayload, csbID: UInt32) -> DescriptionNode {
        .group(
            "MCData protected payload", key: "protectedPayload",
            [
                .field(
                    "Message Type", key: "messageType", .integer(UInt64(payload.messageType)),
                    meaning: payload.messageType == MCDataProtectedPayload.protectedPayloadMessageType ? "protected payload message" : nil),
                .field("Date and Time", key: "dateAndTime", .integer(payload.dateTime), meaning: MIKEYFieldMeaning.date(unixSeconds: payload.dateTime)),
                .field("Payload ID", key: "payloadId", .integer(UInt64(payload.payloadID))),
                .field("Payload sequence number", key: "payloadSequenceNumber", .integer(UInt64(payload.sequenceNumber))),
                .field(
                    "Algorithm", key: "algorithm", .integer(UInt64(payload.algorithm)),
                    meaning: MIKEYFieldMeaning.protectedPayloadAlgorithm(payload.algorithm)),
                .field("IV", key: "iv", .octets(payload.iv)),
                .field(
                    "DPPK-ID", key: "dppkId", .octets(bigEndian(payload.dppkID)),
                    meaning: payload.dppkID == csbID ? "the CSB ID" : "not the CSB ID"),
                .field("Payload IEI", key: "payloadIei", .integer(UInt64(payload.elementIdentifier))),
                .field("Payload len", key: "payloadLength", .integer(UInt64(payload.sealed.count))),
                .field("Payload", key: "payload", .octets(payload.sealed), meaning: "key parameters and GCM tag, encrypted under the key"),
            ])
    }

    /// SIGN (RFC 3830 §6.5); an ECCSI signature split into r, s and PVT (RFC 6507 §3.3).
    private static func signature(_ signature: SignaturePayload, octets: Range<Int>) -> DescriptionNode {
        let scalarCount = 32
        let value: DescriptionNode =
            if signature.signatureType == SignaturePayload.eccsiType, signature.signature.count == 2 * scalarCount + 65 {
                .group(
                    "Signature", key: "signature", meaning: "r || s || PVT, RFC 6507 §3.3",
                    [
                        .field("r", key: "r", .octets(Array(signature.signature.prefix(scalarCount)))),
                        .field("s", key: "s", .octets(Array(signature.signature.dropFirst(scalarCount).prefix(scalarCount)))),
                        .field("PVT", key: "pvt", .octets(Array(signature.signature.dropFirst(2 * scalarCount)))),
                    ])
            } else {
                .field("Signature", key: "signature", .octets(signature.signature))
            }
        return .group(
            "SIGN", key: "sign",
            [
                .field("at", key: "octets", .octetRange(octets)),
                .field(
                    "S type", key: "sType", .integer(UInt64(signature.signatureType)),
                    meaning: MIKEYFieldMeaning.signatureType(signature.signatureType)),
                .field("Signature len", key: "signatureLength", .integer(UInt64(signature.signature.count))),
                value,
            ])
    }

    // MARK: - Helpers

    /// The Next payload field as read, naming the payload that follows.
    private static func nextPayload(_ octet: UInt8?) -> [DescriptionNode] {
        guard let octet else { return [] }
        return [.field("next payload", key: "nextPayload", .integer(UInt64(octet)), meaning: MIKEYPayloadType(rawValue: octet).description)]
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.bigEndian) { Array($0) } }

    private static func isPrintable(_ character: Character) -> Bool {
        !character.unicodeScalars.contains { [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }
    }
}

extension MIKEYPayload {
    /// Octets of the payload after its Next payload octet.
    fileprivate var encodedCount: Int {
        var writer = ByteWriter()
        write(to: &writer)
        return writer.bytes.count
    }
}

extension IMessage {
    /// The octet at `offset` of the message, if there is one.
    fileprivate func octet(at offset: Int) -> UInt8? {
        encoded.indices.contains(offset) ? encoded[offset] : nil
    }
}
