#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Overwrites `count` bytes at `pointer` with zeros in a way the optimizer may
/// not remove (`explicit_bzero` on Linux, `memset_s` on Darwin), even when the
/// memory is freed right after.
package func secureZero(_ pointer: UnsafeMutableRawPointer, count: Int) {
    guard count > 0 else { return }
    #if canImport(Darwin)
    _ = memset_s(pointer, count, 0, count)
    #else
    explicit_bzero(pointer, count)
    #endif
}

package extension Array where Element: BitwiseCopyable {
    /// Overwrites the elements' bytes with zeros (the count stays).
    mutating func wipe() {
        withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { secureZero(base, count: buffer.count) }
        }
    }
}
