#!/bin/sh
# 510-parse-net-cli: bin/parse-net as a user runs it: help, exit codes, the
# exact stderr lines, no output left behind on failure, golden tables, and
# the shipped workloads: their totals equal framework.md section 4 and their
# structural columns (op..macs) equal the reference's CiMLoop layer files
# (skipped when ../shared/reference/cimloop, or $IMC_CIMLOOP_DIR, is absent).
# Run from the project root.
set -u
LC_ALL=C
export LC_ALL
root=$(pwd)
bin=$root/bin/parse-net
data=$root/t/data
ref=${IMC_CIMLOOP_DIR:-$root/../shared/reference/cimloop}
[ -x "$bin" ] || { echo "1..0 # SKIP bin/parse-net not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1

n=0
failed=0
ok() { # ok STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# run CODE DESCRIPTION CMD...: run CMD, check the exit code; stdout and
# stderr land in $tmp/out and $tmp/err.
run() {
    want=$1 desc=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ]
    ok $? "$desc: exit $want (got $got)"
}
# err_is TEXT DESCRIPTION: stderr is exactly TEXT.
err_is() {
    printf '%s\n' "$1" | cmp -s - "$tmp/err"
    st=$?
    ok $st "$2: stderr"
    [ $st -eq 0 ] || { echo "# expected: $1"; sed 's/^/# got:      /' "$tmp/err"; }
}
# nothing_left DESCRIPTION: the work directory holds no output files.
nothing_left() {
    left=$(ls -A "$tmp/w")
    [ -z "$left" ]
    ok $? "$1: no output left behind ($left)"
}
mkdir "$tmp/w"

# --- help and usage errors ------------------------------------------------
run 0 "--help" "$bin" --help
head -1 "$tmp/out" | grep -q '^parse-net: ' && grep -q '^Synopsis: parse-net ' "$tmp/out" &&
    grep -q '^Common options:' "$tmp/out" && grep -q '\$ parse-net ' "$tmp/out"
ok $? "--help: usage, examples and the common options on stdout"
[ ! -s "$tmp/err" ]
ok $? "--help: nothing on stderr"
run 0 "--version" "$bin" --version
grep -q '^parse-net (imc-codesign) ' "$tmp/out"
ok $? "--version: names the tool"
run 2 "no PATH" "$bin"
err_is "parse-net: missing PATH (a .net file or a CiMLoop directory)
Try 'parse-net --help'." "no PATH"
run 2 "two PATHs" "$bin" a.net b.net
err_is "parse-net: unexpected argument 'b.net' (one PATH only)
Try 'parse-net --help'." "two PATHs"
run 2 "unknown option" "$bin" --bogus "$data/parse-net/tiny.net"
err_is "parse-net: unrecognized option '--bogus'
Try 'parse-net --help'." "unknown option"
run 2 "-o without a file" "$bin" -o
err_is "parse-net: option requires an argument -- 'o'
Try 'parse-net --help'." "-o without a file"

# --- own format ---------------------------------------------------------
run 0 "tiny.net to stdout" "$bin" "$data/parse-net/tiny.net"
cmp -s "$data/parse-net/tiny.csv" "$tmp/out"
ok $? "tiny.net: stdout equals the golden table"
run 0 "tiny.net -o" "$bin" -o "$tmp/w/tiny.csv" "$data/parse-net/tiny.net"
cmp -s "$data/parse-net/tiny.csv" "$tmp/w/tiny.csv" && [ ! -s "$tmp/out" ]
ok $? "tiny.net -o: file equals the golden table, stdout empty"
[ "$(ls -A "$tmp/w")" = tiny.csv ]
ok $? "tiny.net -o: no temporary file left"
rm -f "$tmp/w/tiny.csv"
run 0 "stdin" sh -c "'$bin' - < '$data/parse-net/tiny.net'"
cmp -s "$data/parse-net/tiny.csv" "$tmp/out"
ok $? "stdin: same table"
run 2 "bad line" "$bin" -o "$tmp/w/bad.csv" "$data/parse-net/bad-kernel.net"
err_is "parse-net: $data/parse-net/bad-kernel.net:3: 'conv': option 'k': got '0', expected an integer from 1 to 1000000" "bad line"
nothing_left "bad line"
printf 'input 8 8 3\nconv c1 8\nsoftmax\n' >"$tmp/unknown.net"
run 2 "unknown statement from stdin" sh -c "'$bin' -o '$tmp/w/x.csv' - < '$tmp/unknown.net'"
err_is "parse-net: <stdin>:3: unknown statement 'softmax' (expected input, conv, dwconv, fc, pool, apool, gap, se, save, from or add)" "unknown statement from stdin"
nothing_left "unknown statement"
: >"$tmp/empty.net"
run 2 "empty file" "$bin" -o "$tmp/w/x.csv" "$tmp/empty.net"
err_is "parse-net: $tmp/empty.net: empty file (expected 'input H W C' and layers)" "empty file"
nothing_left "empty file"
run 2 "missing file" "$bin" -o "$tmp/w/x.csv" "$tmp/none.net"
err_is "parse-net: $tmp/none.net: cannot open: No such file or directory" "missing file"
nothing_left "missing file"
run 2 "unwritable output" "$bin" -o "$tmp/no/dir/x.csv" "$data/parse-net/tiny.net"
err_is "parse-net: $tmp/no/dir/x.csv: cannot write: No such file or directory" "unwritable output"
if [ -w /dev/full ]; then
    run 2 "full disk" sh -c "'$bin' '$data/parse-net/tiny.net' > /dev/full"
    err_is "parse-net: error writing output: No space left on device" "full disk"
else
    skip "no /dev/full"
    skip "no /dev/full"
fi

# --- CiMLoop directories --------------------------------------------------
run 0 "CiMLoop fixture directory" "$bin" "$data/cimloop/tiny"
cmp -s "$data/parse-net/tiny-cimloop.csv" "$tmp/out"
ok $? "CiMLoop fixture: stdout equals the golden table"
run 2 "CiMLoop bad directory" "$bin" -o "$tmp/w/x.csv" "$data/cimloop/bad"
err_is "parse-net: $data/cimloop/bad/allzero.yaml:6: histogram 'Inputs': all bins are 0" "CiMLoop bad directory"
nothing_left "CiMLoop bad directory"
mkdir "$tmp/nolayers"
run 2 "directory without layers" "$bin" "$tmp/nolayers"
err_is "parse-net: $tmp/nolayers: no *.yaml layer files in the directory" "directory without layers"

# --- shipped workloads ----------------------------------------------------
# name weights macs (framework.md section 4).
for spec in "alexnet 61090496 714188480" "vgg16 138344128 15470264320" \
            "resnet18 11678912 1814073344" "mobilenet_v3 5451272 216589760"; do
    set -- $spec
    net=$1
    run 0 "$net.net" "$bin" -o "$tmp/$net.csv" "$root/workloads/$net.net"
    totals=$(awk -F, 'NR > 1 { w += $11; m += $12 }
                      END { printf "%.0f %.0f", w, m }' "$tmp/$net.csv")
    [ "$totals" = "$2 $3" ]
    ok $? "$net.net: totals $2 weights, $3 MACs (got $totals)"
    "$bin" "$root/workloads/$net.net" | cmp -s - "$tmp/$net.csv"
    ok $? "$net.net: output is deterministic"
    if [ -d "$ref/workloads/$net" ]; then
        "$bin" -o "$tmp/$net-ref.csv" "$ref/workloads/$net"
        cut -d, -f2-12 "$tmp/$net.csv" >"$tmp/own.cols"
        cut -d, -f2-12 "$tmp/$net-ref.csv" >"$tmp/ref.cols"
        cmp -s "$tmp/own.cols" "$tmp/ref.cols"
        ok $? "$net.net: op,C,M,R,S,P,Q,stride,groups,weights,macs equal the reference's layer files"
        [ $? -eq 0 ] || diff "$tmp/own.cols" "$tmp/ref.cols" | sed 's/^/# /' | head -20
    else
        skip "$ref/workloads/$net absent"
    fi
done
run 0 "resnet50.net" "$bin" -o "$tmp/resnet50.csv" "$root/workloads/resnet50.net"
totals=$(awk -F, 'NR > 1 { w += $11; m += $12 } END { printf "%.0f %.0f", w, m }' "$tmp/resnet50.csv")
[ "$totals" = "25502912 4089184256" ]
ok $? "resnet50.net: torchvision totals (got $totals)"

echo "1..$n"
[ "$failed" -eq 0 ]
