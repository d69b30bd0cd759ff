/// SplitMix64: a small deterministic generator so that property tests can be
/// replayed from the seed they print.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A generator seeded from the system generator; prints the seed.
    public static func logged(_ name: String) -> SeededGenerator {
        let seed = UInt64.random(in: .min ... .max)
        print("\(name): seed \(seed)")
        return SeededGenerator(seed: seed)
    }
}
