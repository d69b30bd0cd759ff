import Curves
import SAKKE

/// The RFC 6508 Appendix A example (parameter set 1 of RFC 6509), as the
/// repository's TestVectors/rfc6508-sakke.json holds it.
enum SAKKEExample {
    /// z_S, secret.
    static let z = "aff429d35f84b110d094803b3595a6e2998bc99f"
    /// b = "2011-02\0tel:+447700900123\0".
    static let identifier = "323031312d30320074656c3a2b34343737303039303031323300"
    /// SSV, secret.
    static let ssv = "123456789abcdef0123456789abcdef0"
    /// Z_S = [z_S]P.
    static let zt =
        "045958ef1b1679bf099b3a030df255aa6a23c1d8f143d4d23f753e69bd27a832f38cb4ad53ddef4260b0fe8bb45c4c1ff510effe300367a37b61f701d914aef0" +
        "9724825fa0707d61a6dff4fbd7273566cdde352a0b04b7c16a78309be640697de747613a5fc195e8b9f328852a579db8f99b1d0034479ea9c5595f47c4b2f54f" +
        "f21508d37514dcf7a8e143a6058c09a6bf2c9858ca37c258065ae6bf7532bc8b5b63383866e0753c5ac0e72709f8445f2e6178e065857e0eda10f68206b63505" +
        "ed87e534fb2831ff957fb7dc619dae61301eeacc2fda3680ea4999258a833cea8fc67c6d19487fb449059f26cc8aab655ab58b7cc796e24e9a394095754f5f8b" +
        "ae"
    /// K_(b,S) = [(b + z_S)⁻¹]P, secret.
    static let rsk =
        "0493af67e5007ba6e6a80da793da300fa4b52d0a74e25e6e7b2b3d6ee9d18a9b5c5023597bd82d8062d34019563ba1d25c0dc56b7b979d74aa50f29fbf11cc2c" +
        "93f5dfca615e609279f6175ceadb00b58c6bee1e7a2a47c4f0c456f05259a6fa94a634a40dae1df593d4fecf688d5fc678be7efc6df3d6835325b83b2c6e6903" +
        "6b155f0a27241094b04bfb0bdfac6c670a65c325d39a069f03659d44ca27d3be8df311172b554160181cbe94a2a783320ced590bc42644702cf371271e496bf2" +
        "0f588b78a1bc01ecbb6559934bdd2fb65d2884318a33d1a42adf5e33cc5800280b28356497f87135bab9612a17260424409ac15fee996b744c332151235decb0" +
        "f5"
    /// R_(b,S) ‖ H for the SSV above.
    static let encapsulated =
        "0444e8ad44ab8592a6a5a3ddca5cf896c718043606a01d650def37a01f37c228c332fc317354e2c274d4daf8ad001054c76ce57971c6f4486d5723043261c506" +
        "ebf5be438f53de04f067c776e0dd3b71a6290133283725a532f21af145126dc1d777ecc27be50835bd28098b8a73d9f801d893793a41ff5c49b87e79f2be4d56" +
        "ce557e134ad85bb1d4b9ce4f8be4b08a12babf55b1d6f1d7a638019ea28e15ab1c9f76375fdd1210d4f4351b9a009486b7f3ed46c965ded2d80dade4f38c6721" +
        "d52c3ad103a10ebd2959248b4ef006836bf097448e6107c9edee9fb704823df199f832c905ae45f8a247a072d8ef729eabc5e27574b07739b34be74a532f747b" +
        "8689e0bc661aa1e91638e6acc84e496507"

    /// Z_S as a point.
    static func ztPoint() throws(CheckError) -> SAKKEPoint {
        do { return try SAKKEPoint(encoded: PublicInput.bytes(zt)) } catch let error as CheckError {
            throw error
        } catch {
            throw CheckError.operationFailed(operation: "sakke input", input: 0, error: error)
        }
    }
}
