import ArgumentParser
import BigNum

/// `mikey-sakke demo`: walks through the stack, layer by layer, as far as it is built.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Walk through the MIKEY-SAKKE stack: KMS keys, key distribution, SRTP (as far as built)."
    )

    func run() throws {
        print("swift-mikey-sakke demo")
        print("")
        try demonstrateFieldEngine()
        print("")
        print("Layers still to come (see Docs/Architecture.md):")
        for layer in [
            "Curves   P-256 and the RFC 6508 supersingular curve, Tate-Lichtenbaum pairing",
            "ECCSI    KMS keys, SSK/PVT issue and validation, sign, verify (RFC 6507)",
            "SAKKE    Z_T, RSK issue and validation, encapsulate, decapsulate (RFC 6508)",
            "KDF      TS 33.220 KDF, MIKEY-SAKKE UID, key ids, MIKEY PRF (TS 33.180 Annex F/G)",
            "MIKEY    I_MESSAGE build and parse (RFC 3830, 6509; TS 33.180 Annex E)",
            "SRTP     AEAD_AES_128/256_GCM SRTP and SRTCP (RFC 7714)",
        ] {
            print("  - \(layer)")
        }
    }

    /// Step 1 as built today: the prime-field engine over the SAKKE prime.
    private func demonstrateFieldEngine() throws {
        let prime = try BigUInt(hex: SakkeParameterSet1.primeHex)
        let field = try PrimeField(modulus: prime)
        let fp2 = try QuadraticExtensionField(base: field)
        print("1. Field engine (BigNum)")
        print("   F_p with p from RFC 6509 Appendix A: \(field.bitWidth) bits, p mod 4 = 3")
        let x = try field.element(BigUInt.random(below: prime))
        let fermat = field.powerVartime(x, prime - 1)
        print("   Fermat: x^(p-1) = 1 for a random x ........ \(fermat == field.one ? "ok" : "FAILED")")
        let inverse = try field.inverse(x)
        print("   x * x^-1 = 1 (constant-time inverse) ........ \(field.multiply(x, inverse) == field.one ? "ok" : "FAILED")")
        let y = fp2.element(real: x, imaginary: field.element(word: 1))
        print("   F_p^2: y^p = conjugate(y) (Frobenius) ....... \(fp2.powerVartime(y, prime) == fp2.conjugate(y) ? "ok" : "FAILED")")
    }
}
