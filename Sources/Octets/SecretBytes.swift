/// An octet string that holds a secret (a key, an SSV, a seed).
///
/// The bytes live in one heap buffer that is zeroed when the last copy of the
/// value is gone. The type never prints its contents, compares in time that
/// depends only on the lengths, and hands its bytes out only inside a closure
/// so that no stray copy is made by accident.
public struct SecretBytes: Sendable {
    private final class Buffer: @unchecked Sendable {
        // Written only in init; read-only afterwards.
        let pointer: UnsafeMutableRawBufferPointer

        /// Copies `bytes` straight into the new storage: no intermediate
        /// array, so no unwiped copy of the secret is left behind. (Wiping a
        /// `var` copy of an array would wipe a fresh copy-on-write buffer
        /// and leave the original untouched.)
        init(copying bytes: some Collection<UInt8>) {
            pointer = .allocate(byteCount: bytes.count, alignment: 16)
            pointer.initializeMemory(as: UInt8.self, repeating: 0)
            for (index, byte) in zip(pointer.indices, bytes) { pointer[index] = byte }
        }

        /// `count` zeroed bytes, written by `body` in place; wiped and freed
        /// if `body` throws.
        init(count: Int, initializingWith body: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
            let pointer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 16)
            pointer.initializeMemory(as: UInt8.self, repeating: 0)
            do { try body(pointer) } catch {
                if let base = pointer.baseAddress { secureZero(base, count: pointer.count) }
                pointer.deallocate()
                throw error
            }
            self.pointer = pointer
        }

        deinit {
            if let base = pointer.baseAddress { secureZero(base, count: pointer.count) }
            pointer.deallocate()
        }
    }

    private let buffer: Buffer

    /// Copies `bytes` into wiped-on-release storage. The caller remains
    /// responsible for wiping its own copy.
    public init(_ bytes: some Collection<UInt8>) {
        buffer = Buffer(copying: bytes)
    }

    /// `count` bytes that `body` writes in place into the wiped-on-release
    /// storage (it starts zeroed), so that a secret computed into it never
    /// exists in an unwiped buffer. If `body` throws, the storage is wiped
    /// and the error passed on.
    public init(count: Int, initializingWith body: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        buffer = try Buffer(count: count, initializingWith: body)
    }

    /// `count` bytes from `generator` (the system CSPRNG by default).
    public static func random(count: Int, using generator: inout some RandomNumberGenerator) -> SecretBytes {
        SecretBytes(count: count) { bytes in
            for index in bytes.indices { bytes[index] = generator.next() }
        }
    }

    /// `count` bytes from the system CSPRNG.
    public static func random(count: Int) -> SecretBytes {
        var generator = SecureRandomGenerator()
        return random(count: count, using: &generator)
    }

    /// The number of bytes.
    public var count: Int { buffer.pointer.count }

    /// Calls `body` with the secret bytes; do not let the pointer escape.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(buffer.pointer))
    }
}

extension SecretBytes: Equatable {
    /// Constant-time comparison: the time depends on the lengths only.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in 0 ..< lhs.count {
            difference |= lhs.buffer.pointer[index] ^ rhs.buffer.pointer[index]
        }
        return difference == 0
    }
}

extension SecretBytes: CustomStringConvertible {
    /// Never the bytes: only their count.
    public var description: String { "SecretBytes(\(count) bytes, redacted)" }
}
