#!/usr/bin/env bash
# Builds every fuzz target once and runs each for SECONDS seconds (default 5)
# from its committed seeds, one after another, in a scratch corpus that is
# thrown away. Fails if any target crashes, times out or runs out of memory;
# the crashing input is left in FuzzTesting/.work/smoke-artifacts/TARGET/.
#   Scripts/fuzz-smoke.sh [SECONDS]
set -euo pipefail
seconds=${1:-5}
root="$(cd "$(dirname "$0")/.." && pwd)"
fuzzing="$root/FuzzTesting"
bin="$("$root/Scripts/fuzz-build.sh")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failed=()
for folder in "$fuzzing"/Corpus/*/; do
    target="$(basename "$folder")"
    artifacts="$fuzzing/.work/smoke-artifacts/$target"
    mkdir -p "$scratch/$target" "$artifacts"
    inputs=("$scratch/$target" "$fuzzing/Corpus/$target")
    if [ -n "$(ls -A "$fuzzing/FailCases/$target" 2>/dev/null | grep -v '^\.')" ]; then
        inputs+=("$fuzzing/FailCases/$target")
    fi
    echo "fuzz smoke: $target for ${seconds}s"
    if SWIFT_BACKTRACE=enable=no "$bin/Fuzz$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
        -artifact_prefix="$artifacts/" "${inputs[@]}" >"$scratch/$target.log" 2>&1; then
        grep -E '^#[0-9]+ +DONE' "$scratch/$target.log" || tail -n 1 "$scratch/$target.log"
    else
        failed+=("$target")
        tail -n 60 "$scratch/$target.log"
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz smoke FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "fuzz smoke: every target ran ${seconds}s without a crash"
