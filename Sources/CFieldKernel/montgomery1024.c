/* The 1024-bit Montgomery engine (see include/CFieldKernel.h).

   A product is 16 rows t[i ..< i + 16] += a[i] * b (rows in
   montgomery1024_rows.h); a square is the 120 off-diagonal products by rows of
   falling length, doubled, plus the 16 squares of the diagonal. Montgomery's
   REDC then runs 16 rows t[i ..< i + 16] += m_i * p with m_i = t[i] * n0,
   which zero t[i]; each row's carry word is parked in that zeroed limb and
   added to the high half at the end. The result is below 2p and one masked
   subtraction brings it below p. Temporaries are wiped before returning:
   the operands may be secret. */
#include "CFieldKernel.h"

#if defined(__x86_64__)

#include <string.h>

#include "montgomery1024_rows.h"

enum { N = 16 };
typedef uint64_t limb;
typedef unsigned __int128 wide_limb;

int cfk_montgomery1024_available(void) {
    return __builtin_cpu_supports("bmi2") ? 1 : 0;
}

/* Overwrites count limbs with zero in a way the compiler keeps. */
static void wipe(limb *limbs, int count) {
    memset(limbs, 0, (size_t)count * sizeof(limb));
    __asm__ volatile("" : : "r"(limbs) : "memory");
}

/* r = value if mask is 0, other if mask is all ones. */
static inline void select_masked(limb *r, const limb *value, const limb *other, limb mask) {
    for (int j = 0; j < N; j++) r[j] = (value[j] & ~mask) | (other[j] & mask);
}

/* r = value - p when carry is 1 or value >= p, else value; value < 2p. */
static inline void subtract_modulus_if_needed(limb *r, const limb *value, limb carry, const limb *p) {
    limb difference[N];
    limb borrow = cfk_subtract_16(difference, value, p);
    select_masked(r, value, difference, 0 - (carry | (borrow ^ 1)));
    wipe(difference, N);
}

/* r = value + p when borrow is 1, else value (mod 2^1024). */
static inline void add_modulus_if(limb *r, const limb *value, limb borrow, const limb *p) {
    limb masked[N];
    for (int j = 0; j < N; j++) masked[j] = p[j] & (0 - borrow);
    (void)cfk_add_16(r, value, masked);
    wipe(masked, N);
}

/* t[0 ..< 32] = a * b. */
static inline void product(limb *t, const limb *a, const limb *b) {
    memset(t, 0, 2 * N * sizeof(limb));
    for (int i = 0; i < N; i++) t[i + N] = cfk_row_16(t + i, b, a[i]);
}

/* t[0 ..< 32] = a^2. */
static inline void square_product(limb *t, const limb *a) {
    memset(t, 0, 2 * N * sizeof(limb));
    /* Off-diagonal: t[2i + 1 ...] += a[i] * a[i + 1 ..< N]. */
    t[16] = cfk_row_15(t + 1, a + 1, a[0]);
    t[17] = cfk_row_14(t + 3, a + 2, a[1]);
    t[18] = cfk_row_13(t + 5, a + 3, a[2]);
    t[19] = cfk_row_12(t + 7, a + 4, a[3]);
    t[20] = cfk_row_11(t + 9, a + 5, a[4]);
    t[21] = cfk_row_10(t + 11, a + 6, a[5]);
    t[22] = cfk_row_9(t + 13, a + 7, a[6]);
    t[23] = cfk_row_8(t + 15, a + 8, a[7]);
    t[24] = cfk_row_7(t + 17, a + 9, a[8]);
    t[25] = cfk_row_6(t + 19, a + 10, a[9]);
    t[26] = cfk_row_5(t + 21, a + 11, a[10]);
    t[27] = cfk_row_4(t + 23, a + 12, a[11]);
    t[28] = cfk_row_3(t + 25, a + 13, a[12]);
    t[29] = cfk_row_2(t + 27, a + 14, a[13]);
    t[30] = cfk_row_1(t + 29, a + 15, a[14]);
    /* Double (the off-diagonal sum is below 2^2047) and add the diagonal. */
    limb diagonal[2 * N];
    for (int i = 0; i < N; i++) {
        wide_limb square = (wide_limb)a[i] * a[i];
        diagonal[2 * i] = (limb)square;
        diagonal[2 * i + 1] = (limb)(square >> 64);
    }
    (void)cfk_add_32(t, t, t);
    (void)cfk_add_32(t, t, diagonal);
    wipe(diagonal, 2 * N);
}

