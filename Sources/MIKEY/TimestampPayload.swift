import KeyDerivation
import Octets

/// T, the timestamp payload (RFC 3830 §6.6). TS 33.180 E.1.2 uses NTP-UTC
/// (TS type 0): a 64-bit NTP time in UTC.
public enum TimestampPayload: MIKEYPayloadCodable {
    /// TS type 0, NTP-UTC (64 bits).
    case ntpUTC(NTPTimestamp)
    /// TS type 1, NTP (64 bits, local time).
    case ntp(NTPTimestamp)
    /// TS type 2, COUNTER (32 bits).
    case counter(UInt32)

    public static let payloadType = MIKEYPayloadType.timestamp

    /// The TS type.
    public var timestampType: UInt8 {
        switch self {
        case .ntpUTC: 0
        case .ntp: 1
        case .counter: 2
        }
    }

    public init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        let offset = reader.offset
        let type = try MIKEYError.reading { try reader.readInteger(as: UInt8.self, field: "TS type") }
        switch type {
        case 0: self = .ntpUTC(NTPTimestamp(rawValue: try MIKEYError.reading { try reader.readInteger(field: "TS value") }))
        case 1: self = .ntp(NTPTimestamp(rawValue: try MIKEYError.reading { try reader.readInteger(field: "TS value") }))
        case 2: self = .counter(try MIKEYError.reading { try reader.readInteger(field: "TS value") })
        default: throw .invalidValue(field: "TS type", offset: offset, value: Int(type))
        }
    }

    public func write(to writer: inout ByteWriter) {
        writer.writeInteger(timestampType)
        switch self {
        case .ntpUTC(let time), .ntp(let time): writer.writeInteger(time.rawValue)
        case .counter(let counter): writer.writeInteger(counter)
        }
    }
}
