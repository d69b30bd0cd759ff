import Crypto

/// The MIKEY-SAKKE UID of TS 33.180 F.2.1: the 256-bit identifier that
/// ECCSI signs with ("ID", RFC 6507) and SAKKE encrypts to ("a", "b",
/// RFC 6508), hashed from the user's identifier, the KMS's identifier and the
/// key period:
///
/// UID = SHA-256(S), S = 0x00 || "MIKEY-SAKKE-UID" || L0 || identifier || L1 ||
/// KMS identifier || L2 || P3 || L3 || P4 || L4 || P5 || L5, encoded as TS
/// 33.220 B.2 (FC 0x00 is a dummy: no HMAC is involved).
public enum MikeySakkeUID {
    /// P0, the fixed 15-character string.
    public static let label = "MIKEY-SAKKE-UID"

    /// The input string S for a key-period number.
    ///
    /// - Throws: `KeyDerivationError.parameterTooLong` for an identifier over 65 535 octets.
    public static func inputString(
        identifier: String, kmsIdentifier: String, keyPeriod: KeyPeriod, periodNumber: UInt64
    ) throws -> [UInt8] {
        try KDF3GPP.inputString(fc: 0x00, parameters: [
            .string(label), .string(identifier), .string(kmsIdentifier),
            .integer(keyPeriod.length), .integer(keyPeriod.offset), .integer(periodNumber),
        ])
    }

    /// The UID for key-period number `periodNumber`.
    ///
    /// - Throws: `KeyDerivationError.parameterTooLong` for an identifier or
    ///   KMS identifier over 65 535 octets.
    public static func uid(
        identifier: String, kmsIdentifier: String, keyPeriod: KeyPeriod, periodNumber: UInt64
    ) throws -> [UInt8] {
        Array(SHA256.hash(data: try inputString(
            identifier: identifier, kmsIdentifier: kmsIdentifier, keyPeriod: keyPeriod, periodNumber: periodNumber)))
    }

    /// The UID at a time given in seconds since 1900-01-01 (the NTP time of a
    /// MIKEY message's T payload): P5 = ⌊(TIME − P4) / P3⌋.
    ///
    /// - Throws: `KeyDerivationError.timeBeforeFirstKeyPeriod`, `.parameterTooLong`.
    public static func uid(
        identifier: String, kmsIdentifier: String, keyPeriod: KeyPeriod, atSecondsSince1900 seconds: UInt64
    ) throws -> [UInt8] {
        try uid(identifier: identifier, kmsIdentifier: kmsIdentifier, keyPeriod: keyPeriod,
                periodNumber: keyPeriod.number(atSecondsSince1900: seconds))
    }

    /// The UID at an NTP timestamp.
    ///
    /// - Throws: `KeyDerivationError.timeBeforeFirstKeyPeriod`, `.parameterTooLong`.
    public static func uid(identifier: String, kmsIdentifier: String, keyPeriod: KeyPeriod, at time: NTPTimestamp) throws -> [UInt8] {
        try uid(identifier: identifier, kmsIdentifier: kmsIdentifier, keyPeriod: keyPeriod, atSecondsSince1900: UInt64(time.seconds))
    }
}
