# t/lib/cli.sh: TAP helpers for the CLI tests, in the spirit of C TAP Harness's
# libtap.sh and git's t/test-lib.sh.  Source it after setting `tool` to the
# binary under test; it makes $tmp (removed on exit), runs tools under
# valgrind when VALGRIND=1, and counts tests for done_testing.
#
# Under VALGRIND=1 every `run` goes through valgrind with its report in a
# log file (so the tool's own stderr, which ok_program compares, stays
# clean).  A memory error or leak makes that run exit VALGRIND_STATUS and
# is remembered in $tmp, even from a pipeline or subshell; done_testing
# then adds a failing test that shows the reports.
set -u
LC_ALL=C
export LC_ALL
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
failed=0

skip_all() { echo "1..0 # SKIP $*"; exit 0; }

# The exit status of a run in which valgrind found an error: no tool exits
# with it (0, 2 and 3 are the toolkit's).
VALGRIND_STATUS=99

run() {
    if [ "${VALGRIND:-}" = 1 ]; then
        vg_status=0
        valgrind -q --error-exitcode=$VALGRIND_STATUS --leak-check=full \
            --errors-for-leak-kinds=definite,possible \
            --log-file="$tmp/valgrind.%p.log" "$tool" "$@" || vg_status=$?
        [ "$vg_status" -ne "$VALGRIND_STATUS" ] ||
            echo "$tool $*" >>"$tmp/valgrind.failed"
        return "$vg_status"
    fi
    "$tool" "$@"
}

# run_exec ARGS...: run's tool in place of the calling (sub)shell, for a
# background job whose $! must be the tool itself (`run_exec ... &`).
run_exec() {
    if [ "${VALGRIND:-}" = 1 ]; then
        exec valgrind -q --error-exitcode=$VALGRIND_STATUS --leak-check=full \
            --errors-for-leak-kinds=definite,possible \
            --log-file="$tmp/valgrind.%p.log" "$tool" "$@"
    fi
    exec "$tool" "$@"
}

ok() { # ok STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else
        echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

# ok_program DESCRIPTION EXPECTED-STATUS EXPECTED-STDERR ARGS...: run the
# tool with -o $tmp/out.csv; check the exit status, the exact stderr, and
# that a failing run leaves neither the output nor a temporary behind.
ok_program() {
    desc=$1 want_status=$2 want_err=$3
    shift 3
    rm -f "$tmp"/out.csv*
    status=0
    run "$@" -o "$tmp/out.csv" 2>"$tmp/err" || status=$?
    [ "$status" -eq "$want_status" ]
    ok $? "$desc: exit $want_status (got $status)"
    printf '%s\n' "$want_err" >"$tmp/want_err"
    cmp -s "$tmp/want_err" "$tmp/err"
    ok $? "$desc: stderr"
    cmp -s "$tmp/want_err" "$tmp/err" || sed 's/^/# got: /' "$tmp/err"
    if [ "$want_status" -ne 0 ]; then
        ! ls "$tmp"/out.csv* >/dev/null 2>&1
        ok $? "$desc: no output left"
    fi
}

done_testing() {
    # a report in any log (valgrind -q writes nothing else) is an error,
    # also from runs whose exit status was not looked at
    for log in "$tmp"/valgrind.*.log; do
        [ -s "$log" ] && echo "$log" >>"$tmp/valgrind.failed"
    done
    if [ -e "$tmp/valgrind.failed" ]; then
        sed 's/^/# valgrind error in: /' "$tmp/valgrind.failed"
        cat "$tmp"/valgrind.*.log | sed 's/^/# /'
        ok 1 "valgrind found errors"
    fi
    echo "1..$n"
    [ "$failed" -eq 0 ]
}
