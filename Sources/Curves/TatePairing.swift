import BigNum

/// The reduced Tate–Lichtenbaum pairing of RFC 6508 §3.2 on the SAKKE curve:
/// ⟨R, Q⟩ = f_{q,R}(ψ(Q))^c in PF_p = F_p²*/F_p* with the distortion map
/// ψ(x, y) = (−x, i·y) and c = (p + 1)/q = 4, as RFC 6508 §3.2 defines it:
/// a value is a class of F_p² elements equal up to a factor in F_p*, compared
/// and printed through its representative with real part 1
/// (``normalizedImaginaryPart(_:)``).
///
/// The Miller loop runs over the bits of q − 1 in Jacobian coordinates; each
/// line is evaluated at ψ(Q) and scaled by a factor of F_p*, which the final
/// exponentiation removes (so are the vertical lines). The final
/// exponentiation is (v^(p−1))^4: (p² − 1)/q = (p − 1)·(p + 1)/q and
/// (p + 1)/q = 4; v^(p−1) = conj(v)/v because the p-th power of F_p² is
/// conjugation.
///
/// Variable time: for public points only (decapsulation pairs the public R
/// with the receiver's key; see the SAKKE issue for the constant-time plan).
public enum TatePairing {
    /// ⟨R, Q⟩: a representative a + b·i of the PF_p class.
    public static func reduced(_ r: SAKKEPoint, _ q: SAKKEPoint) -> QuadraticExtensionElement {
        let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
        let exponent = SAKKECurve.order - 1
        var v = fp2.one
        var (x, y, z) = (r.x, r.y, field.one)
        for bit in stride(from: exponent.bitWidth - 2, through: 0, by: -1) {
            // Tangent at C, then C = 2C (a = −3 doubling, dbl-2001-b).
            let delta = field.square(z), gamma = field.square(y)
            let beta = field.multiply(x, gamma)
            let alpha = field.multiply(field.element(word: 3), field.multiply(field.subtract(x, delta), field.add(x, delta)))
            let z3 = field.subtract(field.subtract(field.square(field.add(y, z)), gamma), delta) // 2YZ
            // Line·2YZ³: real = α(Qx·Z² + X) − 2Y², imaginary = 2YZ·Z²·Qy.
            let tangent = fp2.element(
                real: field.subtract(field.multiply(alpha, field.add(field.multiply(q.x, delta), x)), field.add(gamma, gamma)),
                imaginary: field.multiply(field.multiply(z3, delta), q.y))
            v = fp2.multiply(fp2.square(v), tangent)
            let beta4 = field.add(field.add(beta, beta), field.add(beta, beta))
            let x3 = field.subtract(field.square(alpha), field.add(beta4, beta4))
            let gamma2 = field.square(gamma)
            let gamma8 = field.add(field.add(field.add(gamma2, gamma2), field.add(gamma2, gamma2)), field.add(field.add(gamma2, gamma2), field.add(gamma2, gamma2)))
            (x, y, z) = (x3, field.subtract(field.multiply(alpha, field.subtract(beta4, x3)), gamma8), z3)
            guard exponent.testBit(bit) else { continue }
            // Line through C and R, then C = C + R (madd-2007-bl).
            let z1z1 = field.square(z)
            let h = field.subtract(field.multiply(r.x, z1z1), x)
            let twiceN = field.add(field.subtract(field.multiply(field.multiply(r.y, z), z1z1), y), field.subtract(field.multiply(field.multiply(r.y, z), z1z1), y))
            let hh = field.square(h)
            let zSum = field.subtract(field.subtract(field.square(field.add(z, h)), z1z1), hh) // 2ZH
            // Line·2Z·H: real = 2N(Qx + xR) − 2ZH·yR, imaginary = 2ZH·Qy.
            let chord = fp2.element(
                real: field.subtract(field.multiply(twiceN, field.add(q.x, r.x)), field.multiply(zSum, r.y)),
                imaginary: field.multiply(zSum, q.y))
            v = fp2.multiply(v, chord)
            let i = field.add(field.add(hh, hh), field.add(hh, hh))
            let j = field.multiply(h, i)
            let w = field.multiply(x, i)
            let xNew = field.subtract(field.subtract(field.square(twiceN), j), field.add(w, w))
            let yj = field.multiply(y, j)
            let yNew = field.subtract(field.multiply(twiceN, field.subtract(w, xNew)), field.add(yj, yj))
            (x, y, z) = (xNew, yNew, zSum)
        }
        // RFC 6508 values live in PF_p = F_p²*/F_p*, where the class of v^(p−1) is the
        // class of v⁻²: the (p − 1) part of the final exponentiation is the passage to
        // PF_p itself, and what remains is the power c = (p + 1)/q = 4.
        return fp2.square(fp2.square(v))
    }

    /// The pairing value normalised to a = 1, as RFC 6508/6509 print values of
    /// PF_p: the 128 octets of b = b'/a' for e = a' + b'·i.
    public static func normalizedImaginaryPart(_ value: QuadraticExtensionElement) -> [UInt8] {
        let field = SAKKECurve.field
        let inverse = (try? field.inverseVartime(value.real)) ?? field.zero
        return field.bytes(field.multiply(value.imaginary, inverse))
    }
}
