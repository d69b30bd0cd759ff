import BigNum
import Testing
import TestSupport

/// The native 1024-bit engine against GMP's path and GMP's integers, on moduli
/// chosen to stress carries: the SAKKE prime, the largest prime below 2^1024
/// (limbs of all ones) and the smallest above 2^1023 (limbs of zeros).
struct NativeMontgomery1024Tests {
    static func primeSearch(from start: BigUInt, step: Int) -> BigUInt {
        var candidate = start
        while !candidate.isProbablePrime {
            candidate = step > 0 ? candidate + BigUInt(UInt(step)) : candidate - BigUInt(UInt(-step))
        }
        return candidate
    }

    static let moduli: [BigUInt] = [
        Fixtures.integer(Fixtures.sakkePrime),
        primeSearch(from: (BigUInt(1) << 1024) - 1, step: -2),
        primeSearch(from: (BigUInt(1) << 1023) + 1, step: 2),
    ]

    @Test func sakkeFieldUsesTheNativeEngineWhereTheCPUHasIt() throws {
        let field = try PrimeField(modulus: Fixtures.integer(Fixtures.sakkePrime))
        #if arch(x86_64)
        // Every x86-64 CPU since Haswell / Excavator has BMI2; CI runs on one.
        #expect(field.usesNativeEngine)
        #endif
        let portable = try PrimeField(modulus: Fixtures.integer(Fixtures.sakkePrime), allowsNativeEngine: false)
        #expect(!portable.usesNativeEngine)
        let small = try PrimeField(modulus: Fixtures.integer(Fixtures.p256Prime))
        #expect(!small.usesNativeEngine)
    }

    @Test(arguments: moduli)
    func nativeEngineAgreesWithGMPAndWithIntegers(p: BigUInt) throws {
        var generator = SeededGenerator.logged("native1024 \(p.bitWidth) \(p.limb(0))")
        let native = try PrimeField(modulus: p)
        let portable = try PrimeField(modulus: p, allowsNativeEngine: false)
        let edges = [BigUInt(0), BigUInt(1), BigUInt(2), p - 1, p - 2, (p - 1) >> 1, p >> 64]
        let randoms = try (0 ..< 40).map { _ in try BigUInt.random(below: p, using: &generator) }
        let values = edges + randoms
        for (index, x) in values.enumerated() {
            let y = values[(index * 7 + 3) % values.count]
            let z = values[(index * 5 + 1) % values.count]
            let w = values[(index * 3 + 2) % values.count]
            let (nx, ny, nz, nw) = (try native.element(x), try native.element(y), try native.element(z), try native.element(w))
            let (gx, gy, gz, gw) = (
                try portable.element(x), try portable.element(y), try portable.element(z), try portable.element(w))
            #expect(native.integer(native.multiply(nx, ny)) == (try (x * y).modulo(p)))
            #expect(native.integer(native.multiply(nx, ny)) == portable.integer(portable.multiply(gx, gy)))
            #expect(native.integer(native.square(nx)) == (try (x * x).modulo(p)))
            #expect(native.integer(native.square(nx)) == portable.integer(portable.square(gx)))
            #expect(native.integer(native.sumOfProducts(nx, ny, nz, nw)) == (try (x * y + z * w).modulo(p)))
            #expect(native.integer(native.differenceOfProducts(nx, ny, nz, nw)) == (try (x * y + p * p - z * w).modulo(p)))
            #expect(native.integer(native.add(nx, ny)) == (try (x + y).modulo(p)))
            #expect(native.integer(native.subtract(nx, ny)) == (try (x + p - y).modulo(p)))
            #expect(native.integer(native.differenceOfProducts(nx, ny, nz, nw))
                == portable.integer(portable.differenceOfProducts(gx, gy, gz, gw)))
        }
    }

    @Test func longChainsStayInAgreement() throws {
        // 2000 dependent products, squares and sums: a carry slip anywhere would surface.
        let p = Fixtures.integer(Fixtures.sakkePrime)
        let native = try PrimeField(modulus: p)
        let portable = try PrimeField(modulus: p, allowsNativeEngine: false)
        var generator = SeededGenerator.logged("native1024 chain")
        let start = try BigUInt.random(below: p, using: &generator)
        var (a, b) = (try native.element(start), try portable.element(start))
        let (c, d) = (try native.element(p - 3), try portable.element(p - 3))
        for _ in 0 ..< 500 {
            a = native.add(native.square(native.multiply(a, c)), a)
            b = portable.add(portable.square(portable.multiply(b, d)), b)
            a = native.differenceOfProducts(a, a, c, a)
            b = portable.differenceOfProducts(b, b, d, b)
        }
        #expect(native.integer(a) == portable.integer(b))
    }
}
