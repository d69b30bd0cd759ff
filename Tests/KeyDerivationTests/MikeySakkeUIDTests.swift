import Foundation
import KeyDerivation
import Testing

@Suite struct MikeySakkeUIDTests {
    static let period = try? KeyPeriod(length: 2_592_000, offset: 0)

    /// TS 33.180 F.2.1.2 prints S in full.
    @Test func inputStringIsTheOneTheSpecificationPrints() throws {
        let s = try MikeySakkeUID.inputString(
            identifier: "sip:user@example.org", kmsIdentifier: "kms.example.org", keyPeriod: #require(Self.period), periodNumber: 1388)
        #expect(s == bytes(
            "004d494b45592d53414b4b452d554944000f7369703a75736572406578616d706c652e6f726700146b6d732e6578616d706c652e6f7267000f278d000003000001056c0002"))
    }

    /// The specification prints the UID with 63 hex digits: the leading "3" is missing.
    @Test func uidOfTheSpecificationExampleHas64DigitsAndEndsAsPrinted() throws {
        let uid = try MikeySakkeUID.uid(
            identifier: "sip:user@example.org", kmsIdentifier: "kms.example.org", keyPeriod: #require(Self.period),
            at: NTPTimestamp(seconds: 3_599_719_634))
        let hex = uid.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "3a81fb14c3b1d0fe43c9c577104d55a6d81788bfd2f09743c4557746a5a0353b")
        #expect(hex.dropFirst() == "a81fb14c3b1d0fe43c9c577104d55a6d81788bfd2f09743c4557746a5a0353b")
    }

    @Test func keyPeriodNumberIsTheFloorOfTimeMinusOffsetOverLength() throws {
        let period = try #require(Self.period)
        #expect(try period.number(atSecondsSince1900: 3_599_719_634) == 1388)
        #expect(try period.number(atSecondsSince1900: 2_592_000) == 1)
        #expect(try period.number(atSecondsSince1900: 2_591_999) == 0)
        let offset = try KeyPeriod(length: 100, offset: 30)
        #expect(try offset.number(atSecondsSince1900: 30) == 0)
        #expect(try offset.number(atSecondsSince1900: 129) == 0)
        #expect(try offset.number(atSecondsSince1900: 130) == 1)
        #expect(offset.seconds(ofPeriod: 2) == 230 ..< 330)
    }

    @Test func periodStartAndEndBracketTheExampleTime() throws {
        let period = try #require(Self.period)
        let time = try NTPTimestamp(Date(timeIntervalSince1970: 1_390_730_834)) // 2014-01-26T10:07:14Z
        #expect(time.seconds == 3_599_719_634)
        let number = try period.number(at: time)
        #expect(period.start(ofPeriod: number) <= time.date && time.date < period.end(ofPeriod: number))
        #expect(period.startSeconds(ofPeriod: number) == 3_597_696_000)
        #expect(period.end(ofPeriod: number).timeIntervalSince(period.start(ofPeriod: number)) == 2_592_000)
    }

    @Test func badPeriodsAndTimesBeforeTheFirstPeriodAreRefused() throws {
        #expect(throws: KeyDerivationError.invalidKeyPeriod(length: 0, offset: 0)) { try KeyPeriod(length: 0) }
        #expect(throws: KeyDerivationError.invalidKeyPeriod(length: 10, offset: 10)) { try KeyPeriod(length: 10, offset: 10) }
        let period = try KeyPeriod(length: 100, offset: 50)
        #expect(throws: KeyDerivationError.timeBeforeFirstKeyPeriod(seconds: 49, offset: 50)) {
            try MikeySakkeUID.uid(identifier: "a", kmsIdentifier: "k", keyPeriod: period, atSecondsSince1900: 49)
        }
        #expect(throws: KeyDerivationError.parameterTooLong(index: 1, length: 70_000)) {
            try MikeySakkeUID.uid(
                identifier: String(repeating: "a", count: 70_000), kmsIdentifier: "k", keyPeriod: period, periodNumber: 0)
        }
    }

    @Test func ntpTimestampsConvertToAndFromDates() throws {
        #expect(try NTPTimestamp(Date(timeIntervalSince1970: 0)).seconds == 2_208_988_800)
        let half = try NTPTimestamp(Date(timeIntervalSince1970: 0.5))
        #expect(half.fraction == 0x8000_0000)
        #expect(half.date == Date(timeIntervalSince1970: 0.5))
        #expect(NTPTimestamp(seconds: 1, fraction: 2).bytes == [0, 0, 0, 1, 0, 0, 0, 2])
        #expect(NTPTimestamp(rawValue: 0x0000_0001_0000_0002) == NTPTimestamp(seconds: 1, fraction: 2))
        #expect(throws: KeyDerivationError.dateOutsideNTPEra) { try NTPTimestamp(Date(timeIntervalSince1970: -2_208_988_801)) }
        #expect(throws: KeyDerivationError.dateOutsideNTPEra) { try NTPTimestamp(Date(timeIntervalSince1970: 2_085_978_496)) }
        #expect(try NTPTimestamp(Date(timeIntervalSince1970: 2_085_978_495)).seconds == .max)
    }
}
