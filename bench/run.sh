#!/usr/bin/env bash
# make bench: compiles bench/*.erl and the harness (bench/support/), then
# runs bench/support/bench_harness.erl on erl. Usage:
#   bench/run.sh [GIRDER]        environment: QUICK=1, RUNS=N, ONLY=a,b
# The harness times every program on erl and girder alternately, prints the
# table and writes bench/results/latest.{json,png}. docs/benchmarks.md.
set -u
vm=${1:-bin/girder}
cd "$(dirname "$0")/.."
[ -x "$vm" ] || { echo "bench: $vm not found; run make first" >&2; exit 1; }
out=build/bench
mkdir -p "$out/support" bench/results
erlc -o "$out/support" bench/support/*.erl || exit 1
erlc -o "$out" bench/support/bench_lib.erl bench/*.erl || exit 1
if [ -n "${QUICK:-}" ] && [ "${QUICK}" != 0 ]; then mode=quick; else mode=full; fi
# The harness VM stays out of the way: one scheduler that does not spin.
exec erl -noshell +S 1 +sbwt none +sbwtdcpu none +sbwtdio none -pa "$out/support" \
  -run bench_harness main "$vm" "$mode" "${RUNS:-3}" "${ONLY:-}" -s erlang halt
