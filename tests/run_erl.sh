#!/usr/bin/env bash
# Differential test runner: compiles tests/erl/*.erl with erlc, runs each
# program on the real erl (the oracle) and on girder, and compares stdout and
# exit status. *.cmd files hold raw command-line arguments instead (emulator
# flags such as +S 1 included).
#
# usage: tests/run_erl.sh [--vm PATH] [-j N] [NAME...]
#   NAME is a test name (file name without extension) or a shell pattern
#   such as 'bin_*'; no names = all tests.
# environment: ERL, ERLC (oracle tools), ERL_TIMEOUT (30), VM_TIMEOUT (60),
#   JOBS (2), NO_CACHE=1 (ignore the erl output cache), SKIP="name ..."
#   (leave these out of a run of all tests).

set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=$ROOT/tests/erl
BUILD=$ROOT/build/tests/erl
CACHE=$ROOT/build/tests/erl-cache
ERL=${ERL:-erl}
ERLC=${ERLC:-erlc}
ERL_TIMEOUT=${ERL_TIMEOUT:-30}
VM_TIMEOUT=${VM_TIMEOUT:-60}
JOBS=${JOBS:-2}
VM=$ROOT/bin/girder
NAMES=()

usage() {
    sed -n '6,10s/^# \{0,1\}//p' "$0"
}

while [ $# -gt 0 ]; do
    case $1 in
        --vm) [ $# -ge 2 ] || { usage; exit 2; }; VM=$2; shift 2 ;;
        --vm=*) VM=${1#--vm=}; shift ;;
        -j) [ $# -ge 2 ] || { usage; exit 2; }; JOBS=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        --) shift; NAMES+=("$@"); break ;;
        -*) echo "run_erl.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) NAMES+=("$1"); shift ;;
    esac
done

# Resolve the VM to an absolute path: tests run with a scratch cwd.
VM_MISSING=
case $VM in
    */*) case $VM in /*) ;; *) VM=$PWD/$VM ;; esac ;;
    *) found=$(command -v "$VM" 2>/dev/null) && VM=$found ;;
esac
if [ ! -f "$VM" ] || [ ! -x "$VM" ]; then
    VM_MISSING="VM not found or not executable: $VM"
fi

case $JOBS in ''|*[!0-9]*|0) echo "run_erl.sh: bad job count '$JOBS'" >&2; exit 2 ;; esac
command -v "$ERL" >/dev/null 2>&1 || { echo "run_erl.sh: oracle '$ERL' not found" >&2; exit 2; }
command -v "$ERLC" >/dev/null 2>&1 || { echo "run_erl.sh: '$ERLC' not found" >&2; exit 2; }

# ---- select tests ---------------------------------------------------------

ALL=()
for f in "$SRC"/*.erl "$SRC"/*.cmd; do
    [ -e "$f" ] || continue
    ALL+=("$(basename "$f")")
done

TESTS=()
if [ ${#NAMES[@]} -eq 0 ]; then
    for f in "${ALL[@]}"; do
        case " ${SKIP:-} " in *" ${f%.*} "*) continue ;; esac
        TESTS+=("$f")
    done
else
    for pat in "${NAMES[@]}"; do
        pat=${pat##*/}
        pat=${pat%.erl}
        pat=${pat%.cmd}
        hit=0
        for f in "${ALL[@]}"; do
            base=${f%.*}
            # shellcheck disable=SC2254
            case $base in
                $pat)
                    dup=0
                    for t in ${TESTS[@]+"${TESTS[@]}"}; do [ "$t" = "$f" ] && dup=1; done
                    [ $dup -eq 0 ] && TESTS+=("$f")
                    hit=1 ;;
            esac
        done
        [ $hit -eq 1 ] || { echo "run_erl.sh: no test matches '$pat'" >&2; exit 2; }
    done
fi
[ ${#TESTS[@]} -gt 0 ] || { echo "run_erl.sh: no tests in $SRC" >&2; exit 2; }

mkdir -p "$BUILD" "$CACHE" || exit 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/run_erl.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# ---- compile (only stale .beam files) -------------------------------------

stale=()
for f in "${TESTS[@]}"; do
    case $f in *.erl) ;; *) continue ;; esac
    beam=$BUILD/${f%.erl}.beam
    if [ ! -f "$beam" ] || [ "$SRC/$f" -nt "$beam" ]; then
        stale+=("$f")
    fi
