#ifndef CFIELDKERNEL_H
#define CFIELDKERNEL_H
/* The native 1024-bit Montgomery engine behind BigNum's PrimeField for
   16-limb moduli (the SAKKE prime of RFC 6509): x86-64 rows built on BMI2's
   mulx. Only BigNum calls it, through Sources/BigNum/Native/. Every function
   runs in time fixed by the limb count: no branch and no memory address
   depends on the operands. Other architectures use BigNum's GMP path and
   see no declarations here.

   Limbs are 64-bit, least significant first. p is odd with its top limb
   non-zero, n0 = -p^-1 mod 2^64, R = 2^1024; inputs are below p. Outputs may
   alias inputs. */

#if defined(__x86_64__)

#include <stdint.h>

/* 1 when this build has the kernel (x86-64) and the CPU has BMI2; 0 otherwise. */
int cfk_montgomery1024_available(void);

/* r = a * b * R^-1 mod p. */
void cfk_montgomery1024_multiply(uint64_t r[16], const uint64_t a[16], const uint64_t b[16],
                                 const uint64_t p[16], uint64_t n0);

/* r = a^2 * R^-1 mod p. */
void cfk_montgomery1024_square(uint64_t r[16], const uint64_t a[16], const uint64_t p[16],
                               uint64_t n0);

/* r = (a * b + c * d) * R^-1 mod p, or (a * b - c * d) * R^-1 mod p when
   subtract is non-zero, with one reduction. */
void cfk_montgomery1024_sum_of_products(uint64_t r[16], const uint64_t a[16], const uint64_t b[16],
                                        const uint64_t c[16], const uint64_t d[16],
                                        const uint64_t p[16], uint64_t n0, int subtract);

/* F_p^2 = F_p[i]/(i^2 + 1), elements x0 + x1*i in Montgomery form:
   r = x * y with three products (Karatsuba) and two reductions. */
void cfk_fp2_multiply(uint64_t r0[16], uint64_t r1[16], const uint64_t x0[16],
                      const uint64_t x1[16], const uint64_t y0[16], const uint64_t y1[16],
                      const uint64_t p[16], uint64_t n0);

/* r = x^2 = (x0 + x1)(x0 - x1) + 2*x0*x1*i with two products and two reductions. */
void cfk_fp2_square(uint64_t r0[16], uint64_t r1[16], const uint64_t x0[16],
                    const uint64_t x1[16], const uint64_t p[16], uint64_t n0);

/* v = v * (s + i) with s = lambda*u + mu*w, in place: the product of a
   precomputed pairing's accumulator with one normalised line. */
void cfk_fp2_multiply_by_line(uint64_t v0[16], uint64_t v1[16], const uint64_t lambda[16],
                              const uint64_t mu[16], const uint64_t u[16], const uint64_t w[16],
                              const uint64_t p[16], uint64_t n0);

/* r = a + b mod p and r = a - b mod p. */
void cfk_modular_add1024(uint64_t r[16], const uint64_t a[16], const uint64_t b[16],
                         const uint64_t p[16]);
void cfk_modular_subtract1024(uint64_t r[16], const uint64_t a[16], const uint64_t b[16],
                              const uint64_t p[16]);

/* One step of Miller's loop of the SAKKE pairing (RFC 6508 §3.2) on
   y^2 = x^3 - 3x with the line evaluated at psi(Q) = (-qx, i*qy), in place:
   T = (x : y : z) Jacobian, f = f0 + f1*i. The doubling step takes the
   tangent at T, sets f = f^2 * line and T = 2T; the addition step takes the
   chord through T and (rx, ry), sets f = f * line and T = T + (rx, ry).
   The formulas and their order are those of Curves' TatePairing. */
void cfk_sakke_miller_double(uint64_t x[16], uint64_t y[16], uint64_t z[16], uint64_t f0[16], uint64_t f1[16],
                             const uint64_t qx[16], const uint64_t qy[16], const uint64_t p[16], uint64_t n0);
void cfk_sakke_miller_add(uint64_t x[16], uint64_t y[16], uint64_t z[16], uint64_t f0[16], uint64_t f1[16],
                          const uint64_t rx[16], const uint64_t ry[16], const uint64_t qx[16], const uint64_t qy[16],
                          const uint64_t p[16], uint64_t n0);

#endif /* __x86_64__ */

#endif
