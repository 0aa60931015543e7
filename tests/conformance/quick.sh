#!/usr/bin/env bash
# The quick conformance subset that `make test` runs (issue 7): a few fast
# OTP suites on erl and on girder, known_failures.txt respected. Ends with
# "N passed, N failed": passed = cases that pass on erl and on girder,
# failed = regressions plus listed cases that now pass (a run that cannot
# start counts as one failure). `make conformance` runs the full set.
# Usage: tests/conformance/quick.sh VM
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VM=${1:-$ROOT/bin/girder}
# Suites that take a few seconds on each VM (erl 1-5 s, girder 0-5 s each
# on the 2-core machine; the run prints the times): sequential ones and the
# quick process ones. About 45 s in all, compiling included.
QUICK_SUITES=${CONFORMANCE_QUICK_SUITES:-"monitor_SUITE hibernate_SUITE guard_SUITE
 bs_utf_SUITE base64_SUITE queue_SUITE dict_SUITE proplists_SUITE math_SUITE
 sets_SUITE"}

out=$(CONFORMANCE_BUILD="$ROOT/build/conformance-quick" \
      "$ROOT/tools/conformance.sh" "$VM" $QUICK_SUITES 2>&1)
rc=$?
total=$(printf '%s\n' "$out" | awk '$1 == "TOTAL" { print $3 }')
if [ -z "$total" ]; then
    printf '%s\n' "$out" | tail -5
    echo "FAIL conformance (the run did not finish; exit status $rc)"
    echo "0 passed, 1 failed"
    exit 1
fi
printf '%s\n' "$out" | awk '/^suite /,/^TOTAL/'
printf '%s\n' "$out" | grep -E '^(REGRESSION|NOW PASSES)' || true
bad=$(printf '%s\n' "$out" | grep -cE '^(REGRESSION|NOW PASSES)')
echo "$total passed, $bad failed"
[ "$bad" = 0 ]
