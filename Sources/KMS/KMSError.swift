import Curves
import ECCSI
import SAKKE

/// Errors of the KMS module (TS 33.180 Annex D). Each case names what a
/// caller can act on: a document to refuse, a key to ask for again, a clock
/// to check. Signature failures say only that the signature did not verify,
/// never which octet differed; a failed unwrap or key validation leaks no key
/// material.
public enum KMSError: Error, Equatable, Sendable {
    // MARK: Documents

    /// The document is larger than the reader's limit.
    case documentTooLarge(limit: Int)
    /// The document has a `DOCTYPE`: no DTD is read and no entity declared (XXE, entity expansion).
    case doctypeRefused
    /// The document is not well-formed XML (or not UTF-8).
    case malformedXML
    /// The document declares more namespaces, or an element carries more
    /// attributes, than any KMS document needs (a canonicalisation cost attack).
    case documentTooComplex
    /// The document element, or an element where the schema wants another, is not the one expected.
    case unexpectedElement(String)
    /// A required element is absent.
    case missingElement(String)
    /// An element that may appear once appears twice, or elements are out of the schema's order.
    case misplacedElement(String)
    /// An element's or attribute's value does not have its schema type (a
    /// date, an integer, hex, a boolean, a role).
    case invalidValue(String)

    // MARK: Certificates

    /// `ParameterSet` is not 1 (RFC 6509: the only set MIKEY-SAKKE defines).
    case unsupportedParameterSet(String)
    /// `UserIdFormat` is not 2 (the UID of TS 33.180 F.2.1).
    case unsupportedUserIDFormat(String)
    /// `UserKeyPeriod`/`UserKeyOffset` do not define key periods (a zero period, an offset not below it).
    case invalidKeyPeriod
    /// `PubEncKey` (Z_T) is not a point of order q on the SAKKE curve.
    case invalidZT(CurveError)
    /// `PubAuthKey` (KPAK) is not a point of P-256.
    case invalidKPAK(CurveError)
    /// The certificate or key set is marked revoked.
    case revoked
    /// The time is outside the certificate's or key set's `ValidFrom` … `ValidTo`.
    case outsideValidity
    /// The key set's `KmsUri` or `CertUri` is not its certificate's, or a
    /// response's `KmsUri` is not the expected KMS.
    case kmsMismatch

    // MARK: Key sets

    /// `UserUri` is not the user the keys were asked for.
    case userURIMismatch
    /// `UserID` is not the F.2.1 UID of `UserUri` for `KeyPeriodNo`.
    case userIDMismatch
    /// `KeyPeriodNo` is not the key period of the time the keys are for (on
    /// receipt: now, or the key set's start for a later period), or
    /// `ValidFrom` … `ValidTo` reach outside that period.
    case keyPeriodMismatch
    /// SSK and PVT fail RFC 6507 §5.1.2 for the UID under the certificate's KPAK
    /// (or do not decode).
    case invalidSigningKey
    /// The RSK fails RFC 6508 §6.1.2 for the UID under the certificate's Z_T
    /// (or does not decode, or is not in the order-q subgroup).
    case invalidDecryptionKey

    // MARK: Security extension

    /// The document must be signed (a TrK or InK is configured) and is not.
    case signatureMissing
    /// The signature names a key (`KeyName`) that the reader was not given.
    case unknownKeyName(String)
    /// An algorithm outside the D.3.4 profile (C14N 1.0, HMAC-SHA-256,
    /// SHA-256, enveloped-signature, AES-256 key wrap).
    case unsupportedAlgorithm(String)
    /// `HMACOutputLength` is below 128 bits, above 256, or not a multiple of 8 (CVE-2009-0217).
    case invalidHMACOutputLength(String)
    /// The signature's reference does not cover the document element the reader then reads.
    case signatureReferenceMismatch
    /// The signature or digest does not verify.
    case signatureInvalid
    /// An encrypted key names a key (`KeyName`) that the reader was not given,
    /// or is encrypted while no TrK is configured.
    case transportKeyUnavailable(String)
    /// An encrypted key does not unwrap under the TrK (RFC 3394 integrity check) or has the wrong length.
    case keyUnwrapFailed
    /// The response's `Time` is further from the reader's clock than the allowed window.
    case staleTime
    /// `ClientReqUrl` is not the URL the client asked.
    case requestURLMismatch
    /// A TrK, InK or key-encryption key is not 32 octets (AES-256).
    case invalidKeyLength(Int)

    // MARK: KMS

    /// The key set cannot be issued for this identifier (a + z ≡ 0 mod q, RFC 6508 §6.1.1).
    case degenerateIdentifier
    /// A value cannot be written into a document (characters XML 1.0 does not allow).
    case unwritableValue(String)
    /// The time is before the first key period of the certificate.
    case timeBeforeFirstKeyPeriod
    /// The wrapped master secrets do not unwrap under the given key, or do not decode.
    case invalidMasterSecrets

    // MARK: Client

    /// The client holds no key set for this key period.
    case noKeySet(UInt64)
    /// The client holds no certificate of this KMS.
    case unknownKMS(String)
}
