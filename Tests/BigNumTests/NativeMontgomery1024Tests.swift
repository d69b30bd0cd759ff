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

    @Test func extensionFieldOperationsAgreeWithTheGMPPathAndWithIntegers() throws {
        let p = Fixtures.integer(Fixtures.sakkePrime)
        let native = try QuadraticExtensionField(base: PrimeField(modulus: p))
        let portable = try QuadraticExtensionField(base: PrimeField(modulus: p, allowsNativeEngine: false))
        var generator = SeededGenerator.logged("native1024 F_p^2")
        let edges = [BigUInt(0), BigUInt(1), p - 1, p - 2]
        let values = edges + (try (0 ..< 16).map { _ in try BigUInt.random(below: p, using: &generator) })
        func pair(_ field: QuadraticExtensionField, _ a: BigUInt, _ b: BigUInt) throws -> QuadraticExtensionElement {
            field.element(real: try field.base.element(a), imaginary: try field.base.element(b))
        }
        func integers(_ field: QuadraticExtensionField, _ x: QuadraticExtensionElement) -> [BigUInt] {
            [field.base.integer(x.real), field.base.integer(x.imaginary)]
        }
        for index in values.indices {
            let (a, b) = (values[index], values[(index * 7 + 3) % values.count])
            let (c, d) = (values[(index * 5 + 1) % values.count], values[(index * 3 + 2) % values.count])
            let (e, f) = (values[(index * 11 + 5) % values.count], values[(index * 13 + 4) % values.count])
            let (nx, ny) = (try pair(native, a, b), try pair(native, c, d))
            let (gx, gy) = (try pair(portable, a, b), try pair(portable, c, d))
            // (a + bi)(c + di) = (ac − bd) + (ad + bc)i, from GMP's integers.
            #expect(integers(native, native.multiply(nx, ny)) == [try (a * c + p * p - b * d).modulo(p), try (a * d + b * c).modulo(p)])
            #expect(integers(native, native.square(nx)) == integers(portable, portable.square(gx)))
            #expect(integers(native, native.square(nx)) == [try (a * a + p * p - b * b).modulo(p), try (2 * a * b).modulo(p)])
            // x·(s + i) with s = c·e + d·f.
            let s = try (c * e + d * f).modulo(p)
            let lineProduct = native.multiply(
                nx, byLineWithSlope: try native.base.element(c), intercept: try native.base.element(d),
                at: try native.base.element(e), try native.base.element(f))
            #expect(integers(native, lineProduct) == [try (a * s + p - b).modulo(p), try (a + b * s).modulo(p)])
            let portableLine = portable.multiply(
                gx, byLineWithSlope: try portable.base.element(c), intercept: try portable.base.element(d),
                at: try portable.base.element(e), try portable.base.element(f))
            #expect(integers(native, lineProduct) == integers(portable, portableLine))
            #expect(integers(native, native.multiply(nx, ny)) == integers(portable, portable.multiply(gx, gy)))
        }
    }
}
