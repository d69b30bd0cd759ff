#if arch(x86_64)
import CFieldKernel
#endif

/// The native 1024-bit Montgomery engine (C target `CFieldKernel`: x86-64 rows
/// on BMI2's `mulx`), which `MontgomeryKernel` uses for 16-limb moduli such as
/// the SAKKE prime of RFC 6509 when the CPU has BMI2. Same representation and
/// results as the GMP path, in time fixed by the limb count; see
/// Docs/Performance.md for the measurements behind it.
///
/// Everything that calls `CFieldKernel` is in this file.
enum NativeMontgomery1024 {
    /// Whether this build and CPU have the engine.
    static let isAvailable: Bool = {
        #if arch(x86_64)
        return cfk_montgomery1024_available() == 1
        #else
        return false
        #endif
    }()

    #if arch(x86_64)
    /// The modulus limbs as the kernel's `uint64_t` words (the same 64-bit
    /// limbs: `UInt` is 64 bits wide on x86-64).
    @inline(__always)
    private static func words(_ modulus: UnsafePointer<UInt>) -> UnsafePointer<UInt64> {
        UnsafeRawPointer(modulus).assumingMemoryBound(to: UInt64.self)
    }

    @inline(__always)
    static func multiply(_ a: Limbs, _ b: Limbs, modulus: UnsafePointer<UInt>, inverseFactor: UInt) -> Limbs {
        var result = Limbs()
        result.withMutableWords { r in
            a.withWords { ap in
                b.withWords { bp in cfk_montgomery1024_multiply(r, ap, bp, words(modulus), UInt64(inverseFactor)) }
            }
        }
        return result
    }

    @inline(__always)
    static func square(_ a: Limbs, modulus: UnsafePointer<UInt>, inverseFactor: UInt) -> Limbs {
        var result = Limbs()
        result.withMutableWords { r in
            a.withWords { ap in cfk_montgomery1024_square(r, ap, words(modulus), UInt64(inverseFactor)) }
        }
        return result
    }

    @inline(__always)
    static func sumOfProducts(
        _ a: Limbs, _ b: Limbs, _ c: Limbs, _ d: Limbs, subtract: Bool,
        modulus: UnsafePointer<UInt>, inverseFactor: UInt
    ) -> Limbs {
        var result = Limbs()
        result.withMutableWords { r in
            a.withWords { ap in
                b.withWords { bp in
                    c.withWords { cp in
                        d.withWords { dp in
                            cfk_montgomery1024_sum_of_products(r, ap, bp, cp, dp, words(modulus), UInt64(inverseFactor), subtract ? 1 : 0)
                        }
                    }
                }
            }
        }
        return result
    }

    /// (x0 + x1·i)(y0 + y1·i) in F_p² (Karatsuba: three products, two reductions).
    @inline(__always)
    static func fp2Multiply(
        _ x0: Limbs, _ x1: Limbs, _ y0: Limbs, _ y1: Limbs, modulus: UnsafePointer<UInt>, inverseFactor: UInt
    ) -> (Limbs, Limbs) {
        var (r0, r1) = (Limbs(), Limbs())
        r0.withMutableWords { r0p in
            r1.withMutableWords { r1p in
                x0.withWords { x0p in
                    x1.withWords { x1p in
                        y0.withWords { y0p in
                            y1.withWords { y1p in cfk_fp2_multiply(r0p, r1p, x0p, x1p, y0p, y1p, words(modulus), UInt64(inverseFactor)) }
                        }
                    }
                }
            }
        }
        return (r0, r1)
    }

    /// (x0 + x1·i)² in F_p².
    @inline(__always)
    static func fp2Square(_ x0: Limbs, _ x1: Limbs, modulus: UnsafePointer<UInt>, inverseFactor: UInt) -> (Limbs, Limbs) {
        var (r0, r1) = (Limbs(), Limbs())
        r0.withMutableWords { r0p in
            r1.withMutableWords { r1p in
                x0.withWords { x0p in x1.withWords { x1p in cfk_fp2_square(r0p, r1p, x0p, x1p, words(modulus), UInt64(inverseFactor)) } }
            }
        }
        return (r0, r1)
    }

