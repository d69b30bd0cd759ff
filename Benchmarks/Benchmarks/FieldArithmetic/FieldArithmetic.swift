// Field-engine benchmarks with GMP's own mpz functions as the baseline in the same run.
//
//   swift package --package-path Benchmarks benchmark --target FieldArithmetic
//
// Each "mpz …" benchmark is the GMP operation a naive implementation would call for
// the same job; Docs/Performance.md gives the ratios. Operations chain their result
// into the next iteration, for the engine and the baseline alike.

import Benchmark
import BigNum
import BenchmarkSupport
import CGMPBaseline

/// A modulus under test and fixed random operands for it.
struct Subject: Sendable {
    let name: String
    let modulus: BigUInt
    let a: BigUInt
    let b: BigUInt
    let exponent: BigUInt

    init(name: String, modulusHex: String) {
        self.name = name
        modulus = (try? BigUInt(hex: modulusHex)) ?? BigUInt()
        var generator = SystemRandomNumberGenerator()
        a = (try? BigUInt.random(below: modulus, using: &generator)) ?? BigUInt()
        b = (try? BigUInt.random(below: modulus, using: &generator)) ?? BigUInt()
        exponent = fullWidthExponent(bits: modulus.bitWidth)
    }
}

let subjects = [
    Subject(name: "256-bit (P-256 p)", modulusHex: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
    Subject(
        name: "1024-bit (SAKKE p)",
        modulusHex: "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2EF40AAB27E2FC0F1B228730D531A59CB0"
            + "E791B39FF7C88A19356D27F4A666A6D0E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
            + "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB"),
]

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = standardConfiguration(timeUnits: .nanoseconds, maxIterations: 1_000_000)
    let fast = Benchmark.Configuration(scalingFactor: .kilo)

    for subject in subjects {
        guard let field = try? PrimeField(modulus: subject.modulus),
            let a = try? field.element(subject.a), let b = try? field.element(subject.b)
        else { fatalError("benchmark setup: bad modulus for \(subject.name)") }
        let exponent = subject.exponent

        // MARK: Engine

        chained("field multiply \(subject.name)", configuration: fast, from: a) { x in field.multiply(x, b) }
        chained("field square \(subject.name)", configuration: fast, from: a) { x in field.square(x) }
        chained("field add \(subject.name)", configuration: fast, from: a) { x in field.add(x, b) }
        chained("field inverse (constant time) \(subject.name)", from: a) { x in (try? field.inverse(x)) ?? b }
        chained("field inverseVartime \(subject.name)", from: a) { x in (try? field.inverseVartime(x)) ?? b }
        chained("field power (constant time) \(subject.name)", from: a) { x in field.power(x, exponent) }
        chained("field powerVartime \(subject.name)", from: a) { x in field.powerVartime(x, exponent) }

        // MARK: GMP baseline

        Benchmark("mpz_mul+mpz_mod \(subject.name)", configuration: fast) { benchmark in
            let x = RawMPZ(subject.a), y = RawMPZ(subject.b), p = RawMPZ(subject.modulus), product = RawMPZ()
            for _ in benchmark.scaledIterations {
                __gmpz_mul(product.pointer, x.pointer, y.pointer)
                __gmpz_mod(x.pointer, product.pointer, p.pointer)
            }
            blackHole(x)
        }
        Benchmark("mpz_invert \(subject.name)") { benchmark in
            let x = RawMPZ(subject.a), p = RawMPZ(subject.modulus)
            for _ in benchmark.scaledIterations { _ = __gmpz_invert(x.pointer, x.pointer, p.pointer) }
            blackHole(x)
        }
        mpzPowmBaseline("mpz_powm \(subject.name)", modulus: subject.modulus, base: subject.a, exponent: exponent)
        Benchmark("mpz_powm_sec \(subject.name)") { benchmark in
            let x = RawMPZ(subject.a), e = RawMPZ(exponent), p = RawMPZ(subject.modulus)
            for _ in benchmark.scaledIterations { __gmpz_powm_sec(x.pointer, x.pointer, e.pointer, p.pointer) }
            blackHole(x)
        }
    }

    // MARK: Fixed-width four-limb engine (P-256 p), beside the generic engine above

    guard let p256 = subjects.first, let field256 = try? PrimeField256(modulus: p256.modulus),
        let a256 = try? field256.element(p256.a), let b256 = try? field256.element(p256.b)
    else { fatalError("benchmark setup: PrimeField256") }
    chained("field256 multiply 256-bit (P-256 p)", configuration: fast, from: a256) { x in field256.multiply(x, b256) }
    chained("field256 square 256-bit (P-256 p)", configuration: fast, from: a256) { x in field256.square(x) }
    chained("field256 add 256-bit (P-256 p)", configuration: fast, from: a256) { x in field256.add(x, b256) }
    chained("field256 inverse (constant time) 256-bit (P-256 p)", from: a256) { x in (try? field256.inverse(x)) ?? b256 }
    chained("field256 inverseVartime 256-bit (P-256 p)", from: a256) { x in (try? field256.inverseVartime(x)) ?? b256 }

    // MARK: F_p² (the pairing's target field)

    guard let sakke = subjects.last, let base = try? PrimeField(modulus: sakke.modulus),
        let fp2 = try? QuadraticExtensionField(base: base),
        let a = try? base.element(sakke.a), let b = try? base.element(sakke.b)
    else { fatalError("benchmark setup: F_p^2") }
    let x = fp2.element(real: a, imaginary: b)
    let y = fp2.element(real: b, imaginary: a)
    chained("F_p^2 multiply 1024-bit", configuration: fast, from: x) { z in fp2.multiply(z, y) }
    chained("F_p^2 square 1024-bit", configuration: fast, from: x) { z in fp2.square(z) }
}
