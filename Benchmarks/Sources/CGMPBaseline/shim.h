#ifndef CGMP_BASELINE_SHIM_H
#define CGMP_BASELINE_SHIM_H
/* GMP for the baseline benchmarks (mpz_mul + mpz_mod, mpz_powm). */
#include <gmp.h>
#endif
