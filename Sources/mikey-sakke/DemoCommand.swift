import ArgumentParser
import BigNum
import Curves
import ECCSI

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
        try demonstrateECCSI()
        print("")
        print("Layers still to come (see Docs/Architecture.md):")
        for layer in [
            "Curves   the RFC 6508 supersingular curve and the Tate-Lichtenbaum pairing",
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

    /// Step 2: ECCSI signatures (RFC 6507) as MIKEY-SAKKE uses them to sign an I_MESSAGE.
    private func demonstrateECCSI() throws {
        print("2. ECCSI signatures on P-256 (RFC 6507)")
        let kms = ECCSI.KMSKeyPair()
        print("   KMS: random KSAK (secret), KPAK = [KSAK]G")
        print("        KPAK = \(Hex.encode(kms.kpak.encoded).prefix(34))...")
        let identifier = Array("2026-11\u{0}sip:alice@mcptt.example.org\u{0}".utf8)
        let issued = kms.issueUserKeys(for: identifier)
        print("   KMS issues SSK (secret) and PVT for \"2026-11\\0sip:alice@mcptt.example.org\\0\"")
        print("        PVT  = \(Hex.encode(issued.pvt.encoded).prefix(34))...")
        let key = try ECCSI.SigningKey(identifier: identifier, kpak: kms.kpak, ssk: issued.ssk, pvt: issued.pvt)
        print("   Alice validates [SSK]G = KPAK + [HS]PVT ..... ok")
        let message = Array("an I_MESSAGE to be signed".utf8)
        let signature = key.signature(for: message)
        print("   Alice signs: r || s || PVT, \(signature.bytes.count) octets")
        let verifier = ECCSI.Verifier(kpak: kms.kpak)
        try verifier.verify(signature.bytes, for: message, signer: identifier)
        print("   Bob verifies with KPAK and Alice's identifier  ok")
        var tampered = message
        tampered[0] ^= 1
        let rejected = (try? verifier.verify(signature.bytes, for: tampered, signer: identifier)) == nil
        print("   A message altered by one bit is rejected ..... \(rejected ? "ok" : "FAILED")")
        if !rejected { throw ExitCode.failure }
    }
}
