import CSystemRandom

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Fills `buffer` from the operating system's CSPRNG in as few calls as
/// possible: `getrandom` on Linux (one call for up to 256 octets),
/// `arc4random_buf` on Darwin. `SystemRandomNumberGenerator` makes one such
/// call per 8 octets, which costs about 0.4 µs each here: a 32-octet nonce
/// drawn through it costs four calls.
package func fillSecureRandom(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    #if canImport(Darwin)
    arc4random_buf(base, buffer.count)
    #else
    var filled = 0
    while filled < buffer.count {
        let result = getrandom(base + filled, buffer.count - filled, 0)
        if result > 0 {
            filled += result
        } else if result < 0, errno == EINTR {
            continue
        } else {
            // No getrandom (pre-3.17 kernel, seccomp): the standard library's generator.
            var generator = SystemRandomNumberGenerator()
            for index in filled ..< buffer.count { buffer[index] = UInt8.random(in: .min ... .max, using: &generator) }
            filled = buffer.count
        }
    }
    #endif
    // Every CSPRNG output (nonce, blinding factor, random key) is secret until
    // the code that uses it declassifies what it makes public; the
    // constant-time check (ConstantTimeValidation) holds the code to that.
    ConstantTimeValidation.markSecret(UnsafeRawBufferPointer(buffer))
}

/// A `RandomNumberGenerator` over ``fillSecureRandom(_:)`` that draws 64
/// octets per system call and hands them out word by word, wiping each word
/// it hands out. For the library's internal nonces and blinding factors.
package struct SecureRandomGenerator: RandomNumberGenerator {
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var position = 8

    package init() {}

    package mutating func next() -> UInt64 {
        if position == 8 {
            withUnsafeMutableBytes(of: &words) { fillSecureRandom($0) }
            position = 0
        }
        return withUnsafeMutableBytes(of: &words) { raw in
            let slot = raw.baseAddress!.assumingMemoryBound(to: UInt64.self) + position
            let value = slot.pointee
            slot.pointee = 0
            position += 1
            return value
        }
    }
}
