/// A big-endian reader over an octet string, with the semantics of SwiftNIO's
/// `ByteBuffer` reads: `read…` consumes, `peek…` does not, and a read that
/// finds too few octets throws ``OctetsError/truncated(field:offset:needed:available:)``
/// and leaves the reader where it was, so that no partial value is ever seen.
///
/// Offsets in errors count from the start of the outermost input, also
/// inside length-prefixed sub-readers, so that an error names the octet a
/// person finds in a hex dump. Every codec of the package (RTP headers, key
/// identifiers, NTP timestamps; the MIKEY payloads to come) reads through this type
/// rather than by hand-written shifts.
public struct ByteReader<Bytes: RandomAccessCollection> where Bytes.Element == UInt8, Bytes.Index == Int {
    @usableFromInline let bytes: Bytes
    /// The index in `bytes` of the next octet to read.
    @usableFromInline var index: Int
    /// The index that counts as offset 0 in errors.
    @usableFromInline let origin: Int

    /// A reader at the first octet of `bytes`.
    @inlinable public init(_ bytes: Bytes) {
        self.init(bytes, origin: bytes.startIndex)
    }

    @inlinable init(_ bytes: Bytes, origin: Int) {
        self.bytes = bytes
        index = bytes.startIndex
        self.origin = origin
    }

    /// The offset of the next octet, counted from the start of the outermost input.
    @inlinable public var offset: Int { index - origin }

    /// The octets not yet read.
    @inlinable public var remainingCount: Int { bytes.endIndex - index }

    /// Whether every octet has been read.
    @inlinable public var isAtEnd: Bool { index == bytes.endIndex }

    /// The big-endian integer of `T`'s width at the reader's position, consumed.
    ///
    /// - Throws: `OctetsError.truncated` (the reader does not move).
    @inlinable public mutating func readInteger<T: FixedWidthInteger & UnsignedInteger>(
        as type: T.Type = T.self, field: StaticString
    ) throws -> T {
        guard let value = peekInteger(as: type) else {
            throw truncated(field, needed: MemoryLayout<T>.size)
        }
        index += MemoryLayout<T>.size
        return value
    }

    /// The big-endian integer of `T`'s width `distance` octets past the
    /// reader's position, or nil when the input ends first. The reader does not move.
    @inlinable public func peekInteger<T: FixedWidthInteger & UnsignedInteger>(
        at distance: Int = 0, as type: T.Type = T.self
    ) -> T? {
        let size = MemoryLayout<T>.size
        guard distance >= 0, remainingCount - distance >= size else { return nil }
        var value: T = 0
        let start = index + distance
        for position in start ..< start + size {
            value = value << 8 | T(bytes[position])
        }
        return value
    }

    /// The next `count` octets, consumed.
    ///
    /// - Throws: `OctetsError.truncated` (the reader does not move).
    @inlinable public mutating func readBytes(_ count: Int, field: StaticString) throws -> Bytes.SubSequence {
        guard count >= 0, count <= remainingCount else { throw truncated(field, needed: count) }
        defer { index += count }
        return bytes[index ..< index + count]
    }

    /// Skips `count` octets.
    ///
    /// - Throws: `OctetsError.truncated` (the reader does not move).
    @inlinable public mutating func skip(_ count: Int, field: StaticString) throws {
        _ = try readBytes(count, field: field)
    }

    /// A reader over the next `count` octets (consumed here), whose errors
    /// still count offsets from the start of the outermost input.
    ///
    /// - Throws: `OctetsError.truncated` (the reader does not move).
    @inlinable public mutating func readSubReader(_ count: Int, field: StaticString) throws -> ByteReader<Bytes.SubSequence> {
        ByteReader<Bytes.SubSequence>(try readBytes(count, field: field), origin: origin)
    }

    /// A length-prefixed sub-reader: a big-endian length of `L`'s width, then
    /// that many octets. The reader does not move when either is short.
    ///
    /// - Throws: `OctetsError.truncated`.
    @inlinable public mutating func readLengthPrefixed<L: FixedWidthInteger & UnsignedInteger>(
        lengthAs type: L.Type, field: StaticString
    ) throws -> ByteReader<Bytes.SubSequence> {
        var lookahead = self
        let length = try lookahead.readInteger(as: type, field: field)
        guard let count = Int(exactly: length) else { throw truncated(field, needed: Int.max) }
        let sub = try lookahead.readSubReader(count, field: field)
        self = lookahead
        return sub
    }

    /// Everything not yet read, consumed.
    @inlinable public mutating func readRemaining() -> Bytes.SubSequence {
        defer { index = bytes.endIndex }
        return bytes[index...]
    }

    /// Checks that every octet was read.
    ///
    /// - Throws: `OctetsError.trailingOctets` naming `field`, the last thing read.
    @inlinable public func expectEnd(after field: StaticString) throws {
        guard isAtEnd else { throw OctetsError.trailingOctets(field: "\(field)", offset: offset, count: remainingCount) }
    }

    @inlinable func truncated(_ field: StaticString, needed: Int) -> OctetsError {
        .truncated(field: "\(field)", offset: offset, needed: needed, available: remainingCount)
    }
}

extension ByteReader: Sendable where Bytes: Sendable {}
