import BigNum

/// A point of the SAKKE curve (a = −3, b = 0) in homogeneous projective
/// coordinates, with the complete formulas of Renes–Costello–Batina
/// (Algorithms 4 and 6) specialised to b = 0. The formulas are complete for
/// points of odd order; every point they see here is in the order-q
/// subgroup or the identity.
struct SAKKEProjectivePoint {
    var x: FieldElement
    var y: FieldElement
    var z: FieldElement

    static var identity: SAKKEProjectivePoint {
        let field = SAKKECurve.field
        return SAKKEProjectivePoint(x: field.zero, y: field.one, z: field.zero)
    }

    /// 3a.
    @inline(__always)
    private static func triple(_ a: FieldElement, _ field: PrimeField) -> FieldElement {
        field.add(field.add(a, a), a)
    }

    /// self + other (RCB Algorithm 4, b = 0).
    func adding(_ other: SAKKEProjectivePoint) -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        let xx = field.multiply(x, other.x), yy = field.multiply(y, other.y), zz = field.multiply(z, other.z)
        let xy = field.subtract(field.multiply(field.add(x, y), field.add(other.x, other.y)), field.add(xx, yy))
        let yz = field.subtract(field.multiply(field.add(y, z), field.add(other.y, other.z)), field.add(yy, zz))
        let xz = field.subtract(field.multiply(field.add(x, z), field.add(other.x, other.z)), field.add(xx, zz))
        return Self.finishAddition(xx: xx, yy: yy, zz: zz, xy: xy, yz: yz, xz: xz)
    }

    /// self + (x2, y2) for an affine point (RCB Algorithm 5, b = 0): complete
    /// for every self; the affine point is never the identity.
    func adding(affineX x2: FieldElement, _ y2: FieldElement) -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        let xx = field.multiply(x, x2), yy = field.multiply(y, y2)
        let xy = field.subtract(field.multiply(field.add(x, y), field.add(x2, y2)), field.add(xx, yy))
        let yz = field.add(field.multiply(y2, z), y)
        let xz = field.add(field.multiply(x2, z), x)
        return Self.finishAddition(xx: xx, yy: yy, zz: z, xy: xy, yz: yz, xz: xz)
    }

    /// The common tail of both additions with b = 0.
    @inline(__always)
    private static func finishAddition(
        xx: FieldElement, yy: FieldElement, zz: FieldElement, xy: FieldElement, yz: FieldElement, xz: FieldElement
    ) -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        let xz3 = triple(xz, field)
        let yyMinus = field.subtract(yy, xz3), yyPlus = field.add(yy, xz3)
        let zz3 = triple(zz, field)
        let bxz3 = field.negate(triple(field.add(zz3, xx), field))
        let xx3MinusZz3 = field.subtract(triple(xx, field), zz3)
        return SAKKEProjectivePoint(
            x: field.differenceOfProducts(yyPlus, xy, yz, bxz3),
            y: field.sumOfProducts(yyPlus, yyMinus, xx3MinusZz3, bxz3),
            z: field.sumOfProducts(yyMinus, yz, xy, xx3MinusZz3))
    }

    /// 2·self (RCB Algorithm 6, b = 0): 3 squares, 4 products and 2 sums of products.
    func doubled() -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        let xx = field.square(x), yy = field.square(y), zz = field.square(z)
        let xy = field.multiply(x, y), xz = field.multiply(x, z), yz = field.multiply(y, z)
        let xy2 = field.add(xy, xy)
        let xz2 = field.add(xz, xz)
        let bzz3 = field.negate(Self.triple(xz2, field))
        let yyMinus = field.subtract(yy, bzz3), yyPlus = field.add(yy, bzz3)
        let zz3 = Self.triple(zz, field)
        let bxz6 = field.negate(Self.triple(field.add(zz3, xx), field))
        let xx3MinusZz3 = field.subtract(Self.triple(xx, field), zz3)
        let yz2 = field.add(yz, yz)
        let yzyy = field.multiply(yz2, yy)
        return SAKKEProjectivePoint(
            x: field.differenceOfProducts(yyMinus, xy2, bxz6, yz2),
            y: field.sumOfProducts(yyPlus, yyMinus, xx3MinusZz3, bxz6),
            z: field.add(field.add(yzyy, yzyy), field.add(yzyy, yzyy)))
    }

    /// `other` if `condition`, else self, without a branch on `condition`.
    func selecting(_ other: SAKKEProjectivePoint, if condition: Bool) -> SAKKEProjectivePoint {
        let field = SAKKECurve.field
        return SAKKEProjectivePoint(
            x: field.select(x, other.x, if: condition), y: field.select(y, other.y, if: condition),
            z: field.select(z, other.z, if: condition))
    }
}
