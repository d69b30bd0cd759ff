import KeyDerivation
import MIKEY
import Octets
import Testing
import TestSupport

/// A small message written out by hand from RFC 3830 §6.1, §6.6, §6.11,
/// RFC 6043 §6.6, RFC 6509 §4.2 and RFC 3830 §6.5, payload by payload.
private let handWritten =
    "011a0501" + "11223344" + "0001"           // HDR: v1, type 26, next T, V=0 PRF 1, CSB ID, #CS 0, empty map
    + "0b" + "00" + "e000000000000000"         // T: next RAND, NTP-UTC
    + "0e" + "10" + "000102030405060708090a0b0c0d0e0f" // RAND: next IDR, 16 octets
    + "1a" + "01" + "01" + "0003" + "616263"   // IDR: next SAKKE, IDRi, URI, "abc"
    + "04" + "01" + "02" + "0002" + "aabb"     // SAKKE: next SIGN, set 1, scheme 2, 2 octets
    + "2003" + "010203"                        // SIGN: ECCSI, 3 octets

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = try? Hex.decode(hex) else { preconditionFailure("test hex") }
    return value
}

@Suite struct IMessageCodecTests {
    @Test func aHandWrittenMessageParsesIntoItsFields() throws {
        let message = try IMessage(parsing: bytes(handWritten))
        #expect(message.header.dataType == .sakkeMessage)
        #expect(message.header.prf == .hmacSHA256)
        #expect(!message.header.verificationRequested)
        #expect(message.header.csbID == 0x1122_3344)
        #expect(message.header.cryptoSessions == .empty)
        #expect(message.timestamp == .ntpUTC(NTPTimestamp(rawValue: 0xE000_0000_0000_0000)))
        #expect(message.rand?.value == Array(0 ..< 16))
        #expect(message.identity(.initiator)?.text == "abc")
        #expect(message.identity(.initiator)?.type == .uri)
        #expect(message.sakke?.idScheme == .mcxHashedUID)
        #expect(message.sakke?.data == [0xAA, 0xBB])
        #expect(message.signature?.signatureType == 2)
        #expect(message.signature?.signature == [1, 2, 3])
        #expect(message.payloads.map(\.type) == [.timestamp, .rand, .identity, .sakke])
    }

    @Test func theSignatureCoversEverythingUpToAndIncludingTheSignHeader() throws {
        let encoded = bytes(handWritten)
        let message = try IMessage(parsing: encoded)
        #expect(Array(message.signedOctets) == Array(encoded.dropLast(3)))
        #expect(message.signedOctets.suffix(2) == [0x20, 0x03])
    }

    @Test func buildingTheSameFieldsGivesTheHandWrittenOctets() throws {
        let unsigned = try IMessage(
            header: CommonHeader(csbID: 0x1122_3344),
            payloads: [
                .timestamp(.ntpUTC(NTPTimestamp(rawValue: 0xE000_0000_0000_0000))),
                .rand(RandPayload(Array(0 ..< 16))),
                .identity(IdentityPayload(role: .initiator, uri: "abc")),
                .sakke(SAKKEPayload(data: [0xAA, 0xBB])),
            ])
        #expect(unsigned.octetsToSign(count: 3) == bytes(String(handWritten.dropLast(6))))
        let signed = unsigned.signed(with: try SignaturePayload(signature: [1, 2, 3]))
        #expect(signed.encoded == bytes(handWritten))
        #expect(try IMessage(parsing: signed.encoded) == signed)
    }

    @Test func anUnsignedMessageEndsWithLastPayload() throws {
        let message = try IMessage(header: CommonHeader(csbID: 7), payloads: [.rand(RandPayload([9]))])
        #expect(message.encoded == bytes("011a0b01" + "00000007" + "0001" + "00" + "01" + "09"))
        let parsed = try IMessage(parsing: message.encoded)
        #expect(parsed.signature == nil)
        #expect(parsed.signedCount == parsed.encoded.count)
    }

    @Test func everyTruncationIsRefused() {
        let encoded = bytes(handWritten)
        for length in 0 ..< encoded.count {
            #expect(throws: MIKEYError.self) { try IMessage(parsing: encoded.prefix(length)) }
        }
    }

    @Test func octetsAfterSignAreRefused() {
        #expect(throws: MIKEYError.self) { try IMessage(parsing: bytes(handWritten + "00")) }
    }

