/// Errors of the KeyDerivation module: each names the input the caller must fix.
public enum KeyDerivationError: Error, Equatable, Sendable {
    /// A KDF parameter (P`index`) is longer than the 65 535 octets its
    /// two-octet length field can express (TS 33.220 Annex B.2).
    case parameterTooLong(index: Int, length: Int)
    /// A key had a length the derivation does not accept (`allowed` lists the
    /// lengths it does, in octets).
    case invalidKeyLength(actual: Int, allowed: [Int])
    /// A key of zero octets where a derivation takes a key of any other
    /// length (the KDF's key, the MIKEY PRF's inkey, a TGK).
    case emptyKey
    /// A purpose tag (the top four bits of a key identifier) that TS 33.180
    /// Annex G does not define (7 … 15).
    case undefinedPurposeTag(UInt8)
    /// A key identifier was not exactly 4 octets.
    case invalidKeyIdentifierLength(Int)
    /// A key-period length of 0, or an offset not below the length (TS 33.180
    /// F.2.1: "P4 … shall be less than P3").
    case invalidKeyPeriod(length: UInt64, offset: UInt64)
    /// A time before the first key period starts (before the offset).
    case timeBeforeFirstKeyPeriod(seconds: UInt64, offset: UInt64)
    /// A date outside NTP era 0 (1900-01-01 … 2036-02-07), which a 64-bit NTP
    /// timestamp cannot carry.
    case dateOutsideNTPEra
    /// A requested output length the derivation cannot produce (for example 0
    /// octets, or more than the PRF's 255 blocks).
    case invalidOutputLength(Int)
    /// A CSB ID (RFC 3830 §6.1) was not 4 octets.
    case invalidCSBIDLength(Int)
}
