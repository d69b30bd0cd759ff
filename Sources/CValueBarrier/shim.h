// An optimization barrier for constant-time code, after BoringSSL's
// value_barrier_w (crypto/internal.h): the value passes through an empty
// inline assembly statement, so the compiler can no longer tell that a mask
// is 0 or all ones, and cannot turn a masked selection back into a branch or
// a table scan into one load at a secret index. Both happened in P-256's
// fixed-base comb (LLVM rewrote the 16-entry masked scan as a compare and
// jump per entry); the constant-time check (Scripts/check-constant-time.sh)
// found it. The statement emits no instruction.
#ifndef MIKEY_SAKKE_VALUE_BARRIER_SHIM_H
#define MIKEY_SAKKE_VALUE_BARRIER_SHIM_H

#include <stdint.h>

/// `value`, unchanged, opaque to the optimizer.
static inline uint64_t value_barrier_u64(uint64_t value) {
    __asm__("" : "+r"(value) : /* no inputs */);
    return value;
}

#endif
