import Foundation

/// The key periods of a KMS (TS 33.180 F.2.1.1, Annex D `UserKeyPeriod` and
/// `UserKeyOffset`): a repeating sequence of periods of `length` seconds, the
/// first starting `offset` seconds after 0h on 1 January 1900. Period number
/// n covers [offset + n·length, offset + (n + 1)·length).
public struct KeyPeriod: Sendable, Hashable {
    /// P3: the length of a key period in seconds (for example 2 592 000).
    public let length: UInt64
    /// P4: the start of the first key period, in seconds after 1900-01-01.
    public let offset: UInt64

    /// - Throws: `KeyDerivationError.invalidKeyPeriod` when the length is 0 or
    ///   the offset is not below the length (TS 33.180 F.2.1.1).
    public init(length: UInt64, offset: UInt64 = 0) throws {
        guard length > 0, offset < length else { throw KeyDerivationError.invalidKeyPeriod(length: length, offset: offset) }
        self.length = length
        self.offset = offset
    }

    /// P5 = ⌊(TIME − P4) / P3⌋ for TIME in seconds since 1900-01-01.
    ///
    /// - Throws: `KeyDerivationError.timeBeforeFirstKeyPeriod` when TIME < P4.
    public func number(atSecondsSince1900 seconds: UInt64) throws -> UInt64 {
        guard seconds >= offset else { throw KeyDerivationError.timeBeforeFirstKeyPeriod(seconds: seconds, offset: offset) }
        return (seconds - offset) / length
    }

    /// The key-period number of an NTP timestamp (its fraction is ignored).
    ///
    /// - Throws: `KeyDerivationError.timeBeforeFirstKeyPeriod` before the offset.
    public func number(at time: NTPTimestamp) throws -> UInt64 {
        try number(atSecondsSince1900: UInt64(time.seconds))
    }

    /// The key-period number of a date.
    ///
    /// - Throws: `KeyDerivationError.dateOutsideNTPEra`, `.timeBeforeFirstKeyPeriod`.
    public func number(at date: Date) throws -> UInt64 {
        try number(at: NTPTimestamp(date))
    }

    /// The first second of period `number`, in seconds since 1900-01-01.
    public func startSeconds(ofPeriod number: UInt64) -> UInt64 {
        offset + number * length
    }

    /// The half-open range of seconds since 1900-01-01 that period `number` covers.
    public func seconds(ofPeriod number: UInt64) -> Range<UInt64> {
        startSeconds(ofPeriod: number) ..< startSeconds(ofPeriod: number + 1)
    }

    /// The start of period `number` as a date.
    public func start(ofPeriod number: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(startSeconds(ofPeriod: number)) - Double(NTPTimestamp.unixEpochOffset))
    }

    /// The end of period `number` (the start of the next) as a date.
    public func end(ofPeriod number: UInt64) -> Date {
        start(ofPeriod: number + 1)
    }
}
