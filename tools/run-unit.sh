#!/usr/bin/env bash
# Runs each unit-test binary; each prints "ok"/"FAIL" lines and exits non-zero
# on failure. Prints "N passed, N failed" over the binaries.
pass=0; fail=0
for t in "$@"; do
  if out=$("$t" 2>&1); then pass=$((pass+1)); echo "PASS unit/$(basename "$t")"
  else fail=$((fail+1)); echo "FAIL unit/$(basename "$t")"; echo "$out" | tail -20; fi
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
