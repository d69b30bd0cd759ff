import MIKEY
import SAKKE

/// What an I_MESSAGE carries beyond the payloads every one has (TS 33.180
/// E.1.2): crypto sessions and their policies, identity hiding (E.7), a
/// SAKKE-to-self payload (E.5) and the key parameters (E.6).
public struct IMessageOptions: Sendable {
    /// The crypto sessions (default: none, so the annex's default profile
    /// applies); `AnnexEProfile.cryptoSessions(_:policyNumber:spi:)` builds them.
    public var cryptoSessions: CryptoSessionMap
    /// The SP payloads those sessions refer to.
    public var policies: [SecurityPolicyPayload]
    /// Replace IDRi and IDRr by IDRuidi and IDRuidr holding the UIDs (E.7);
    /// the receiver then needs the initiator's URI from the SIP layer.
    public var hidesIdentities: Bool
    /// A SAKKE sender for the initiator's own KMS (its Z_T): adds the key
    /// encapsulated to the initiator's own UID as a SAKKE-to-self extension (E.5).
    public var sakkeToSelf: SAKKE.Sender?
    /// Key parameters (E.6) to send, encrypted under the key.
    public var keyParameters: KeyParameters?
    /// The key parameters' 16-octet IV, for reproducible test vectors only; random when nil.
    public var keyParametersIV: [UInt8]?

    public init(
        cryptoSessions: CryptoSessionMap = .empty, policies: [SecurityPolicyPayload] = [], hidesIdentities: Bool = false,
        sakkeToSelf: SAKKE.Sender? = nil, keyParameters: KeyParameters? = nil, keyParametersIV: [UInt8]? = nil
    ) {
        self.cryptoSessions = cryptoSessions
        self.policies = policies
        self.hidesIdentities = hidesIdentities
        self.sakkeToSelf = sakkeToSelf
        self.keyParameters = keyParameters
        self.keyParametersIV = keyParametersIV
    }
}
