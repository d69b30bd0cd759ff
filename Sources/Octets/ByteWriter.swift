/// A big-endian writer into a growing octet string: the serializing twin of
/// ``ByteReader``. Length prefixes are reserved, the body written, and the
/// length filled in after, so that no codec computes a length by hand.
public struct ByteWriter: Sendable {
    /// The octets written so far.
    public private(set) var bytes: [UInt8]

    /// An empty writer with room for `capacity` octets.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends `value` big-endian, in `T`'s width.
    @inlinable public mutating func writeInteger<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { appendBytes($0) }
    }

    /// Appends `octets` as they are.
    public mutating func writeBytes(_ octets: some Sequence<UInt8>) {
        bytes.append(contentsOf: octets)
    }

    @usableFromInline mutating func appendBytes(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
    }

    /// Appends a big-endian length of `L`'s width followed by what `body`
    /// writes; the length is the count of those octets.
    ///
    /// - Throws: `OctetsError.valueTooLarge` naming `field` when the body is
    ///   longer than `L` can count (nothing is appended then), or what `body` throws.
    public mutating func writeLengthPrefixed<L: FixedWidthInteger & UnsignedInteger>(
        lengthAs type: L.Type, field: StaticString, _ body: (inout ByteWriter) throws -> Void
    ) throws {
        var inner = ByteWriter()
        try body(&inner)
        guard let length = L(exactly: inner.bytes.count) else {
            throw OctetsError.valueTooLarge(field: "\(field)", value: inner.bytes.count, maximum: Int(clamping: L.max))
        }
        writeInteger(length)
        bytes.append(contentsOf: inner.bytes)
    }
}
