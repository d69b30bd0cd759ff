#!/usr/bin/env bash
# Builds the libFuzzer executables of FuzzTesting/ (release, libFuzzer and
# AddressSanitizer) and prints the folder that holds them. Used by fuzz.sh and
# fuzz-smoke.sh; pass --product Fuzz<Target> to build one.
set -euo pipefail
cd "$(dirname "$0")/../FuzzTesting"
swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library "$@" >&2
swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library --show-bin-path
