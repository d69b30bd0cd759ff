import Curves

/// Errors of the ECCSI module. Verification fails with the single
/// ``authenticationFailure``, never saying which check failed.
public enum ECCSIError: Error, Equatable, Sendable {
    /// A secret scalar (KSAK, SSK, v, j) was not a big-endian integer in
    /// 1 … q − 1 (leading zero octets are allowed).
    case invalidSecretScalar
    /// A public point (KPAK, PVT) failed decoding; the reason is the curve's.
    case invalidPoint(CurveError)
    /// The given v makes HS or SSK zero modulo q (RFC 6507 §5.1.1 step 5):
    /// the KMS must pick another v.
    case degenerateUserKey
    /// The SSK and PVT do not satisfy [SSK]G = KPAK + [HS]PVT for this KPAK
    /// and identifier (RFC 6507 §5.1.2): the user must not use them.
    case invalidUserKeys
    /// The given j makes r or HE + r·SSK zero modulo q (RFC 6507 §5.2.1
    /// step 4): the signer must pick another j.
    case degenerateNonce
    /// A signature was not 129 octets r || s || PVT with PVT on the curve
    /// (from ``ECCSI/Signature/init(bytes:)``; verification reports it as
    /// ``authenticationFailure``).
    case malformedSignature
    /// The signature does not verify (RFC 6507 §5.2.2), whatever the reason:
    /// wrong length, r or s out of range, PVT not on the curve, wrong key,
    /// identifier or message.
    case authenticationFailure
}
