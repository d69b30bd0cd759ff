import Curves
import ECCSI
import Foundation
import Octets
import SAKKE

/// The keys a KMS issued for one user and key period (RFC 6507 §5.1.1,
/// RFC 6508 §6.1.1, TS 33.180 F.2.1), before they are written into a
/// `KmsKeySet`. The SSK and RSK are secrets: held wiped, never printed.
public struct IssuedKeySet: Sendable {
    public let userURI: String
    /// The F.2.1 UID.
    public let uid: [UInt8]
    public let keyPeriodNumber: UInt64
    /// The start and the last second of the key period.
    public let validFrom: Date
    public let validTo: Date
    /// SSK and PVT.
    public let userKeys: ECCSI.IssuedUserKeys
    /// RSK.
    public let receiverSecretKey: SAKKE.ReceiverSecretKey

    /// The `KmsKeySet` of these keys under `certificate`: the RSK, SSK and
    /// PVT in clear, or wrapped with `transportKey` (AES-256 key wrap; the
    /// points as x ‖ y, see the key wrap of the security extension).
    ///
    /// - Throws: ``KMSError/keyUnwrapFailed`` never in practice (the sizes are fixed).
    public func keySet(under certificate: KMSCertificate, transportKey: SecurityKey? = nil) throws(KMSError) -> KMSKeySet {
        let rsk = receiverSecretKey.encoded
        let ssk = userKeys.ssk.withBigEndianBytes { SecretBytes($0) }
        let pvt = SecretBytes(userKeys.pvt.encoded)
        func content(_ material: SecretBytes, _ form: KeyWrapping.Material) throws(KMSError) -> KeyContent {
            guard let transportKey else { return .plain(material) }
            return .encrypted(try KeyWrapping.wrap(material, as: form, with: transportKey))
        }
        return KMSKeySet(
            kmsURI: certificate.kmsURI, certURI: certificate.certURI, issuer: certificate.issuer, userURI: userURI, userID: uid,
            validFrom: validFrom, validTo: validTo, keyPeriodNumber: keyPeriodNumber,
            userDecryptKey: try content(rsk, .point), userSigningKey: try content(ssk, .octets),
            userPublicToken: try content(pvt, .point))
    }
}

extension IssuedKeySet: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "IssuedKeySet(\(userURI), period \(keyPeriodNumber), keys redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["userURI": userURI, "keyPeriodNumber": keyPeriodNumber]) }
}
