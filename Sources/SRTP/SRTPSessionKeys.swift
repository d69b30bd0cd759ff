import Octets

/// The session encryption key and salt of one direction of SRTP or SRTCP,
/// ready for AES-GCM: the key is held by a cipher context made once (a
/// libgcrypt context on Linux, else swift-crypto's key), the salt as inline
/// words for the IV computation.
public struct SRTPSessionKeys: Sendable {
    let cipher: AESGCMCipher
    /// The 12-octet session salt.
    let salt: (UInt64, UInt32)

    /// Keys given directly (bypassing the KDF, as the RFC 7714 vectors do).
    ///
    /// - Throws: `SRTPError.invalidKeyLength` unless the key fits the profile
    ///   and the salt has 12 octets; `SRTPError.cipherUnavailable`.
    public init(profile: SRTPProfile, key: SecretBytes, salt: SecretBytes) throws {
        guard key.count == profile.keyLength else { throw SRTPError.invalidKeyLength(expected: [profile.keyLength], actual: key.count) }
        guard salt.count == SRTPProfile.saltLength else {
            throw SRTPError.invalidKeyLength(expected: [SRTPProfile.saltLength], actual: salt.count)
        }
        cipher = try AESGCMCipher(key: key)
        self.salt = salt.withUnsafeBytes { bytes in
            (bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        }
    }

    /// The 12-octet GCM IV: (00 00 || SSRC || high || low) XOR salt, the
    /// layout of RFC 7714 §8.1 (high = ROC, low = SEQ in two octets) and
    /// §9.1 (high = 0, low = the 31-bit SRTCP index in four octets).
    @inline(__always)
    func nonce(ssrc: UInt32, high: UInt32, low: UInt32, lowOctets: Int) -> (UInt64, UInt32) {
        var block: (UInt64, UInt32) = (0, 0)
        withUnsafeMutableBytes(of: &block) { raw in
            // Big-endian fields: SSRC at octets 2…5, then `high` and `low` packed to octets 6…11.
            raw.storeBytes(of: ssrc.bigEndian, toByteOffset: 2, as: UInt32.self)
            let tail = (UInt64(high) << (8 * UInt64(lowOctets)) | UInt64(low)).bigEndian
            withUnsafeBytes(of: tail) { tailBytes in
                for index in 0 ..< 6 { raw[6 + index] = tailBytes[2 + index] }
            }
        }
        block.0 ^= salt.0
        block.1 ^= salt.1
        return block
    }
}
