#!/usr/bin/env bash
# The mechanical constant-time check (issue 11), after BoringSSL's
# constant-time validation: a build with -DMIKEY_SAKKE_CT_VALIDATION marks
# secret inputs (SSK, j, KSAK, v, z, RSK, SSV, SRTP keys and salts, every
# CSPRNG output) undefined for valgrind's memcheck, which then reports every
# conditional jump and every memory address computed from them. Values public
# by design are declassified in the library where they become public
# (ConstantTimeValidation.declassify, each with a comment saying why).
#
#   Scripts/check-constant-time.sh [--inputs N] [--known-open op,op,...] [operation ...]
#
# Operations (default: all): eccsi-sign eccsi-issue sakke-rsk-issue
# sakke-encapsulate sakke-decapsulate srtp-protect. N (default 2) inputs per
# operation: the RFC example, then seeded ones. Exit status: 0 when memcheck
# reports nothing, 1 on any report (or when the canary, a deliberate leak, is
# not reported: then the check itself is broken), 2 on a set-up problem.
#
# --known-open lists operations whose reports are known and being fixed: they
# still run and their reports are summarised, but do not fail the run; an
# operation on that list that reports nothing fails it, so that the list
# cannot go stale. Logs: .build-ct/constant-time/<operation>.log.
#
# Release build, on purpose: the optimizer is what turns a branch-free masked
# selection into a branch (it did, in P-256's comb), and only the release
# binary shows that; a debug build checks code nobody ships. DWARF 4 because
# valgrind 3.19 cannot read the DWARF 5 that Swift 6's clang emits by default.
set -euo pipefail
cd "$(dirname "$0")/.."

inputs=2
known_open=","
operations=()
while [ $# -gt 0 ]; do
    case "$1" in
        --inputs) inputs="$2"; shift 2 ;;
        --known-open) known_open=",$2,"; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) operations+=("$1"); shift ;;
    esac
done
[ ${#operations[@]} -gt 0 ] || operations=(eccsi-sign eccsi-issue sakke-rsk-issue sakke-encapsulate sakke-decapsulate srtp-protect)

if ! command -v valgrind >/dev/null 2>&1 || [ ! -f /usr/include/valgrind/memcheck.h ]; then
    echo "check-constant-time: needs valgrind and its headers (apt-get install -y valgrind)" >&2
    exit 2
fi

scratch=.build-ct
build_flags=(-c release --scratch-path "$scratch"
    -Xswiftc -DMIKEY_SAKKE_CT_VALIDATION -Xcc -DMIKEY_SAKKE_CT_VALIDATION
    -Xswiftc -dwarf-version=4 -Xcc -gdwarf-4)
nice -n 19 swift build "${build_flags[@]}" --product constant-time-check
binary="$(swift build "${build_flags[@]}" --show-bin-path)/constant-time-check"
logs="$scratch/constant-time"
mkdir -p "$logs"

memcheck() {
    local log="$1"; shift
    valgrind --tool=memcheck --error-exitcode=1 --suppressions=Scripts/constant-time.supp \
        --num-callers=40 --log-file="$log" "$binary" "$@"
}

# One line per distinct report: its kind and the innermost frame in a Swift
# source of the package (else the innermost frame), most frequent first.
summarise() {
    awk '
        /== (Conditional jump|Use of uninitialised value|Syscall param)/ {
            kind = ($0 ~ /Conditional/) ? "branch on secret" : ($0 ~ /Use of/) ? "address from secret" : "syscall on secret"
            inside = 1; first = ""; own = ""; next
        }
        inside && /== +(at|by) / {
            line = $0; sub(/^==[0-9]+== +(at|by) 0x[0-9A-F]+: /, "", line)
            if (first == "") first = line
            if (own == "" && line ~ /\([A-Za-z0-9_+-]+\.swift:[0-9]+\)$/ && line !~ /constant-time-check|Check\.swift|main\.swift|Operation\.swift|Secret\.swift/) own = line
            next
        }
        inside { print kind ": " (own != "" ? own : first); inside = 0 }
    ' "$1" | sort | uniq -c | sort -rn | head -40
}

# The canary branches on a secret and indexes a table with it: memcheck
# must report it, or every clean result below means nothing.
if memcheck "$logs/canary.log" canary >/dev/null; then
    echo "check-constant-time: the canary (a deliberate leak) was not reported; the check is not working" >&2
    exit 1
fi

status=0
for operation in "${operations[@]}"; do
    start=$SECONDS
    rc=0
    memcheck "$logs/$operation.log" --inputs "$inputs" "$operation" >"$logs/$operation.out" 2>&1 || rc=$?
    # The harness prints "<operation>: N memcheck report(s)" when it ran to the
    # end; anything else it prints is its own failure (a wrong answer, a throw).
    if grep -v "memcheck report(s)$" "$logs/$operation.out" | grep -q "^constant-time-check: "; then
        cat "$logs/$operation.out" >&2
        echo "check-constant-time: $operation: the harness failed (exit $rc)" >&2
        status=1
        continue
    fi
    if [ "$rc" -eq 0 ]; then
        if [[ "$known_open" == *",$operation,"* ]]; then
            echo "check-constant-time: $operation: clean, but listed as known open: remove it from --known-open" >&2
            status=1
        else
            echo "check-constant-time: $operation: clean ($((SECONDS - start)) s)"
        fi
        continue
    fi
    summary="$(grep 'ERROR SUMMARY' "$logs/$operation.log" | sed 's/^==[0-9]*== //')"
    if [[ "$known_open" == *",$operation,"* ]]; then
        echo "check-constant-time: $operation: known open, $summary ($((SECONDS - start)) s); most frequent:"
        summarise "$logs/$operation.log" | head -8
    else
        echo "check-constant-time: $operation: $summary; distinct reports (log: $logs/$operation.log):" >&2
        summarise "$logs/$operation.log" >&2
        status=1
    fi
done
exit $status