    @Test func zeroLengthsAreRefusedWhereTheFormatGivesThemNoMeaning() {
        let cases = [
            ("RAND len", handWritten.replacingOccurrences(of: "0e10000102030405060708090a0b0c0d0e0f", with: "0e00")),
            ("ID len", handWritten.replacingOccurrences(of: "0003616263", with: "0000")),
            ("SAKKE data length", handWritten.replacingOccurrences(of: "0002aabb", with: "0000")),
            ("Signature len", handWritten.replacingOccurrences(of: "2003010203", with: "2000")),
        ]
        for (field, hex) in cases {
            #expect(throws: MIKEYError.self, "\(field)") { try IMessage(parsing: bytes(hex)) }
            do {
                _ = try IMessage(parsing: bytes(hex))
            } catch let MIKEYError.invalidValue(name, _, value) {
                #expect(name == field)
                #expect(value == 0)
            } catch {
                Issue.record("\(field): \(error)")
            }
        }
    }

    @Test func aLengthRunningPastTheEndIsATruncation() {
        let hex = handWritten.replacingOccurrences(of: "0003616263", with: "0400616263")
        #expect {
            try IMessage(parsing: bytes(hex))
        } throws: { error in
            guard case MIKEYError.malformed(.truncated(let field, _, _, _)) = error else { return false }
            return field == "ID data"
        }
    }

    @Test func anUnknownPayloadTypeIsRefusedAtItsOffset() {
        // The RAND's Next payload names type 99 where the IDR starts (offset 38).
        let hex = handWritten.replacingOccurrences(of: "0e10", with: "6310")
        #expect(throws: MIKEYError.unknownPayload(MIKEYPayloadType(rawValue: 99), offset: 38)) { try IMessage(parsing: bytes(hex)) }
    }

    @Test func aSecondTimestampIsADuplicate() {
        let hex = handWritten.replacingOccurrences(of: "0b00e000000000000000", with: "0500e000000000000000" + "0b00e000000000000001")
        #expect(throws: MIKEYError.duplicate(field: "T", offset: 20)) { try IMessage(parsing: bytes(hex)) }
    }

    @Test func aSecondIdentityOfTheSameRoleIsADuplicateButOtherRolesAreNot() throws {
        let twoInitiators = handWritten.replacingOccurrences(of: "1a01010003616263", with: "0e01010003616263" + "1a01010003646566")
        #expect(throws: MIKEYError.self) { try IMessage(parsing: bytes(twoInitiators)) }
        let initiatorAndResponder = handWritten.replacingOccurrences(of: "1a01010003616263", with: "0e01010003616263" + "1a02010003646566")
        let message = try IMessage(parsing: bytes(initiatorAndResponder))
        #expect(message.identity(.responder)?.text == "def")
    }

    @Test func aChainThatNamesSignTooEarlyLeavesTrailingOctets() {
        // The T payload's Next payload says SIGN: what follows is not a signature of the right length.
        let hex = handWritten.replacingOccurrences(of: "0b00e000000000000000", with: "0400e000000000000000")
        #expect(throws: MIKEYError.self) { try IMessage(parsing: bytes(hex)) }
    }

    @Test func aVersionOtherThanOneIsRefused() {
        #expect(throws: MIKEYError.unsupportedVersion(2)) { try IMessage(parsing: bytes("02" + handWritten.dropFirst(2))) }
    }

    @Test func anEmptyMapWithCryptoSessionsIsInconsistent() {
        let hex = handWritten.replacingOccurrences(of: "112233440001", with: "112233440101")
        #expect(throws: MIKEYError.invalidValue(field: "#CS (empty CS ID map)", offset: 8, value: 1)) { try IMessage(parsing: bytes(hex)) }
    }

    @Test func anOversizedInputIsRefusedBeforeParsing() {
        let huge = [UInt8](repeating: 0, count: IMessage.maximumEncodedCount + 1)
        #expect(throws: MIKEYError.messageTooLarge(count: huge.count, maximum: IMessage.maximumEncodedCount)) { try IMessage(parsing: huge) }
    }

    @Test func randomOctetStringsNeverCrashTheParser() throws {
        var generator = SeededGenerator.logged("mikeyRandomParse")
        let seed = bytes(handWritten)
        for _ in 0 ..< 5000 {
            var input = seed
            for _ in 0 ..< Int.random(in: 1 ... 4, using: &generator) {
                input[Int.random(in: 0 ..< input.count, using: &generator)] = UInt8.random(in: 0 ... 255, using: &generator)
            }
            if let message = try? IMessage(parsing: input) {
                #expect(message.reencoded() == input)
                #expect(try IMessage(parsing: message.encoded) == message)
            }
        }
    }
}
