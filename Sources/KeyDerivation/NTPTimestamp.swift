import Octets
import Foundation

/// A 64-bit NTP timestamp (RFC 5905 §6, the NTP-UTC of RFC 3830 §6.6): 32
/// bits of seconds since 0h on 1 January 1900 and 32 bits of fraction.
///
/// The seconds field wraps in February 2036 (the end of NTP era 0); this type
/// covers era 0 only, which MIKEY's T payload and TS 33.180 F.2.1 assume.
/// Key-period arithmetic (``KeyPeriod``) works on plain seconds since 1900
/// and is not limited to era 0.
public struct NTPTimestamp: Sendable, Hashable, Comparable {
    /// The 64-bit value: seconds in the high half, fraction in the low half.
    public let rawValue: UInt64

    /// Seconds between 1900-01-01 and the Unix epoch 1970-01-01 (70 years, 17 leap days).
    public static let unixEpochOffset: UInt64 = 2_208_988_800

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public init(seconds: UInt32, fraction: UInt32 = 0) {
        rawValue = UInt64(seconds) << 32 | UInt64(fraction)
    }

    /// The timestamp of `date`, the fraction rounded down to 2⁻³² s.
    ///
    /// - Throws: `KeyDerivationError.dateOutsideNTPEra` before 1900 or from
    ///   2036-02-07T06:28:16Z on.
    public init(_ date: Date) throws {
        let seconds = date.timeIntervalSince1970 + Double(Self.unixEpochOffset)
        guard seconds >= 0, seconds < 4_294_967_296 else { throw KeyDerivationError.dateOutsideNTPEra }
        let whole = seconds.rounded(.down)
        self.init(seconds: UInt32(whole), fraction: UInt32(((seconds - whole) * 4_294_967_296).rounded(.down)))
    }

    /// Whole seconds since 0h on 1 January 1900.
    public var seconds: UInt32 { UInt32(truncatingIfNeeded: rawValue >> 32) }

    /// The fraction of a second, in units of 2⁻³² s.
    public var fraction: UInt32 { UInt32(truncatingIfNeeded: rawValue) }

    /// The date this timestamp stands for (era 0).
    public var date: Date {
        Date(timeIntervalSince1970: Double(seconds) - Double(Self.unixEpochOffset) + Double(fraction) / 4_294_967_296)
    }

    /// Whole seconds since 1970 (era 0; 0 for a time before 1970), as the key
    /// parameters' times count (TS 33.180 E.6.4, E.6.10).
    public var unixSeconds: UInt64 { UInt64(seconds) - min(UInt64(seconds), Self.unixEpochOffset) }

    /// The eight octets as MIKEY carries them (big-endian).
    public var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 8)
        writer.writeInteger(rawValue)
        return writer.bytes
    }

    public static func < (lhs: NTPTimestamp, rhs: NTPTimestamp) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
