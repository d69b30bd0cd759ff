import BigNum
import Octets

/// An element of PF_p = F_p²*/F_p* (RFC 6508 §2.1): a value of the reduced
/// Tate–Lichtenbaum pairing, which is a class of nonzero F_p² elements equal
/// up to a factor of F_p*. The RFCs print and hash a class through its
/// representative with real part 1: the 128 octets of b in 1 + b·i.
///
/// Equality compares classes without an inversion: nonzero a₁ + b₁·i and
/// a₂ + b₂·i are one class exactly when a₁·b₂ = a₂·b₁. Zero is no class
/// (a degenerate Miller loop can end on it) and equals nothing. Constant time.
public struct PairingValue: Sendable {
    /// A representative a + b·i (not normalised).
    let representative: QuadraticExtensionElement

    init(_ representative: QuadraticExtensionElement) {
        self.representative = representative
    }

    /// The class of 1 + b·i.
    init(imaginaryPart b: FieldElement) {
        representative = QuadraticExtensionElement(real: SAKKECurve.field.one, imaginary: b)
    }

    /// b of the representative 1 + b·i, by a blinded inversion (the value
    /// may be secret: w = ⟨R, K⟩ in decapsulation).
    ///
    /// - Throws: `BigNumError.notInvertible` for the class of i (a = 0), of
    ///   order 2: no pairing of two points of order q takes it.
    package func normalizedImaginaryPart() throws -> FieldElement {
        let field = SAKKECurve.field
        return field.multiply(representative.imaginary, try field.inverseBlinded(representative.real))
    }

    /// The 128 octets of b in 1 + b·i, as RFC 6508 hashes and RFC 6509 prints
    /// the value (constant time; the caller wipes those of a secret value).
    ///
    /// - Throws: `BigNumError.notInvertible` for the class of i.
    public func normalizedBytes() throws -> [UInt8] {
        var b = try normalizedImaginaryPart()
        defer { b.wipe() }
        return SAKKECurve.field.bytes(b)
    }

    /// Overwrites the representative with zero.
    package mutating func wipe() {
        var value = representative
        value.wipe()
        self = PairingValue(value)
    }
}

extension PairingValue: Equatable {
    /// Whether both are one class of PF_p: a₁·b₂ = a₂·b₁ with neither
    /// representative zero, in constant time.
    public static func == (lhs: PairingValue, rhs: PairingValue) -> Bool {
        let field = SAKKECurve.field, fp2 = SAKKECurve.extensionField
        let cross = field.multiply(lhs.representative.real, rhs.representative.imaginary)
            == field.multiply(rhs.representative.real, lhs.representative.imaginary)
        let nonzero = ConstantTime.word(!fp2.isZero(lhs.representative)) & ConstantTime.word(!fp2.isZero(rhs.representative))
        return ConstantTime.word(cross) & nonzero == 1
    }
}

extension PairingValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Never the value: a pairing value may be secret (w, g^r).
    public var description: String { "PairingValue(redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
