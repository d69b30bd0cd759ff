import BigNum
import Octets

/// The reduced Tate–Lichtenbaum pairing of RFC 6508 §3.2 on the SAKKE curve:
/// ⟨R, Q⟩ = f_{q,R}(ψ(Q))^c in PF_p = F_p²*/F_p* with the distortion map
/// ψ(x, y) = (−x, i·y) and c = (p + 1)/q = 4, as RFC 6508 §3.2 defines it:
/// a value is a class of F_p² elements equal up to a factor in F_p*
/// (``PairingValue``).
///
/// Miller's loop runs over the non-adjacent form of q − 1 (1021 doublings,
/// 352 additions or subtractions of R, against 512 for plain binary), in
/// Jacobian coordinates. Each line is scaled by a factor of F_p*, which the
/// passage to PF_p removes, as it removes the vertical lines; f_{q−1,R} and
/// f_{q,R} differ by one vertical line. With T = (X : Y : Z) and Q = (x_Q, y_Q):
///
/// - tangent at T, times 2YZ·Z²: α·(Z²·x_Q + X) − 2Y² + i·(2YZ·Z²)·y_Q with
///   α = 3(X − Z²)(X + Z²) (the curve's a = −3);
/// - chord through T and ±R = (x_R, y_R), times 2ZH: 2N·(x_Q + x_R) − 2ZH·y_R
///   + i·2ZH·y_Q, with N and H of the mixed addition.
///
/// No exceptional case arises for R of order q: T is never O, never ±R
/// before an addition, and never has y = 0 (its order is odd). Nor for R of
/// order 2q or 4q (an RSK with a small torsion part), whose multiples [j]R,
/// 0 < j < q, are never O, ±R or of order 2 either; such an R is caught by
/// `reducedCheckingOrder(_:_:)`. The control
/// flow follows the public q only; the field operations are constant time.
///
/// Raising to p − 1, which maps PF_p onto the order-(p + 1) subgroup of F_p²*
/// (v^(p−1) = conj(v)/v), is left to callers that need an element of that
/// subgroup rather than a class.
public enum TatePairing {
    /// ⟨R, Q⟩ in PF_p.
    public static func reduced(_ r: SAKKEPoint, _ q: SAKKEPoint) -> PairingValue {
        var (_, _, _, value) = coldMillerLoop(r, q)
        defer { value.wipe() }
        return PairingValue(finalPower(value))
    }

    /// Miller's loop for f_{q−1,R} evaluated at ψ(Q) as it goes: T = [q − 1]R
    /// in Jacobian coordinates and the accumulator. With the native 1024-bit
    /// engine, each step is one kernel call (`SAKKEMillerLoop`, the same
    /// formulas and bits); otherwise ``millerLoop(_:_:)`` with the
    /// ``Evaluator``.
    static func coldMillerLoop(
        _ r: SAKKEPoint, _ q: SAKKEPoint
    ) -> (FieldElement, FieldElement, FieldElement, QuadraticExtensionElement) {
        let field = SAKKECurve.field
        guard var loop = SAKKEMillerLoop(field: field, x: r.x, y: r.y, qx: q.x, qy: q.y) else {
            var evaluator = Evaluator(q: q)
            let (x, y, z) = millerLoop(r, &evaluator)
            return (x, y, z, evaluator.value)
        }
        defer { loop.wipe() }
        let negatedY = field.negate(r.y)
        // The digits are those of the public q: the branches say nothing of R or Q.
        for digit in loopDigits {
            loop.double()
            if digit != 0 { loop.add(rx: r.x, ry: digit > 0 ? r.y : negatedY) }
        }
        return (loop.x, loop.y, loop.z, loop.f)
    }

    /// The final power c = (p + 1)/q = 4 (see the type's documentation).
    static func finalPower(_ v: QuadraticExtensionElement) -> QuadraticExtensionElement {
        let fp2 = SAKKECurve.extensionField
        return fp2.square(fp2.square(v))
    }

    /// The signed digits (−1, 0, 1) of the non-adjacent form of q − 1, most
    /// significant first, without the leading 1.
    static let loopDigits: [Int8] = {
        var digits: [Int8] = []
        var k = SAKKECurve.order - 1
        while !k.isZero {
            if k.testBit(0) {
                // k mod 4 = 1 → digit 1; k mod 4 = 3 → digit −1 (then k + 1 ≡ 0 mod 4).
                let digit: Int8 = k.testBit(1) ? -1 : 1
                digits.append(digit)
                k = digit == 1 ? k - 1 : k + 1
            } else {
                digits.append(0)
            }
            k = k >> 1
        }
        return Array(digits.reversed().dropFirst())
    }()

    /// ⟨R, Q⟩ as ``reduced(_:_:)``, or nil when R is not in the order-q
    /// subgroup: the loop ends on T = [q − 1]R, and [q]R = O exactly when
    /// T = −R, a check that costs three products. Use it for a point whose
    /// order is not yet known (an RSK being validated).
    package static func reducedCheckingOrder(_ r: SAKKEPoint, _ q: SAKKEPoint) -> PairingValue? {
        let field = SAKKECurve.field
        let (x, y, z, loopValue) = coldMillerLoop(r, q)
        var value = loopValue
        defer { value.wipe() }
        // Jacobian (X : Y : Z) = (x_R, −y_R) ⟺ X = x_R·Z² and Y = −y_R·Z³.
        let zz = field.square(z)
        let sameX = x == field.multiply(r.x, zz), sameY = y == field.negate(field.multiply(r.y, field.multiply(zz, z)))
        // Whether R has order q is public by design: an RSK that fails it is refused.
        let finite = ConstantTime.word(!field.isZero(z)) // T = O (an R of order 2) is not −R
        let isMinusR = ConstantTimeValidation.declassify(ConstantTime.word(sameX) & ConstantTime.word(sameY) & finite) == 1
        return isMinusR ? PairingValue(finalPower(value)) : nil
    }

