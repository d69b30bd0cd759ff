#ifndef CGMP_SHIM_H
#define CGMP_SHIM_H
/* GNU MP, the arbitrary-precision arithmetic library behind BigNum.
   Swift sees GMP's real symbol names (__gmpz_*, __gmpn_*): the public
   mpz_/mpn_ names are C macros, which Swift does not import. Only the
   BigNum target calls into this module. */
#include <gmp.h>
#endif
