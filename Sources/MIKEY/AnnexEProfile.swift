import KeyDerivation

/// The security profile rules of TS 33.180 Annex E for one kind of key: which
/// crypto sessions (Table E.1.3-1) a message distributing it may name, and the
/// default SRTP/SRTCP policy that applies when it names none (Tables E.2.2-1,
/// E.3.2-1, E.4.2-1).
///
/// ``sessions(of:)`` is the checker: it applies the rules of E.1.2, E.2.2,
/// E.3.3 and E.4.3 to a message's header and SP payloads and gives the
/// policy parameters of every crypto session the key serves.
public struct AnnexEProfile: Sendable, Equatable {
    /// The key's purpose.
    public let purpose: KeyPurpose
    /// The CS-IDs this key may serve, in Table E.1.3-1 order; with CS# = 0 it serves all of them.
    public let sessionIDs: [CryptoSessionID]
    /// The default policy, parameters in table order.
    public let defaultParameters: [SecurityPolicyParameter]

    /// GMK (E.2.2): MCPTT and MCVideo group calls, AES-GCM with RCCm3 carrying the ROC in every packet.
    public static let gmk = AnnexEProfile(
        purpose: .gmk, sessionIDs: [.mcpttGroupCall, .mcvideoGroupCall],
        defaultParameters: [
            SecurityPolicyParameter(.encryptionAlgorithm, aesGCM),
            SecurityPolicyParameter(.sessionEncryptionKeyLength, 16),
            SecurityPolicyParameter(.authenticationAlgorithm, rccm3),
            SecurityPolicyParameter(.sessionSaltLength, 12),
            SecurityPolicyParameter(.srtpPRF, 0),
            SecurityPolicyParameter(.keyDerivationRate, 0),
            SecurityPolicyParameter(.rocTransmissionRate, 1),
            SecurityPolicyParameter(.srtpAuthenticationTagLength, 4),
            SecurityPolicyParameter(.srtcpAuthenticationTagLength, 0),
            SecurityPolicyParameter(.aeadAuthenticationTagLength, 16),
        ])

    /// PCK (E.3.2): the four private-call streams, AES-GCM.
    public static let pck = AnnexEProfile(
        purpose: .pck,
        sessionIDs: [.mcpttPrivateCallInitiator, .mcpttPrivateCallReceiver, .mcvideoPrivateCallInitiator, .mcvideoPrivateCallReceiver],
        defaultParameters: plainAESGCM)

    /// CSK (E.4.2): SRTCP only, for MCPTT floor and media control and MCVideo transmission control.
    public static let csk = AnnexEProfile(
        purpose: .csk, sessionIDs: [.cskSRTCPForMCPTT, .cskSRTCPForMCVideo], defaultParameters: plainAESGCM)

    /// MuSiK (E.4.2): SRTCP only, multicast signalling.
    public static let musik = AnnexEProfile(
        purpose: .musik, sessionIDs: [.musikSRTCPForMCPTT, .musikSRTCPForMCVideo], defaultParameters: plainAESGCM)

    /// The profile of keys of `purpose`; nil for the purposes Annex E does not
    /// distribute (SPK, MKFC, MSCCK).
    public init?(purpose: KeyPurpose) {
        switch purpose {
        case .gmk: self = .gmk
        case .pck: self = .pck
        case .csk: self = .csk
        case .musik: self = .musik
        case .spk, .mkfc, .mscck: return nil
        }
    }

    private init(purpose: KeyPurpose, sessionIDs: [CryptoSessionID], defaultParameters: [SecurityPolicyParameter]) {
        self.purpose = purpose
        self.sessionIDs = sessionIDs
        self.defaultParameters = defaultParameters
    }

    /// The default policy written out as an SP payload, for a sender that
    /// names its crypto sessions explicitly.
    public func defaultPolicy(number: UInt8 = 0) -> SecurityPolicyPayload {
        // The parameters are distinct one-octet values: the payload cannot be refused.
        SecurityPolicyPayload(validatedNumber: number, parameters: defaultParameters)
    }

