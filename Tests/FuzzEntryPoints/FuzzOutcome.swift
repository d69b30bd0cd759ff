/// What the library did with one fuzz input (both are fine; a crash or a
/// ``FuzzFinding`` is not).
public enum FuzzOutcome: Sendable, Equatable {
    /// The library accepted the input (decoded it, authenticated it, …).
    case accepted
    /// The library refused the input with the documented error type.
    case rejected
}
