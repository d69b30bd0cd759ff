/// Hexadecimal text for octet strings, as the RFCs and the test-vector files print them.
public enum Hex {
    /// The octets written by `text`: two digits per octet, either case, no separators.
    ///
    /// - Throws: `OctetsError.invalidHexadecimal` at the first character that is
    ///   not a hex digit, or at the end for an odd number of digits.
    public static func decode(_ text: some StringProtocol) throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { throw OctetsError.invalidHexadecimal(offset: utf8.count) }
        var bytes = [UInt8](repeating: 0, count: utf8.count / 2)
        for index in bytes.indices {
            guard let high = value(of: utf8[2 * index]) else {
                throw OctetsError.invalidHexadecimal(offset: 2 * index)
            }
            guard let low = value(of: utf8[2 * index + 1]) else {
                throw OctetsError.invalidHexadecimal(offset: 2 * index + 1)
            }
            bytes[index] = high << 4 | low
        }
        return bytes
    }

    /// Lowercase hex digits of `bytes`, two per octet.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The value of one ASCII hex digit, or nil.
    package static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
