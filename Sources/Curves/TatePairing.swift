import BigNum

/// The reduced Tate–Lichtenbaum pairing of RFC 6508 §3.2 on the SAKKE curve:
/// ⟨R, Q⟩ = f_{q,R}(ψ(Q))^c in PF_p = F_p²*/F_p* with the distortion map
/// ψ(x, y) = (−x, i·y) and c = (p + 1)/q = 4, as RFC 6508 §3.2 defines it:
/// a value is a class of F_p² elements equal up to a factor in F_p*, compared
/// and printed through its representative with real part 1
/// (``normalizedImaginaryPart(_:)``).
///
/// The Miller loop runs over the bits of q − 1 in Jacobian coordinates; each
/// line is evaluated at ψ(Q) and scaled by a factor of F_p*, which the passage
/// to PF_p removes (so are the vertical lines). Every line has the shape
/// (c₁·Q_x + c₀) + i·(c₂·Q_y) with c₀, c₁, c₂ depending on R only: a
/// ``SAKKEPairingPrecomputation`` stores them once for a fixed R.
///
/// Raising to p − 1, which maps PF_p onto the order-(p + 1) subgroup of F_p²*
/// (v^(p−1) = conj(v)/v), is left to callers that need an element of that
/// subgroup rather than a class. The control flow follows the public q only;
/// the field operations are constant time.
public enum TatePairing {
    /// ⟨R, Q⟩: a representative a + b·i of the PF_p class.
    public static func reduced(_ r: SAKKEPoint, _ q: SAKKEPoint) -> QuadraticExtensionElement {
        var v = SAKKECurve.extensionField.one
        millerLines(r) { line, isDoubling in accumulate(&v, line, at: q, squaring: isDoubling) }
        return finalPower(v)
    }

    /// The pairing value normalised to a = 1, as RFC 6508/6509 print values of
    /// PF_p: the 128 octets of b = b'/a' for e = a' + b'·i.
    public static func normalizedImaginaryPart(_ value: QuadraticExtensionElement) -> [UInt8] {
        let field = SAKKECurve.field
        let inverse = (try? field.inverse(value.real)) ?? field.zero
        return field.bytes(field.multiply(value.imaginary, inverse))
    }

    /// The coefficients (c₀, c₁, c₂) of one line: (c₁·Q_x + c₀) + i·(c₂·Q_y).
    struct Line {
        let c0: FieldElement
        let c1: FieldElement
        let c2: FieldElement
    }

    /// v = v² · line(ψ(Q)) for a doubling step, v · line(ψ(Q)) for an addition.
    @inline(__always)
    static func accumulate(_ v: inout QuadraticExtensionElement, _ line: Line, at q: SAKKEPoint, squaring: Bool) {
        let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
        let value = fp2.element(
            real: field.add(field.multiply(line.c1, q.x), line.c0), imaginary: field.multiply(line.c2, q.y))
        v = fp2.multiply(squaring ? fp2.square(v) : v, value)
    }

    /// The final power c = (p + 1)/q = 4 (see the type's documentation).
    static func finalPower(_ v: QuadraticExtensionElement) -> QuadraticExtensionElement {
        let fp2 = SAKKECurve.extensionField
        return fp2.square(fp2.square(v))
    }

    /// Runs Miller's loop for f_{q−1,R}, calling `body` with each line in order
    /// (`true` for the tangent of a doubling step, `false` for a chord).
    static func millerLines(_ r: SAKKEPoint, _ body: (Line, Bool) -> Void) {
        let field = SAKKECurve.field
        let exponent = SAKKECurve.order - 1
        let three = field.element(word: 3)
        var (x, y, z) = (r.x, r.y, field.one)
        for bit in stride(from: exponent.bitWidth - 2, through: 0, by: -1) {
            // Tangent at C, then C = 2C (a = −3 doubling, dbl-2001-b).
            let delta = field.square(z), gamma = field.square(y)
            let beta = field.multiply(x, gamma)
            let alpha = field.multiply(three, field.multiply(field.subtract(x, delta), field.add(x, delta)))
            let z3 = field.subtract(field.subtract(field.square(field.add(y, z)), gamma), delta) // 2YZ
            // Line·2YZ³: real = α·Z²·Qx + (α·X − 2Y²), imaginary = 2YZ·Z²·Qy.
            body(Line(c0: field.subtract(field.multiply(alpha, x), field.add(gamma, gamma)), c1: field.multiply(alpha, delta),
                      c2: field.multiply(z3, delta)), true)
            let beta4 = field.add(field.add(beta, beta), field.add(beta, beta))
            let x3 = field.subtract(field.square(alpha), field.add(beta4, beta4))
            let gamma2 = field.square(gamma)
            let gamma4 = field.add(field.add(gamma2, gamma2), field.add(gamma2, gamma2))
            (x, y, z) = (x3, field.subtract(field.multiply(alpha, field.subtract(beta4, x3)), field.add(gamma4, gamma4)), z3)
            guard exponent.testBit(bit) else { continue }
            // Chord through C and R, then C = C + R (madd-2007-bl).
            let z1z1 = field.square(z)
            let h = field.subtract(field.multiply(r.x, z1z1), x)
            let n = field.subtract(field.multiply(field.multiply(r.y, z), z1z1), y)
            let twiceN = field.add(n, n)
            let hh = field.square(h)
            let zSum = field.subtract(field.subtract(field.square(field.add(z, h)), z1z1), hh) // 2ZH
            // Line·2ZH: real = 2N·Qx + (2N·xR − 2ZH·yR), imaginary = 2ZH·Qy.
            body(Line(c0: field.subtract(field.multiply(twiceN, r.x), field.multiply(zSum, r.y)), c1: twiceN, c2: zSum), false)
            let i = field.add(field.add(hh, hh), field.add(hh, hh))
            let j = field.multiply(h, i)
            let w = field.multiply(x, i)
            let xNew = field.subtract(field.subtract(field.square(twiceN), j), field.add(w, w))
            let yj = field.multiply(y, j)
            (x, y, z) = (xNew, field.subtract(field.multiply(twiceN, field.subtract(w, xNew)), field.add(yj, yj)), zSum)
        }
    }
}
