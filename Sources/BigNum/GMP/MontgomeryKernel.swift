import Octets
import CGMP

/// The limb-level arithmetic of `PrimeField`, on GMP's `mpn` layer.
///
/// Products come from `mpn_sec_mul` / `mpn_sec_sqr` (GMP's side-channel-silent
/// schoolbook kernels, same speed as `mpn_mul_n` at these sizes); reduction is
/// Montgomery's REDC done one limb at a time with `mpn_addmul_1`, and every
/// final correction is a masked `mpn_cnd_*` operation, so the time of each
/// function depends only on the limb count, never on the values (except the
/// functions named `…Vartime`). Temporaries live in stack buffers
/// (`withUnsafeTemporaryAllocation`): nothing here allocates on the heap.
///
/// For 16-limb moduli on a CPU with BMI2, products, squares, sums of products,
/// additions and subtractions go to `NativeMontgomery1024` instead (same
/// results, ≈ 12 % faster per product; Docs/Performance.md).
///
/// Everything GMP-specific of the field engine is in this file.
final class MontgomeryKernel: @unchecked Sendable {
    /// Limbs of the modulus p, n of them, then zeros up to `Limbs.capacity`.
    /// Written in init only.
    let modulus: UnsafeMutablePointer<UInt>
    /// n: the modulus's limb count.
    let limbCount: Int
    /// −p⁻¹ mod 2⁶⁴, the REDC constant.
    let inverseFactor: UInt
    /// Scratch limbs `mpn_sec_invert` needs for n limbs.
    private let invertScratchCount: Int
    /// Whether the native 1024-bit engine does the hot operations.
    let usesNativeEngine: Bool

    /// - Parameter allowsNativeEngine: false keeps every operation on GMP (tests
    ///   compare the two engines).
    init(modulus value: BigUInt, allowsNativeEngine: Bool) {
        limbCount = (value.bitWidth + 63) / 64
        usesNativeEngine = allowsNativeEngine && limbCount == 16 && NativeMontgomery1024.isAvailable
        modulus = .allocate(capacity: Limbs.capacity)
        for index in 0 ..< Limbs.capacity { modulus[index] = value.limb(index) }
        // Newton iteration for p⁻¹ mod 2⁶⁴: each step doubles the correct low bits
        // (p·p ≡ 1 mod 8 for odd p gives 3 bits to start).
        var inverse = modulus[0]
        for _ in 0 ..< 5 { inverse = inverse &* (2 &- modulus[0] &* inverse) }
        inverseFactor = 0 &- inverse
        invertScratchCount = Int(__gmpn_sec_invert_itch(limbCount))
    }

    deinit {
        modulus.deallocate()
    }

    // MARK: - Reduction

    /// REDC: `result = wide · R⁻¹ mod p` for `wide < p·R` (2n limbs, clobbered).
    /// Fully reduced result, constant time.
    private func reduce(_ wide: UnsafeMutablePointer<UInt>, into result: UnsafeMutablePointer<UInt>) {
        let n = limbCount
        for index in 0 ..< n {
            // Choose q so that the low limb of wide + q·p·B^index becomes zero; the
            // carry out of that row is parked in the zeroed limb and added at the end.
            let quotientDigit = wide[index] &* inverseFactor
            wide[index] = __gmpn_addmul_1(wide + index, modulus, n, quotientDigit)
        }
        let carry = __gmpn_add_n(result, wide + n, wide, n)
        subtractModulusIfNeeded(result, carry: carry, scratch: wide)
    }

    /// `value` (n limbs plus `carry` above them) is below 2p; makes it below p.
    private func subtractModulusIfNeeded(_ value: UnsafeMutablePointer<UInt>, carry: UInt, scratch: UnsafeMutablePointer<UInt>) {
        let borrow = __gmpn_sub_n(scratch, value, modulus, limbCount)
        // Subtract when the value overflowed n limbs or is at least p.
        __gmpn_cnd_swap(carry | (borrow ^ 1), value, scratch, limbCount)
    }

    /// Runs `body` with an uninitialized stack buffer of `count` limbs (2n when
    /// nil: one double-width product), wiped afterwards.
    private func withWideBuffer<Result>(count: Int? = nil, _ body: (UnsafeMutablePointer<UInt>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: UInt.self, capacity: count ?? 2 * limbCount) { buffer in
            let base = buffer.baseAddress!
            defer { secureZero(base, count: buffer.count * MemoryLayout<UInt>.stride) }
            return body(base)
        }
    }

