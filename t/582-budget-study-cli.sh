#!/bin/sh
# 582-budget-study-cli: bin/budget-study on the tiny run sets of
# t/data/budget-study/ (every number is counted by hand in
# t/184-budget.c): golden outputs of the exact enumeration and of a seeded
# Monte-Carlo run, the warnings, exit codes, exact stderr and no output
# left behind on failure.  VALGRIND=1 runs the tool under valgrind.
tool="$(pwd)/bin/budget-study"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/budget-study not built (run make)"

D=t/data/budget-study
R="--runs small:vgg16=$D/vgg16.csv --runs small:alexnet=$D/alexnet.csv --runs small:joint=$D/joint.csv"
O="--runs optimum:vgg16=$D/optimum.csv:target=vgg16 --runs optimum:alexnet=$D/optimum.csv:target=alexnet --runs optimum:joint=$D/optimum.csv:target=joint"
p=budget-study
T="Try '$p --help'."
EXCLUDED="$p: warning: 1 of 10 runs found no feasible design and are left out"

run --largest vgg16 --draws 0 $R $O --asymmetric small:optimum \
    --p1 $D/p1-gains.csv --fractions "$tmp/f.csv" \
    --runs-summary "$tmp/r.csv" -o "$tmp/d.csv" 2>"$tmp/err"
ok $? "exact enumeration"
cmp -s "$D/expected-exact.csv" "$tmp/d.csv"
ok $? "distribution matches the golden file"
cmp -s "$D/expected-fractions.csv" "$tmp/f.csv"
ok $? "fractions match the golden file"
cmp -s "$D/expected-runs.csv" "$tmp/r.csv"
ok $? "runs summary matches the golden file"
printf '%s\n' "$EXCLUDED" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "the infeasible run is reported once"
run --largest vgg16 --seed 5 --draws 2000 $R --p1 $D/p1-gains.csv \
    --fractions "$tmp/mf.csv" >"$tmp/md.csv" 2>/dev/null
cmp -s "$D/expected-mc.csv" "$tmp/md.csv" &&
    cmp -s "$D/expected-mc-fractions.csv" "$tmp/mf.csv"
ok $? "seeded Monte-Carlo run matches the golden files"
run --largest vgg16 --draws 10 --runs small:vgg16=$D/vgg16.csv:seed=1 \
    --runs small:alexnet=$D/alexnet.csv --runs small:joint=$D/joint.csv \
    -o "$tmp/imp.csv" 2>"$tmp/err"
ok $? "an impossible case is an answer (exit 0)"
grep -q '^small,symmetric,vgg16,n_largest,0,,,,,,$' "$tmp/imp.csv"
ok $? "its rows are empty"
printf '%s\n' "$p: warning: 1 case(s) have too few feasible runs for a draw (first: budget 'small', case 'symmetric'); their rows are empty" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "one warning line names it"
run --help >"$tmp/help"
grep -q '^Usage: budget-study' "$tmp/help" && grep -q '^  \$ budget-study' "$tmp/help"
ok $? "--help prints the synopsis and examples"

ok_program "no options" 2 "$p: need --largest and --runs
$T"
ok_program "bad --runs" 2 "$p: option '--runs': got 'a', expected BUDGET:ROLE=SPEC
$T" --largest vgg16 --runs a
ok_program "bad --asymmetric" 2 "$p: option '--asymmetric': got 'x', expected BASE:TOP
$T" --largest vgg16 --asymmetric x $R
ok_program "fractions without P1" 2 "$p: --fractions needs --p1
$T" --largest vgg16 --fractions "$tmp/x.csv" $R
ok_program "too many draws" 2 "$p: option '--draws': got '2000001', expected at most 2000000
$T" --draws 2000001 --largest vgg16 $R
ok_program "bad seed" 2 "$p: option '--seed': got '0', expected an integer from 1 to 4294967295
$T" --seed 0 --largest vgg16 $R
ok_program "a role twice" 2 "$p: budget 'small' has two files for role 'joint'" \
    --largest vgg16 $R --runs small:joint=$D/joint.csv
ok_program "a budget short of a role" 2 "$p: budget 'big' has no runs for role 'alexnet'" \
    --largest vgg16 $R --runs big:vgg16=$D/vgg16.csv --runs big:joint=$D/joint.csv
ok_program "largest without runs" 2 "$p: largest workload 'resnet18' has no runs of its own (give BUDGET:resnet18=FILE)" \
    --largest resnet18 $R
ok_program "several optima" 2 "$p: $D/vgg16.csv: 3 runs for budget 'optimum': it holds the one exact optimum of each role (select it with FILE:COL=VALUE)" \
    --largest vgg16 $R --runs optimum:vgg16=$D/vgg16.csv
ok_program "unknown budget in a pair" 2 "$p: asymmetric case 'small:p2': no runs of budget 'p2'" \
    --largest vgg16 $R --asymmetric small:p2
ok_program "P1 without a gain" 2 "$p: $D/p1-gains.csv: no row source=P1, quantity=joint_vs_largest_gain for workload 'alexnet'" \
    --largest vgg16 $R --p1 $D/p1-gains.csv:workload=vgg16 --fractions "$tmp/x.csv"
ok_program "a joint run without a row" 2 "$p: $D/joint.csv: seed 1 has no row for workload 'alexnet' (the largest and the joint designs must be evaluated on every workload)" \
    --largest vgg16 --runs small:vgg16=$D/vgg16.csv \
    --runs small:alexnet=$D/alexnet.csv --runs small:joint=$D/joint.csv:workload=vgg16
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    --largest vgg16 $R --runs big:vgg16=$D/absent.csv
done_testing
