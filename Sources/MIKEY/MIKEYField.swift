import Octets

/// Checks on the lengths of variable-size fields, shared by the payloads'
/// initializers, so that every value a payload holds can be encoded.
enum MIKEYField {
    /// Checks that `count` octets fit a length field of `maximum` and are not
    /// empty where the format gives an empty value no meaning.
    static func checkLength(
        _ count: Int, field: String, allowsEmpty: Bool = false, maximum: Int
    ) throws(MIKEYError) {
        guard count <= maximum else { throw .valueTooLarge(field: field, count: count, maximum: maximum) }
        guard allowsEmpty || count > 0 else { throw .emptyValue(field: field) }
    }
}

extension ByteReader {
    /// A length of `L`'s width and that many octets, consumed; the octets copied out.
    mutating func readPrefixedOctets<L: FixedWidthInteger & UnsignedInteger>(
        lengthAs type: L.Type, field: StaticString
    ) throws -> [UInt8] {
        var body = try readLengthPrefixed(lengthAs: type, field: field)
        return Array(body.readRemaining())
    }
}

extension ByteReader {
    /// A 5-octet big-endian integer (the seconds since 1970 of TS 33.180
    /// §8.5.4.1 and E.6.4, E.6.10).
    mutating func readUInt40(field: StaticString) throws -> UInt64 {
        try readBytes(5, field: field).reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension ByteWriter {
    /// The 40 low bits of `value`, big-endian.
    mutating func writeUInt40(_ value: UInt64) {
        writeBytes((0 ..< 5).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) })
    }
}
