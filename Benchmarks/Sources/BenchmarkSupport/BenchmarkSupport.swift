// Helpers shared by the benchmark executables: raw GMP integers for the baseline
// and a chained-benchmark registration.

import Benchmark
import BigNum
import CGMPBaseline

/// A GMP integer for the baseline, set from a BigUInt's hex digits.
public final class RawMPZ: @unchecked Sendable {
    public let pointer = UnsafeMutablePointer<__mpz_struct>.allocate(capacity: 1)

    public init(_ value: BigUInt = BigUInt()) {
        __gmpz_init(pointer)
        _ = __gmpz_set_str(pointer, value.hexString, 16)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

/// Registers a benchmark that applies `step` to its own previous result, so that
/// every iteration depends on the last one.
public func chained<Value: Sendable>(
    _ name: String, configuration: Benchmark.Configuration = Benchmark.defaultConfiguration,
    from start: Value, _ step: @escaping @Sendable (Value) -> Value
) {
    Benchmark(name, configuration: configuration) { benchmark in
        var value = start
        for _ in benchmark.scaledIterations { value = step(value) }
        blackHole(value)
    }
}


/// Registers GMP's `mpz_powm` of `base` to a full-width `exponent` modulo `modulus`:
/// the baseline every ratio in Docs/Performance.md divides by.
public func mpzPowmBaseline(_ name: String, modulus: BigUInt, base: BigUInt, exponent: BigUInt) {
    Benchmark(name) { benchmark in
        let x = RawMPZ(base), e = RawMPZ(exponent), p = RawMPZ(modulus)
        for _ in benchmark.scaledIterations { __gmpz_powm(x.pointer, x.pointer, e.pointer, p.pointer) }
        blackHole(x)
    }
}

/// ``mpzPowmBaseline(_:modulus:base:exponent:)`` over a 1024-bit modulus
/// (the SAKKE prime p), random base, full-width exponent: the unit of the
/// ratios of every benchmark whose cost is SAKKE's 1024-bit arithmetic.
public func mpzPowm1024Baseline(modulus: BigUInt) {
    mpzPowmBaseline(
        "mpz_powm 1024-bit (SAKKE p)", modulus: modulus, base: (try? BigUInt.random(below: modulus)) ?? BigUInt(3),
        exponent: fullWidthExponent(bits: 1024))
}

/// A full-width random exponent below 2^bits with its top bit set, as a secret scalar would be.
public func fullWidthExponent(bits: Int) -> BigUInt {
    var generator = SystemRandomNumberGenerator()
    let top = BigUInt(1) << (bits - 1)
    return top + ((try? BigUInt.random(below: top, using: &generator)) ?? BigUInt())
}

/// The configuration every suite starts from: wall clock and malloc counts,
/// at most two seconds or `maxIterations` per benchmark.
public func standardConfiguration(timeUnits: BenchmarkTimeUnits, maxIterations: Int) -> Benchmark.Configuration {
    .init(
        metrics: [.wallClock, .mallocCountTotal], timeUnits: timeUnits, warmupIterations: 10,
        maxDuration: .seconds(2), maxIterations: maxIterations)
}
