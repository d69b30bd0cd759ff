import Octets

/// A MIKEY message (RFC 3830 §3), as MIKEY-SAKKE uses it for its one
/// message, the I_MESSAGE (RFC 6509 §4, TS 33.180 Annex E): the common header,
/// the payloads in order, and SIGN last.
///
/// A parsed message keeps the exact octets it was read from: the signature
/// is checked over ``signedOctets``, never over a re-encoding. Encoding is
/// canonical: for a parsed message `m`, `m.reencoded() == m.encoded`.
///
/// Structure is checked here; what the payloads mean (who the receiver is,
/// whether the signature verifies) is the `MikeySakke` layer's job.
public struct IMessage: Sendable, Equatable {
    /// The largest message parsed (a MIKEY-SAKKE I_MESSAGE is about 600 octets;
    /// SIP bodies are far below this).
    public static let maximumEncodedCount = 65_536

    /// HDR.
    public let header: CommonHeader
    /// The payloads between HDR and SIGN, in order.
    public let payloads: [MIKEYPayload]
    /// SIGN, absent only in an unsigned message (which no receiver accepts).
    public let signature: SignaturePayload?
    /// The message's octets.
    public let encoded: [UInt8]
    /// How many leading octets of ``encoded`` SIGN covers: everything up to
    /// and including SIGN's 2-octet header (RFC 3830 §5.2). The whole message
    /// when unsigned.
    public let signedCount: Int

    /// The octets the signature covers (RFC 3830 §5.2, RFC 6509 §4.3).
    public var signedOctets: ArraySlice<UInt8> { encoded[..<signedCount] }

    /// An unsigned message of `header` and `payloads`.
    ///
    /// - Throws: ``MIKEYError/duplicate(field:offset:)`` (offset -1) when a
    ///   payload that may occur once occurs twice.
    public init(header: CommonHeader, payloads: [MIKEYPayload]) throws(MIKEYError) {
        try Self.checkUniqueness(payloads, offsets: nil)
        self.header = header
        self.payloads = payloads
        signature = nil
        encoded = Self.encode(header: header, payloads: payloads, last: .last)
        signedCount = encoded.count
    }

    /// The octets a signature of `type` and `count` octets must cover when
    /// appended to this (unsigned) message: the message with its last Next
    /// payload set to SIGN, and SIGN's header.
    public func octetsToSign(signatureType: UInt8 = SignaturePayload.eccsiType, count: Int) -> [UInt8] {
        Self.encode(header: header, payloads: payloads, last: .signature) + SignaturePayload.header(type: signatureType, count: count)
    }

    /// This message with `signature` appended as SIGN. The signature must have
    /// been made over ``octetsToSign(signatureType:count:)`` with its type and length.
    public func signed(with signature: SignaturePayload) -> IMessage {
        IMessage(header: header, payloads: payloads, signature: signature)
    }

    private init(header: CommonHeader, payloads: [MIKEYPayload], signature: SignaturePayload) {
        self.header = header
        self.payloads = payloads
        self.signature = signature
        var writer = ByteWriter()
        writer.writeBytes(Self.encode(header: header, payloads: payloads, last: .signature))
        signedCount = writer.bytes.count + SignaturePayload.headerCount
        signature.write(to: &writer)
        encoded = writer.bytes
    }

    /// This message's fields encoded afresh. For a parsed message it equals
    /// ``encoded`` (the encoding is canonical): the fuzz target and the tests
    /// check exactly that.
    public func reencoded() -> [UInt8] {
        guard let signature else { return Self.encode(header: header, payloads: payloads, last: .last) }
        return IMessage(header: header, payloads: payloads, signature: signature).encoded
    }

    /// Parses a whole message.
    ///
    /// - Throws: ``MIKEYError``: ``MIKEYError/messageTooLarge(count:maximum:)``,
    ///   ``MIKEYError/malformed(_:)`` for a truncated payload or octets after
    ///   SIGN, ``MIKEYError/unknownPayload(_:offset:)``, ``MIKEYError/duplicate(field:offset:)``,
    ///   and the payloads' own errors.
    public init(parsing octets: some Collection<UInt8>) throws(MIKEYError) {
        guard octets.count <= Self.maximumEncodedCount else {
            throw .messageTooLarge(count: octets.count, maximum: Self.maximumEncodedCount)
        }
        let bytes = Array(octets)
        var reader = ByteReader(bytes[...])
        let (header, first) = try CommonHeader.read(from: &reader)
        var next = first
        var payloads: [MIKEYPayload] = []
        var offsets: [Int] = []
        while next != .last && next != .signature {
            let offset = reader.offset
            let following = try MIKEYError.reading { try reader.readInteger(as: UInt8.self, field: "next payload") }
            payloads.append(try MIKEYPayload.read(next, at: offset, from: &reader))
            offsets.append(offset)
            next = MIKEYPayloadType(rawValue: following)
        }
        try Self.checkUniqueness(payloads, offsets: offsets)
        var signature: SignaturePayload?
        if next == .signature {
            signature = try SignaturePayload(reading: &reader)
        }
        let end = reader
        try MIKEYError.reading { try end.expectEnd(after: "last payload") }
        self.header = header
        self.payloads = payloads
        self.signature = signature
        encoded = bytes
        signedCount = bytes.count - (signature.map { $0.signature.count } ?? 0)
    }

    private static func checkUniqueness(_ payloads: [MIKEYPayload], offsets: [Int]?) throws(MIKEYError) {
        var seen = Set<String>()
        for (index, payload) in payloads.enumerated() {
            guard let key = payload.uniquenessKey else { continue }
            guard seen.insert(key).inserted else { throw .duplicate(field: key, offset: offsets?[index] ?? -1) }
        }
    }

    private static func encode(header: CommonHeader, payloads: [MIKEYPayload], last: MIKEYPayloadType) -> [UInt8] {
        var writer = ByteWriter(capacity: 640)
        header.write(to: &writer, next: payloads.first?.type ?? last)
        for (index, payload) in payloads.enumerated() {
            let following = index + 1 < payloads.count ? payloads[index + 1].type : last
            writer.writeInteger(following.rawValue)
            payload.write(to: &writer)
        }
        return writer.bytes
    }
}

extension IMessage {
    /// The timestamp payload, if any.
    public var timestamp: TimestampPayload? {
        payloads.lazy.compactMap { if case .timestamp(let payload) = $0 { payload } else { nil } }.first
    }

    /// The RAND payload, if any.
    public var rand: RandPayload? {
        payloads.lazy.compactMap { if case .rand(let payload) = $0 { payload } else { nil } }.first
    }

    /// The SAKKE payload, if any.
    public var sakke: SAKKEPayload? {
        payloads.lazy.compactMap { if case .sakke(let payload) = $0 { payload } else { nil } }.first
    }

    /// The IDR payload of `role`, if any.
    public func identity(_ role: IdentityRole) -> IdentityPayload? {
        payloads.lazy.compactMap { if case .identity(let payload) = $0, payload.role == role { payload } else { nil } }.first
    }

    /// The general extension of `type`, if any (the first, for types that may repeat).
    public func generalExtension(_ type: GeneralExtensionType) -> GeneralExtensionPayload? {
        payloads.lazy.compactMap { if case .generalExtension(let payload) = $0, payload.type == type { payload } else { nil } }.first
    }

    /// The SP payloads.
    public var securityPolicies: [SecurityPolicyPayload] {
        payloads.compactMap { if case .securityPolicy(let payload) = $0 { payload } else { nil } }
    }
}
