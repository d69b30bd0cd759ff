#!/usr/bin/env bash
# Runs one fuzz target for SECONDS seconds, building it first:
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
# TARGET is an entry point of Tests/FuzzEntryPoints (SRTPUnprotect,
# SRTCPUnprotect, RTPHeader, P256Point, SAKKEPoint, ECCSIVerify,
# SAKKEDecapsulate, VectorFile, VectorFileParse). The fuzzer reads the committed seeds
# (FuzzTesting/Corpus/TARGET) and any kept crashes (FuzzTesting/FailCases/TARGET)
# and writes what it finds to FuzzTesting/.work/ (not committed): new corpus
# entries to corpus/TARGET, crashing inputs to artifacts/TARGET/. Exits non-zero
# on a crash, a timeout or an out-of-memory.
set -euo pipefail
if [ $# -lt 2 ]; then
    echo "usage: $0 TARGET SECONDS [libFuzzer options…]" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzzing="$root/FuzzTesting"
if [ ! -d "$fuzzing/Corpus/$target" ]; then
    echo "unknown target $target (no $fuzzing/Corpus/$target)" >&2
    exit 2
fi
bin="$("$root/Scripts/fuzz-build.sh" --product "Fuzz$target")"
work="$fuzzing/.work"
mkdir -p "$work/corpus/$target" "$work/artifacts/$target"
inputs=("$work/corpus/$target" "$fuzzing/Corpus/$target")
if [ -n "$(ls -A "$fuzzing/FailCases/$target" 2>/dev/null | grep -v '^\.')" ]; then
    inputs+=("$fuzzing/FailCases/$target")
fi
# The Swift backtracer hangs after a crash under libFuzzer: leave reports to ASan.
SWIFT_BACKTRACE=enable=no "$bin/Fuzz$target" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$target/" "$@" "${inputs[@]}"
