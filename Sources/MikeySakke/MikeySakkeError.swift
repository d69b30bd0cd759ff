import KeyDerivation
import MIKEY

/// Why an I_MESSAGE was not created or not accepted (RFC 6509 §5, TS 33.180
/// Annex E). Every failure of `process` is one of these, and a message that
/// fails any check yields no key. Failed cryptography (the signature, the
/// SAKKE payload) is the single opaque ``authenticationFailure``.
public enum MikeySakkeError: Error, Equatable, Sendable {
    /// The octets are not a well-formed MIKEY message.
    case malformed(MIKEYError)
    /// The header's data type is not 26 or its PRF not PRF-HMAC-SHA-256.
    case unsupportedHeader(field: String, value: Int)
    /// A payload every MIKEY-SAKKE I_MESSAGE carries is missing (named as in
    /// E.1.2: "T", "RAND", "SAKKE", "SIGN", "IDRi or IDRuidi", "IDRr or
    /// IDRuidr", "IDRkmsi").
    case missingPayload(String)
    /// A payload holds a value this profile does not accept (a timestamp that
    /// is not NTP-UTC, a RAND shorter than 16 octets, SAKKE params other than 1,
    /// a signature type other than ECCSI).
    case unsupportedValue(field: String, value: Int)
    /// The message is for someone else: IDRr / IDRuidr is not this receiver.
    case notForThisReceiver
    /// The message names an initiator KMS this receiver does not trust.
    case unknownKMS(String)
    /// The initiator's URI given by the SIP layer does not match IDRi or the UID in IDRuidi.
    case initiatorMismatch
    /// The initiator's identity is hidden (IDRuidi) and no URI was given to confirm it.
    case initiatorUnconfirmed
    /// The timestamp is further from the receiver's clock than the policy allows.
    case staleTimestamp(secondsFromNow: Int64)
    /// The same message was accepted before (RFC 3830 §5.4).
    case replayed
    /// The message's timestamp falls in key period `message`; the receiver's key is for `key`.
    case keyPeriodMismatch(key: UInt64, message: UInt64)
    /// The signature does not verify, or the SAKKE payload does not decapsulate.
    case authenticationFailure
    /// The key parameters (E.6) give a key type other than the CSB ID's purpose.
    case keyTypeMismatch(keyType: UInt8, purpose: KeyPurpose)
    /// The key parameters (E.6.9) say the key is revoked.
    case keyRevoked
    /// The key parameters' expiry time (E.6.10, seconds since 1970) has passed.
    case keyExpired(expiry: UInt64)
    /// A group re-key could not make the message of member `index` (`uri`);
    /// `reason` is the underlying error. No message of the re-key is returned.
    case memberFailed(index: Int, uri: String, reason: String)
    /// The initiator is not among those the policy lets send keys of this purpose
    /// (``IMessagePolicy/authorizedInitiators``), or its identity is hidden and unconfirmed.
    case unauthorizedInitiator(purpose: KeyPurpose)
    /// A value the message determines cannot be derived from (a time before the
    /// KMS's first key period, a GUK-ID that does not turn back into a GMK-ID …).
    case underivable(String)
    /// A key or input of the wrong size or kind was given to `create`, or an
    /// argument of a receiver or re-key that cannot be used.
    case invalidArgument(String)
}
