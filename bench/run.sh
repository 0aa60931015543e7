#!/usr/bin/env bash
# make bench: runs every bench/*.erl on erl and on girder, alternately,
# RUNS times each (default 3), and prints the median time of each, the
# ratio girder/erl (below 1 is better) and the geometric mean. Programs
# print "RESULT <checksum>" (compared: a mismatch is reported as wrong, not
# timed) and "TIME_US <microseconds>" measured inside the VM; for hello
# (TIME_US 0) the wall time of the whole run is used, i.e. start-up.
# Results also go to bench/results/latest.json. A first harness: issue 5
# grows it (more programs, spread, groups, chart).
set -u
vm=${1:-bin/girder}
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
out=build/bench; mkdir -p "$out" bench/results
erlc -o "$out" bench/*.erl || exit 1
now_us() { echo $(( $(date +%s%N) / 1000 )); }
run_one() {   # vm module -> "result time_us rss_kb"
  local t0 t1 o rss
  t0=$(now_us)
  o=$( { /usr/bin/time -f "RSS_KB %M" "$1" -noshell -pa "$out" -s "$2" main -s init stop; } 2>&1 )
  t1=$(now_us)
  local res tus
  res=$(printf '%s\n' "$o" | sed -n 's/^RESULT //p')
  tus=$(printf '%s\n' "$o" | sed -n 's/^TIME_US //p')
  rss=$(printf '%s\n' "$o" | sed -n 's/^RSS_KB //p')
  [ "$tus" = 0 ] && tus=$((t1 - t0))
  echo "$res|$tus|$rss"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-12s %12s %12s %8s %10s %10s\n' program erl_ms girder_ms ratio erl_rss_kb girder_rss_kb
json="["; logsum=0; n=0
for f in bench/*.erl; do
  m=$(basename "$f" .erl)
  et=(); gt=(); er=0; gr=0; wrong=""
  for i in $(seq "$RUNS"); do
    IFS='|' read -r eres etus erss < <(run_one erl "$m")
    IFS='|' read -r gres gtus grss < <(run_one "$vm" "$m")
    [ "$eres" = "$gres" ] || wrong="erl=$eres girder=$gres"
    et+=("$etus"); gt+=("$gtus"); er=$erss; gr=$grss
  done
  if [ -n "$wrong" ]; then
    printf '%-12s WRONG RESULT (%s)\n' "$m" "$wrong"; continue
  fi
  em=$(printf '%s\n' "${et[@]}" | median); gm=$(printf '%s\n' "${gt[@]}" | median)
  ratio=$(awk -v g="$gm" -v e="$em" 'BEGIN { printf "%.3f", (e > 0 ? g / e : 0) }')
  printf '%-12s %12.1f %12.1f %8s %10s %10s\n' "$m" "$(awk -v x="$em" 'BEGIN{print x/1000}')" \
    "$(awk -v x="$gm" 'BEGIN{print x/1000}')" "$ratio" "$er" "$gr"
  logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN { print s + log(r) }'); n=$((n + 1))
  json="$json{\"program\":\"$m\",\"erl_us\":$em,\"girder_us\":$gm,\"ratio\":$ratio,\"erl_rss_kb\":$er,\"girder_rss_kb\":$gr},"
done
geo=$(awk -v s="$logsum" -v n="$n" 'BEGIN { printf "%.3f", (n ? exp(s / n) : 0) }')
echo "geometric mean of ratios: $geo"
echo "${json%,}]" > bench/results/latest.json
