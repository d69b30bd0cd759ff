import Foundation
import KeyDerivation
import MIKEY
import Octets
import Testing

/// The hand-written message of IMessageCodecTests, with each payload's octets
/// counted by hand: HDR 0..<10, T 10..<20, RAND 20..<38, IDR 38..<46,
/// SAKKE 46..<53, SIGN 53..<58; SIGN covers 0..<55 (its 3 signature octets excluded).
private let handWritten =
    "011a0501" + "11223344" + "0001"
    + "0b" + "00" + "e000000000000000"
    + "0e" + "10" + "000102030405060708090a0b0c0d0e0f"
    + "1a" + "01" + "01" + "0003" + "616263"
    + "04" + "01" + "02" + "0002" + "aabb"
    + "2003" + "010203"

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = try? Hex.decode(hex) else { preconditionFailure("test hex") }
    return value
}

private func repeated(_ octet: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: octet, count: count) }

/// A message of every payload kind, made with the MIKEY builders: a PCK
/// (CSB ID 1000 0001) for CS-ID 0 with the default SP written out, a hidden
/// receiver, SAKKE data of parameter set 1's size, SAKKE-to-self, key
/// parameters, a vendor extension, and an ECCSI-sized SIGN. Its time is
/// NTP 0xEC898DA8 = 3 968 437 672 s = Unix 1 759 448 872 s = 2025-10-02T23:47:52Z.
private func everyPayloadMessage() throws -> IMessage {
    let csbID = KeyIdentifier(purpose: .pck, value: 1)
    let header = try CommonHeader(
        csbID: csbID.rawValue, cryptoSessions: AnnexEProfile.pck.cryptoSessions([.mcpttPrivateCallInitiator], spi: [0xAA, 0xBB, 0xCC, 0xDD]))
    let parameters = try KeyParameters(keyType: .pck).sealed(
        key: SecretBytes([UInt8](0 ..< 16)), csbID: csbID, iv: repeated(0x5A, 16), dateTime: 1_759_448_872)
    let unsigned = try IMessage(
        header: header,
        payloads: [
            .timestamp(.ntpUTC(NTPTimestamp(seconds: 3_968_437_672))),
            .rand(RandPayload(Array(0 ..< 16))),
            .identity(IdentityPayload(role: .initiator, uri: "sip:bob@example.org")),
            .identity(IdentityPayload(role: .initiatorKMS, uri: "kms.example.org")),
            .identity(IdentityPayload(role: .responderUID, data: repeated(0xB0, 32))),
            .identity(IdentityPayload(role: .responderKMS, uri: "kms.example.org")),
            .securityPolicy(AnnexEProfile.pck.defaultPolicy()),
            .sakke(SAKKEPayload(data: [0x04] + repeated(0x11, 256) + repeated(0x22, 16))),
            .generalExtension(GeneralExtensionPayload(sakkeToSelf: SAKKEPayload(data: [1, 2, 3]))),
            .generalExtension(parameters),
            .generalExtension(GeneralExtensionPayload(type: .vendorID, data: [0xDE, 0xAD])),
        ])
    return unsigned.signed(with: try SignaturePayload(signature: repeated(0x01, 32) + repeated(0x02, 32) + [0x04] + repeated(0x03, 64)))
}