done

is_fresh() { [ -f "$BUILD/${1%.erl}.beam" ] && ! [ "$SRC/$1" -nt "$BUILD/${1%.erl}.beam" ]; }

# erlc stops at the first file that fails: compile the batch, blame the first
# file still stale, and go on with the files after it.
while [ ${#stale[@]} -gt 0 ]; do
    if (cd "$SRC" && "$ERLC" -o "$BUILD" "${stale[@]}") >"$WORK/erlc.log" 2>&1; then
        break
    fi
    rest=()
    blamed=
    for f in "${stale[@]}"; do
        if [ -n "$blamed" ]; then
            rest+=("$f")
        elif ! is_fresh "$f"; then
            blamed=$f
            # compile it alone: its own messages only (the batch log also has
            # the warnings of the files before it)
            if (cd "$SRC" && "$ERLC" -o "$BUILD" "$f") >"$WORK/${f%.erl}.compile-error" 2>&1; then
                rm -f "$WORK/${f%.erl}.compile-error"
            else
                rm -f "$BUILD/${f%.erl}.beam"
            fi
        fi
    done
    if [ -z "$blamed" ]; then
        # erlc failed without leaving a stale file behind: blame all.
        for f in "${stale[@]}"; do cp "$WORK/erlc.log" "$WORK/${f%.erl}.compile-error"; done
        break
    fi
    stale=(${rest[@]+"${rest[@]}"})
done

# ---- run ------------------------------------------------------------------

ERL_PATH=$(command -v "$ERL")
ERL_ID=$( { readlink -f "$ERL_PATH"; ls "$(dirname "$(readlink -f "$ERL_PATH")")/.." 2>/dev/null; } | sha1sum | cut -c1-40)
BEAMS_ID=

export ERL_CRASH_DUMP_SECONDS=0

# run_one INDEX FILE: writes the result to $WORK/jobINDEX/res
run_one() {
    local idx=$1 f=$2 name args key d rc_erl rc_vm
    name=${f%.*}
    d=$WORK/job$idx
    mkdir -p "$d/cwd"
    {
        if [ -e "$WORK/$name.compile-error" ]; then
            echo "FAIL $name"
            echo "  erlc failed:"
            head -20 "$WORK/$name.compile-error" | sed 's/^/  | /'
            return
        fi
        if [ -n "$VM_MISSING" ]; then
            echo "FAIL $name"
            return
        fi
        case $f in
            *.cmd)
                local line
                line=$(tr '\n' ' ' <"$SRC/$f")
                eval "args=( $line )" || { echo "FAIL $name"; echo "  cannot parse $f"; return; }
                key=$( { echo "$ERL_ID"; echo "$BEAMS_ID"; cat "$SRC/$f"; } | sha1sum | cut -c1-40) ;;
            *)
                args=(-s "$name" main -s init stop)
                key=$( { echo "$ERL_ID"; sha1sum <"$BUILD/$name.beam"; printf '%s\n' "${args[@]}"; } | sha1sum | cut -c1-40) ;;
        esac

        if [ -z "${NO_CACHE:-}" ] && [ -f "$CACHE/$key.rc" ] && [ -f "$CACHE/$key.out" ]; then
            cp "$CACHE/$key.out" "$d/erl.out"
            rc_erl=$(cat "$CACHE/$key.rc")
        else
            (cd "$d/cwd" && exec timeout -k 5 "$ERL_TIMEOUT" "$ERL" -noshell -pa "$BUILD" "${args[@]}") \
                </dev/null >"$d/erl.out" 2>"$d/erl.err"
            rc_erl=$?
            if [ "$rc_erl" -ne 124 ] && [ "$rc_erl" -ne 137 ]; then
                cp "$d/erl.out" "$CACHE/$key.out.$$" && mv "$CACHE/$key.out.$$" "$CACHE/$key.out"
                echo "$rc_erl" >"$CACHE/$key.rc.$$" && mv "$CACHE/$key.rc.$$" "$CACHE/$key.rc"
            fi
        fi

        (cd "$d/cwd" && exec timeout -k 5 "$VM_TIMEOUT" "$VM" -noshell -pa "$BUILD" "${args[@]}") \
            </dev/null >"$d/vm.out" 2>"$d/vm.err"
        rc_vm=$?

        if [ "$rc_erl" = "$rc_vm" ] && cmp -s "$d/erl.out" "$d/vm.out"; then
            echo "PASS $name"
        else
            echo "FAIL $name"
            local why_erl=$rc_erl why_vm=$rc_vm
            [ "$rc_erl" = 124 ] && why_erl="124 (timeout ${ERL_TIMEOUT}s)"
            [ "$rc_vm" = 124 ] && why_vm="124 (timeout ${VM_TIMEOUT}s)"
            [ "$rc_erl" = 137 ] && why_erl="137 (killed)"
            [ "$rc_vm" = 137 ] && why_vm="137 (killed)"
            echo "  exit status: erl=$why_erl vm=$why_vm"
            if ! cmp -s "$d/erl.out" "$d/vm.out"; then
                diff -a -u --label erl --label vm "$d/erl.out" "$d/vm.out" | head -30 | sed 's/^/  /'
            fi
            if [ -s "$d/vm.err" ]; then
                echo "  vm stderr:"
                head -5 "$d/vm.err" | sed 's/^/  | /'
            fi
        fi
    } >"$d/res" 2>&1
}