    /// Runs Miller's loop for f_{q−1,R}, handing each line to `visitor` in
    /// order; returns T = [q − 1]R in Jacobian coordinates.
    @discardableResult
    static func millerLoop(_ r: SAKKEPoint, _ visitor: inout some MillerLineVisitor) -> (FieldElement, FieldElement, FieldElement) {
        let field = SAKKECurve.field
        let negatedY = field.negate(r.y)
        var (x, y, z) = (r.x, r.y, field.one)
        for digit in loopDigits {
            // Tangent at T, then T = 2T (a = −3 doubling, dbl-2001-b).
            let delta = field.square(z), gamma = field.square(y)
            let beta = field.multiply(x, gamma)
            let product = field.multiply(field.subtract(x, delta), field.add(x, delta))
            let alpha = field.add(field.add(product, product), product)
            let z3 = field.subtract(field.subtract(field.square(field.add(y, z)), gamma), delta) // 2YZ
            visitor.tangent(alpha: alpha, zSquared: delta, x: x, ySquared: gamma, twiceYZ: z3)
            let beta4 = field.add(field.add(beta, beta), field.add(beta, beta))
            let x3 = field.subtract(field.square(alpha), field.add(beta4, beta4))
            let gamma2 = field.square(gamma)
            let gamma4 = field.add(field.add(gamma2, gamma2), field.add(gamma2, gamma2))
            (x, y, z) = (x3, field.subtract(field.multiply(alpha, field.subtract(beta4, x3)), field.add(gamma4, gamma4)), z3)
            guard digit != 0 else { continue }
            // Chord through T and ±R, then T = T ± R (madd-2007-bl).
            let pointY = digit > 0 ? r.y : negatedY
            let z1z1 = field.square(z)
            let h = field.subtract(field.multiply(r.x, z1z1), x)
            let n = field.subtract(field.multiply(field.multiply(pointY, z), z1z1), y)
            let twiceN = field.add(n, n)
            let hh = field.square(h)
            let zSum = field.subtract(field.subtract(field.square(field.add(z, h)), z1z1), hh) // 2ZH
            visitor.chord(twiceN: twiceN, twiceZH: zSum, pointX: r.x, pointY: pointY)
            let i = field.add(field.add(hh, hh), field.add(hh, hh))
            let j = field.multiply(h, i)
            let w = field.multiply(x, i)
            let xNew = field.subtract(field.subtract(field.square(twiceN), j), field.add(w, w))
            let yj = field.multiply(y, j)
            (x, y, z) = (xNew, field.subtract(field.multiply(twiceN, field.subtract(w, xNew)), field.add(yj, yj)), zSum)
        }
        return (x, y, z)
    }

    /// The cold pairing's visitor: evaluates each line at ψ(Q) as it comes and
    /// accumulates v = v²·line (tangent) or v·line (chord).
    struct Evaluator: MillerLineVisitor {
        let qx: FieldElement
        let qy: FieldElement
        var value = SAKKECurve.extensionField.one

        init(q: SAKKEPoint) {
            qx = q.x
            qy = q.y
        }

        mutating func tangent(alpha: FieldElement, zSquared: FieldElement, x: FieldElement, ySquared: FieldElement, twiceYZ: FieldElement) {
            let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
            let real = field.subtract(
                field.multiply(alpha, field.add(field.multiply(zSquared, qx), x)), field.add(ySquared, ySquared))
            let imaginary = field.multiply(field.multiply(twiceYZ, zSquared), qy)
            value = fp2.multiply(fp2.square(value), fp2.element(real: real, imaginary: imaginary))
        }

        mutating func chord(twiceN: FieldElement, twiceZH: FieldElement, pointX: FieldElement, pointY: FieldElement) {
            let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
            let real = field.differenceOfProducts(twiceN, field.add(qx, pointX), twiceZH, pointY)
            value = fp2.multiply(value, fp2.element(real: real, imaginary: field.multiply(twiceZH, qy)))
        }
    }
}

/// What Miller's loop of ``TatePairing`` hands out: each line's ingredients
/// (see ``TatePairing`` for the line formulas), for evaluation at once (the
/// cold pairing) or for storage (``SAKKEPairingPrecomputation``).
protocol MillerLineVisitor {
    /// The tangent at T = (X : Y : Z): α, Z², X, Y², 2YZ.
    mutating func tangent(alpha: FieldElement, zSquared: FieldElement, x: FieldElement, ySquared: FieldElement, twiceYZ: FieldElement)
    /// The chord through T and (x_R, ±y_R): 2N, 2ZH, x_R, ±y_R.
    mutating func chord(twiceN: FieldElement, twiceZH: FieldElement, pointX: FieldElement, pointY: FieldElement)
}