/// The payload headings of a tree: the lines at depth 2 (inside `payloads`).
private func payloadHeadings(_ tree: String) -> [String] {
    tree.split(separator: "\n").filter { $0.hasPrefix("    ") && !$0.hasPrefix("     ") }.map { String($0.dropFirst(4)) }
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite struct IMessageDescriptionTests {
    @Test func theTreeGivesEveryPayloadOfAHandWrittenMessageItsOctetRange() throws {
        let tree = IMessageDescription(try IMessage(parsing: bytes(handWritten))).tree
        let lines = tree.split(separator: "\n").map(String.init)
        #expect(lines.first == "I_MESSAGE")
        #expect(lines.contains("  octets: 58"))
        #expect(lines.contains("  signed: octets 0..<55 (covered by SIGN, its header included)"))
        #expect(payloadHeadings(tree) == ["HDR", "T", "RAND", "IDR", "SAKKE", "SIGN"])
        for range in ["0..<10", "10..<20", "20..<38", "38..<46", "46..<53", "53..<58"] {
            #expect(lines.contains("      at: octets \(range)"), "\(range)")
        }
        #expect(lines.contains("      next payload: 11 (RAND)"))
        #expect(lines.contains("      CS ID map type: 1 (empty: the annex's default profile)"))
        #expect(lines.contains("      ID Role: 1 (IDRi)"))
        #expect(lines.contains("      ID data: abc"))
        #expect(lines.contains("      SAKKE data: aabb"))
        #expect(lines.contains("      Signature: 010203"))
    }

    @Test func theTreeNamesEveryPayloadOfABuiltMessageAndWhatItsFieldsMean() throws {
        let tree = IMessageDescription(try everyPayloadMessage()).tree
        let lines = Set(tree.split(separator: "\n").map(String.init))
        #expect(
            payloadHeadings(tree) == [
                "HDR", "T", "RAND", "IDR", "IDR", "IDR", "IDR", "SP", "SAKKE", "general extension", "general extension", "general extension",
                "SIGN",
            ])
        let expected = [
            "      PRF func: 1 (PRF-HMAC-SHA-256)",
            "      CSB ID: 10000001 (PCK-ID)",
            "      CS ID map type: 2 (GENERIC-ID)",
            "          CS ID: 0 (MCPTT private call, initiator's media)",
            "          SPI: aabbccdd (MKI)",
            "      TS value: ec898da800000000 (2025-10-02T23:47:52Z)",
            "      ID Role: 1 (IDRi)",
            "      ID data: sip:bob@example.org",
            "      ID Role: 9 (IDRuidr)",
            "      ID data: \(String(repeating: "b0", count: 32)) (MIKEY-SAKKE UID, F.2.1)",
            "        parameter: type 0 (encryption algorithm), length 1, value 6 (AES-GCM)",
            "        parameter: type 20 (AEAD authentication tag length), length 1, value 16 (octets)",
            "        R_(b,S): 257 octets",
            "        H: \(String(repeating: "22", count: 16)) (the key, masked)",
            "      Type: 6 (SAKKE-to-self)",
            "        SAKKE data: 010203",
            "      Type: 7 (3GPP key parameters)",
            "        Date and Time: 1759448872 (2025-10-02T23:47:52Z)",
            "        DPPK-ID: 10000001 (the CSB ID)",
            "        Algorithm: 1 (DP_AES_128_GCM)",
            "      Type: 0 (Vendor ID)",
            "      Data: dead",
            "      S type: 2 (ECCSI)",
            "        r: \(String(repeating: "01", count: 32))",
            "        PVT: 65 octets",
        ]
        for line in expected { #expect(lines.contains(line), "\(line)") }
    }

    @Test func theJSONParsesBackWithThePayloadsAndTheirFields() throws {
        let json = try jsonObject(IMessageDescription(try everyPayloadMessage()).json)
        let payloads = try #require(json["payloads"] as? [[String: Any]])
        #expect(
            payloads.compactMap { $0["name"] as? String } == [
                "HDR", "T", "RAND", "IDR", "IDR", "IDR", "IDR", "SP", "SAKKE", "general extension", "general extension", "general extension",
                "SIGN",
            ])
        let csbID = try #require(payloads[0]["csbId"] as? [String: Any])
        #expect(csbID["value"] as? String == "10000001")
        #expect(csbID["meaning"] as? String == "PCK-ID")
        let role = try #require(payloads[5]["idRole"] as? [String: Any])
        #expect(role["value"] as? Int == 9)
        #expect(role["meaning"] as? String == "IDRuidr")
        let parameters = try #require(payloads[7]["policyParam"] as? [[String: Any]])
        #expect(parameters.count == 6)
        #expect((parameters[0]["type"] as? [String: Any])?["meaning"] as? String == "encryption algorithm")
    }

    @Test func theJSONGivesTheSignedRangeAsOffsets() throws {
        let json = try jsonObject(IMessageDescription(try IMessage(parsing: bytes(handWritten))).json)
        let signed = try #require(json["signed"] as? [String: Any])
        let range = try #require(signed["value"] as? [String: Any])
        #expect(range["start"] as? Int == 0)
        #expect(range["end"] as? Int == 55)
        #expect(json["octets"] as? Int == 58)
    }

    @Test func anUnsignedMessageHasNoSignAndIsSignedWhole() throws {
        // HDR 011a0b01 00000007 0001, then RAND: next 00 (last), length 01, value 09.
        let description = IMessageDescription(try IMessage(parsing: bytes("011a0b01" + "00000007" + "0001" + "00" + "01" + "09")))
        #expect(payloadHeadings(description.tree) == ["HDR", "RAND"])
        #expect(description.tree.contains("  signed: octets 0..<13 (no SIGN: the whole message, unsigned)\n"))
        #expect(description.tree.contains("      next payload: 0 (last)\n"))
    }

    @Test func srtpIDSessionsAndCounterTimestampsAreDescribed() throws {
        let header = try CommonHeader(
            csbID: 0x2000_0002, cryptoSessions: .srtpID([SRTPIDCryptoSession(policyNumber: 3, ssrc: 0xCAFE_F00D, rolloverCounter: 5)]))
        let message = try IMessage(header: header, payloads: [.timestamp(.counter(42))])
        let lines = Set(IMessageDescription(message).tree.split(separator: "\n").map(String.init))
        #expect(lines.contains("      CSB ID: 20000002 (CSK-ID)"))
        #expect(lines.contains("      CS ID map type: 0 (SRTP-ID)"))
        #expect(lines.contains("        crypto session: Policy_no_i 3, SSRC_i cafef00d, ROC_i 5"))
        #expect(lines.contains("      TS type: 2 (COUNTER)"))
        #expect(lines.contains("      TS value: 42"))
    }

    @Test func aNodeTreeIndentsWrapsLongOctetsAndPutsInlineGroupsOnOneLine() {
        let node = DescriptionNode.group(
            "g", key: "g",
            [
                .field("ID Role", key: "idRole", .integer(8), meaning: "IDRuidr"),
                .group("p", key: "p", inline: true, [.field("type", key: "t", .integer(0), meaning: "x"), .field("length", key: "l", .integer(1))]),
                .list("none", key: "none", []),
                .field("long", key: "long", .octets(repeated(0xAB, 33))),
                .field("empty", key: "empty", .text("")),
            ])
        let expected = """
            g
              ID Role: 8 (IDRuidr)
              p: type 0 (x), length 1
              none: (none)
              long: 33 octets
                \(String(repeating: "ab", count: 32))
                ab
              empty: ""

            """
        #expect(node.tree == expected)
    }

    @Test func aNodeWritesJSONInItsOwnOrderWithStringsEscaped() throws {
        let node = DescriptionNode.group(
            "g", key: "g",
            [
                .field("text", key: "text", .text("a\"b\\c\n\u{1}")),
                .field("flag", key: "flag", .flag(true), meaning: "set"),
                .list("items", key: "items", [.field("n", key: "n", .integer(7)), .group("pair", key: "pair", [.field("o", key: "o", .octets([0xAB]))])]),
                .list("empty", key: "empty", []),
                .field("range", key: "range", .octetRange(2 ..< 5)),
            ])
        let expected = #"""
            {
              "text": "a\"b\\c\n\u0001",
              "flag": {
                "value": true,
                "meaning": "set"
              },
              "items": [
                7,
                {
                  "name": "pair",
                  "o": "ab"
                }
              ],
              "empty": [],
              "range": {
                "start": 2,
                "end": 5
              }
            }

            """#
        #expect(node.json == expected)
        #expect(try jsonObject(node.json)["text"] as? String == "a\"b\\c\n\u{1}")
    }

    /// `FuzzTesting/Corpus/IMessageParse/`, found from this file as Tests/FuzzCorpusTests does.
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzTesting/Corpus/IMessageParse")

    /// `MIKEYInput` and `IMessage(parsing:)` throw only `MIKEYInputError` and
    /// `MIKEYError` (typed throws): an edge seed must end in one, a valid one be described.
    @Test func everyParserSeedIsDescribedOrRefusedWithATypedError() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!names.isEmpty)
        var described: [String] = []
        for name in names {
            let contents = try [UInt8](Data(contentsOf: Self.corpus.appendingPathComponent(name)))
            let input: MIKEYInput
            do { input = try MIKEYInput(contents: contents) } catch {
                #expect(name.hasPrefix("edge-"), "\(name): \(error)")
                continue
            }
            let message: IMessage
            do { message = try IMessage(parsing: input.octets) } catch {
                #expect(name.hasPrefix("edge-"), "\(name): \(error)")
                continue
            }
            let description = IMessageDescription(message)
            #expect(description.tree.hasPrefix("I_MESSAGE\n"), "\(name)")
            #expect(try jsonObject(description.json)["payloads"] is [Any], "\(name)")
            described.append(name)
        }
        #expect(described == names.filter { $0.hasPrefix("valid-") })
    }

    @Test func textThatCouldSteerATerminalPrintsEscaped() {
        let tree = DescriptionNode.field("ID data", key: "idData", .text("sip:eve\u{202E}gro.elpmaxe@ecila:pis\u{1B}[31m\u{2028}")).tree
        #expect(tree.contains("sip:eve\\u{202e}gro.elpmaxe@ecila:pis\\u{1b}[31m\\u{2028}"))
        #expect(!tree.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" || $0 == "\u{2028}" })
    }
}
