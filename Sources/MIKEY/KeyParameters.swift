import KeyDerivation
import Octets

/// The parameters of a distributed key (TS 33.180 E.6, Table E.6.1-1): its
/// type, status, activation and expiry times, a name, and the MC groups it
/// serves. They travel in a general extension of type 7, encrypted as an
/// MCData protected payload (§8.5.4) under the DPCK of the key itself, with
/// the CSB ID as DPPK-ID (E.6.1, F.1.5).
///
/// The plaintext is written as E.6.1 puts it: the Key Parameters IEI, a
/// 2-octet length, then the content. Reading also takes the bare content,
/// which a deployed implementation writes.
public struct KeyParameters: Sendable, Equatable {
    /// IEI of the Key Parameters element (E.6.1: a type 6, TLV-E, element).
    public static let elementIdentifier: UInt8 = 0x01
    /// IEI written before each MC group ID (the MCData Group ID of TS 24.282 §15.2.14).
    public static let groupIDElementIdentifier: UInt8 = 0x01
    /// The key types whose parameters carry the MC Group IDs element (E.6.3): GMK, MKFC, MuSiK.
    public static let groupKeyTypes: Set<UInt8> = [KeyPurpose.gmk.rawValue, KeyPurpose.mkfc.rawValue, KeyPurpose.musik.rawValue]

