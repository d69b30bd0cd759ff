import Curves
import ECCSI
import Octets
import TestSupport

/// ECCSI sign with secret SSK and j: SigningKey validation (RFC 6507 §5.1.2,
/// which sees the SSK) and signing with a given nonce (§5.2.1).
enum ECCSISignCheck {
    static func run(inputCount: Int) throws(CheckError) {
        for index in 0 ..< inputCount {
            let input = try index == 0 ? ECCSIInput.rfc6507() : ECCSIInput.seeded(index)
            do {
                let ssk = try P256SecretScalar(bigEndianBytes: Secret.bytes(input.ssk))
                let key = try ECCSI.SigningKey(identifier: input.identifier, kpak: input.kpak, ssk: ssk, pvt: input.pvt)
                let j = try P256SecretScalar(bigEndianBytes: Secret.bytes(input.j))
                let signature = try key.signature(for: input.message, nonce: j)
                if let expected = input.signature {
                    guard signature.r == expected.r, signature.s == expected.s else {
                        throw CheckError.wrongAnswer(operation: "eccsi-sign", input: index, what: "signature")
                    }
                }
                // r and s are public outputs: the verifier (variable time) must accept them.
                try ECCSI.Verifier(kpak: input.kpak).verify(signature.bytes, for: input.message, signer: input.identifier)
            } catch let error as CheckError {
                throw error
            } catch {
                throw CheckError.operationFailed(operation: "eccsi-sign", input: index, error: error)
            }
        }
    }
}