    /// One doubling step of the SAKKE pairing's Miller loop, in place (see
    /// `cfk_sakke_miller_double`).
    @inline(__always)
    static func sakkeMillerDouble(
        _ x: inout Limbs, _ y: inout Limbs, _ z: inout Limbs, _ f0: inout Limbs, _ f1: inout Limbs, qx: Limbs, qy: Limbs,
        modulus: UnsafePointer<UInt>, inverseFactor: UInt
    ) {
        withState(&x, &y, &z, &f0, &f1) { xp, yp, zp, f0p, f1p in
            qx.withWords { qxp in
                qy.withWords { qyp in cfk_sakke_miller_double(xp, yp, zp, f0p, f1p, qxp, qyp, words(modulus), UInt64(inverseFactor)) }
            }
        }
    }

    /// One addition step of the SAKKE pairing's Miller loop, in place (see
    /// `cfk_sakke_miller_add`).
    @inline(__always)
    static func sakkeMillerAdd(
        _ x: inout Limbs, _ y: inout Limbs, _ z: inout Limbs, _ f0: inout Limbs, _ f1: inout Limbs, rx: Limbs, ry: Limbs,
        qx: Limbs, qy: Limbs, modulus: UnsafePointer<UInt>, inverseFactor: UInt
    ) {
        withState(&x, &y, &z, &f0, &f1) { xp, yp, zp, f0p, f1p in
            rx.withWords { rxp in
                ry.withWords { ryp in
                    qx.withWords { qxp in
                        qy.withWords { qyp in
                            cfk_sakke_miller_add(xp, yp, zp, f0p, f1p, rxp, ryp, qxp, qyp, words(modulus), UInt64(inverseFactor))
                        }
                    }
                }
            }
        }
    }

    /// The five mutable words of a Miller state at once.
    @inline(__always)
    private static func withState(
        _ x: inout Limbs, _ y: inout Limbs, _ z: inout Limbs, _ f0: inout Limbs, _ f1: inout Limbs,
        _ body: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>,
                 UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>) -> Void
    ) {
        x.withMutableWords { xp in
            y.withMutableWords { yp in
                z.withMutableWords { zp in f0.withMutableWords { f0p in f1.withMutableWords { f1p in body(xp, yp, zp, f0p, f1p) } } }
            }
        }
    }

    /// v·(s + i) with s = λ·u + μ·w, in place.
    @inline(__always)
    static func fp2MultiplyByLine(
        _ v0: inout Limbs, _ v1: inout Limbs, lambda: Limbs, mu: Limbs, u: Limbs, w: Limbs,
        modulus: UnsafePointer<UInt>, inverseFactor: UInt
    ) {
        v0.withMutableWords { v0p in
            v1.withMutableWords { v1p in
                lambda.withWords { lp in
                    mu.withWords { mp in
                        u.withWords { up in
                            w.withWords { wp in cfk_fp2_multiply_by_line(v0p, v1p, lp, mp, up, wp, words(modulus), UInt64(inverseFactor)) }
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    static func add(_ a: Limbs, _ b: Limbs, modulus: UnsafePointer<UInt>) -> Limbs {
        modular(a, b, modulus: modulus, cfk_modular_add1024)
    }

    @inline(__always)
    static func subtract(_ a: Limbs, _ b: Limbs, modulus: UnsafePointer<UInt>) -> Limbs {
        modular(a, b, modulus: modulus, cfk_modular_subtract1024)
    }

    /// r = a ∘ b mod p for one of the kernel's modular additions.
    @inline(__always)
    private static func modular(
        _ a: Limbs, _ b: Limbs, modulus: UnsafePointer<UInt>,
        _ operation: (UnsafeMutablePointer<UInt64>, UnsafePointer<UInt64>, UnsafePointer<UInt64>, UnsafePointer<UInt64>) -> Void
    ) -> Limbs {
        var result = Limbs()
        result.withMutableWords { r in
            a.withWords { ap in b.withWords { bp in operation(r, ap, bp, words(modulus)) } }
        }
        return result
    }
    #endif
}