/* r = t * R^-1 mod p for t < p * R (32 limbs, clobbered). */
static inline void reduce(limb *r, limb *t, const limb *p, limb n0) {
    for (int i = 0; i < N; i++) t[i] = cfk_row_16(t + i, p, t[i] * n0);
    limb sum[N];
    limb carry = cfk_add_16(sum, t + N, t);
    subtract_modulus_if_needed(r, sum, carry, p);
    wipe(sum, N);
}

void cfk_montgomery1024_multiply(limb r[16], const limb a[16], const limb b[16], const limb p[16], limb n0) {
    limb t[2 * N];
    product(t, a, b);
    reduce(r, t, p, n0);
    wipe(t, 2 * N);
}

void cfk_montgomery1024_square(limb r[16], const limb a[16], const limb p[16], limb n0) {
    limb t[2 * N];
    square_product(t, a);
    reduce(r, t, p, n0);
    wipe(t, 2 * N);
}

/* t = t - u mod p*R for t, u in [0, p*R): the difference lies in (-p*R, p*R),
   and adding p*R on a borrow puts it in [0, p*R). */
static inline void wide_subtract(limb *t, const limb *u, const limb *p) {
    limb borrow = cfk_subtract_32(t, t, u);
    add_modulus_if(t + N, t + N, borrow, p);
}

/* t = t + u mod p*R for t + u < 2p*R: subtract p*R once if needed. */
static inline void wide_add(limb *t, const limb *u, const limb *p) {
    limb carry = cfk_add_32(t, t, u);
    subtract_modulus_if_needed(t + N, t + N, carry, p);
}

/* t = x * R (x below p, so below p*R). */
static inline void widen(limb *t, const limb *x) {
    memset(t, 0, N * sizeof(limb));
    memcpy(t + N, x, N * sizeof(limb));
}

void cfk_montgomery1024_sum_of_products(limb r[16], const limb a[16], const limb b[16], const limb c[16],
                                        const limb d[16], const limb p[16], limb n0, int subtract) {
    limb first[2 * N], second[2 * N];
    product(first, a, b);
    product(second, c, d);
    /* Both products are below p^2 < p*R. */
    if (subtract) {
        wide_subtract(first, second, p);
    } else {
        wide_add(first, second, p);
    }
    reduce(r, first, p, n0);
    wipe(first, 2 * N);
    wipe(second, 2 * N);
}

void cfk_fp2_multiply(limb r0[16], limb r1[16], const limb x0[16], const limb x1[16], const limb y0[16],
                      const limb y1[16], const limb p[16], limb n0) {
    limb t0[2 * N], t1[2 * N], t2[2 * N], xs[N], ys[N];
    product(t0, x0, y0);
    product(t1, x1, y1);
    cfk_modular_add1024(xs, x0, x1, p);
    cfk_modular_add1024(ys, y0, y1, p);
    product(t2, xs, ys);
    /* (x0 + x1)(y0 + y1) - x0*y0 - x1*y1 = x0*y1 + x1*y0 (mod p). */
    wide_subtract(t2, t0, p);
    wide_subtract(t2, t1, p);
    wide_subtract(t0, t1, p);
    reduce(r0, t0, p, n0);
    reduce(r1, t2, p, n0);
    wipe(t0, 2 * N);
    wipe(t1, 2 * N);
    wipe(t2, 2 * N);
    wipe(xs, N);
    wipe(ys, N);
}

void cfk_fp2_square(limb r0[16], limb r1[16], const limb x0[16], const limb x1[16], const limb p[16], limb n0) {
    limb sum[N], difference[N], t[2 * N], u[2 * N];
    cfk_modular_add1024(sum, x0, x1, p);
    cfk_modular_subtract1024(difference, x0, x1, p);
    product(t, sum, difference);
    product(u, x0, x1);
    wide_add(u, u, p); /* 2*x0*x1 < 2p^2 < 2p*R */
    reduce(r0, t, p, n0);
    reduce(r1, u, p, n0);
    wipe(sum, N);
    wipe(difference, N);
    wipe(t, 2 * N);
    wipe(u, 2 * N);
}