    /// A GENERIC-ID map naming `sessions`, each referring to one SP (#P = 1,
    /// Prot type 0, no session data), with `spi` as the SPI (the MKI; E.2.2, E.3.3).
    ///
    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` (offset -1)
    ///   for a session this key cannot serve or none at all,
    ///   ``MIKEYError/duplicate(field:offset:)`` for one named twice,
    ///   ``MIKEYError/valueTooLarge(field:count:maximum:)`` for an SPI over 255 octets.
    public func cryptoSessions(_ sessions: [CryptoSessionID], policyNumber: UInt8 = 0, spi: [UInt8] = []) throws(MIKEYError)
        -> CryptoSessionMap
    {
        guard !sessions.isEmpty else { throw .invalidValue(field: "#CS", offset: -1, value: 0) }
        guard Set(sessions).count == sessions.count else { throw .duplicate(field: "CS ID", offset: -1) }
        var entries: [GenericIDCryptoSession] = []
        for session in sessions {
            guard sessionIDs.contains(session) else { throw .invalidValue(field: "CS ID", offset: -1, value: Int(session.rawValue)) }
            entries.append(try GenericIDCryptoSession(csID: session.rawValue, policyNumbers: [policyNumber], spi: spi))
        }
        return .genericID(entries)
    }

    /// The crypto sessions `message` sets up for this key, each with its policy
    /// parameters: with CS# = 0 every session of ``sessionIDs`` under the
    /// default policy; otherwise the sessions of the GENERIC-ID map, each under
    /// its one SP, whose parameters replace the default's of the same type.
    ///
    /// - Throws: ``MIKEYError/invalidValue(field:offset:value:)`` (offset -1)
    ///   for a map type other than empty or GENERIC-ID, a CS-ID this key
    ///   cannot serve, a Prot type other than SRTP, a #P other than 1, or a
    ///   policy number no SP of protocol SRTP carries.
    public func sessions(of message: IMessage) throws(MIKEYError) -> [CryptoSessionID: [SecurityPolicyParameter]] {
        switch message.header.cryptoSessions {
        case .empty:
            return Dictionary(uniqueKeysWithValues: sessionIDs.map { ($0, defaultParameters) })
        case .srtpID:
            throw .invalidValue(field: "CS ID map type", offset: -1, value: Int(message.header.cryptoSessions.mapType))
        case .genericID(let entries):
            let policies = message.securityPolicies
            var result: [CryptoSessionID: [SecurityPolicyParameter]] = [:]
            for entry in entries {
                guard let session = CryptoSessionID(rawValue: entry.csID), sessionIDs.contains(session) else {
                    throw .invalidValue(field: "CS ID", offset: -1, value: Int(entry.csID))
                }
                guard entry.protocolType == Self.srtpProtocol else {
                    throw .invalidValue(field: "Prot type", offset: -1, value: Int(entry.protocolType))
                }
                guard entry.policyNumbers.count == 1 else { throw .invalidValue(field: "#P", offset: -1, value: entry.policyNumbers.count) }
                guard let policy = policies.first(where: { $0.policyNumber == entry.policyNumbers[0] }),
                      policy.protocolType == Self.srtpProtocol
                else { throw .invalidValue(field: "Ps", offset: -1, value: Int(entry.policyNumbers[0])) }
                result[session] = overlay(policy.parameters)
            }
            return result
        }
    }

    /// The default parameters with those of `given` in place of the same types, the rest appended.
    private func overlay(_ given: [SecurityPolicyParameter]) -> [SecurityPolicyParameter] {
        var parameters = defaultParameters.map { base in given.first { $0.type == base.type } ?? base }
        parameters += given.filter { parameter in !defaultParameters.contains { $0.type == parameter.type } }
        return parameters
    }

    /// Prot type SRTP (RFC 3830 §6.10).
    public static let srtpProtocol: UInt8 = 0
    /// Encryption algorithm AES-GCM (RFC 7714 §14.1).
    public static let aesGCM: UInt8 = 6
    /// Authentication algorithm RCCm3 (RFC 4771 §5, TS 33.180 Table E.2.2-1).
    public static let rccm3: UInt8 = 4

    private static let plainAESGCM = [
        SecurityPolicyParameter(.encryptionAlgorithm, aesGCM),
        SecurityPolicyParameter(.sessionEncryptionKeyLength, 16),
        SecurityPolicyParameter(.sessionSaltLength, 12),
        SecurityPolicyParameter(.srtpPRF, 0),
        SecurityPolicyParameter(.keyDerivationRate, 0),
        SecurityPolicyParameter(.aeadAuthenticationTagLength, 16),
    ]
}
