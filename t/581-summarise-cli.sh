#!/bin/sh
# 581-summarise-cli: bin/summarise on t/data/summarise/compare.csv (its
# medians and quantiles are worked out in t/181-summary.c): golden
# outputs, seeds, exit codes, exact stderr and no output left behind on
# failure.  VALGRIND=1 runs the tool under valgrind.
tool="$(pwd)/bin/summarise"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/summarise not built (run make)"

D=t/data/summarise
C=$D/compare.csv
M="--metrics n_joint,loss_joint_pct,gain_rel_pct"
p=summarise

run --group workload $M --replicates 'selection=seed*' $C -o "$tmp/a.csv"
ok $? "summary written"
cmp -s "$D/expected.csv" "$tmp/a.csv"
ok $? "matches the golden file"
run --group workload $M --replicates 'selection=seed*' $C >"$tmp/b.csv"
cmp -s "$tmp/a.csv" "$tmp/b.csv"
ok $? "rerun (stdout) is byte-identical"
run --seed 9 --resamples 100 --level 0.5 --metrics n_joint \
    --replicates 'selection=seed*' $C:workload=alexnet >"$tmp/c.csv"
cmp -s "$D/expected-one-group.csv" "$tmp/c.csv"
ok $? "one group of selected rows, seed and level recorded"
run --seed 2 --group workload $M --replicates 'selection=seed*' $C >"$tmp/d.csv"
! cmp -s "$tmp/a.csv" "$tmp/d.csv"
ok $? "another seed, other intervals"
run --help >"$tmp/help"
grep -q '^Usage: summarise' "$tmp/help" && grep -q '^  \$ summarise' "$tmp/help"
ok $? "--help prints the synopsis and examples"

T="Try '$p --help'."
ok_program "no options" 2 "$p: need --metrics and --replicates
$T"
ok_program "no file" 2 "$p: missing FILE (a long CSV)
$T" $M --replicates 'selection=seed*'
ok_program "replicates without a pattern" 2 "$p: option '--replicates': got 'selection', expected COLUMN=PATTERN
$T" $M --replicates selection $C
ok_program "level 1" 2 "$p: option '--level': got '1', expected a number between 0 and 1
$T" --level 1 $M --replicates 'selection=seed*' $C
ok_program "no resamples" 2 "$p: option '--resamples': got '0', expected an integer >= 1
$T" --resamples 0 $M --replicates 'selection=seed*' $C
ok_program "too many resamples" 2 "$p: option '--resamples': got '10000001', expected at most 10000000
$T" --resamples 10000001 $M --replicates 'selection=seed*' $C
ok_program "an empty name in a list" 2 "$p: option '--metrics': expected 1 to 64 column names separated by commas
$T" --metrics n_joint,,x --replicates 'selection=seed*' $C
ok_program "bad seed" 2 "$p: option '--seed': got 'x', expected an integer from 1 to 4294967295
$T" --seed x $M --replicates 'selection=seed*' $C
ok_program "a column in two parts" 2 "$p: column 'n_joint' named twice" \
    --group n_joint $M --replicates 'selection=seed*' $C
ok_program "overlapping inputs" 2 "$p: $C:3: selection 'seed1' appears twice in one group (first at $C:3)" \
    --group workload $M --replicates 'selection=seed*' $C $C
ok_program "no replicates" 2 "$p: no row's selection matches 'run*' (no replicates)" \
    --group workload $M --replicates 'selection=run*' $C
J=t/data/compare-specific/joint.csv
ok_program "missing column" 2 "$p: $J:1: missing column 'selection'" \
    --metrics score --replicates 'selection=seed*' $J
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    $M --replicates 'selection=seed*' $D/absent.csv
done_testing
