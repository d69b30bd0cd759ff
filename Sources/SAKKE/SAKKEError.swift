/// Errors of the SAKKE module (RFC 6508). The module is being built: today it
/// holds HashToIntegerRange; keys, encapsulation and the pairing follow.
public enum SAKKEError: Error, Equatable, Sendable {
    /// A HashToIntegerRange bound below 2: no range to hash into.
    case invalidRange
}
