import Octets

/// A 32-bit TS 33.180 key identifier (GMK-ID, PCK-ID, CSK-ID, …, and the
/// end-point-specific UK-ID/GUK-ID): a purpose tag in the four most
/// significant bits (Annex G) and 28 further bits, random for a K-ID.
public struct KeyIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The 32-bit value.
    public let rawValue: UInt32
    /// The purpose tag of the four most significant bits (Annex G).
    public let purpose: KeyPurpose

    /// The identifier of a 32-bit value.
    ///
    /// - Throws: `KeyDerivationError.undefinedPurposeTag` for tags 7 … 15.
    public init(rawValue: UInt32) throws {
        let tag = UInt8(rawValue >> 28)
        guard let purpose = KeyPurpose(rawValue: tag) else { throw KeyDerivationError.undefinedPurposeTag(tag) }
        self.rawValue = rawValue
        self.purpose = purpose
    }

    /// The identifier of four big-endian octets (a CSB ID, an MKI part).
    ///
    /// - Throws: `.invalidKeyIdentifierLength` unless 4 octets; `.undefinedPurposeTag`.
    public init(bytes: some Collection<UInt8>) throws {
        let octets = Array(bytes)
        var reader = ByteReader(octets)
        guard octets.count == 4, let value = try? reader.readInteger(as: UInt32.self, field: "key identifier") else {
            throw KeyDerivationError.invalidKeyIdentifierLength(octets.count)
        }
        try self.init(rawValue: value)
    }

    /// `purpose` with the 28 low bits of `value`.
    public init(purpose: KeyPurpose, value: UInt32) {
        rawValue = UInt32(purpose.rawValue) << 28 | value & Self.valueMask
        self.purpose = purpose
    }

    /// A fresh K-ID: `purpose` and 28 random bits (TS 33.180 §5.2.3).
    public static func random(purpose: KeyPurpose, using generator: inout some RandomNumberGenerator) -> KeyIdentifier {
        KeyIdentifier(purpose: purpose, value: UInt32(truncatingIfNeeded: generator.next()))
    }

    /// A fresh K-ID from the system's CSPRNG.
    public static func random(purpose: KeyPurpose) -> KeyIdentifier {
        var generator = SecureRandomGenerator()
        return random(purpose: purpose, using: &generator)
    }

    /// The 28 bits below the purpose tag.
    public static let valueMask: UInt32 = 0x0FFF_FFFF

    /// The 28 bits below the tag.
    public var value: UInt32 { rawValue & Self.valueMask }

    /// The four big-endian octets.
    public var bytes: [UInt8] {
        var writer = ByteWriter(capacity: 4)
        writer.writeInteger(rawValue)
        return writer.bytes
    }

    public var description: String { Hex.encode(bytes) }

    // MARK: - End-point diversity (TS 33.180 §5.2.3, F.1.3)

    /// The User Salt of F.1.3: the 28 least significant bits of
    /// KDF(K, FC = 0x50, P0 = the receiving entity's MC service user ID).
    ///
    /// - Throws: `KeyDerivationError.emptyKey`; `.parameterTooLong` for an
    ///   identifier over 65 535 octets.
    public static func userSalt(key: SecretBytes, userIdentifier: String) throws -> UInt32 {
        let derived = try KDF3GPP.derive(key: key, fc: 0x50, parameters: [.string(userIdentifier)])
        // The KDF's output is 32 octets; the salt is in its last four.
        guard let word = derived.withUnsafeBytes({ ByteReader($0).peekInteger(at: $0.count - 4, as: UInt32.self) }) else {
            preconditionFailure("KDF3GPP gives 32 octets")
        }
        return word & valueMask
    }

    /// At the sender: the UK-ID (for a GMK, the GUK-ID) of this K-ID for the
    /// receiving entity `userIdentifier`: the K-ID with its 28 low bits XORed
    /// with the User Salt under the key K. The purpose tag is kept.
    ///
    /// - Throws: as ``userSalt(key:userIdentifier:)``.
    public func userKeyIdentifier(key: SecretBytes, userIdentifier: String) throws -> KeyIdentifier {
        KeyIdentifier(purpose: purpose, value: value ^ (try Self.userSalt(key: key, userIdentifier: userIdentifier)))
    }

    /// At the receiver: the K-ID (for a GMK, the GMK-ID) behind this UK-ID,
    /// with the receiver's own identifier and the decrypted key K. XOR with the
    /// same salt undoes the sender's step.
    ///
    /// - Throws: as ``userSalt(key:userIdentifier:)``.
    public func keyIdentifier(fromUserKeyIdentifierWith key: SecretBytes, userIdentifier: String) throws -> KeyIdentifier {
        try userKeyIdentifier(key: key, userIdentifier: userIdentifier)
    }
}
