import Octets
/// An element a + b·i of F_p² = F_p[i]/(i² + 1) (RFC 6508 §2.1), made by a
/// `QuadraticExtensionField`. Both coordinates are elements of its base field.
public struct QuadraticExtensionElement: Sendable, BitwiseCopyable, Equatable {
    /// a, the coordinate of 1.
    public var real: FieldElement
    /// b, the coordinate of i.
    public var imaginary: FieldElement

    public init(real: FieldElement, imaginary: FieldElement) {
        self.real = real
        self.imaginary = imaginary
    }

    /// Overwrites both coordinates with zero.
    public mutating func wipe() {
        real.wipe()
        imaginary.wipe()
    }
}
