import Crypto
import Foundation
import KeyDerivation
import Octets

/// An MCData protected payload (TS 33.180 §8.5.4.1, Table 8.5.4.1-1), the
/// envelope of the key parameters (E.6.1): Message Type (1), Date and Time (5),
/// Payload ID (4), Payload sequence number (1), Algorithm (1), IV (16),
/// DPPK-ID (4), then the Payload as TLV-E (IEI, 2-octet length, ciphertext ‖
/// 16-octet tag). AEAD_AES_128_GCM under the DPCK of F.1.5 with the whole
/// 16-octet IV as the GCM nonce; the associated data is the 32 octets before
/// the Payload (§8.5.4.2).
public struct MCDataProtectedPayload: Sendable, Equatable {
    /// Message Type of the protected payload message.
    public static let protectedPayloadMessageType: UInt8 = 0x43
    /// Algorithm DP_AES_128_GCM (Table 8.5.4.2-1).
    public static let aes128GCM: UInt8 = 0x01
    /// IEI of the Payload element.
    public static let payloadIEI: UInt8 = 0x00
    /// Octets of the IV (Table 8.5.4.1-1).
    public static let ivCount = 16
    /// Octets of the GCM tag (Table 8.5.4.2-1).
    public static let tagCount = 16
    /// Octets before the Payload element: the associated data.
    public static let headerCount = 32

    /// Message Type.
    public let messageType: UInt8
    /// Date and Time of creation, seconds since 1970 (40 bits).
    public let dateTime: UInt64
    /// Payload ID (0 in key parameters, E.6.1).
    public let payloadID: UInt32
    /// Payload sequence number (0 in key parameters).
    public let sequenceNumber: UInt8
    /// Algorithm.
    public let algorithm: UInt8
    /// IV (16 octets).
    public let iv: [UInt8]
    /// DPPK-ID: the identifier of the key the DPCK comes from (in key parameters, the CSB ID).
    public let dppkID: UInt32
    /// The Payload element's IEI, as read.
    public let elementIdentifier: UInt8
    /// The ciphertext with its tag.
    public let sealed: [UInt8]