    // MARK: - Field operations on Montgomery-form limbs

    @inline(__always)
    func multiply(_ a: Limbs, _ b: Limbs) -> Limbs {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.multiply(a, b, modulus: modulus, inverseFactor: inverseFactor) }
        #endif
        var result = Limbs()
        withWideBuffer { wide in
            a.withPointer { ap in b.withPointer { bp in __gmpn_sec_mul(wide, ap, limbCount, bp, limbCount, nil) } }
            result.withMutablePointer { reduce(wide, into: $0) }
        }
        return result
    }

    @inline(__always)
    func square(_ a: Limbs) -> Limbs {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.square(a, modulus: modulus, inverseFactor: inverseFactor) }
        #endif
        var result = Limbs()
        withWideBuffer { wide in
            a.withPointer { __gmpn_sec_sqr(wide, $0, limbCount, nil) }
            result.withMutablePointer { reduce(wide, into: $0) }
        }
        return result
    }

    /// a·b + c·d (`subtract` false) or a·b − c·d (`subtract` true) with one reduction.
    @inline(__always)
    func sumOfProducts(_ a: Limbs, _ b: Limbs, _ c: Limbs, _ d: Limbs, subtract: Bool) -> Limbs {
        #if arch(x86_64)
        if usesNativeEngine {
            return NativeMontgomery1024.sumOfProducts(
                a, b, c, d, subtract: subtract, modulus: modulus, inverseFactor: inverseFactor)
        }
        #endif
        let n = limbCount
        var result = Limbs()
        withWideBuffer { first in
            withWideBuffer { second in
                a.withPointer { ap in b.withPointer { bp in __gmpn_sec_mul(first, ap, n, bp, n, nil) } }
                c.withPointer { cp in d.withPointer { dp in __gmpn_sec_mul(second, cp, n, dp, n, nil) } }
                if subtract {
                    // a·b − c·d lies in (−p², p²); adding p·R on a borrow puts it in [0, p·R).
                    let borrow = __gmpn_sub_n(first, first, second, 2 * n)
                    _ = __gmpn_cnd_add_n(borrow, first + n, first + n, modulus, n)
                } else {
                    // a·b + c·d lies in [0, 2p²) ⊂ [0, 2p·R); subtract p·R once if needed.
                    let carry = __gmpn_add_n(first, first, second, 2 * n)
                    let high = first + n
                    let borrow = __gmpn_sub_n(second, high, modulus, n)
                    __gmpn_cnd_swap(carry | (borrow ^ 1), high, second, n)
                }
                result.withMutablePointer { reduce(first, into: $0) }
            }
        }
        return result
    }

    // MARK: - F_p² operations the native engine does in one call

    // The engine is chosen here and nowhere else: each returns nil when GMP
    // serves this field, and QuadraticExtensionField then composes the
    // operation from F_p products.

    /// One doubling step of the SAKKE pairing's Miller loop in one native
    /// call; false (nothing done) when GMP serves this field.
    @inline(__always)
    func sakkeMillerDouble(_ state: inout SAKKEMillerLoop) -> Bool {
        #if arch(x86_64)
        if usesNativeEngine {
            let (qx, qy) = (state.qx.limbs, state.qy.limbs)
            NativeMontgomery1024.sakkeMillerDouble(
                &state.x.limbs, &state.y.limbs, &state.z.limbs, &state.f.real.limbs, &state.f.imaginary.limbs,
                qx: qx, qy: qy, modulus: modulus, inverseFactor: inverseFactor)
            return true
        }
        #endif
        return false
    }

    /// One addition step with (rx, ry) in one native call; false when GMP serves this field.
    @inline(__always)
    func sakkeMillerAdd(_ state: inout SAKKEMillerLoop, rx: FieldElement, ry: FieldElement) -> Bool {
        #if arch(x86_64)
        if usesNativeEngine {
            let (qx, qy) = (state.qx.limbs, state.qy.limbs)
            NativeMontgomery1024.sakkeMillerAdd(
                &state.x.limbs, &state.y.limbs, &state.z.limbs, &state.f.real.limbs, &state.f.imaginary.limbs,
                rx: rx.limbs, ry: ry.limbs, qx: qx, qy: qy, modulus: modulus, inverseFactor: inverseFactor)
            return true
        }
        #endif
        return false
    }

    /// (x0 + x1·i)(y0 + y1·i) in one native call (Karatsuba, lazy reduction).
    @inline(__always)
    func fp2Multiply(_ x0: Limbs, _ x1: Limbs, _ y0: Limbs, _ y1: Limbs) -> (Limbs, Limbs)? {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.fp2Multiply(x0, x1, y0, y1, modulus: modulus, inverseFactor: inverseFactor) }
        #endif
        return nil
    }

    /// (x0 + x1·i)² in one native call.
    @inline(__always)
    func fp2Square(_ x0: Limbs, _ x1: Limbs) -> (Limbs, Limbs)? {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.fp2Square(x0, x1, modulus: modulus, inverseFactor: inverseFactor) }
        #endif
        return nil
    }

    /// (x0 + x1·i)·(s + i) with s = λ·u + μ·w in one native call.
    @inline(__always)
    func fp2MultiplyByLine(_ x0: Limbs, _ x1: Limbs, _ lambda: Limbs, _ mu: Limbs, _ u: Limbs, _ w: Limbs) -> (Limbs, Limbs)? {
        #if arch(x86_64)
        if usesNativeEngine {
            var (real, imaginary) = (x0, x1)
            NativeMontgomery1024.fp2MultiplyByLine(
                &real, &imaginary, lambda: lambda, mu: mu, u: u, w: w, modulus: modulus, inverseFactor: inverseFactor)
            return (real, imaginary)
        }
        #endif
        return nil
    }

    @inline(__always)
    func add(_ a: Limbs, _ b: Limbs) -> Limbs {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.add(a, b, modulus: modulus) }
        #endif
        var result = Limbs()
        var scratch = Limbs()
        result.withMutablePointer { rp in
            let carry = a.withPointer { ap in b.withPointer { bp in __gmpn_add_n(rp, ap, bp, limbCount) } }
            scratch.withMutablePointer { subtractModulusIfNeeded(rp, carry: carry, scratch: $0) }
        }
        return result
    }

    @inline(__always)
    func subtract(_ a: Limbs, _ b: Limbs) -> Limbs {
        #if arch(x86_64)
        if usesNativeEngine { return NativeMontgomery1024.subtract(a, b, modulus: modulus) }
        #endif
        var result = Limbs()
        result.withMutablePointer { rp in
            let borrow = a.withPointer { ap in b.withPointer { bp in __gmpn_sub_n(rp, ap, bp, limbCount) } }
            _ = __gmpn_cnd_add_n(borrow, rp, rp, modulus, limbCount)
        }
        return result
    }

    /// REDC of `a` padded with n zero limbs: a·R⁻¹ mod p (leaves Montgomery form).
    func reduceSingle(_ a: Limbs) -> Limbs {
        var result = Limbs()
        withWideBuffer { wide in
            a.withPointer { wide.update(from: $0, count: limbCount) }
            (wide + limbCount).update(repeating: 0, count: limbCount)
            result.withMutablePointer { reduce(wide, into: $0) }
        }
        return result
    }

    /// Whether the n-limb integer `a` is below p, in constant time (the borrow
    /// of a − p, `mpn_sub_n`'s straight carry chain).
    func isBelowModulus(_ a: Limbs) -> Bool {
        var scratch = Limbs()
        defer { scratch.withMutablePointer { secureZero($0, count: Limbs.capacity * MemoryLayout<UInt>.stride) } }
        let borrow = scratch.withMutablePointer { sp in a.withPointer { ap in __gmpn_sub_n(sp, ap, modulus, limbCount) } }
        return borrow == 1
    }

    /// The Legendre symbol of the plain n-limb integer `a` modulo the prime p
    /// is 1 (`mpz_jacobi`, variable time: for public values only).
    func isSquareVartime(_ a: Limbs) -> Bool {
        a.withPointer { pointer in
            var value = __mpz_struct()
            var prime = __mpz_struct()
            _ = __gmpz_roinit_n(&value, pointer, limbCount)
            _ = __gmpz_roinit_n(&prime, modulus, limbCount)
            return __gmpz_jacobi(&value, &prime) == 1
        }
    }

    /// Constant time: 1 if all n limbs are zero, else 0, without branching on limbs.
    func isZero(_ a: Limbs) -> Bool {
        a.withPointer { pointer in
            var accumulated: UInt = 0
            for index in 0 ..< limbCount { accumulated |= pointer[index] }
            return accumulated == 0
        }
    }

    /// The plain inverse a⁻¹ mod p of the n-limb integer `a` (not Montgomery
    /// arithmetic), in time independent of `a` (`mpn_sec_invert`); nil when `a`
    /// is not invertible (only 0 for a prime p).
    func invert(_ a: Limbs, modulusBits: Int) -> Limbs? {
        var input = a
        var result = Limbs()
        let invertible = withUnsafeTemporaryAllocation(of: UInt.self, capacity: max(invertScratchCount, 1)) { scratch in
            defer { secureZero(scratch.baseAddress!, count: scratch.count * MemoryLayout<UInt>.stride) }
            return input.withMutablePointer { ip in
                result.withMutablePointer { rp in
                    __gmpn_sec_invert(rp, ip, modulus, limbCount, mp_bitcnt_t(2 * modulusBits), scratch.baseAddress)
                }
            }
        }
        input.withMutablePointer { secureZero($0, count: Limbs.capacity * MemoryLayout<UInt>.stride) }
        return invertible == 1 ? result : nil
    }

    /// The plain inverse a⁻¹ mod p by the extended Euclidean algorithm
    /// (`mpn_gcdext`): time depends on `a`. nil when `a` is not invertible.
    func invertVartime(_ a: Limbs) -> Limbs? {
        let n = limbCount
        guard !isZero(a) else { return nil }
        var result = Limbs()
        let invertible = withWideBuffer(count: 4 * (limbCount + 2)) { buffer in
            // mpn_gcdext(G, S, U, V) gives G = U·S + V·T and wants U ≥ V with room
            // for one more limb in each. U = a + p ≥ p = V, so S ≡ a⁻¹ (mod p).
            let u = buffer, v = buffer + (n + 2), g = buffer + 2 * (n + 2)
            let cofactor = buffer + 3 * (n + 2)
            a.withPointer { ap in u[n] = __gmpn_add_n(u, ap, modulus, n) }
            let uCount = u[n] == 0 ? n : n + 1
            v.update(from: modulus, count: n)
            var cofactorCount: mp_size_t = 0
            let gcdCount = __gmpn_gcdext(g, cofactor, &cofactorCount, u, uCount, v, n)
            guard gcdCount == 1, g[0] == 1 else { return false }
            // |S| < p; a negative S stands for p − |S|.
            result.withMutablePointer { rp in
                rp.update(from: cofactor, count: Int(cofactorCount.magnitude))
                if cofactorCount < 0 { _ = __gmpn_sub_n(rp, modulus, rp, n) }
            }
            return true
        }
        return invertible ? result : nil
    }

    /// base^exponent mod p on plain (not Montgomery) n-limb integers with GMP's
    /// `mpz_powm`: its sliding-window code with GMP's own assembly REDC is the
    /// fastest public-exponent path GMP offers (see Docs/Performance.md). Variable
    /// time in the exponent; GMP allocates its scratch space.
    func powerVartime(_ base: Limbs, _ exponent: BigUInt) -> Limbs {
        var result = Limbs()
        base.withPointer { basePointer in
            var baseInteger = __mpz_struct()
            var modulusInteger = __mpz_struct()
            // Read-only views of our limbs: no copy, nothing to free.
            _ = __gmpz_roinit_n(&baseInteger, basePointer, limbCount)
            _ = __gmpz_roinit_n(&modulusInteger, modulus, limbCount)
            let power = GMPInteger()
            __gmpz_powm(power.pointer, &baseInteger, exponent.storage.pointer, &modulusInteger)
            result.withMutablePointer { rp in
                for index in 0 ..< limbCount { rp[index] = power.limb(index) }
            }
        }
        return result
    }

    /// Constant-time table lookup: copies entry `index` of `count` entries of n
    /// limbs each (`mpn_sec_tabselect` reads every entry).
    func select(from table: UnsafePointer<UInt>, count: Int, index: Int) -> Limbs {
        var result = Limbs()
        result.withMutablePointer { __gmpn_sec_tabselect($0, table, limbCount, count, index) }
        return result
    }
}
