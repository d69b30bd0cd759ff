import Curves
import ECCSI
import Octets

/// `ECCSI.Verifier(kpak:).verify(_:for:signer:)` under the KPAK and for the
/// identifier of RFC 6507 Appendix A. The input is a length octet L, then L
/// octets of signature, then the message. Refusals must be exactly
/// `ECCSIError.authenticationFailure` (opaque); the prepared signer of the
/// RFC's PVT must reach the same verdict as the cold path.
public enum ECCSIVerifyFuzzEntry: FuzzEntryPoint {
    public static let name = "ECCSIVerify"

    /// The verifier and the prepared signer of RFC 6507 Appendix A.
    struct Fixture {
        static let identifier = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)
        let verifier: ECCSI.Verifier
        let prepared: ECCSI.PreparedSigner

        init() throws {
            verifier = try ECCSI.Verifier(kpak: Hex.decode(
                "0450d4670bde75244f28d2838a0d25558a7a72686d4522d4c8273fb6442aebfa93dbdd37551afd263b5dfd617f3960c65a8c298850ff99f20366dce7d4367217f4"))
            prepared = try verifier.prepare(signer: Self.identifier, pvt: P256Point(encoded: Hex.decode(
                "04758a142779be89e829e71984cb40ef758cc4ad775fc5b9a3e1c8ed52f6fa36d9a79d247692f4eda3a6bdab77d6aa6474a464ae4934663c5265ba7018ba091f79")))
        }
    }

    static let fixture = Result { try Fixture() }

    /// A seed: signature and message in this target's input layout.
    public static func input(signature: [UInt8], message: [UInt8]) -> [UInt8] {
        [UInt8(truncatingIfNeeded: signature.count)] + signature + message
    }

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        guard case .success(let fixture) = fixture else { throw FuzzFinding(target: name, detail: "fixture: \(fixture)") }
        guard let length = input.first else { return .rejected }
        let signature = input.dropFirst().prefix(Int(length))
        let message = input.dropFirst(1 + signature.count)
        let opaque: (any Error) -> Bool = { ($0 as? ECCSIError) == .authenticationFailure }
        let cold = try FuzzExpectation.outcome(of: name, isDocumented: opaque) {
            try fixture.verifier.verify(signature, for: message, signer: Fixture.identifier)
        }
        let prepared = try FuzzExpectation.outcome(of: name, isDocumented: opaque) {
            try fixture.prepared.verify(signature, for: message)
        }
        try FuzzExpectation.require(cold == prepared, name, "cold path \(cold), prepared signer \(prepared)")
        return cold
    }
}
