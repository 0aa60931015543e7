#!/usr/bin/env bash
# Loader robustness: corrupt and truncated .beam files must give a clear
# error naming the file (girder --check-load reports FAIL and exits 1),
# never a crash. Ends with "N passed, N failed".
set -u
vm=${1:-bin/girder}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$root/build/tests/loader
rm -rf "$work"; mkdir -p "$work"
src=/usr/lib/erlang/lib/stdlib-*/ebin/lists.beam
src=$(ls $src | head -1)
size=$(stat -c %s "$src")
pass=0; fail=0

# check FILE: the loader must refuse FILE cleanly
check() {
  local f=$1 what=$2 out rc
  out=$("$vm" --check-load "$(dirname "$f")" 2>&1); rc=$?
  if [ $rc -eq 1 ] && printf '%s' "$out" | grep -q "FAIL $f"; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "FAIL loader/$what (exit $rc)"; printf '%s\n' "$out" | head -3
  fi
}

# truncations at many lengths
for len in 0 3 8 11 12 19 20 40 100 500 1000 $((size/2)) $((size-100)) $((size-1)); do
  d=$work/trunc_$len; mkdir -p "$d"
  head -c "$len" "$src" > "$d/lists.beam"
  check "$d/lists.beam" "truncated_$len"
done
# a bad header
d=$work/header; mkdir -p "$d"; { printf 'FOR2'; tail -c +5 "$src"; } > "$d/lists.beam"
check "$d/lists.beam" header
# bytes overwritten at many offsets: must either load or fail cleanly
flips=0
for off in $(seq 12 97 $((size-1))); do
  d=$work/flip_$off; mkdir -p "$d"; cp "$src" "$d/lists.beam"
  printf '\377\377\377\377' | dd of="$d/lists.beam" bs=1 seek="$off" conv=notrunc status=none
  "$vm" --check-load "$d" > /dev/null 2>&1; rc=$?
  if [ $rc -le 1 ]; then flips=$((flips+1)); else fail=$((fail+1)); echo "FAIL loader/flip_$off crashed (exit $rc)"; fi
  rm -rf "$d"
done
pass=$((pass+1)); echo "PASS loader/byte_flips ($flips files, no crash)"
# an opcode girder does not know: the first opcode byte of the code
# (just after the Code chunk's 16-byte header) set to 255
d=$work/opcode; mkdir -p "$d"; cp "$src" "$d/lists.beam"
code_off=$(grep -obUaP 'Code' "$d/lists.beam" | head -1 | cut -d: -f1)
printf '\377' | dd of="$d/lists.beam" bs=1 seek=$((code_off + 8 + 4 + 16)) conv=notrunc status=none
out=$("$vm" --check-load "$d" 2>&1)
if printf '%s' "$out" | grep -q "opcode 255"; then pass=$((pass+1)); echo "PASS loader/unknown_opcode"
else fail=$((fail+1)); echo "FAIL loader/unknown_opcode"; printf '%s\n' "$out" | head -3; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
