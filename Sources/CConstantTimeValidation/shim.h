// Valgrind memcheck client requests for the constant-time validation build
// (Scripts/check-constant-time.sh), the technique of BoringSSL's
// CONSTTIME_SECRET / CONSTTIME_DECLASSIFY (crypto/internal.h): secret bytes
// are marked *undefined*, so that memcheck reports every conditional jump and
// every memory address that depends on them, and values that are public by
// design are marked *defined* again.
//
// Only a build with -Xcc -DMIKEY_SAKKE_CT_VALIDATION includes valgrind's
// header (/usr/include/valgrind/memcheck.h, package valgrind or valgrind-dev);
// every other build gets empty functions and needs no valgrind at all. Each
// request is a few no-op instructions when the program does not run under
// valgrind.
#ifndef MIKEY_SAKKE_CONSTANT_TIME_VALIDATION_SHIM_H
#define MIKEY_SAKKE_CONSTANT_TIME_VALIDATION_SHIM_H

#include <stddef.h>

#if defined(MIKEY_SAKKE_CT_VALIDATION)
#include <valgrind/memcheck.h>
#endif

/// Marks `length` bytes at `pointer` as secret (memcheck: undefined). The
/// bytes themselves are not changed.
static inline void poison(const void *pointer, size_t length) {
#if defined(MIKEY_SAKKE_CT_VALIDATION)
    (void)VALGRIND_MAKE_MEM_UNDEFINED(pointer, length);
#else
    (void)pointer;
    (void)length;
#endif
}

/// Marks `length` bytes at `pointer` as public (memcheck: defined).
static inline void unpoison(const void *pointer, size_t length) {
#if defined(MIKEY_SAKKE_CT_VALIDATION)
    (void)VALGRIND_MAKE_MEM_DEFINED(pointer, length);
#else
    (void)pointer;
    (void)length;
#endif
}

/// 1 when this header was compiled with MIKEY_SAKKE_CT_VALIDATION, else 0.
static inline int constant_time_validation_compiled(void) {
#if defined(MIKEY_SAKKE_CT_VALIDATION)
    return 1;
#else
    return 0;
#endif
}

/// 1 when the process runs under valgrind (and the requests are live), else 0.
static inline int constant_time_validation_running_on_valgrind(void) {
#if defined(MIKEY_SAKKE_CT_VALIDATION)
    return RUNNING_ON_VALGRIND ? 1 : 0;
#else
    return 0;
#endif
}

/// The number of errors memcheck has reported so far (0 outside valgrind).
static inline unsigned long constant_time_validation_error_count(void) {
#if defined(MIKEY_SAKKE_CT_VALIDATION)
    return (unsigned long)VALGRIND_COUNT_ERRORS;
#else
    return 0;
#endif
}

#endif
