// AES-GCM for SRTP/SRTCP (RFC 7714) over libgcrypt: one cipher context per
// key, reused for every packet, encrypting and decrypting in place, with the
// associated data in up to two pieces (SRTCP's AAD is the packet's clear head
// and its E‖index word, which are not contiguous). No allocation per packet.
//
// A context may be used from several threads: each call holds the context's
// mutex for the cipher work alone.

#ifndef CAESGCM_H
#define CAESGCM_H

#include <stddef.h>
#include <stdint.h>

#if defined(__linux__)

/// An AES-GCM cipher context with its key set (a libgcrypt `gcry_cipher_hd_t`
/// and its mutex).
typedef struct caesgcm_context caesgcm_context;

/// Initialises libgcrypt unless the application has begun to (then only the
/// version is checked); returns 0, or -1 when libgcrypt is older than 1.8 or
/// in FIPS mode (which refuses a caller's GCM IV). Safe to call again.
int caesgcm_initialize(void);

/// A context for a 16- or 32-octet key, or NULL (bad length, libgcrypt failure).
caesgcm_context *caesgcm_create(const uint8_t *key, size_t key_length);

/// Closes the context (no call may be running on it); libgcrypt wipes the
/// key schedule as it frees it.
void caesgcm_destroy(caesgcm_context *context);

/// Encrypts `data` in place under the 12-octet `nonce`, authenticating
/// aad ‖ aad_tail, and writes the 16-octet tag. Returns 0, or -1.
int caesgcm_seal(caesgcm_context *context, const uint8_t *nonce,
                 const uint8_t *aad, size_t aad_length, const uint8_t *aad_tail, size_t aad_tail_length,
                 uint8_t *data, size_t length, uint8_t *tag);

/// Decrypts `data` in place under `nonce` and checks the 16-octet tag over
/// aad ‖ aad_tail and the ciphertext. Returns 0; or -1 when the tag does not
/// verify (or libgcrypt fails), and then `data` has been overwritten with
/// zeros: no unauthenticated plaintext is left.
int caesgcm_open(caesgcm_context *context, const uint8_t *nonce,
                 const uint8_t *aad, size_t aad_length, const uint8_t *aad_tail, size_t aad_tail_length,
                 uint8_t *data, size_t length, const uint8_t *tag);

#endif /* __linux__ */

#endif
