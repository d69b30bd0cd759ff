/// Errors thrown by the `BigNum` module.
///
/// Each case names something the caller can act on: bad text or bytes it was
/// given, a value that does not fit where it was put, or an arithmetic
/// operation that has no answer for these operands.
public enum BigNumError: Error, Equatable, Sendable {
    /// Hexadecimal text was empty, or held a character that is not a hex digit
    /// at `offset` (counted in characters from the start).
    case invalidHexadecimal(offset: Int)
    /// The value needs `required` octets but only `available` were allowed
    /// (I2OSP, RFC 8017 §4.1: "integer too large").
    case valueTooLarge(required: Int, available: Int)
    /// Division or reduction by zero.
    case divisionByZero
    /// The value has no inverse modulo the given modulus (it shares a factor with it).
    case notInvertible
    /// The value is not a square modulo the given prime.
    case notAQuadraticResidue
    /// The modulus does not meet the requirement of the operation (for example,
    /// square roots here need p ≡ 3 (mod 4); exponentiation with a secret
    /// exponent needs an odd modulus).
    case unsupportedModulus
    /// The exponent does not meet the requirement of the operation (the
    /// secret-exponent variant needs an exponent of at least 1).
    case unsupportedExponent
    /// A field element was given a value that is not below the modulus.
    case notAFieldElement
    /// A field element was given an octet string of the wrong length.
    case invalidLength(expected: Int, actual: Int)
    /// The modulus of a prime field must be an odd prime of at most
    /// `PrimeField.maximumBitWidth` bits.
    case invalidFieldModulus
}
