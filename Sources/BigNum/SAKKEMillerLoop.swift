/// Miller's loop of the SAKKE pairing (RFC 6508 §3.2) on y² = x³ − 3x with
/// each line evaluated at ψ(Q) = (−x_Q, i·y_Q) as it comes, one native kernel
/// call a step: T = (X : Y : Z) in Jacobian coordinates and the accumulator
/// f in F_p². The formulas, and their order, are those of Curves'
/// `TatePairing.millerLoop` with its cold `Evaluator`, which stays the path
/// for fields the native 1024-bit engine does not serve; the two give the
/// same bits (tests compare them). One call replaces about forty Swift field
/// operations and their operand copies.
package struct SAKKEMillerLoop {
    package var x: FieldElement
    package var y: FieldElement
    package var z: FieldElement
    package var f: QuadraticExtensionElement
    let qx: FieldElement
    let qy: FieldElement
    private let field: PrimeField

    /// The loop's start, T = R = (x, y, 1) and f = 1, for lines evaluated at
    /// ψ(Q), Q = (qx, qy); nil when `field` has no native engine.
    package init?(field: PrimeField, x: FieldElement, y: FieldElement, qx: FieldElement, qy: FieldElement) {
        guard field.usesNativeEngine else { return nil }
        self.field = field
        self.x = x
        self.y = y
        z = field.one
        f = QuadraticExtensionElement(real: field.one, imaginary: field.zero)
        self.qx = qx
        self.qy = qy
    }

    /// The tangent at T: f = f²·line, T = 2T.
    package mutating func double() {
        guard field.kernel.sakkeMillerDouble(&self) else { preconditionFailure("SAKKEMillerLoop without a native engine") }
    }

    /// The chord through T and (rx, ry): f = f·line, T = T + (rx, ry).
    package mutating func add(rx: FieldElement, ry: FieldElement) {
        guard field.kernel.sakkeMillerAdd(&self, rx: rx, ry: ry) else { preconditionFailure("SAKKEMillerLoop without a native engine") }
    }

    /// Overwrites T and f with zero (they may derive from secrets).
    package mutating func wipe() {
        x.wipe()
        y.wipe()
        z.wipe()
        f.wipe()
    }
}
