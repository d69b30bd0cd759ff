import Curves
import ECCSI
import Foundation
import KeyDerivation
import SAKKE

/// A KMS certificate that passed every check of TS 33.180 D.3.2 at a given
/// time: parameter set 1, UID format 2, key periods well defined, Z_T a
/// point of order q on the SAKKE curve (RFC 6508 §2.1), KPAK a point of
/// P-256, not revoked, inside its validity. Holds the decoded keys.
public struct ValidatedKMSCertificate: Sendable {
    /// The document.
    public let certificate: KMSCertificate
    /// The key periods of its UIDs (F.2.1: UserKeyPeriod, UserKeyOffset).
    public let keyPeriod: KeyPeriod
    /// Z_T, the SAKKE KMS public key.
    public let zt: SAKKEPoint
    /// KPAK, the ECCSI KMS public key.
    public let kpak: P256Point

    /// `KmsUri`.
    public var kmsURI: String { certificate.kmsURI }

    init(_ certificate: KMSCertificate, at time: Date) throws(KMSError) {
        // xsd:integer: "1", "01" and "+1" are all parameter set 1.
        if let parameterSet = certificate.parameterSet, (try? XMLValue.unsigned(parameterSet, "ParameterSet")) != 1 {
            throw KMSError.unsupportedParameterSet(parameterSet)
        }
        guard certificate.userIDFormat == "2" else { throw KMSError.unsupportedUserIDFormat(certificate.userIDFormat) }
        guard let keyPeriod = try? KeyPeriod(length: certificate.userKeyPeriod, offset: certificate.userKeyOffset) else {
            throw KMSError.invalidKeyPeriod
        }
        do { zt = try SAKKEPoint(encoded: certificate.pubEncKey) } catch let error as CurveError {
            throw KMSError.invalidZT(error)
        } catch { throw KMSError.invalidZT(.notOnCurve) }
        do { kpak = try P256Point(encoded: certificate.pubAuthKey) } catch let error as CurveError {
            throw KMSError.invalidKPAK(error)
        } catch { throw KMSError.invalidKPAK(.notOnCurve) }
        guard !certificate.isRevoked else { throw KMSError.revoked }
        guard certificate.isValid(at: time) else { throw KMSError.outsideValidity }
        self.certificate = certificate
        self.keyPeriod = keyPeriod
    }

    /// The F.2.1 UID of `uri` in key period `periodNumber` of this KMS.
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)`` for a URI over 65 535 octets.
    public func uid(of uri: String, periodNumber: UInt64) throws(KMSError) -> [UInt8] {
        do {
            return try MikeySakkeUID.uid(identifier: uri, kmsIdentifier: kmsURI, keyPeriod: keyPeriod, periodNumber: periodNumber)
        } catch { throw KMSError.unwritableValue("UserUri") }
    }

    /// The key-period number at `time`.
    ///
    /// - Throws: ``KMSError/timeBeforeFirstKeyPeriod``.
    public func periodNumber(at time: Date) throws(KMSError) -> UInt64 {
        do { return try keyPeriod.number(at: time) } catch { throw KMSError.timeBeforeFirstKeyPeriod }
    }

    /// An ECCSI verifier for signatures by this KMS's users.
    public var verifier: ECCSI.Verifier { ECCSI.Verifier(kpak: kpak) }

    /// A SAKKE sender to this KMS's users.
    public var sender: SAKKE.Sender { SAKKE.Sender(zt: zt) }
}
