import Curves
import Octets
import SAKKE
import TestSupport

/// SAKKE encapsulation of a secret SSV to the RFC's identifier and Z_T
/// (RFC 6508 §6.2.1): r = HashToIntegerRange(SSV ‖ b, q) is secret too.
enum SAKKEEncapsulateCheck {
    static func run(inputCount: Int) throws(CheckError) {
        let identifier = try PublicInput.bytes(SAKKEExample.identifier)
        let zt = try SAKKEExample.ztPoint()
        for index in 0 ..< inputCount {
            var generator = SeededGenerator(seed: 0x55F0_0000 &+ UInt64(index))
            let ssv = try index == 0 ? Secret.bytes(SAKKEExample.ssv) : Secret.bytes((0 ..< 16).map { _ in UInt8.random(in: 0 ... 255, using: &generator) })
            do {
                let encapsulation = try SAKKE.encapsulate(ssv: SecretBytes(ssv), to: identifier, zt: zt)
                // R and H are public outputs (sent in the I_MESSAGE). The SAKKE
                // code does not declassify them yet, so the harness does before its check.
                let bytes = Secret.revealed(encapsulation.bytes)
                if index == 0, try bytes != PublicInput.bytes(SAKKEExample.encapsulated) {
                    throw CheckError.wrongAnswer(operation: "sakke-encapsulate", input: index, what: "R ‖ H")
                }
            } catch let error as CheckError {
                throw error
            } catch {
                throw CheckError.operationFailed(operation: "sakke-encapsulate", input: index, error: error)
            }
        }
    }
}