# The .cmd tests may use any module in $BUILD: key their cache on all beams.
for f in "${TESTS[@]}"; do
    case $f in *.cmd)
        BEAMS_ID=$(cat "$BUILD"/*.beam 2>/dev/null | sha1sum | cut -c1-40)
        break ;;
    esac
done

[ -n "$VM_MISSING" ] && echo "$VM_MISSING: every test fails"

# Known failures: "NAME  reason" lines. Such a test still runs; failing is
# expected (XFAIL, not counted as a failure), passing is an error (XPASS:
# take it off the list), so the list only shrinks.
KNOWN_FILE=$SRC/KNOWN_FAILURES
known_reason() {
    [ -f "$KNOWN_FILE" ] || return 1
    awk -v n="$1" '$1 == n { $1 = ""; sub(/^ +/, ""); print; found = 1 } END { exit !found }' "$KNOWN_FILE"
}

total=${#TESTS[@]}
xfailed=0
next=0
printed=0
passed=0
failed=0
running=0
while [ "$printed" -lt "$total" ]; do
    while [ "$running" -lt "$JOBS" ] && [ "$next" -lt "$total" ]; do
        ( run_one "$next" "${TESTS[$next]}"; : >"$WORK/job$next/done" ) &
        next=$((next + 1))
        running=$((running + 1))
    done
    progress=0
    while [ $printed -lt $next ] && [ -e "$WORK/job$printed/done" ]; do
        res=$WORK/job$printed/res
        tname=$(head -1 "$res" | awk '{print $2}')
        if reason=$(known_reason "$tname"); then
            case $(head -1 "$res") in
                PASS*) echo "XPASS $tname: it passes now, remove it from tests/erl/KNOWN_FAILURES"
                       failed=$((failed + 1)) ;;
                *) echo "XFAIL $tname ($reason)"; xfailed=$((xfailed + 1)) ;;
            esac
        else
            cat "$res"
            case $(head -1 "$res") in
                PASS*) passed=$((passed + 1)) ;;
                *) failed=$((failed + 1)) ;;
            esac
        fi
        printed=$((printed + 1))
        progress=1
    done
    # count the jobs still running
    running=0
    i=$printed
    while [ $i -lt $next ]; do
        [ -e "$WORK/job$i/done" ] || running=$((running + 1))
        i=$((i + 1))
    done
    [ $progress -eq 1 ] || sleep 0.05
done
wait

if [ $xfailed -gt 0 ]; then
    echo "$xfailed known failures (tests/erl/KNOWN_FAILURES): run, failed as listed, not counted"
    echo "$passed passed, $failed failed, $xfailed skipped"
else
    echo "$passed passed, $failed failed"
fi
[ $failed -eq 0 ]
