import Crypto
import Octets
#if canImport(CAESGCM)
import CAESGCM
#endif

/// AES-GCM (RFC 7714 §8, §9) under one session key, for every packet of it:
/// encrypts and decrypts in place in the caller's buffer, with the associated
/// data in up to two pieces (SRTCP's is the packet's clear head and its
/// E‖index word, which are not contiguous).
///
/// On Linux it is one libgcrypt cipher context (the `CAESGCM` target), made
/// once with the key schedule and GHASH key and reused for each packet: no
/// allocation per packet. One session key may serve several streams' senders
/// and receivers on different threads, so the context has a mutex (in C,
/// held for the cipher work alone). libgcrypt wipes the context when it is
/// closed, with the last reference. Where libgcrypt cannot serve — other
/// platforms, libgcrypt older than 1.8, or libgcrypt in FIPS mode, which
/// refuses a caller's GCM IV — swift-crypto's one-shot `AES.GCM` does the
/// same job, with its allocations.
final class AESGCMCipher: Sendable {
    private enum Backend {
        #if canImport(CAESGCM)
        /// A libgcrypt context; its calls lock its own mutex.
        case libgcrypt(OpaquePointer)
        #endif
        case swiftCrypto(SymmetricKey)
    }

    // A libgcrypt context is safe to share between threads (its mutex);
    // SymmetricKey is Sendable.
    private nonisolated(unsafe) let backend: Backend

    /// The tag's length (RFC 7714: 16 octets).
    static let tagLength = 16

    /// A zero tag, appended before the tag is written in place.
    static let zeroTag = [UInt8](repeating: 0, count: tagLength)

    #if canImport(CAESGCM)
    /// Whether libgcrypt can serve: 1.8 or later and not in FIPS mode.
    static let libgcryptServes: Bool = caesgcm_initialize() == 0
    #endif

    /// A cipher for a 16- or 32-octet key, on libgcrypt when it can serve and
    /// `prefersLibgcrypt` (tests pass false to run the swift-crypto backend
    /// on the same inputs).
    ///
    /// - Throws: `SRTPError.cipherUnavailable` when libgcrypt, which could
    ///   serve, cannot make the context (out of memory).
    init(key: SecretBytes, prefersLibgcrypt: Bool = true) throws(SRTPError) {
        #if canImport(CAESGCM)
        if prefersLibgcrypt && Self.libgcryptServes {
            guard let made = key.withUnsafeBytes({ bytes in
                caesgcm_create(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
            }) else { throw SRTPError.cipherUnavailable }
            backend = .libgcrypt(made)
            return
        }
        #endif
        backend = .swiftCrypto(key.withUnsafeBytes { SymmetricKey(data: $0) })
    }

    deinit {
        #if canImport(CAESGCM)
        // The last reference: no call can be running on the context.
        if case .libgcrypt(let context) = backend { caesgcm_destroy(context) }
        #endif
    }

    /// Whether this cipher runs on libgcrypt (else on swift-crypto).
    var usesLibgcrypt: Bool {
        #if canImport(CAESGCM)
        if case .libgcrypt = backend { return true }
        #endif
        return false
    }

    /// Encrypts `data` in place under the 12-octet `nonce`, authenticating
    /// `aad` ‖ `aadTail`, and writes the tag into the 16 octets of `tag`.
    func seal(
        nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer, aadTail: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        data: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer
    ) {
        precondition(nonce.count == 12 && tag.count == Self.tagLength, "AES-GCM nonce of 12 and tag of 16 octets")
        Self.declassifyNonce(nonce)
        switch backend {
        #if canImport(CAESGCM)
        case .libgcrypt(let context):
            let status = caesgcm_seal(
                context, Self.octets(nonce), Self.octets(aad), aad.count, Self.octets(aadTail), aadTail.count,
                Self.octets(data), data.count, Self.octets(tag))
            // With libgcrypt 1.8+ outside FIPS mode (checked before any
            // context is made), GCM encryption fails only on a misused
            // context, never on the data.
            precondition(status == 0, "libgcrypt AES-GCM seal failed")
        #endif
        case .swiftCrypto(let key):
            do {
                let box = try Self.withAAD(aad, aadTail) { aad in
                    try AES.GCM.seal(UnsafeRawBufferPointer(data), using: key, nonce: AES.GCM.Nonce(data: nonce), authenticating: aad)
                }
                box.ciphertext.withUnsafeBytes { data.copyMemory(from: $0) }
                box.tag.withUnsafeBytes { tag.copyMemory(from: $0) }
            } catch {
                preconditionFailure("AES-GCM seal with a 12-octet nonce: \(error)")
            }
        }
    }

    /// Decrypts `data` in place under `nonce` after checking `tag` over
    /// `aad` ‖ `aadTail` and the ciphertext.
    ///
    /// - Throws: `SRTPError.authenticationFailure`; `data` is then all zeros
    ///   (no unauthenticated plaintext is left).
    func open(
        nonce: UnsafeRawBufferPointer, aad: UnsafeRawBufferPointer, aadTail: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0),
        data: UnsafeMutableRawBufferPointer, tag: UnsafeRawBufferPointer
    ) throws(SRTPError) {
        precondition(nonce.count == 12 && tag.count == Self.tagLength, "AES-GCM nonce of 12 and tag of 16 octets")
        Self.declassifyNonce(nonce)
        switch backend {
        #if canImport(CAESGCM)
        case .libgcrypt(let context):
            let status = caesgcm_open(
                context, Self.octets(nonce), Self.octets(aad), aad.count, Self.octets(aadTail), aadTail.count,
                Self.octets(data), data.count, Self.octets(tag))
            guard status == 0 else { throw SRTPError.authenticationFailure }
        #endif
        case .swiftCrypto(let key):
            do {
                let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce), ciphertext: UnsafeRawBufferPointer(data), tag: tag)
                let plaintext = try Self.withAAD(aad, aadTail) { aad in try AES.GCM.open(box, using: key, authenticating: aad) }
                plaintext.withUnsafeBytes { data.copyMemory(from: $0) }
            } catch {
                if data.count > 0 { data.initializeMemory(as: UInt8.self, repeating: 0) }
                throw SRTPError.authenticationFailure
            }
        }
    }

    /// The IV is public by design: it is the salt XOR the packet's SSRC and
    /// index, and the salt need not be secret (RFC 3711 §9.2). libgcrypt's
    /// GCM branches on its counter block, which memcheck reports when the IV
    /// is marked secret (Scripts/check-constant-time.sh); the key never is.
    private static func declassifyNonce(_ nonce: UnsafeRawBufferPointer) {
        ConstantTimeValidation.declassify(nonce)
    }

    private static func octets(_ buffer: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
        buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
    }

    private static func octets(_ buffer: UnsafeMutableRawBufferPointer) -> UnsafeMutablePointer<UInt8>? {
        buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
    }

    /// `aad` ‖ `tail` as one buffer (swift-crypto takes the AAD whole).
    private static func withAAD<Result>(
        _ aad: UnsafeRawBufferPointer, _ tail: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) throws -> Result {
        guard tail.count > 0 else { return try body(aad) }
        return try withUnsafeTemporaryAllocation(byteCount: aad.count + tail.count, alignment: 1) { buffer in
            UnsafeMutableRawBufferPointer(rebasing: buffer[..<aad.count]).copyMemory(from: aad)
            UnsafeMutableRawBufferPointer(rebasing: buffer[aad.count...]).copyMemory(from: tail)
            return try body(UnsafeRawBufferPointer(buffer))
        }
    }
}
