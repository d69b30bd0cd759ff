import BigNum
import Octets

/// A point of NIST P-256 other than the identity, in affine coordinates,
/// known to be on the curve (and so in the prime-order group: the cofactor
/// is 1). Points come only from the checking decoder ``init(encoded:)``, from
/// ``P256/generator`` or from arithmetic: an invalid point is unrepresentable.
public struct P256Point: Sendable, Equatable {
    /// Coordinates in Montgomery form of `P256.field`.
    let x: FieldElement256
    let y: FieldElement256

    /// A point whose coordinates the caller knows to be on the curve.
    init(unchecked x: FieldElement256, _ y: FieldElement256) {
        self.x = x
        self.y = y
    }

    /// The number of octets of the uncompressed encoding 0x04 || x || y.
    public static let encodedCount = 65

    /// Decodes the uncompressed octet string 04 || x || y (SEC 1 §2.3.4, the
    /// form RFC 6507 §3.3 and RFC 6509 use), with every check: length,
    /// prefix, each coordinate below p, and the curve equation.
    ///
    /// - Throws: `CurveError.invalidLength`, `.unsupportedEncoding`,
    ///   `.pointAtInfinity` (the single octet 0x00), `.coordinateOutOfRange`,
    ///   `.notOnCurve`.
    public init(encoded bytes: some Collection<UInt8>) throws {
        let field = P256.field
        let (x, y) = try UncompressedPointEncoding.coordinates(of: bytes, coordinateLength: 32) { try field.element(bigEndianBytes: $0) }
        guard Self.satisfiesCurveEquation(x, y) else { throw CurveError.notOnCurve }
        self.init(unchecked: x, y)
    }

    /// y² = x³ − 3x + b.
    static func satisfiesCurveEquation(_ x: FieldElement256, _ y: FieldElement256) -> Bool {
        let field = P256.field
        let xSquaredMinusThree = field.subtract(field.square(x), field.add(field.one, field.double(field.one)))
        let rightSide = field.add(field.multiply(xSquaredMinusThree, x), P256.b)
        return field.square(y) == rightSide
    }

    /// 0x04 || x || y, 65 octets.
    public var encoded: [UInt8] {
        [0x04] + xBytes + yBytes
    }

    /// The x coordinate as 32 big-endian octets.
    public var xBytes: [UInt8] { P256.field.bytes(x) }

    /// The y coordinate as 32 big-endian octets.
    public var yBytes: [UInt8] { P256.field.bytes(y) }

    /// The same point with its coordinates marked public for the constant-time
    /// check (`ConstantTimeValidation`): for a point computed from a secret
    /// that is public by design (a public key, a PVT). Say why at the call.
    package var declassified: P256Point {
        P256Point(unchecked: ConstantTimeValidation.declassify(x), ConstantTimeValidation.declassify(y))
    }

    /// −P = (x, −y).
    public var negated: P256Point {
        P256Point(unchecked: x, P256.field.negate(y))
    }
}

extension P256Point: CustomStringConvertible {
    /// Points are public values: the encoding in hex.
    public var description: String { "P256Point(\(Hex.encode(encoded)))" }
}
