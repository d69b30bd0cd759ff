import KeyDerivation
import MIKEY
import Octets
import Testing

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = try? Hex.decode(hex) else { preconditionFailure("test hex") }
    return value
}

/// Each payload against octets written by hand from its RFC, both ways.
@Suite struct PayloadRoundTripTests {
    @Test func genericIDCryptoSessionsRoundTrip() throws {
        // RFC 6043 §6.1.1: CS ID 4, Prot type 0 (SRTP), S=0 #P=1, P=1, no session data, SPI = 8 octets (MKI).
        let header = try CommonHeader(
            csbID: 0x0ABC_DEF0,
            cryptoSessions: .genericID([
                GenericIDCryptoSession(csID: 4, policyNumbers: [1], spi: Array(1 ... 8)),
            ]))
        let message = try IMessage(header: header, payloads: [])
        #expect(message.encoded == bytes("011a0001" + "0abcdef0" + "0102" + "04" + "00" + "01" + "01" + "0000" + "08" + "0102030405060708"))
        #expect(try IMessage(parsing: message.encoded).header == header)
        #expect(header.cryptoSessions.csIDs == [4])
    }

    @Test func aRepeatedCSIDInAGenericIDMapIsADuplicate() {
        let entry = "04" + "00" + "01" + "01" + "0000" + "00"
        #expect(throws: MIKEYError.duplicate(field: "CS ID", offset: 17)) {
            try IMessage(parsing: bytes("011a0001" + "0abcdef0" + "0202" + entry + entry))
        }
    }

    @Test func srtpIDCryptoSessionsRoundTrip() throws {
        let header = try CommonHeader(
            csbID: 1, cryptoSessions: .srtpID([SRTPIDCryptoSession(policyNumber: 0, ssrc: 0xCAFE_F00D, rolloverCounter: 2)]))
        let message = try IMessage(header: header, payloads: [])
        #expect(message.encoded == bytes("011a0001" + "00000001" + "0100" + "00" + "cafef00d" + "00000002"))
        #expect(try IMessage(parsing: message.encoded).header.cryptoSessions.csIDs == [1])
    }

    @Test func anUnknownMapTypeIsRefused() {
        #expect(throws: MIKEYError.invalidValue(field: "CS ID map type", offset: 9, value: 3)) {
            try IMessage(parsing: bytes("011a0001" + "00000001" + "0003"))
        }
    }

    @Test func securityPolicyRoundTripsWithTheGroupCallDefaults() throws {
        let policy = try SecurityPolicyPayload(policyNumber: 0, parameters: [
            SecurityPolicyParameter(.encryptionAlgorithm, 6), SecurityPolicyParameter(.sessionEncryptionKeyLength, 16),
            SecurityPolicyParameter(.aeadAuthenticationTagLength, 16),
        ])
        #expect(policy.encodedFields == bytes("00" + "00" + "0009" + "000106" + "010110" + "140110"))
        #expect(try SecurityPolicyPayload(fields: policy.encodedFields) == policy)
        #expect(policy.value(of: .aeadAuthenticationTagLength) == [16])
    }

    @Test func aPolicyTypeGivenTwiceIsADuplicate() {
        #expect(throws: MIKEYError.self) { try SecurityPolicyPayload(fields: bytes("0000" + "0006" + "000106" + "000107")) }
        #expect(throws: MIKEYError.self) {
            try SecurityPolicyPayload(policyNumber: 0, parameters: [SecurityPolicyParameter(.srtpPRF, 0), SecurityPolicyParameter(.srtpPRF, 0)])
        }
    }

    @Test func aPolicyListShorterThanItsLengthIsRefused() {
        #expect(throws: MIKEYError.self) { try SecurityPolicyPayload(fields: bytes("0000" + "0004" + "000106")) }
        #expect(throws: MIKEYError.self) { try SecurityPolicyPayload(fields: bytes("0000" + "0003" + "000206")) }
    }

    @Test func timestampTypesHaveTheirOwnWidths() throws {
        #expect(try TimestampPayload(fields: bytes("02" + "0000002a")) == .counter(42))
        #expect(try TimestampPayload(fields: bytes("01" + "0000000100000002")) == .ntp(NTPTimestamp(seconds: 1, fraction: 2)))
        #expect(throws: MIKEYError.invalidValue(field: "TS type", offset: 0, value: 3)) { try TimestampPayload(fields: bytes("03" + "00000000")) }
    }

    @Test func sakkeToSelfCarriesAWholeSAKKEPayloadWithANextPayloadOfZero() throws {
        let sakke = try SAKKEPayload(data: [1, 2, 3])
        let extensionPayload = try GeneralExtensionPayload(sakkeToSelf: sakke)
        #expect(extensionPayload.encodedFields == bytes("06" + "0008" + "00" + "01" + "02" + "0003" + "010203"))
        #expect(try extensionPayload.sakkeToSelf() == sakke)
        // E.5: the inner Next payload is ignored.
        let other = try GeneralExtensionPayload(fields: bytes("06" + "0008" + "2a" + "01" + "02" + "0003" + "010203"))
        #expect(try other.sakkeToSelf() == sakke)
    }

    @Test func unknownGeneralExtensionsAreKeptAsRead() throws {
        let payload = try GeneralExtensionPayload(fields: bytes("63" + "0002" + "abcd"))
        #expect(payload.type.rawValue == 99)
        #expect(payload.data == [0xAB, 0xCD])
        #expect(payload.encodedFields == bytes("63" + "0002" + "abcd"))
    }

    @Test func valuesTooLongForTheirLengthFieldsAreRefusedWhenBuilt() {
        #expect(throws: MIKEYError.valueTooLarge(field: "RAND", count: 256, maximum: 255)) { try RandPayload([UInt8](repeating: 1, count: 256)) }
        #expect(throws: MIKEYError.emptyValue(field: "RAND")) { try RandPayload([]) }
        #expect(throws: MIKEYError.valueTooLarge(field: "Signature", count: 4096, maximum: 4095)) {
            try SignaturePayload(signature: [UInt8](repeating: 0, count: 4096))
        }
        #expect(throws: MIKEYError.emptyValue(field: "ID data")) { try IdentityPayload(role: .initiator, data: []) }
        #expect(throws: MIKEYError.valueTooLarge(field: "#CS", count: 256, maximum: 255)) {
            try CommonHeader(csbID: 0, cryptoSessions: .srtpID(Array(repeating: SRTPIDCryptoSession(policyNumber: 0, ssrc: 0, rolloverCounter: 0), count: 256)))
        }
    }
}
