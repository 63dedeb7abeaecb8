# t/lib/cli.sh: TAP helpers for the CLI tests, in the spirit of C TAP Harness's
# libtap.sh and git's t/test-lib.sh.  Source it after setting `tool` to the
# binary under test; it makes $tmp (removed on exit), runs tools under
# valgrind when VALGRIND=1, and counts tests for done_testing.
set -u
LC_ALL=C
export LC_ALL
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
n=0
failed=0

skip_all() { echo "1..0 # SKIP $*"; exit 0; }

run() {
    if [ "${VALGRIND:-}" = 1 ]; then
        valgrind -q --error-exitcode=1 --leak-check=full "$tool" "$@"
    else
        "$tool" "$@"
    fi
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
    echo "1..$n"
    [ "$failed" -eq 0 ]
}
