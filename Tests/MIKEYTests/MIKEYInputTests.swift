import MIKEY
import Testing

/// The octets 01 1a 05 01 (the first four of an I_MESSAGE: version 1, data
/// type 26, next payload T, PRF 1) in base64, worked out by hand: the bits
/// 000000 010001 101000 000101 | 000000 01‹0000› are A R o F | A Q, padded.
private let headerBase64 = "ARoFAQ=="
private let headerOctets: [UInt8] = [0x01, 0x1A, 0x05, 0x01]

@Suite struct MIKEYInputTests {
    @Test func hexWithWhitespaceAndColonsGivesItsOctets() throws {
        let input = try MIKEYInput(text: " 01 1a:05\n01 ")
        #expect(input.octets == headerOctets)
        #expect(input.form == .hex)
    }

    @Test func hexMayStartWithZeroX() throws {
        #expect(try MIKEYInput(text: "0x011A0501").octets == headerOctets)
    }

    @Test func textOfHexDigitsOnlyIsReadAsHexNotBase64() throws {
        // "0001" is also base64 (of d3 4d 35); hex wins.
        let input = try MIKEYInput(text: "0001")
        #expect(input.octets == [0x00, 0x01])
        #expect(input.form == .hex)
    }

    @Test func base64WithWhitespaceGivesItsOctets() throws {
        let input = try MIKEYInput(text: "ARoF\n AQ==")
        #expect(input.octets == headerOctets)
        #expect(input.form == .base64)
    }

    @Test func anSDPKeyManagementLineGivesItsBase64Data() throws {
        let input = try MIKEYInput(text: "a=key-mgmt:mikey \(headerBase64)")
        #expect(input.octets == headerOctets)
        #expect(input.form == .keyManagementAttribute(line: 1))
    }

    @Test func aSIPMessageGivesTheFirstMIKEYAttributeOfItsSDPBody() throws {
        let sip = [
            "INVITE sip:bob@example.org SIP/2.0",
            "Via: SIP/2.0/UDP client.example.org",
            "Content-Type: application/sdp",
            "",
            "v=0",
            "o=- 1 1 IN IP4 192.0.2.1",
            "a=key-mgmt:kerberos AAAA",
            "m=audio 49170 RTP/SAVP 96",
            "a=key-mgmt:mikey \(headerBase64)",
            "a=key-mgmt:mikey ARoFAREiM0Q=",
        ].joined(separator: "\r\n")
        let input = try MIKEYInput(text: sip)
        #expect(input.octets == headerOctets)
        #expect(input.form == .keyManagementAttribute(line: 9))
    }

    @Test func theAttributeNameIsReadInAnyCaseAndWithoutItsAEquals() throws {
        #expect(try MIKEYInput(text: "  KEY-MGMT: MIKEY \(headerBase64) trailing").octets == headerOctets)
    }

    @Test func contentsThatAreNotTextAreTheMessageItself() throws {
        let input = try MIKEYInput(contents: headerOctets)
        #expect(input.octets == headerOctets)
        #expect(input.form == .binary)
    }

    @Test func contentsThatAreTextAreReadAsText() throws {
        let input = try MIKEYInput(contents: Array("a=key-mgmt:mikey \(headerBase64)\r\n".utf8))
        #expect(input.octets == headerOctets)
        #expect(input.form == .keyManagementAttribute(line: 1))
    }

    @Test func emptyInputIsRefused() {
        #expect(throws: MIKEYInputError.empty) { try MIKEYInput(text: "") }
        #expect(throws: MIKEYInputError.empty) { try MIKEYInput(text: " \r\n\t") }
        #expect(throws: MIKEYInputError.empty) { try MIKEYInput(contents: []) }
    }

    @Test func garbageTextIsUnrecognized() {
        for garbage in ["zz", "hello world", "011", ":", "ARoFAQ=", "AR=oFAQ="] {
            #expect(throws: MIKEYInputError.unrecognized, "\(garbage)") { try MIKEYInput(text: garbage) }
        }
    }

    @Test func anAttributeWithoutBase64DataIsRefusedWithItsLine() {
        #expect(throws: MIKEYInputError.invalidAttributeData(line: 2)) { try MIKEYInput(text: "v=0\na=key-mgmt:mikey !!!!") }
        #expect(throws: MIKEYInputError.invalidAttributeData(line: 1)) { try MIKEYInput(text: "a=key-mgmt:mikey") }
    }

    @Test func sdpWithoutAMIKEYAttributeNamesTheOtherProtocols() {
        #expect(throws: MIKEYInputError.noMIKEYAttribute(otherProtocols: ["kerberos"])) {
            try MIKEYInput(text: "v=0\r\na=key-mgmt:kerberos AAAA\r\n")
        }
        #expect(throws: MIKEYInputError.noMIKEYAttribute(otherProtocols: [])) {
            try MIKEYInput(text: "MESSAGE sip:bob@example.org SIP/2.0\r\nTo: <sip:bob@example.org>\r\n\r\nv=0\r\n")
        }
    }

    @Test func inputOverTheLimitIsRefusedBeforeItIsRead() {
        let count = MIKEYInput.maximumCount + 1
        #expect(throws: MIKEYInputError.tooLarge(count: count, maximum: MIKEYInput.maximumCount)) {
            try MIKEYInput(contents: [UInt8](repeating: 0x30, count: count))
        }
    }
}
