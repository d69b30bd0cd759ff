import Crypto
import Octets

/// The AES-KW operations of the vector format (RFC 3394 §2.2), through
/// swift-crypto's `AES.KeyWrap` as the KMS module's security extension uses it.
enum AESKeyWrapSuite {
    static let suite = AlgorithmSuite(
        algorithm: "AES-KW",
        operations: [
            "wrap": { test, _ in
                let kek = try key(test.bytes("kek")), data = try test.bytes("key")
                guard data.count >= 16, data.count.isMultiple(of: 8) else { throw KeyWrapError.invalidLength(data.count) }
                return ["wrapped": .bytes(Array(try AES.KeyWrap.wrap(SymmetricKey(data: data), using: kek)))]
            },
            "unwrap": { test, _ in
                let kek = try key(test.bytes("kek")), wrapped = try test.bytes("wrapped")
                guard wrapped.count >= 24, wrapped.count.isMultiple(of: 8) else { throw KeyWrapError.invalidLength(wrapped.count) }
                let key = try AES.KeyWrap.unwrap(wrapped, using: kek)
                return ["key": .bytes(key.withUnsafeBytes { Array($0) })]
            },
        ])

    /// RFC 3394's KEK: an AES key of 128, 192 or 256 bits.
    private static func key(_ bytes: [UInt8]) throws -> SymmetricKey {
        guard [16, 24, 32].contains(bytes.count) else { throw KeyWrapError.invalidLength(bytes.count) }
        return SymmetricKey(data: bytes)
    }

    /// A KEK or key data of a length RFC 3394 does not define.
    enum KeyWrapError: Error {
        case invalidLength(Int)
    }
}