    /// Encrypts `plaintext` under the DPCK of `dppk` and `dppkID`.
    ///
    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` (offset -1) for
    ///   a DPPK other than 16 octets, an IV other than 16 or a time past 40 bits;
    ///   ``MIKEYError/valueTooLarge(field:count:maximum:)`` for a plaintext too long for the length field.
    public init(sealing plaintext: [UInt8], dppk: SecretBytes, dppkID: KeyIdentifier, iv: [UInt8], dateTime: UInt64) throws(MIKEYError) {
        guard iv.count == Self.ivCount else { throw .invalidValue(field: "IV length", offset: -1, value: iv.count) }
        guard dateTime >> 40 == 0 else { throw .invalidValue(field: "Date and Time", offset: -1, value: Int(clamping: dateTime)) }
        try MIKEYField.checkLength(plaintext.count + Self.tagCount, field: "Payload", maximum: 0xFFFF)
        let key = try Self.cipherKey(dppk: dppk, dppkID: dppkID)
        let header = Self.header(
            messageType: Self.protectedPayloadMessageType, dateTime: dateTime, payloadID: 0, sequenceNumber: 0,
            algorithm: Self.aes128GCM, iv: iv, dppkID: dppkID.rawValue)
        do {
            let box = try AES.GCM.seal(plaintext, using: key, nonce: AES.GCM.Nonce(data: iv), authenticating: header)
            sealed = Array(box.ciphertext) + Array(box.tag)
        } catch {
            throw .invalidValue(field: "IV length", offset: -1, value: iv.count)
        }
        messageType = Self.protectedPayloadMessageType
        self.dateTime = dateTime
        payloadID = 0
        sequenceNumber = 0
        algorithm = Self.aes128GCM
        self.iv = iv
        self.dppkID = dppkID.rawValue
        elementIdentifier = Self.payloadIEI
    }

    /// Parses a protected payload message. Its algorithm is checked when it is opened.
    ///
    /// - Throws: ``MIKEYError/malformed(_:)`` for a truncated or overlong
    ///   message, ``MIKEYError/invalidValue(field:offset:value:)`` for a Payload shorter than a tag.
    public init(parsing octets: some Collection<UInt8>) throws(MIKEYError) {
        var reader = ByteReader(Array(octets)[...])
        (messageType, dateTime, payloadID, sequenceNumber, algorithm, iv, dppkID, elementIdentifier) = try MIKEYError.reading {
            (
                try reader.readInteger(as: UInt8.self, field: "Message Type"), try reader.readUInt40(field: "Date and Time"),
                try reader.readInteger(as: UInt32.self, field: "Payload ID"),
                try reader.readInteger(as: UInt8.self, field: "Payload sequence number"),
                try reader.readInteger(as: UInt8.self, field: "Algorithm"), Array(try reader.readBytes(Self.ivCount, field: "IV")),
                try reader.readInteger(as: UInt32.self, field: "DPPK-ID"), try reader.readInteger(as: UInt8.self, field: "Payload IEI")
            )
        }
        let offset = reader.offset
        let (sealed, end) = try MIKEYError.reading { (try reader.readPrefixedOctets(lengthAs: UInt16.self, field: "Payload"), reader) }
        try MIKEYError.reading { try end.expectEnd(after: "Payload") }
        guard sealed.count >= Self.tagCount else { throw .invalidValue(field: "Payload length", offset: offset, value: sealed.count) }
        self.sealed = sealed
    }

    /// The message's octets.
    public var encoded: [UInt8] {
        var writer = ByteWriter(capacity: Self.headerCount + 3 + sealed.count)
        writer.writeBytes(header)
        writer.writeInteger(elementIdentifier)
        writer.writeInteger(UInt16(sealed.count))
        writer.writeBytes(sealed)
        return writer.bytes
    }

    /// The associated data: every field before the Payload (§8.5.4.2).
    public var header: [UInt8] {
        Self.header(
            messageType: messageType, dateTime: dateTime, payloadID: payloadID, sequenceNumber: sequenceNumber, algorithm: algorithm,
            iv: iv, dppkID: dppkID)
    }

    private static func header(
        messageType: UInt8, dateTime: UInt64, payloadID: UInt32, sequenceNumber: UInt8, algorithm: UInt8, iv: [UInt8], dppkID: UInt32
    ) -> [UInt8] {
        var writer = ByteWriter(capacity: headerCount)
        writer.writeInteger(messageType)
        writer.writeUInt40(dateTime)
        writer.writeInteger(payloadID)
        writer.writeInteger(sequenceNumber)
        writer.writeInteger(algorithm)
        writer.writeBytes(iv)
        writer.writeInteger(dppkID)
        return writer.bytes
    }

    /// Decrypts the Payload with the DPCK of `dppk` and this message's DPPK-ID.
    ///
    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` for an
    ///   algorithm other than DP_AES_128_GCM, a DPPK other than 16 octets or a
    ///   DPPK-ID that is not a key identifier; ``MIKEYError/unauthenticated``
    ///   when the tag does not verify (wrong key, or altered octets).
    public func open(dppk: SecretBytes) throws(MIKEYError) -> [UInt8] {
        guard algorithm == Self.aes128GCM else { throw .invalidValue(field: "Algorithm", offset: 12, value: Int(algorithm)) }
        let identifier: KeyIdentifier
        do { identifier = try KeyIdentifier(rawValue: dppkID) } catch {
            throw .invalidValue(field: "DPPK-ID", offset: 29, value: Int(dppkID))
        }
        let key = try Self.cipherKey(dppk: dppk, dppkID: identifier)
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: iv), ciphertext: sealed.dropLast(Self.tagCount), tag: sealed.suffix(Self.tagCount))
            return Array(try AES.GCM.open(box, using: key, authenticating: header))
        } catch {
            throw .unauthenticated
        }
    }

    private static func cipherKey(dppk: SecretBytes, dppkID: KeyIdentifier) throws(MIKEYError) -> SymmetricKey {
        guard dppk.count == 16 else { throw .invalidValue(field: "DPPK length", offset: -1, value: dppk.count) }
        do {
            let dpck = try MissionCriticalKeys.payloadCipherKey(dppk: dppk, dppkID: dppkID)
            return dpck.withUnsafeBytes { SymmetricKey(data: $0) }
        } catch {
            throw .invalidValue(field: "DPPK length", offset: -1, value: dppk.count)
        }
    }
}
