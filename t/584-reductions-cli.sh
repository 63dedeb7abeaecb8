#!/bin/sh
# 584-reductions-cli: bin/reductions on the fixtures of
# t/data/compare-specific/ (numbers worked out in t/186-reduce.c): golden
# outputs for the best and the median runs, the warnings, exit codes,
# exact stderr and no output left behind on failure.  VALGRIND=1 runs the
# tool under valgrind.
tool="$(pwd)/bin/reductions"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/reductions not built (run make)"

D=t/data/compare-specific
B="--baseline largest=$D/spec-vgg16.csv --baseline r18=$D/spec-resnet18.csv"
p=reductions
T="Try '$p --help'."

run --joint $D/joint.csv $B --aggregate joint -o "$tmp/b.csv" 2>"$tmp/err"
ok $? "best runs"
cmp -s "$D/expected-reductions.csv" "$tmp/b.csv"
ok $? "matches the golden file"
printf '%s\n' "$p: warning: 1 of 2 baselines are not feasible on every workload; their aggregate rows are empty" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "one warning line for the infeasible baseline"
run --joint $D/joint.csv $B --aggregate joint --select median >"$tmp/m.csv"
cmp -s "$D/expected-reductions-median.csv" "$tmp/m.csv"
ok $? "median runs (stdout) match the golden file"
run --joint $D/joint.csv $B --aggregate joint --select seed:2 -o "$tmp/s.csv" 2>"$tmp/err"
grep -q '^largest,aggregate,,1.6e-06,,0,1$' "$tmp/s.csv"
ok $? "an infeasible joint design leaves its numbers empty"
printf '%s\n' "$p: warning: the joint design is not feasible on every workload; its reductions are empty" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "and is warned about"
run --help >"$tmp/help"
grep -q '^Usage: reductions' "$tmp/help" && grep -q '^  \$ reductions' "$tmp/help"
ok $? "--help prints the synopsis and examples"

ok_program "no options" 2 "$p: need --joint, --baseline and --aggregate
$T"
ok_program "bad --baseline" 2 "$p: option '--baseline': got '$D/joint.csv', expected NAME=SPEC
$T" --joint $D/joint.csv --baseline $D/joint.csv --aggregate joint
ok_program "aggregate single" 2 "$p: option '--aggregate': got 'single', expected joint, mean or all
$T" --joint $D/joint.csv $B --aggregate single
ok_program "bad --select" 2 "$p: option '--select': got 'worst', expected best, median or seed:N
$T" --joint $D/joint.csv $B --aggregate joint --select worst
ok_program "bad seed" 2 "$p: option '--select seed:N': got 'x', expected an integer from 1 to 4294967295
$T" --joint $D/joint.csv $B --aggregate joint --select seed:x
ok_program "--joint twice" 2 "$p: --joint given twice
$T" --joint $D/joint.csv --joint $D/joint.csv $B --aggregate joint
ok_program "an absent seed" 2 "$p: $D/joint.csv: no run of seed 4" \
    --joint $D/joint.csv $B --aggregate joint --select seed:4
ok_program "a baseline without a row" 2 "$p: $D/spec-vgg16.csv: seed 2 has no row for workload 'resnet18' (the aggregate needs every workload)" \
    --joint $D/joint.csv --baseline x=$D/spec-vgg16.csv:workload=vgg16 --aggregate joint
ok_program "a name twice" 2 "$p: baseline 'largest' given twice" \
    --joint $D/joint.csv $B --baseline largest=$D/joint.csv --aggregate joint
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    --joint $D/absent.csv $B --aggregate joint
done_testing
