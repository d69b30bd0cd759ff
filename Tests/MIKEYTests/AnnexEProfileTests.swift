import KeyDerivation
import MIKEY
import Octets
import Testing

private func bytes(_ hex: String) -> [UInt8] {
    guard let value = try? Hex.decode(hex) else { preconditionFailure("test hex") }
    return value
}

/// The crypto-session rules and default profiles of TS 33.180 Annex E.
@Suite struct AnnexEProfileTests {
    @Test func theGMKDefaultProfileIsTableE221() {
        // Type, length, value for each row of Table E.2.2-1, in table order.
        var writer = ByteWriter()
        AnnexEProfile.gmk.defaultPolicy(number: 0).write(to: &writer)
        #expect(
            writer.bytes
                == bytes("00" + "00" + "001e" + "000106" + "010110" + "020104" + "04010c" + "050100" + "060100" + "0d0101" + "120104"
                    + "130100" + "140110"))
    }

    @Test func thePCKCSKAndMuSiKDefaultsAreTablesE321AndE421() {
        let expected = bytes("000106" + "010110" + "04010c" + "050100" + "060100" + "140110")
        for profile in [AnnexEProfile.pck, .csk, .musik] {
            var writer = ByteWriter()
            profile.defaultPolicy(number: 3).write(to: &writer)
            #expect(writer.bytes == bytes("03" + "00" + "0012") + expected)
        }
    }

    @Test func eachKeyServesTheCryptoSessionsOfTableE131() {
        #expect(AnnexEProfile.gmk.sessionIDs.map(\.rawValue) == [4, 5])
        #expect(AnnexEProfile.pck.sessionIDs.map(\.rawValue) == [0, 1, 2, 3])
        #expect(AnnexEProfile.csk.sessionIDs.map(\.rawValue) == [6, 8])
        #expect(AnnexEProfile.musik.sessionIDs.map(\.rawValue) == [7, 9])
        #expect(AnnexEProfile(purpose: .spk) == nil)
        #expect(AnnexEProfile(purpose: .csk) == .csk)
    }

    @Test func aMessageWithoutCryptoSessionsGetsTheDefaultForEverySession() throws {
        let message = try IMessage(header: CommonHeader(csbID: 0x1000_0001), payloads: [])
        let sessions = try AnnexEProfile.pck.sessions(of: message)
        #expect(Set(sessions.keys) == Set(AnnexEProfile.pck.sessionIDs))
        #expect(sessions.values.allSatisfy { $0 == AnnexEProfile.pck.defaultParameters })
    }

    @Test func anSPReplacesTheDefaultsOfItsTypesOnly() throws {
        let map = try AnnexEProfile.gmk.cryptoSessions([.mcpttGroupCall], policyNumber: 7)
        let policy = try SecurityPolicyPayload(
            policyNumber: 7, parameters: [SecurityPolicyParameter(.sessionEncryptionKeyLength, 32), SecurityPolicyParameter(type: 30, value: [1])])
        let message = try IMessage(header: CommonHeader(csbID: 0x0000_0001, cryptoSessions: map), payloads: [.securityPolicy(policy)])
        let sessions = try AnnexEProfile.gmk.sessions(of: message)
        #expect(Array(sessions.keys) == [.mcpttGroupCall])
        let parameters = try #require(sessions[.mcpttGroupCall])
        #expect(parameters.count == AnnexEProfile.gmk.defaultParameters.count + 1)
        #expect(parameters.first { $0.type == 1 }?.value == [32])
        #expect(parameters.first { $0.type == 2 }?.value == [4])
        #expect(parameters.last?.type == 30)
    }

    @Test func sessionsOfAnotherKindOfKeyAreRefused() throws {
        #expect(throws: MIKEYError.invalidValue(field: "CS ID", offset: -1, value: 4)) {
            try AnnexEProfile.pck.cryptoSessions([.mcpttGroupCall])
        }
        let map = CryptoSessionMap.genericID([try GenericIDCryptoSession(csID: 0, policyNumbers: [0])])
        let message = try IMessage(
            header: CommonHeader(csbID: 1, cryptoSessions: map), payloads: [.securityPolicy(AnnexEProfile.gmk.defaultPolicy())])
        #expect(throws: MIKEYError.invalidValue(field: "CS ID", offset: -1, value: 0)) { try AnnexEProfile.gmk.sessions(of: message) }
    }

    @Test func aSessionMustReferToExactlyOneSRTPPolicyThatExists() throws {
        func message(_ session: GenericIDCryptoSession, policies: [SecurityPolicyPayload]) throws -> IMessage {
            try IMessage(header: CommonHeader(csbID: 1, cryptoSessions: .genericID([session])), payloads: policies.map { .securityPolicy($0) })
        }
        let srtp = AnnexEProfile.gmk.defaultPolicy(number: 0)
        #expect(throws: MIKEYError.invalidValue(field: "Ps", offset: -1, value: 1)) {
            try AnnexEProfile.gmk.sessions(of: message(GenericIDCryptoSession(csID: 4, policyNumbers: [1]), policies: [srtp]))
        }
        #expect(throws: MIKEYError.invalidValue(field: "#P", offset: -1, value: 2)) {
            try AnnexEProfile.gmk.sessions(of: message(GenericIDCryptoSession(csID: 4, policyNumbers: [0, 0]), policies: [srtp]))
        }
        #expect(throws: MIKEYError.invalidValue(field: "#P", offset: -1, value: 0)) {
            try AnnexEProfile.gmk.sessions(of: message(GenericIDCryptoSession(csID: 4, policyNumbers: []), policies: [srtp]))
        }
        #expect(throws: MIKEYError.invalidValue(field: "Prot type", offset: -1, value: 1)) {
            try AnnexEProfile.gmk.sessions(of: message(GenericIDCryptoSession(csID: 4, protocolType: 1, policyNumbers: [0]), policies: [srtp]))
        }
        let otherProtocol = try SecurityPolicyPayload(policyNumber: 0, protocolType: 1, parameters: [])
        #expect(throws: MIKEYError.invalidValue(field: "Ps", offset: -1, value: 0)) {
            try AnnexEProfile.gmk.sessions(of: message(GenericIDCryptoSession(csID: 4, policyNumbers: [0]), policies: [otherProtocol]))
        }
    }

    @Test func anSRTPIDMapIsNotAnAnnexEMap() throws {
        let map = CryptoSessionMap.srtpID([SRTPIDCryptoSession(policyNumber: 0, ssrc: 1, rolloverCounter: 0)])
        let message = try IMessage(header: CommonHeader(csbID: 1, cryptoSessions: map), payloads: [])
        #expect(throws: MIKEYError.invalidValue(field: "CS ID map type", offset: -1, value: 0)) { try AnnexEProfile.pck.sessions(of: message) }
    }

    @Test func buildingAMapRefusesNoSessionsAndRepeats() {
        #expect(throws: MIKEYError.invalidValue(field: "#CS", offset: -1, value: 0)) { try AnnexEProfile.csk.cryptoSessions([]) }
        #expect(throws: MIKEYError.duplicate(field: "CS ID", offset: -1)) {
            try AnnexEProfile.csk.cryptoSessions([.cskSRTCPForMCPTT, .cskSRTCPForMCPTT])
        }
    }
}
