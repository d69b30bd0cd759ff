#ifndef CGCRYPT_BASELINE_SHIM_H
#define CGCRYPT_BASELINE_SHIM_H
/* libgcrypt called directly: the bare AES-GCM baseline of the SRTP benchmarks. */
#include <gcrypt.h>
#endif
