import Curves
import Octets
import SAKKE

/// SAKKE with a secret RSK: decoding, validation (RFC 6508 §6.1.2) and
/// decapsulation of the RFC's encapsulation (§6.2.2). Only the RFC example:
/// another input would need an RSK issue and an encapsulation as set-up,
/// whose reports belong to the other two operations.
enum SAKKEDecapsulateCheck {
    static func run(inputCount: Int) throws(CheckError) {
        let identifier = try PublicInput.bytes(SAKKEExample.identifier)
        let zt = try SAKKEExample.ztPoint()
        let encapsulated = try PublicInput.bytes(SAKKEExample.encapsulated)
        do {
            let rsk = try SAKKE.ReceiverSecretKey(encoded: SecretBytes(Secret.bytes(SAKKEExample.rsk)))
            let key = try SAKKE.ReceiverKey(identifier: identifier, zt: zt, rsk: rsk)
            let ssv = try key.decapsulate(encapsulated)
            // The SSV is revealed here only to check it against the RFC.
            guard try Secret.revealed(ssv.withUnsafeBytes { Array($0) }) == PublicInput.bytes(SAKKEExample.ssv) else {
                throw CheckError.wrongAnswer(operation: "sakke-decapsulate", input: 0, what: "SSV")
            }
        } catch let error as CheckError {
            throw error
        } catch {
            throw CheckError.operationFailed(operation: "sakke-decapsulate", input: 0, error: error)
        }
    }
}
