#!/bin/bash
# Conformance run: OTP 25's own test suites on erl and on girder, side by side
# (issue 7). Usage: tools/conformance.sh [--update] [VM] [SUITE...]
# See tests/conformance/README.md.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CONF=$ROOT/tests/conformance
BUILD=${CONFORMANCE_BUILD:-$ROOT/build/conformance}
KNOWN=$CONF/known_failures.txt
CACHE=${GIRDER_OTP_SRC_CACHE:-$HOME/.cache/girder/otp-src}
CASE_MS=${CONFORMANCE_CASE_MS:-30000}
SUITE_S=${CONFORMANCE_SUITE_S:-300}
ERL=${ERL:-erl}

DEFAULT_SUITES="guard_SUITE num_bif_SUITE tuple_SUITE list_bif_SUITE float_SUITE
 big_SUITE exception_SUITE fun_SUITE map_SUITE bs_construct_SUITE
 bs_match_int_SUITE bs_utf_SUITE lists_SUITE maps_SUITE string_SUITE
 base64_SUITE queue_SUITE sets_SUITE dict_SUITE proplists_SUITE math_SUITE
 receive_SUITE after_SUITE monitor_SUITE erl_link_SUITE signal_SUITE
 timer_bif_SUITE hibernate_SUITE message_queue_data_SUITE ref_SUITE"
# Run by name only, until girder can run them (their failures are listed):
# process_SUITE (init_per_suite needs application_controller),
# persistent_term_SUITE, atomics_SUITE, counters_SUITE.
TEST_DIRS="erts/emulator/test lib/stdlib/test lib/kernel/test"

UPDATE=0
if [ "${1:-}" = "--update" ]; then UPDATE=1; shift; fi
VM=${1:-$ROOT/bin/girder}
[ $# -gt 0 ] && shift
SUITES=${*:-$DEFAULT_SUITES}
case $VM in /*) ;; *) VM=$(cd "$(dirname "$VM")" && pwd)/$(basename "$VM") ;; esac

die() { echo "conformance: $*" >&2; exit 2; }

command -v "$ERL" >/dev/null && command -v erlc >/dev/null \
    || die "erl and erlc (OTP 25) are needed: apt-get install erlang-base erlang-dev"
[ -x "$VM" ] || die "no VM at $VM (run make first)"
CT_INC=$(ls -d /usr/lib/erlang/lib/common_test-*/include 2>/dev/null | head -1)
[ -n "$CT_INC" ] || die "common_test's ct.hrl is missing: apt-get install erlang-dev"

# ---- the OTP 25 source, in a cache outside the repository -------------------
find_src() { ls -d "$CACHE"/erlang-*/erts/emulator/test 2>/dev/null | head -1 | sed 's|/erts/emulator/test$||'; }
SRC=$(find_src)
if [ -z "$SRC" ]; then
    mkdir -p "$CACHE" || die "cannot create $CACHE"
    if [ -d /work/otp-src/erlang-25.2.3+dfsg/erts/emulator/test ]; then
        ln -sfn /work/otp-src/erlang-25.2.3+dfsg "$CACHE/erlang-25.2.3+dfsg"
    elif [ "$(id -u)" = 0 ]; then
        SRCS=/etc/apt/sources.list.d/debian.sources
        if [ -f $SRCS ] && ! grep -q '^Types:.*deb-src' $SRCS; then
            echo "conformance: adding deb-src to $SRCS"
            sed -i 's/^Types: deb$/Types: deb deb-src/' $SRCS
        fi
        command -v dpkg-source >/dev/null || apt-get install -y dpkg-dev >/dev/null
        apt-get update -qq && (cd "$CACHE" && apt-get source -qq erlang) \
            || die "apt-get source erlang failed"
    else
        die "the OTP 25 source is missing from $CACHE; as root run this again, or:
  add 'deb-src' to the Types: line in /etc/apt/sources.list.d/debian.sources,
  apt-get update, then: mkdir -p $CACHE && cd $CACHE && apt-get source erlang"
    fi
    SRC=$(find_src)
    [ -n "$SRC" ] || die "no OTP source under $CACHE after fetching it"
fi
echo "conformance: OTP source $SRC"

# ---- compile runner, stand-ins and suites ---------------------------------
EBIN=$BUILD/ebin          # gd_runner, gd_report and the ct/test_server stand-ins
SEBIN=$BUILD/suites       # the suites and their helper modules
rm -rf "$BUILD/erl" "$BUILD/vm" "$BUILD/priv"
mkdir -p "$EBIN" "$SEBIN" "$BUILD/erl" "$BUILD/vm" "$BUILD/priv" "$BUILD/log"
erlc -o "$EBIN" "$CONF"/gd_runner.erl "$CONF"/gd_report.erl \
     "$CONF"/stubs/ct.erl "$CONF"/stubs/test_server.erl || die "runner does not compile"

RUN=""
for s in $SUITES; do
    s=${s%.erl}; case $s in *_SUITE) ;; *) s=${s}_SUITE ;; esac
    dir=""
    for d in $TEST_DIRS; do [ -f "$SRC/$d/$s.erl" ] && { dir=$SRC/$d; break; }; done
    [ -n "$dir" ] || { echo "conformance: no $s in $TEST_DIRS, skipped"; continue; }
    # helper modules: other modules of the same test folder that the suite calls
    helpers=""
    for m in $(grep -oE '\b[a-z][a-z_0-9]*:' "$dir/$s.erl" | tr -d ':' | sort -u); do
        [ "$m" != "$s" ] && [ -f "$dir/$m.erl" ] && helpers="$helpers $dir/$m.erl"
    done
    if erlc -o "$SEBIN" -I "$dir" -I "$CT_INC" +nowarn_export_all -DEUNIT_NOAUTO \
         "$dir/$s.erl" $helpers > "$BUILD/log/$s.erlc" 2>&1; then
        RUN="$RUN $s:$dir"
    else
        echo "conformance: $s does not compile (see $BUILD/log/$s.erlc), skipped"
    fi
done
[ -n "$RUN" ] || die "no suite to run"

# ---- run each suite once on erl and once on the VM --------------------------
run_one() { # vm-label command suite dir
    local label=$1 cmd=$2 s=$3 dir=$4
    local priv=$BUILD/priv/$label/$s
    mkdir -p "$priv"
    timeout -k 5 "$SUITE_S" "$cmd" -noshell -pa "$EBIN" -pa "$SEBIN" \
        -run gd_runner main "$s" "$dir/${s}_data" "$priv" "$CASE_MS" \
        > "$BUILD/$label/$s.out" 2>&1 < /dev/null
    local rc=$?
    [ $rc = 0 ] || echo "    ($label exited with status $rc)"
}

T0=$(date +%s)
NAMES=""
for e in $RUN; do
    s=${e%%:*}; dir=${e#*:}
    NAMES="$NAMES $s"
    t0=$(date +%s)
    run_one erl "$(command -v "$ERL")" "$s" "$dir"
    t1=$(date +%s)
    run_one vm "$VM" "$s" "$dir"
    echo "conformance: $s (erl $((t1 - t0)) s, $(basename "$VM") $(($(date +%s) - t1)) s)"
done
T1=$(date +%s)
echo "conformance: ran in $((T1 - T0)) s"

"$ERL" -noshell -pa "$EBIN" -run gd_report main "$BUILD" "$KNOWN" "$UPDATE" \
    "$(basename "$VM")" $NAMES
