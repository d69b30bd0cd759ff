#ifndef CLIBGCRYPT_SHIM_H
#define CLIBGCRYPT_SHIM_H
/* libgcrypt for CAESGCM (SRTP's per-packet AES-GCM on Linux): this system
   library target only finds it (pkg-config libgcrypt) and says how to install
   it when it is missing (Debian: libgcrypt20-dev). */
#include <gcrypt.h>
#endif
