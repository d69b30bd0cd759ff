import Octets
/// Sixteen 64-bit limbs (1024 bits), least significant first, stored inline:
/// the fixed-size storage of `FieldElement`, so that field arithmetic never
/// allocates.
struct Limbs: Sendable, BitwiseCopyable {
    static let capacity = 16

    private var words: (
        UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt,
        UInt, UInt, UInt, UInt, UInt, UInt, UInt, UInt
    ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// All zero.
    init() {}

    /// Calls `body` with a pointer to the 16 limbs.
    mutating func withMutablePointer<Result>(_ body: (UnsafeMutablePointer<UInt>) throws -> Result) rethrows -> Result {
        try withUnsafeMutablePointer(to: &words) { tuple in
            try tuple.withMemoryRebound(to: UInt.self, capacity: Limbs.capacity, body)
        }
    }

    /// Overwrites every limb with zero in a way the optimizer keeps.
    mutating func wipe() {
        withMutablePointer { secureZero($0, count: Limbs.capacity * MemoryLayout<UInt>.stride) }
    }

    #if arch(x86_64)
    /// Calls `body` with the 16 limbs as the native kernel's `uint64_t` words.
    mutating func withMutableWords<Result>(_ body: (UnsafeMutablePointer<UInt64>) throws -> Result) rethrows -> Result {
        try withMutablePointer { try $0.withMemoryRebound(to: UInt64.self, capacity: Limbs.capacity, body) }
    }

    /// Calls `body` with the 16 limbs as read-only `uint64_t` words.
    func withWords<Result>(_ body: (UnsafePointer<UInt64>) throws -> Result) rethrows -> Result {
        try withPointer { try $0.withMemoryRebound(to: UInt64.self, capacity: Limbs.capacity, body) }
    }
    #endif

    /// Calls `body` with a read-only pointer to the 16 limbs.
    func withPointer<Result>(_ body: (UnsafePointer<UInt>) throws -> Result) rethrows -> Result {
        try withUnsafePointer(to: words) { tuple in
            try tuple.withMemoryRebound(to: UInt.self, capacity: Limbs.capacity, body)
        }
    }
}
