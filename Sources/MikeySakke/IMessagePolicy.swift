import KeyDerivation

/// What a receiver accepts beyond the format (RFC 3830 §5.4, TS 33.180 Annex E).
public struct IMessagePolicy: Sendable, Equatable {
    /// How far the timestamp may be from the receiver's clock, in seconds
    /// (RFC 3830 §5.4's allowable clock skew). Default 300 s.
    public var allowedClockSkew: UInt32
    /// The shortest RAND accepted (RFC 3830 §6.11: at least 128 bits). Default 16.
    public var minimumRandCount: Int
    /// Whether a hidden initiator (IDRuidi) is accepted without its URI from
    /// the SIP layer (E.7); the result then carries no confirmed URI. Default false.
    public var acceptsUnconfirmedInitiator: Bool
    /// Whether a signature over the message without SIGN's own 2-octet header
    /// is accepted when the one over the header fails (RFC 3830 §5.2 covers
    /// the header; some deployed peers sign without it). Default false.
    public var acceptsSignatureWithoutHeader: Bool
    /// Who may send keys of a purpose: for each purpose listed, the initiator
    /// URIs accepted (for example the GMS for GMKs, the MCX server for MuSiKs,
    /// E.2.1, E.4.1); a purpose not listed may come from any trusted user.
    /// A listed purpose needs a confirmed initiator URI. Default: no restriction.
    public var authorizedInitiators: [KeyPurpose: Set<String>]

    public init(
        allowedClockSkew: UInt32 = 300, minimumRandCount: Int = 16, acceptsUnconfirmedInitiator: Bool = false,
        acceptsSignatureWithoutHeader: Bool = false, authorizedInitiators: [KeyPurpose: Set<String>] = [:]
    ) {
        self.allowedClockSkew = allowedClockSkew
        self.minimumRandCount = minimumRandCount
        self.acceptsUnconfirmedInitiator = acceptsUnconfirmedInitiator
        self.acceptsSignatureWithoutHeader = acceptsSignatureWithoutHeader
        self.authorizedInitiators = authorizedInitiators
    }
}
