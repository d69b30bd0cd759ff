import Crypto
import Curves

/// Elliptic Curve-based Certificateless Signatures for Identity-based
/// encryption (RFC 6507), with the parameters RFC 6509 §3 and TS 33.180
/// fix for MIKEY-SAKKE: NIST P-256, SHA-256, N = 32 octets.
///
/// The roles and their types:
/// - the KMS: ``KMSKeyPair`` (KSAK → KPAK, §5.1.1 issue of SSK and PVT);
/// - a user: ``SigningKey`` (validates SSK/PVT, §5.1.2; signs, §5.2.1);
/// - anyone: ``Verifier`` (verifies, §5.2.2) and ``PreparedSigner``, its
///   cache for a signer seen again.
public enum ECCSI {
    /// N: octets of a scalar or coordinate (RFC 6507 §2.1).
    public static let scalarCount = 32
    /// Octets of a signature r || s || PVT (RFC 6507 §3.3).
    public static let signatureCount = 2 * scalarCount + P256Point.encodedCount

    /// HS = hash(G || KPAK || ID || PVT) (RFC 6507 §5.1.1 step 3, §5.1.2,
    /// §5.2.2 step 2), points as uncompressed octet strings.
    public static func identityHash(kpak: P256Point, identifier: some Sequence<UInt8>, pvt: P256Point) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: P256.generator.encoded)
        hasher.update(data: kpak.encoded)
        hasher.update(data: Array(identifier))
        hasher.update(data: pvt.encoded)
        return Array(hasher.finalize())
    }

    /// HE = hash(HS || r || M) (RFC 6507 §5.2.1 step 3, §5.2.2 step 3).
    public static func messageHash(hs: [UInt8], r: [UInt8], message: some Sequence<UInt8>) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: hs)
        hasher.update(data: r)
        hasher.update(data: Array(message))
        return Array(hasher.finalize())
    }
}
