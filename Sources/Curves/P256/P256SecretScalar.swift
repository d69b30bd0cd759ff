import BigNum
import Octets

/// A secret scalar of P-256 in 1 … q − 1 (a KSAK, an SSK, a signing nonce),
/// held in memory that is wiped when the last reference goes away. It is
/// never printed; its octets leave only through ``withBigEndianBytes(_:)``.
public final class P256SecretScalar: @unchecked Sendable {
    // Written once in init, wiped in deinit: immutable while shared.
    private let storage: UnsafeMutablePointer<FieldElement256>

    /// The scalar as an element of `P256.scalars`.
    public var value: FieldElement256 { storage.pointee }

    /// Takes `value`, which must not be 0 (the caller checked).
    init(checked value: FieldElement256) {
        storage = .allocate(capacity: 1)
        storage.initialize(to: value)
    }

    /// The scalar whose big-endian encoding is `bytes`: 32 octets, or an
    /// integer with leading zero octets (a KMS may send a 34-octet SSK, TS
    /// 33.180 Annex D) or without them (fewer than 32 octets). The octets
    /// are read in constant time: only whether the value is in range decides
    /// the outcome.
    ///
    /// - Throws: `BigNumError.invalidLength` for an empty string;
    ///   `BigNumError.notAFieldElement` unless the value is in 1 … q − 1.
    public convenience init(bigEndianBytes bytes: some Collection<UInt8>) throws {
        let scalars = P256.scalars, width = scalars.byteCount
        guard !bytes.isEmpty else { throw BigNumError.invalidLength(expected: width, actual: 0) }
        var padded = [UInt8](repeating: 0, count: width)
        defer { padded.wipe() }
        // Octets past the 32 low-order ones must all be zero; they are OR-ed
        // together so that no branch depends on a secret octet.
        var excess: UInt8 = 0
        let skipped = max(0, bytes.count - width)
        for (position, byte) in bytes.enumerated() {
            if position < skipped { excess |= byte } else { padded[width - bytes.count + position] = byte }
        }
        guard ConstantTimeValidation.declassify(excess) == 0 else { throw BigNumError.notAFieldElement }
        var element = try scalars.element(bigEndianBytes: padded)
        defer { element.wipe() }
        // Whether the secret is 0 is public: the caller sees it as this call throwing.
        guard !ConstantTimeValidation.declassify(scalars.isZero(element)) else { throw BigNumError.notAFieldElement }
        self.init(checked: element)
    }

    /// A scalar of an element that may be zero; nil for zero.
    public convenience init?(_ element: FieldElement256) {
        // Whether the secret is 0 is public: the caller sees it as nil.
        guard !ConstantTimeValidation.declassify(P256.scalars.isZero(element)) else { return nil }
        self.init(checked: element)
    }

    /// A uniformly random scalar in 1 … q − 1.
    public convenience init(using generator: inout some RandomNumberGenerator) {
        self.init(checked: P256.scalars.randomNonzeroElement(using: &generator))
    }

    /// A uniformly random scalar from the system's cryptographically secure generator.
    public convenience init() {
        var generator = SecureRandomGenerator()
        self.init(using: &generator)
    }

    deinit {
        storage.pointee.wipe()
        storage.deallocate()
    }

    /// Calls `body` with the 32-octet big-endian encoding, wiped afterwards.
    public func withBigEndianBytes<Result>(_ body: ([UInt8]) throws -> Result) rethrows -> Result {
        var bytes = P256.scalars.bytes(storage.pointee)
        defer { bytes.wipe() }
        return try body(bytes)
    }
}

extension P256SecretScalar: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "P256SecretScalar(redacted)" }
    public var debugDescription: String { description }
}
