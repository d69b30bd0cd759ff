import KeyDerivation
import MIKEY
import Octets
import Testing

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = try? Hex.decode(hex) else { preconditionFailure("test hex") }
    return value
}

/// The key parameters of TS 33.180 E.6 and their envelope, the MCData
/// protected payload of §8.5.4. Expected octets are written by hand from
/// Tables E.6.1-1 and 8.5.4.1-1; the sealed known answer was computed
/// outside this package (Python `cryptography`: HMAC-SHA-256 for the F.1.5
/// KDF, AESGCM with the 16-octet IV).
@Suite struct KeyParametersTests {
    static let dppk = SecretBytes(bytes("000102030405060708090a0b0c0d0e0f"))
    static let pckID = KeyIdentifier(purpose: .pck, value: 0x234_ABCD)
    static let iv = bytes("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf")

    static func pckParameters() throws -> KeyParameters {
        try KeyParameters(keyType: .pck, expiryTime: 0x65_53F1_00, text: "PCK 1")
    }

    @Test func aPCKsParametersHaveTheLayoutOfTableE61() throws {
        let parameters = try Self.pckParameters()
        // Key Type 1, Status 1 (not revoked), Activation 0, Expiry, Text LV-E "PCK 1"; no MC Group IDs for a PCK.
        #expect(parameters.content == bytes("01" + "00000001" + "0000000000" + "006553f100" + "0005" + "50434b2031"))
        #expect(parameters.element == bytes("01" + "0016") + parameters.content)
    }

    @Test func aGMKsParametersCarryTheirGroupsAndReservedOctets() throws {
        let parameters = try KeyParameters(
            keyType: .gmk, status: KeyStatus(sharedWithSecurityGateway: true), activationTime: 1, groupIDs: ["a", "b"],
            reserved: [0xFF])
        #expect(
            parameters.content
                == bytes("00" + "00000003" + "0000000001" + "0000000000" + "0000" + "0009" + "02" + "01000161" + "01000162" + "ff"))
        #expect(try KeyParameters(plaintext: parameters.element) == parameters)
        #expect(try KeyParameters(plaintext: parameters.content) == parameters)
        #expect(parameters.status.isSharedWithSecurityGateway && !parameters.status.isRevoked)
    }

    @Test func aGroupKeyWithNoGroupsWritesACountOfZero() throws {
        // E.6.3: "a two octet 'Length' sub-element with the value '1', followed by ... '0'".
        let parameters = try KeyParameters(keyType: .musik)
        #expect(parameters.content.suffix(3) == [0x00, 0x01, 0x00])
    }

    @Test func theBareContentAndTheElementReadTheSame() throws {
        let parameters = try Self.pckParameters()
        #expect(try KeyParameters(plaintext: parameters.content) == parameters)
        #expect(try KeyParameters(plaintext: parameters.element) == parameters)
    }

    @Test func groupsForAKeyTypeWithoutGroupsAreRefused() {
        #expect(throws: MIKEYError.invalidValue(field: "MC Group IDs for key type", offset: -1, value: 1)) {
            try KeyParameters(keyType: .pck, groupIDs: ["g"])
        }
    }

    @Test func timesPastFortyBitsAreRefused() {
        #expect(throws: MIKEYError.self) { try KeyParameters(keyType: .pck, expiryTime: 1 << 40) }
        #expect(throws: MIKEYError.self) { try KeyParameters(keyType: .pck, activationTime: 1 << 40) }
    }

    @Test func truncatedOrInconsistentContentIsRefused() throws {
        let content = try Self.pckParameters().content
        for count in [0, 1, 5, 15, 16, content.count - 1] {
            #expect(throws: MIKEYError.self) { try KeyParameters(plaintext: Array(content.prefix(count))) }
        }
        // A GMK whose group count says 2 but whose element holds one.
        #expect(throws: MIKEYError.self) {
            try KeyParameters(plaintext: bytes("00" + "00000001" + "0000000000" + "0000000000" + "0000" + "0005" + "02" + "01000161"))
        }
        // A group element longer than the MC Group IDs element around it.
        #expect(throws: MIKEYError.self) {
            try KeyParameters(plaintext: bytes("00" + "00000001" + "0000000000" + "0000000000" + "0000" + "0005" + "01" + "01000561"))
        }
        // Text that is not UTF-8.
        #expect(throws: MIKEYError.invalidValue(field: "Text (not UTF-8)", offset: 15, value: 1)) {
            try KeyParameters(plaintext: bytes("01" + "00000001" + "0000000000" + "0000000000" + "0001" + "ff"))
        }
    }

    @Test func sealedParametersMatchAnIndependentComputation() throws {
        let payload = try Self.pckParameters().sealed(key: Self.dppk, csbID: Self.pckID, iv: Self.iv, dateTime: 0x65_53F1_00)
        #expect(payload.type == .keyParameters)
        #expect(
            payload.data
                == bytes(
                    "43" + "006553f100" + "00000000" + "00" + "01" + "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "1234abcd" + "00" + "0029"
                        + "3ecacb3dc39ae76c471164693fc498b4cdafc91fc4e33f0046ca627db2f7f737c3ec92199bd82a379a"))
        #expect(try KeyParameters(opening: payload, key: Self.dppk, csbID: Self.pckID) == Self.pckParameters())
    }

    @Test func anyAlteredOctetOrTheWrongKeyFailsAuthentication() throws {
        let payload = try Self.pckParameters().sealed(key: Self.dppk, csbID: Self.pckID, iv: Self.iv, dateTime: 7)
        for index in [0, 3, 10, 12, 20, 31, 33, payload.data.count - 1] {
            var data = payload.data
            data[index] ^= 0x01
            let altered = try GeneralExtensionPayload(type: .keyParameters, data: data)
            #expect(throws: MIKEYError.self) { try KeyParameters(opening: altered, key: Self.dppk, csbID: Self.pckID) }
        }
        #expect(throws: MIKEYError.unauthenticated) {
            try KeyParameters(opening: payload, key: SecretBytes(count: 16) { $0.initializeMemory(as: UInt8.self, repeating: 9) }, csbID: Self.pckID)
        }
    }

    @Test func aDPPKIDOtherThanTheCSBIDIsRefused() throws {
        let payload = try Self.pckParameters().sealed(key: Self.dppk, csbID: Self.pckID, iv: Self.iv, dateTime: 7)
        #expect(throws: MIKEYError.invalidValue(field: "DPPK-ID", offset: 29, value: Int(Self.pckID.rawValue))) {
            try KeyParameters(opening: payload, key: Self.dppk, csbID: KeyIdentifier(purpose: .pck, value: 1))
        }
    }

    @Test func truncatedProtectedPayloadsAreRefused() throws {
        let data = try Self.pckParameters().sealed(key: Self.dppk, csbID: Self.pckID, iv: Self.iv, dateTime: 7).data
        for count in [0, 1, 12, 31, 32, 34, 35, 35 + 15, data.count - 1] {
            #expect(throws: MIKEYError.self) { try MCDataProtectedPayload(parsing: data.prefix(count)) }
        }
        #expect(throws: MIKEYError.self) { try MCDataProtectedPayload(parsing: data + [0]) }
        #expect(try MCDataProtectedPayload(parsing: data).encoded == data)
    }

    @Test func anIVOtherThanSixteenOctetsIsRefused() throws {
        #expect(throws: MIKEYError.invalidValue(field: "IV length", offset: -1, value: 12)) {
            try Self.pckParameters().sealed(key: Self.dppk, csbID: Self.pckID, iv: Array(Self.iv.prefix(12)), dateTime: 0)
        }
    }
}