void cfk_fp2_multiply_by_line(limb v0[16], limb v1[16], const limb lambda[16], const limb mu[16], const limb u[16],
                              const limb w[16], const limb p[16], limb n0) {
    limb s[N], t[2 * N], scaled[2 * N], other[2 * N];
    product(t, lambda, u);
    product(other, mu, w);
    wide_add(t, other, p);
    reduce(s, t, p, n0);
    /* v0*s - v1 = REDC(v0*s - v1*R); v0 + v1*s = REDC(v1*s + v0*R). */
    product(t, v0, s);
    widen(other, v1);
    wide_subtract(t, other, p);
    product(scaled, v1, s);
    widen(other, v0);
    wide_add(scaled, other, p); /* below p^2 + p*R < 2p*R */
    reduce(v0, t, p, n0);
    reduce(v1, scaled, p, n0);
    wipe(s, N);
    wipe(t, 2 * N);
    wipe(scaled, 2 * N);
    wipe(other, 2 * N);
}

void cfk_modular_add1024(limb r[16], const limb a[16], const limb b[16], const limb p[16]) {
    limb sum[N];
    limb carry = cfk_add_16(sum, a, b);
    subtract_modulus_if_needed(r, sum, carry, p);
    wipe(sum, N);
}

void cfk_modular_subtract1024(limb r[16], const limb a[16], const limb b[16], const limb p[16]) {
    limb difference[N];
    limb borrow = cfk_subtract_16(difference, a, b);
    add_modulus_if(r, difference, borrow, p);
    wipe(difference, N);
}

/* Miller's loop of the SAKKE pairing (RFC 6508 §3.2) on y^2 = x^3 - 3x, one
   step a call, with the line evaluated at psi(Q) = (-x_Q, i*y_Q): the same
   formulas, in the same order, as Curves' TatePairing.millerLoop and its
   Evaluator, so that both give the same bits. T = (X : Y : Z) is Jacobian,
   f = f0 + f1*i the accumulator. Every temporary is wiped: R, Q and so T, the
   lines and f may all be secret (an RSK being validated, or an RSK as Q). */

static inline void mul(limb *r, const limb *a, const limb *b, const limb *p, limb n0) {
    cfk_montgomery1024_multiply(r, a, b, p, n0);
}

static inline void sqr(limb *r, const limb *a, const limb *p, limb n0) {
    cfk_montgomery1024_square(r, a, p, n0);
}

static inline void add(limb *r, const limb *a, const limb *b, const limb *p) {
    cfk_modular_add1024(r, a, b, p);
}

static inline void sub(limb *r, const limb *a, const limb *b, const limb *p) {
    cfk_modular_subtract1024(r, a, b, p);
}

