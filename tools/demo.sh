#!/usr/bin/env bash
# make demo: compile the examples and run them on girder, then the same on
# erl for comparison, with wall-clock times.
set -eu
vm=$1
cd "$(dirname "$0")/.."
out=build/examples
mkdir -p "$out"
erlc -o "$out" examples/*.erl
ms() { date +%s%N; }
echo "== hello on girder"
t0=$(ms); "$vm" -noshell -pa "$out" -s hello start -s init stop; t1=$(ms)
echo "   ($(( (t1 - t0) / 1000000 )) ms)"
echo "== hello on erl"
t0=$(ms); erl -noshell -pa "$out" -s hello start -s init stop; t1=$(ms)
echo "   ($(( (t1 - t0) / 1000000 )) ms)"
echo "== Elixir: Hello.start() on girder"
elixirc -o "$out" examples/hello.ex >/dev/null
t0=$(ms); "$vm" -noshell -pa "$out" -s Elixir.Hello start -s init stop; t1=$(ms)
echo "   ($(( (t1 - t0) / 1000000 )) ms)"
for ex in spawn_many still_runs catch_all; do
  echo "== seed example $ex on girder (+S 1)"
  "$vm" +S 1 -noshell -pa "$out" -s $ex start -s init stop
done
