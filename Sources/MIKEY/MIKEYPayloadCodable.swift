import Octets

/// The one parse/serialize pair every MIKEY payload implements, on the
/// package's cursor. A payload reads and writes the fields that follow its
/// "Next payload" octet; the message codec (``IMessage``) owns that octet,
/// because its value names the *following* payload and is known only when
/// the whole chain is. SIGN has no Next payload field: its fields are all of it.
///
/// Encoding is canonical: every field of the wire format is a stored value
/// (lengths and counts excepted, which follow from what they count), so
/// reading a payload and writing it again gives back the same octets.
public protocol MIKEYPayloadCodable: Sendable, Equatable {
    /// The type by which a preceding "Next payload" field names this payload.
    static var payloadType: MIKEYPayloadType { get }

    /// Reads the payload's fields after its Next payload octet, leaving the
    /// reader after the payload's last octet.
    ///
    /// - Throws: ``MIKEYError`` (the cursor's errors as ``MIKEYError/malformed(_:)``).
    init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError)

    /// Writes the payload's fields after its Next payload octet.
    func write(to writer: inout ByteWriter)
}

extension MIKEYPayloadCodable {
    /// The payload's fields after its Next payload octet, as octets.
    public var encodedFields: [UInt8] {
        var writer = ByteWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// Reads a payload from `octets`, which must hold its fields and nothing more.
    ///
    /// - Throws: ``MIKEYError``.
    public init(fields octets: some Collection<UInt8>) throws(MIKEYError) {
        var reader = ByteReader(ArraySlice(octets))
        self = try Self(reading: &reader)
        let end = reader
        try MIKEYError.reading { try end.expectEnd(after: "payload") }
    }
}
