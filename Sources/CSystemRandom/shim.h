// The operating system's CSPRNG call: getrandom(2) on Linux (glibc 2.25+,
// musl 1.1.20+), getentropy/arc4random_buf on Darwin. Used by BigNum's
// SecureRandom.swift only.
#if defined(__linux__)
#include <sys/random.h>
#endif