void cfk_sakke_miller_double(limb x[16], limb y[16], limb z[16], limb f0[16], limb f1[16], const limb qx[16],
                             const limb qy[16], const limb p[16], limb n0) {
    limb delta[N], gamma[N], beta[N], alpha[N], z3[N], t[N], u[N], real[N], imaginary[N], g0[N], g1[N];
    /* Tangent at T (a = -3 doubling, dbl-2001-b). */
    sqr(delta, z, p, n0);
    sqr(gamma, y, p, n0);
    mul(beta, x, gamma, p, n0);
    sub(t, x, delta, p);
    add(u, x, delta, p);
    mul(alpha, t, u, p, n0);       /* (X - Z^2)(X + Z^2) */
    add(t, alpha, alpha, p);
    add(alpha, t, alpha, p);       /* alpha = 3(X - Z^2)(X + Z^2) */
    add(t, y, z, p);
    sqr(u, t, p, n0);
    sub(t, u, gamma, p);
    sub(z3, t, delta, p);          /* 2YZ */
    /* The line at psi(Q): alpha*(Z^2*x_Q + X) - 2Y^2 + (2YZ*Z^2*y_Q)*i. */
    mul(t, delta, qx, p, n0);
    add(u, t, x, p);
    mul(t, alpha, u, p, n0);
    add(u, gamma, gamma, p);
    sub(real, t, u, p);
    mul(t, z3, delta, p, n0);
    mul(imaginary, t, qy, p, n0);
    /* f = f^2 * line. */
    cfk_fp2_square(g0, g1, f0, f1, p, n0);
    cfk_fp2_multiply(f0, f1, g0, g1, real, imaginary, p, n0);
    /* T = 2T. */
    add(t, beta, beta, p);
    add(u, beta, beta, p);
    add(beta, t, u, p);            /* beta4 = 4*X*Y^2 */
    sqr(t, alpha, p, n0);
    add(u, beta, beta, p);
    sub(x, t, u, p);               /* X3 = alpha^2 - 8*X*Y^2 */
    sqr(t, gamma, p, n0);
    add(u, t, t, p);
    add(t, t, t, p);
    add(gamma, u, t, p);           /* gamma4 = 4*Y^4 */
    sub(t, beta, x, p);
    mul(u, alpha, t, p, n0);
    add(t, gamma, gamma, p);
    sub(y, u, t, p);               /* Y3 = alpha*(beta4 - X3) - 8*Y^4 */
    memcpy(z, z3, sizeof z3);
    wipe(delta, N); wipe(gamma, N); wipe(beta, N); wipe(alpha, N); wipe(z3, N); wipe(t, N); wipe(u, N);
    wipe(real, N); wipe(imaginary, N); wipe(g0, N); wipe(g1, N);
}

void cfk_sakke_miller_add(limb x[16], limb y[16], limb z[16], limb f0[16], limb f1[16], const limb rx[16],
                          const limb ry[16], const limb qx[16], const limb qy[16], const limb p[16], limb n0) {
    limb z1z1[N], h[N], n[N], twice_n[N], hh[N], z_sum[N], i4[N], j[N], w[N], t[N], u[N], real[N], imaginary[N];
    /* Chord through T and (x_R, y_R) (madd-2007-bl). */
    sqr(z1z1, z, p, n0);
    mul(t, rx, z1z1, p, n0);
    sub(h, t, x, p);
    mul(t, ry, z, p, n0);
    mul(u, t, z1z1, p, n0);
    sub(n, u, y, p);
    add(twice_n, n, n, p);
    sqr(hh, h, p, n0);
    add(t, z, h, p);
    sqr(u, t, p, n0);
    sub(t, u, z1z1, p);
    sub(z_sum, t, hh, p);          /* 2ZH */
    /* The line at psi(Q): 2N*(x_Q + x_R) - 2ZH*y_R + (2ZH*y_Q)*i; f = f * line. */
    add(t, qx, rx, p);
    cfk_montgomery1024_sum_of_products(real, twice_n, t, z_sum, ry, p, n0, 1);
    mul(imaginary, z_sum, qy, p, n0);
    cfk_fp2_multiply(f0, f1, f0, f1, real, imaginary, p, n0);
    /* T = T + R. */
    add(t, hh, hh, p);
    add(u, hh, hh, p);
    add(i4, t, u, p);              /* I = 4H^2 */
    mul(j, h, i4, p, n0);
    mul(w, x, i4, p, n0);
    sqr(t, twice_n, p, n0);
    sub(u, t, j, p);
    add(t, w, w, p);
    sub(x, u, t, p);               /* X3 = (2N)^2 - J - 2W */
    mul(t, y, j, p, n0);           /* Y1*J */
    add(u, t, t, p);
    sub(t, w, x, p);
    mul(n, twice_n, t, p, n0);
    sub(y, n, u, p);               /* Y3 = 2N*(W - X3) - 2*Y1*J */
    memcpy(z, z_sum, sizeof z_sum);
    wipe(z1z1, N); wipe(h, N); wipe(n, N); wipe(twice_n, N); wipe(hh, N); wipe(z_sum, N); wipe(i4, N);
    wipe(j, N); wipe(w, N); wipe(t, N); wipe(u, N); wipe(real, N); wipe(imaginary, N);
}

#endif /* __x86_64__ */
