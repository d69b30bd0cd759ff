import Curves
import ECCSI
import Foundation
import Octets
import SAKKE

/// A user's keys for one key period, checked under their KMS certificate
/// (TS 33.180 §5.3, D.3.3): the key set is not revoked and is valid at the
/// time; its `KmsUri` (and `CertUri`, when both say one) is the
/// certificate's; `UserUri` is the user asked for; `UserID` is the F.2.1 UID
/// of `UserUri` in `KeyPeriodNo`; SSK and PVT satisfy RFC 6507 §5.1.2 for
/// that UID under KPAK; the RSK satisfies RFC 6508 §6.1.2 under Z_T and lies
/// in the order-q subgroup.
///
/// Holds the validated ECCSI signing key and SAKKE receiver key, ready for
/// MIKEY-SAKKE. The checks run in this order, so a failure names the first
/// that failed, and nothing of a key that failed is kept.
public struct ProvisionedUserKeys: Sendable {
    /// The user's URI.
    public let userURI: String
    /// The UID (F.2.1) the keys are for.
    public let uid: [UInt8]
    /// The key period.
    public let keyPeriodNumber: UInt64
    /// `ValidFrom` … `ValidTo` of the key set.
    public let validFrom: Date?
    public let validTo: Date?
    /// The ECCSI signing key (SSK, PVT; RFC 6507 §5.1.2 checked).
    public let signingKey: ECCSI.SigningKey
    /// The SAKKE receiver key (RSK; RFC 6508 §6.1.2 checked).
    public let receiverKey: SAKKE.ReceiverKey

    init(_ keySet: KMSKeySet, under certificate: ValidatedKMSCertificate, userURI: String, at time: Date, transportKeys: [SecurityKey])
        throws(KMSError)
    {
        guard !keySet.isRevoked else { throw KMSError.revoked }
        guard keySet.isValid(at: time) else { throw KMSError.outsideValidity }
        guard keySet.kmsURI == certificate.kmsURI,
            keySet.certURI == nil || certificate.certificate.certURI == nil || keySet.certURI == certificate.certificate.certURI
        else { throw KMSError.kmsMismatch }
        guard keySet.userURI == userURI else { throw KMSError.userURIMismatch }
        let uid = try certificate.uid(of: userURI, periodNumber: keySet.keyPeriodNumber)
        guard keySet.userID == uid else { throw KMSError.userIDMismatch }
        // KeyPeriodNo is the period of `time`, and ValidFrom … ValidTo lie in it.
        for bound in [time, keySet.validFrom, keySet.validTo].compactMap({ $0 }) {
            guard (try? certificate.periodNumber(at: bound)) == keySet.keyPeriodNumber else { throw KMSError.keyPeriodMismatch }
        }

        let ssk = try Self.material(keySet.userSigningKey, as: .octets, transportKeys)
        let pvt = try Self.material(keySet.userPublicToken, as: .point, transportKeys)
        let rsk = try Self.material(keySet.userDecryptKey, as: .point, transportKeys)
        do {
            let pvtPoint = try pvt.withUnsafeBytes { try P256Point(encoded: $0) }
            let secret = try ssk.withUnsafeBytes { try P256SecretScalar(bigEndianBytes: $0) }
            signingKey = try ECCSI.SigningKey(identifier: uid, kpak: certificate.kpak, ssk: secret, pvt: pvtPoint)
        } catch { throw KMSError.invalidSigningKey }
        do {
            receiverKey = try SAKKE.ReceiverKey(identifier: uid, zt: certificate.zt, rsk: SAKKE.ReceiverSecretKey(encoded: rsk))
        } catch { throw KMSError.invalidDecryptionKey }
        self.userURI = userURI
        self.uid = uid
        keyPeriodNumber = keySet.keyPeriodNumber
        validFrom = keySet.validFrom
        validTo = keySet.validTo
    }

    private static func material(_ content: KeyContent, as form: KeyWrapping.Material, _ transportKeys: [SecurityKey]) throws(KMSError)
        -> SecretBytes
    {
        switch content {
        case .plain(let bytes): bytes
        case .encrypted(let encrypted): try KeyWrapping.unwrap(encrypted, as: form, with: transportKeys)
        }
    }
}