    /// Key Type (E.6.11): the values of `KeyPurpose`; others are reserved.
    public let keyType: UInt8
    /// Status (E.6.9).
    public let status: KeyStatus
    /// Activation Time (E.6.4): seconds since 1970; 0 = the I_MESSAGE's timestamp.
    public let activationTime: UInt64
    /// Expiry Time (E.6.10): seconds since 1970; 0 = never.
    public let expiryTime: UInt64
    /// Text (E.6.5): the key's human-readable name, UTF-8.
    public let text: String
    /// MC Group IDs (E.6.3), present for the ``groupKeyTypes`` only.
    public let groupIDs: [String]
    /// Reserved (E.6.6): whatever follows, kept as read.
    public let reserved: [UInt8]

    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` (offset -1)
    ///   for a time past 40 bits or group IDs for a key type that has none;
    ///   ``MIKEYError/valueTooLarge(field:count:maximum:)`` for more than 255
    ///   groups or an element too long for its length field.
    public init(
        keyType: KeyPurpose, status: KeyStatus = KeyStatus(), activationTime: UInt64 = 0, expiryTime: UInt64 = 0, text: String = "",
        groupIDs: [String] = [], reserved: [UInt8] = []
    ) throws(MIKEYError) {
        try self.init(
            rawKeyType: keyType.rawValue, status: status, activationTime: activationTime, expiryTime: expiryTime, text: text,
            groupIDs: groupIDs, reserved: reserved)
    }

    private init(
        rawKeyType keyType: UInt8, status: KeyStatus, activationTime: UInt64, expiryTime: UInt64, text: String, groupIDs: [String],
        reserved: [UInt8]
    ) throws(MIKEYError) {
        guard activationTime >> 40 == 0 else { throw .invalidValue(field: "Activation Time", offset: -1, value: Int(clamping: activationTime)) }
        guard expiryTime >> 40 == 0 else { throw .invalidValue(field: "Expiry Time", offset: -1, value: Int(clamping: expiryTime)) }
        guard groupIDs.isEmpty || Self.groupKeyTypes.contains(keyType) else {
            throw .invalidValue(field: "MC Group IDs for key type", offset: -1, value: Int(keyType))
        }
        try MIKEYField.checkLength(groupIDs.count, field: "Number of Group IDs", allowsEmpty: true, maximum: 0xFF)
        for group in groupIDs { try MIKEYField.checkLength(group.utf8.count, field: "Group ID", maximum: 0xFFFF) }
        try MIKEYField.checkLength(text.utf8.count, field: "Text", allowsEmpty: true, maximum: 0xFFFF)
        try MIKEYField.checkLength(1 + groupIDs.reduce(0) { $0 + 3 + $1.utf8.count }, field: "MC Group IDs", maximum: 0xFFFF)
        self.keyType = keyType
        self.status = status
        self.activationTime = activationTime
        self.expiryTime = expiryTime
        self.text = text
        self.groupIDs = groupIDs
        self.reserved = reserved
        try MIKEYField.checkLength(content.count, field: "Key Parameters", maximum: 0xFFFF)
    }

    /// The key's purpose, when the key type is not a reserved value.
    public var purpose: KeyPurpose? { KeyPurpose(rawValue: keyType) }

    /// The content of Table E.6.1-1.
    public var content: [UInt8] {
        var writer = ByteWriter(capacity: 64)
        writer.writeInteger(keyType)
        writer.writeInteger(status.rawValue)
        writer.writeUInt40(activationTime)
        writer.writeUInt40(expiryTime)
        writer.writeInteger(UInt16(text.utf8.count))
        writer.writeBytes(text.utf8)
        if Self.groupKeyTypes.contains(keyType) {
            writer.writeInteger(UInt16(1 + groupIDs.reduce(0) { $0 + 3 + $1.utf8.count }))
            writer.writeInteger(UInt8(groupIDs.count))
            for group in groupIDs {
                writer.writeInteger(Self.groupIDElementIdentifier)
                writer.writeInteger(UInt16(group.utf8.count))
                writer.writeBytes(group.utf8)
            }
        }
        writer.writeBytes(reserved)
        return writer.bytes
    }

    /// The plaintext E.6.1 specifies: IEI, 2-octet length, content.
    public var element: [UInt8] {
        let content = content
        return [Self.elementIdentifier, UInt8(content.count >> 8), UInt8(truncatingIfNeeded: content.count)] + content
    }

    /// Reads a plaintext in either layout: E.6.1's element (IEI, length,
    /// content; recognised by its IEI and a length that matches), or the bare content.
    ///
    /// - Throws: ``MIKEYError/malformed(_:)`` for a truncated element,
    ///   ``MIKEYError/invalidValue(field:offset:value:)`` for text or a group ID
    ///   that is not UTF-8 or a group count that disagrees with the element's length.
    public init(plaintext: [UInt8]) throws(MIKEYError) {
        let isElement = plaintext.count >= 3 && plaintext[0] == Self.elementIdentifier
            && Int(plaintext[1]) << 8 | Int(plaintext[2]) == plaintext.count - 3
        try self.init(content: isElement ? plaintext[3...] : plaintext[...])
    }

    private init(content: ArraySlice<UInt8>) throws(MIKEYError) {
        var reader = ByteReader(content)
        let (keyType, status, activation, expiry) = try MIKEYError.reading {
            (
                try reader.readInteger(as: UInt8.self, field: "Key Type"), try reader.readInteger(as: UInt32.self, field: "Status"),
                try reader.readUInt40(field: "Activation Time"), try reader.readUInt40(field: "Expiry Time")
            )
        }
        let textOffset = reader.offset
        let textOctets = try MIKEYError.reading { try reader.readPrefixedOctets(lengthAs: UInt16.self, field: "Text") }
        guard let text = String(validating: textOctets, as: UTF8.self) else {
            throw .invalidValue(field: "Text (not UTF-8)", offset: textOffset, value: textOctets.count)
        }
        var groupIDs: [String] = []
        if Self.groupKeyTypes.contains(keyType) {
            var groups = try MIKEYError.reading { try reader.readLengthPrefixed(lengthAs: UInt16.self, field: "MC Group IDs") }
            let count = try MIKEYError.reading { try groups.readInteger(as: UInt8.self, field: "Number of Group IDs") }
            for _ in 0 ..< count {
                let offset = groups.offset
                let octets = try MIKEYError.reading {
                    try groups.skip(1, field: "Group ID IEI")
                    return try groups.readPrefixedOctets(lengthAs: UInt16.self, field: "Group ID")
                }
                guard let group = String(validating: octets, as: UTF8.self) else {
                    throw .invalidValue(field: "Group ID (not UTF-8)", offset: offset, value: octets.count)
                }
                groupIDs.append(group)
            }
            let end = groups
            try MIKEYError.reading { try end.expectEnd(after: "MC Group IDs") }
        }
        try self.init(
            rawKeyType: keyType, status: KeyStatus(rawValue: status), activationTime: activation, expiryTime: expiry, text: text,
            groupIDs: groupIDs, reserved: Array(reader.readRemaining()))
    }

    /// These parameters as the general extension of E.6: the element
    /// encrypted under `key` with DPPK-ID `csbID` (for a GMK, the receiver's GUK-ID).
    ///
    /// - Throws: ``MIKEYError`` as ``MCDataProtectedPayload/init(sealing:dppk:dppkID:iv:dateTime:)``.
    public func sealed(key: SecretBytes, csbID: KeyIdentifier, iv: [UInt8], dateTime: UInt64) throws(MIKEYError) -> GeneralExtensionPayload {
        let payload = try MCDataProtectedPayload(sealing: element, dppk: key, dppkID: csbID, iv: iv, dateTime: dateTime)
        return try GeneralExtensionPayload(type: .keyParameters, data: payload.encoded)
    }

    /// The parameters in a key-parameters extension, decrypted under `key`.
    ///
    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` for an
    ///   extension of another type or a DPPK-ID other than the CSB ID,
    ///   ``MIKEYError/unauthenticated`` when the tag fails, and the parse errors.
    public init(opening payload: GeneralExtensionPayload, key: SecretBytes, csbID: KeyIdentifier) throws(MIKEYError) {
        guard payload.type == .keyParameters else { throw .invalidValue(field: "general extension type", offset: -1, value: Int(payload.type.rawValue)) }
        let protected = try MCDataProtectedPayload(parsing: payload.data)
        guard protected.dppkID == csbID.rawValue else { throw .invalidValue(field: "DPPK-ID", offset: 29, value: Int(protected.dppkID)) }
        try self.init(plaintext: try protected.open(dppk: key))
    }
}
