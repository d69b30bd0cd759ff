import Curves
import Octets
import SAKKE

/// Decapsulation of the whole input as R ‖ H by the receiver of RFC 6508
/// Appendix A (identifier b, Z_S and K_(b,S) as published), on the prepared
/// path. Refusals must be exactly `SAKKEError.authenticationFailure`
/// (opaque); an accepted input must give a 16-octet SSV, and the same SSV on
/// the cold path.
public enum SAKKEDecapsulateFuzzEntry: FuzzEntryPoint {
    public static let name = "SAKKEDecapsulate"

    /// The validated receiver key of RFC 6508 Appendix A and its prepared form.
    struct Fixture {
        let key: SAKKE.ReceiverKey
        let prepared: SAKKE.PreparedReceiver

        init() throws {
            let identifier = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)
            let zt = try SAKKEPoint(encoded: Hex.decode(
                "045958ef1b1679bf099b3a030df255aa6a23c1d8f143d4d23f753e69bd27a832f38cb4ad53ddef4260b0fe8bb45c4c1ff510effe300367a37b61f701d914aef0"
                    + "9724825fa0707d61a6dff4fbd7273566cdde352a0b04b7c16a78309be640697de747613a5fc195e8b9f328852a579db8f99b1d0034479ea9c5595f47c4b2f54f"
                    + "f21508d37514dcf7a8e143a6058c09a6bf2c9858ca37c258065ae6bf7532bc8b5b63383866e0753c5ac0e72709f8445f2e6178e065857e0eda10f68206b63505"
                    + "ed87e534fb2831ff957fb7dc619dae61301eeacc2fda3680ea4999258a833cea8fc67c6d19487fb449059f26cc8aab655ab58b7cc796e24e9a394095754f5f8bae"))
            let rsk = try SAKKE.ReceiverSecretKey(encoded: SecretBytes(Hex.decode(
                "0493af67e5007ba6e6a80da793da300fa4b52d0a74e25e6e7b2b3d6ee9d18a9b5c5023597bd82d8062d34019563ba1d25c0dc56b7b979d74aa50f29fbf11cc2c"
                    + "93f5dfca615e609279f6175ceadb00b58c6bee1e7a2a47c4f0c456f05259a6fa94a634a40dae1df593d4fecf688d5fc678be7efc6df3d6835325b83b2c6e6903"
                    + "6b155f0a27241094b04bfb0bdfac6c670a65c325d39a069f03659d44ca27d3be8df311172b554160181cbe94a2a783320ced590bc42644702cf371271e496bf2"
                    + "0f588b78a1bc01ecbb6559934bdd2fb65d2884318a33d1a42adf5e33cc5800280b28356497f87135bab9612a17260424409ac15fee996b744c332151235decb0f5")))
            key = try SAKKE.ReceiverKey(identifier: identifier, zt: zt, rsk: rsk)
            prepared = SAKKE.PreparedReceiver(key)
        }
    }

    static let fixture = Result { try Fixture() }

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        guard case .success(let fixture) = fixture else { throw FuzzFinding(target: name, detail: "fixture: \(fixture)") }
        return try FuzzExpectation.outcome(of: name, isDocumented: { ($0 as? SAKKEError) == .authenticationFailure }) {
            let ssv = try fixture.prepared.decapsulate(input)
            try FuzzExpectation.require(ssv.count == SAKKE.ssvBitCount / 8, name, "SSV of \(ssv.count) octets")
            let cold = try fixture.key.decapsulate(input)
            try FuzzExpectation.require(cold == ssv, name, "cold and prepared SSVs differ")
        }
    }
}
