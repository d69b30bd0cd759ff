import Curves

/// Errors of the SAKKE module (RFC 6508). Decapsulation fails with the single
/// ``authenticationFailure``; decoding of public inputs says what is wrong.
public enum SAKKEError: Error, Equatable, Sendable {
    /// A HashToIntegerRange bound below 2 (no range to hash into) or wider
    /// than `HashToIntegerRange.maximumBitWidth` bits.
    case invalidRange
    /// A secret (the KMS master secret z) not in 1 … q − 1.
    case invalidSecret
    /// a + z ≡ 0 (mod q) for this identifier: the KMS cannot issue its key
    /// (RFC 6508 §6.1.1); the KMS must refuse the identifier.
    case degenerateIdentifier
    /// A public point (Z_T, RSK, R) failed decoding; the reason is the curve's.
    case invalidPoint(CurveError)
    /// The RSK does not satisfy ⟨[a]P + Z_T, RSK⟩ = g (RFC 6508 §6.1.2).
    case invalidReceiverKey
    /// An SSV of other than n / 8 = 16 octets.
    case invalidSSVLength(Int)
    /// Encapsulated data of other than 257 + 16 = 273 octets.
    case invalidEncapsulationLength(Int)
    /// Decapsulation failed (RFC 6508 §6.2.2 step 4): the recomputed R
    /// differs. Whatever the cause, nothing is said about which value was wrong.
    case authenticationFailure
}
