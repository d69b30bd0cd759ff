import ECCSI
import SAKKE

/// A user's validated keys for one key period with the SAKKE receiver
/// precomputation done once (RFC 6508 §6.2.2 pairing lines and the
/// [b]P + Z_T table), so that every I_MESSAGE of the period decapsulates at
/// the prepared cost. The ECCSI signing key keeps its HS.
public struct PreparedUserKeys: Sendable {
    /// The keys as provisioned.
    public let keys: ProvisionedUserKeys
    /// The prepared SAKKE receiver of ``keys``' RSK.
    public let receiver: SAKKE.PreparedReceiver

    init(_ keys: ProvisionedUserKeys) {
        self.keys = keys
        receiver = SAKKE.PreparedReceiver(keys.receiverKey)
    }

    /// The UID.
    public var uid: [UInt8] { keys.uid }
    /// The key period.
    public var keyPeriodNumber: UInt64 { keys.keyPeriodNumber }
    /// The ECCSI signing key.
    public var signingKey: ECCSI.SigningKey { keys.signingKey }
}
