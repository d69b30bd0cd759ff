import Curves
import ECCSI
import Octets

/// ECCSI KMS work with secret KSAK and v: KPAK = [KSAK]G (RFC 6507 §4.2) and
/// the issue of SSK and PVT with a given v (§5.1.1).
enum ECCSIIssueCheck {
    static func run(inputCount: Int) throws(CheckError) {
        for index in 0 ..< inputCount {
            let input = try index == 0 ? ECCSIInput.rfc6507() : ECCSIInput.seeded(index)
            do {
                let kms = try ECCSI.KMSKeyPair(ksakBytes: Secret.bytes(input.ksak))
                let v = try P256SecretScalar(bigEndianBytes: Secret.bytes(input.v))
                let keys = try kms.issueUserKeys(for: input.identifier, v: v)
                // KPAK and PVT are public outputs; the SSK is revealed here only to check it.
                guard kms.kpak == input.kpak, keys.pvt == input.pvt,
                    keys.ssk.withBigEndianBytes({ Secret.revealed($0) }) == input.ssk
                else { throw CheckError.wrongAnswer(operation: "eccsi-issue", input: index, what: "KPAK, PVT or SSK") }
            } catch let error as CheckError {
                throw error
            } catch {
                throw CheckError.operationFailed(operation: "eccsi-issue", input: index, error: error)
            }
        }
    }
}
