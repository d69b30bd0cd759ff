import Crypto
import Octets

/// AES-256 key wrap of key material with a TrK (TS 33.180 D.3.4, RFC 3394,
/// `xmlenc#kw-aes256`, by swift-crypto's `AES.KeyWrap`).
///
/// RFC 3394 wraps a multiple of 8 octets (at least 16), so the points are
/// wrapped without their 04 prefix: the RSK as its 256-octet x ‖ y, the PVT
/// as its 64-octet x ‖ y; the SSK is its 32 octets. Annex D does not say how
/// a 257-octet point is wrapped (Docs/Differences.md).
enum KeyWrapping {
    /// The form of the key material.
    enum Material {
        /// An uncompressed point 04 ‖ x ‖ y: wrapped as x ‖ y.
        case point
        /// An integer or a symmetric key: wrapped as it is.
        case octets
    }

    /// Wraps `material` with `transportKey`.
    ///
    /// - Throws: ``KMSError/keyUnwrapFailed`` when the material cannot be
    ///   wrapped (not a multiple of 8 octets once its prefix is dropped).
    static func wrap(_ material: SecretBytes, as form: Material, with transportKey: SecurityKey, carriedKeyName: String? = nil) throws(KMSError)
        -> EncryptedKey
    {
        let wrapped: [UInt8]
        do {
            wrapped = try material.withUnsafeBytes { bytes in
                let body = form == .point ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) : bytes
                guard body.count >= 16, body.count.isMultiple(of: 8) else { throw KMSError.keyUnwrapFailed }
                return Array(try AES.KeyWrap.wrap(SymmetricKey(data: body), using: transportKey.key))
            }
        } catch { throw KMSError.keyUnwrapFailed }
        return EncryptedKey(keyName: transportKey.name, cipherValue: wrapped, carriedKeyName: carriedKeyName)
    }

    /// Unwraps `encrypted` with the TrK it names among `transportKeys`.
    ///
    /// - Throws: ``KMSError/unsupportedAlgorithm(_:)`` for other than
    ///   kw-aes256, ``KMSError/transportKeyUnavailable(_:)`` when the named key
    ///   is not given, ``KMSError/keyUnwrapFailed`` when the integrity check fails.
    static func unwrap(_ encrypted: EncryptedKey, as form: Material, with transportKeys: [SecurityKey]) throws(KMSError) -> SecretBytes {
        guard encrypted.algorithm == XMLAlgorithm.keyWrapAES256 else { throw KMSError.unsupportedAlgorithm(encrypted.algorithm) }
        guard let transportKey = transportKeys.first(where: { $0.name == encrypted.keyName }) else {
            throw KMSError.transportKeyUnavailable(encrypted.keyName)
        }
        guard encrypted.cipherValue.count >= 24, encrypted.cipherValue.count.isMultiple(of: 8),
            let key = try? AES.KeyWrap.unwrap(encrypted.cipherValue, using: transportKey.key)
        else { throw KMSError.keyUnwrapFailed }
        return key.withUnsafeBytes { body in
            switch form {
            case .octets:
                return SecretBytes(body)
            case .point:
                return SecretBytes(count: body.count + 1) { output in
                    output[0] = 0x04
                    UnsafeMutableRawBufferPointer(rebasing: output.dropFirst()).copyMemory(from: body)
                }
            }
        }
    }
}
