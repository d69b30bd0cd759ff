#!/usr/bin/env bash
# The project's own lint: patterns that hide a failed invariant or crash on
# hostile input in library code (Sources/, but not the command-line tool or the
# constant-time harness, whose inputs are the user's own). Exits 1 on a hit.
set -euo pipefail
cd "$(dirname "$0")/.."

library=(Sources --include=*.swift --exclude-dir=mikey-sakke --exclude-dir=constant-time-check)
status=0
report() {
    local what="$1" pattern="$2" hits
    hits=$(grep -rnE "$pattern" "${library[@]}" || true)
    if [ -n "$hits" ]; then
        echo "lint: $what" >&2
        echo "$hits" >&2
        status=1
    fi
}
# A silent fallback after a failed invariant: `(try? …) ?? default` builds a table
# empty or a point from a default. Throw a typed error, or preconditionFailure
# when only a bug can get there.
report "silent fallback after try? (throw or preconditionFailure instead)" 'try\?[^;]*\?\?'
# The same, with the `?? default` on the continuation line.
multiline=$(find Sources -name '*.swift' -not -path '*/mikey-sakke/*' -not -path '*/constant-time-check/*' -print0 |
    xargs -0 perl -0777 -ne 'while (/try\?[^\n]*\n\s*\?\?/g) { my $line = substr($_, 0, $-[0]) =~ tr/\n//; print "$ARGV:", $line + 1, "\n" }')
if [ -n "$multiline" ]; then
    echo "lint: silent fallback after try? across lines (throw or preconditionFailure instead)" >&2
    echo "$multiline" >&2
    status=1
fi
# try! traps on data that may come from outside.
report "try! in library code" 'try!'
# Stubs reported as done.
report "unfinished code" 'fatalError\("(not implemented|unimplemented|TODO)|// *TODO: *implement'
if [ "$status" -eq 0 ]; then echo "lint: clean"; fi
exit "$status"
