#!/usr/bin/env bash
# Runs every suite (unit tests, loader robustness, differential programs,
# a quick subset of OTP's conformance suites) for one build type and ends
# with one line "N passed, N failed".
set -u
type=$1; vm=$2
cd "$(dirname "$0")/.."
total_pass=0; total_fail=0; total_skip=0
tally() {   # reads a suite's output, echoes it, adds its closing counts
  local out
  out=$(cat)
  local re='^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$'
  printf '%s\n' "$out" | grep -v -E "$re"
  local line
  line=$(printf '%s\n' "$out" | grep -E "$re" | tail -1)
  if [ -n "$line" ]; then
    total_pass=$((total_pass + $(echo "$line" | cut -d' ' -f1)))
    total_fail=$((total_fail + $(echo "$line" | cut -d' ' -f3)))
    total_skip=$((total_skip + $(echo "$line" | awk '{print ($5 == "" ? 0 : $5)}')))
  else
    total_fail=$((total_fail + 1)); echo "FAIL suite produced no result line"
  fi
}
echo "== unit tests ($type)"
tally < <(make --no-print-directory TYPE="$type" unit 2>&1)
echo "== loader robustness"
tally < <(tests/loader/run.sh "$vm" 2>&1)
echo "== differential programs (erl vs girder)"
tally < <(tests/run_erl.sh --vm "$vm" 2>&1)
# OTP's own suites, a quick subset (the release build only: their timing
# assumptions do not hold under the sanitizers' slowdown)
if [ "$type" = release ]; then
  echo "== conformance: OTP suites, quick subset (erl vs girder)"
  tally < <(tests/conformance/quick.sh "$vm" 2>&1)
fi
if [ "$total_skip" -gt 0 ]; then
  echo "$total_pass passed, $total_fail failed, $total_skip skipped"
else
  echo "$total_pass passed, $total_fail failed"
fi
[ "$total_fail" = 0 ]
