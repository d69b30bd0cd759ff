#include "CAESGCM.h"

#if defined(__linux__)

#include <gcrypt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { nonce_length = 12, tag_length = 16 };

/// The libgcrypt context and the lock that serialises its use: one session
/// key may serve several streams on different threads.
struct caesgcm_context {
    gcry_cipher_hd_t handle;
    pthread_mutex_t lock;
};

int caesgcm_initialize(void) {
    // Whether the application has begun libgcrypt's initialisation itself
    // (asked before gcry_check_version, which begins it): then its settings,
    // secure memory among them, are left as they are. Secure memory is never
    // touched here: the contexts are opened without GCRY_CIPHER_SECURE.
    int started = gcry_control(GCRYCTL_ANY_INITIALIZATION_P);
    if (!gcry_check_version("1.8.0")) return -1;
    if (!started) gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
    // In FIPS mode libgcrypt refuses to encrypt under a caller's GCM IV,
    // which is what SRTP needs (RFC 7714 §8.1): the caller uses another backend.
    return gcry_fips_mode_active() ? -1 : 0;
}

caesgcm_context *caesgcm_create(const uint8_t *key, size_t key_length) {
    int algorithm;
    if (key_length == 16) algorithm = GCRY_CIPHER_AES128;
    else if (key_length == 32) algorithm = GCRY_CIPHER_AES256;
    else return NULL;
    caesgcm_context *context = malloc(sizeof *context);
    if (!context) return NULL;
    if (gcry_cipher_open(&context->handle, algorithm, GCRY_CIPHER_MODE_GCM, 0) != 0) {
        free(context);
        return NULL;
    }
    if (gcry_cipher_setkey(context->handle, key, key_length) != 0 || pthread_mutex_init(&context->lock, NULL) != 0) {
        gcry_cipher_close(context->handle);
        free(context);
        return NULL;
    }
    return context;
}

void caesgcm_destroy(caesgcm_context *context) {
    if (!context) return;
    gcry_cipher_close(context->handle);
    pthread_mutex_destroy(&context->lock);
    free(context);
}

/// Sets the nonce and absorbs the associated data.
static int start(gcry_cipher_hd_t handle, const uint8_t *nonce,
                 const uint8_t *aad, size_t aad_length, const uint8_t *aad_tail, size_t aad_tail_length) {
    if (gcry_cipher_setiv(handle, nonce, nonce_length) != 0) return -1;
    // GHASH buffers a partial block between calls, so the AAD may come in two pieces.
    if (aad_length > 0 && gcry_cipher_authenticate(handle, aad, aad_length) != 0) return -1;
    if (aad_tail_length > 0 && gcry_cipher_authenticate(handle, aad_tail, aad_tail_length) != 0) return -1;
    return 0;
}

int caesgcm_seal(caesgcm_context *context, const uint8_t *nonce,
                 const uint8_t *aad, size_t aad_length, const uint8_t *aad_tail, size_t aad_tail_length,
                 uint8_t *data, size_t length, uint8_t *tag) {
    pthread_mutex_lock(&context->lock);
    // In place: the input is NULL with length 0.
    int status = start(context->handle, nonce, aad, aad_length, aad_tail, aad_tail_length) == 0
        && gcry_cipher_encrypt(context->handle, data, length, NULL, 0) == 0
        && gcry_cipher_gettag(context->handle, tag, tag_length) == 0 ? 0 : -1;
    pthread_mutex_unlock(&context->lock);
    return status;
}

int caesgcm_open(caesgcm_context *context, const uint8_t *nonce,
                 const uint8_t *aad, size_t aad_length, const uint8_t *aad_tail, size_t aad_tail_length,
                 uint8_t *data, size_t length, const uint8_t *tag) {
    pthread_mutex_lock(&context->lock);
    int verified = start(context->handle, nonce, aad, aad_length, aad_tail, aad_tail_length) == 0
        && gcry_cipher_decrypt(context->handle, data, length, NULL, 0) == 0
        && gcry_cipher_checktag(context->handle, tag, tag_length) == 0;
    pthread_mutex_unlock(&context->lock);
    if (verified) return 0;
    // A forged packet's "plaintext" is its ciphertext decrypted under our
    // key: it would give away the keystream for that nonce. The caller's
    // buffer lives on after this call, so the stores cannot be elided.
    if (length > 0) memset(data, 0, length);
    return -1;
}

#endif /* __linux__ */
