import Curves
import Octets
import SAKKE
import TestSupport

/// SAKKE KMS work with a secret z: Z_T = [z]P and the RSK
/// K_(a,T) = [(a + z)⁻¹]P (RFC 6508 §6.1.1), from z's secret octets, alone
/// and in a batch (`receiverSecretKeys(for:)`, the affine batched path).
enum SAKKERSKIssueCheck {
    static func run(inputCount: Int) throws(CheckError) {
        let identifier = try PublicInput.bytes(SAKKEExample.identifier)
        for index in 0 ..< inputCount {
            var generator = SeededGenerator(seed: 0x5A6E_0000 &+ UInt64(index))
            // A seeded z below 2²⁵⁶ < q.
            let z = try index == 0 ? Secret.bytes(SAKKEExample.z) : Secret.bytes((0 ..< 32).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
            do {
                let kms = try SAKKE.KMSKeyPair(z: SecretBytes(z))
                let rsk = try kms.receiverSecretKey(for: identifier)
                let batch = try kms.receiverSecretKeys(for: [identifier, identifier.reversed(), [UInt8](repeating: 7, count: 32)])
                if index == 0 {
                    // The RSKs are revealed here only to check them against the RFC.
                    guard try Secret.revealed(kms.zt.encoded) == PublicInput.bytes(SAKKEExample.zt),
                        try Secret.revealed(rsk.encoded.withUnsafeBytes { Array($0) }) == PublicInput.bytes(SAKKEExample.rsk),
                        try Secret.revealed(batch[0].encoded.withUnsafeBytes { Array($0) }) == PublicInput.bytes(SAKKEExample.rsk)
                    else { throw CheckError.wrongAnswer(operation: "sakke-rsk-issue", input: index, what: "Z_T or RSK") }
                }
            } catch let error as CheckError {
                throw error
            } catch {
                throw CheckError.operationFailed(operation: "sakke-rsk-issue", input: index, error: error)
            }
        }
    }
}
