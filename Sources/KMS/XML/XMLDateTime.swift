import Foundation

/// `xsd:dateTime` values of the KMS documents, as seconds since 1970-01-01
/// UTC. A value without a zone is UTC (the D.3.4 examples write none); a
/// fraction of a second is dropped; written without a zone, as the examples do.
enum XMLDateTime {
    /// Parses `YYYY-MM-DDThh:mm:ss[.s+][Z|±hh:mm]` (years 1900 … 9999).
    static func unixSeconds(_ text: String) -> Int64? {
        let scalars = Array(text.utf8)
        guard scalars.count >= 19, scalars[4] == UInt8(ascii: "-"), scalars[7] == UInt8(ascii: "-"),
            scalars[10] == UInt8(ascii: "T"), scalars[13] == UInt8(ascii: ":"), scalars[16] == UInt8(ascii: ":"),
            let year = number(scalars[0 ..< 4]), let month = number(scalars[5 ..< 7]), let day = number(scalars[8 ..< 10]),
            let hour = number(scalars[11 ..< 13]), let minute = number(scalars[14 ..< 16]), let second = number(scalars[17 ..< 19]),
            year >= 1900, (1 ... 12).contains(month), (1 ... daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var index = 19
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < scalars.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(scalars[index]) { index += 1 }
            guard index > start else { return nil }
        }
        var offset: Int64 = 0
        if index < scalars.count {
            switch scalars[index] {
            case UInt8(ascii: "Z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard scalars.count == index + 6, scalars[index + 3] == UInt8(ascii: ":"),
                    let hours = number(scalars[index + 1 ..< index + 3]), let minutes = number(scalars[index + 4 ..< index + 6]),
                    hours <= 14, minutes < 60
                else { return nil }
                offset = Int64(hours * 3600 + minutes * 60) * (scalars[index] == UInt8(ascii: "+") ? 1 : -1)
                index += 6
            default:
                return nil
            }
        }
        guard index == scalars.count else { return nil }
        let days = daysSince1970(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offset
    }

    /// The Unix seconds the reader takes back: 1900-01-01T00:00:00 … 9999-12-31T23:59:59.
    static let readableSeconds: ClosedRange<Int64> = -2_208_988_800 ... 253_402_300_799

    /// Whether `date`'s whole second is in ``readableSeconds``.
    static func isReadable(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return seconds >= Double(readableSeconds.lowerBound) && seconds <= Double(readableSeconds.upperBound)
    }

    /// `YYYY-MM-DDThh:mm:ss`, UTC.
    static func text(unixSeconds seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(daysSince1970: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for digit in digits {
            guard (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the date (proleptic Gregorian; H. Hinnant's algorithm).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSince1970(year:month:day:)``.
    private static func civil(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
