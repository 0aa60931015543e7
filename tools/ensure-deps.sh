#!/usr/bin/env bash
# Installs the Debian packages girder needs when run as root; otherwise says
# exactly what is missing and how to install it. `ensure-deps.sh bench`
# checks the benchmarks' extra packages instead (gnuplot for the chart).
set -u
if [ "${1:-}" = bench ]; then
  pkgs=(gnuplot-nox time)
else
  pkgs=(gcc make erlang-base erlang-dev elixir zlib1g-dev libgmp-dev time)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "girder: installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "girder: apt-get install ${missing[*]} failed" >&2; exit 1; }
else
  echo "girder: missing Debian packages: ${missing[*]}" >&2
  echo "girder: run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
