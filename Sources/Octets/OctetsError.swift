/// Errors of the `Octets` module: bad hexadecimal text, and octet strings
/// that end before, or run past, what a codec expects.
///
/// Codec errors carry what a caller needs to report the fault: which field
/// was being read and at which offset of the input.
public enum OctetsError: Error, Equatable, Sendable {
    /// Hexadecimal text held a character that is not a hex digit at `offset`
    /// (counted in characters), or had an odd number of digits (`offset` is
    /// then the text's length).
    case invalidHexadecimal(offset: Int)
    /// The input ended inside `field`: it starts at `offset` and needs
    /// `needed` octets, but only `available` are left.
    case truncated(field: String, offset: Int, needed: Int, available: Int)
    /// `field` at `offset` was complete, but octets were left after it where
    /// the input should have ended.
    case trailingOctets(field: String, offset: Int, count: Int)
    /// A value did not fit the width a writer was asked to give it (a length
    /// prefix of 1 octet for 300 octets of data, say).
    case valueTooLarge(field: String, value: Int, maximum: Int)
}
