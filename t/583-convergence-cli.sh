#!/bin/sh
# 583-convergence-cli: bin/convergence on the hand-made histories of
# t/data/convergence/ (numbers worked out in t/185-converge.c): golden
# summary and curves, both outputs committed together, the warning, exit
# codes, exact stderr and no output left behind on failure.  VALGRIND=1
# runs the tool under valgrind.
tool="$(pwd)/bin/convergence"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/convergence not built (run make)"

D=t/data/convergence
OPT="--optimum $D/optimum.csv:target=joint:area_max_mm2=800"
A="--algorithm ga=$D/ga.csv --algorithm ea=$D/ea.csv"
p=convergence
T="Try '$p --help'."

run $OPT $A --summary "$tmp/s.csv" -o "$tmp/c.csv" 2>"$tmp/err"
ok $? "summary and curves"
cmp -s "$D/expected-summary.csv" "$tmp/s.csv"
ok $? "summary matches the golden file"
cmp -s "$D/expected-curves.csv" "$tmp/c.csv"
ok $? "curves (default grid) match the golden file"
printf '%s\n' "$p: warning: 1 seed(s) end without a feasible design; they count in n_seeds only" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "one warning line for the never-feasible seed"
run $OPT --algorithm ga=$D/ga.csv --grid 10,25,100 --within 0 >"$tmp/g.csv" 2>/dev/null
cmp -s "$D/expected-grid.csv" "$tmp/g.csv"
ok $? "curves on a given grid (stdout)"
run $OPT $A --summary "$tmp/nodir/s.csv" -o "$tmp/c2.csv" 2>/dev/null
[ $? -eq 2 ] && [ ! -e "$tmp/c2.csv" ] && ! ls "$tmp"/c2.csv.* >/dev/null 2>&1
ok $? "an unwritable summary: neither output is left"
run --help >"$tmp/help"
grep -q '^Usage: convergence' "$tmp/help" && grep -q '^  \$ convergence' "$tmp/help"
ok $? "--help prints the synopsis and examples"

ok_program "no options" 2 "$p: need --optimum and --algorithm
$T"
ok_program "bad --algorithm" 2 "$p: option '--algorithm': got 'ga', expected NAME=SPEC
$T" $OPT --algorithm ga
ok_program "grid not increasing" 2 "$p: option '--grid': got '5', expected up to 10000 increasing numbers > 0
$T" $OPT $A --grid 10,5
ok_program "negative --within" 2 "$p: option '--within': got '-1', expected a number >= 0
$T" $OPT $A --within -1
ok_program "--optimum twice" 2 "$p: --optimum given twice
$T" $OPT $OPT $A
ok_program "two optimum rows" 2 "$p: $D/optimum.csv:4: a second row is selected; the optimum is one row (select it with FILE:COL=VALUE)" \
    --optimum $D/optimum.csv:area_max_mm2=800 $A
ok_program "an infeasible optimum" 2 "$p: $D/optimum.csv:5: the optimum is not feasible (column 'feasible' is '0'): there is nothing to normalise by" \
    --optimum $D/optimum.csv:area_max_mm2=10 $A
ok_program "histories of another problem" 2 "$p: $D/ga.csv:4: best_score 3 is below the optimum 8: the history and the optimum are of different problems" \
    --optimum t/data/budget-study/joint.csv:seed=2:workload=vgg16 $A
ok_program "an algorithm twice" 2 "$p: algorithm 'ga' given twice" \
    $OPT $A --algorithm ga=$D/ga.csv
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    $OPT --algorithm x=$D/absent.csv
done_testing
