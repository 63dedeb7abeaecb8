#!/bin/sh
# 580-compare-specific-cli: bin/compare-specific on the fixtures of
# t/data/compare-specific/ (values derived by hand in t/180-compare.c):
# golden outputs for each selection, the infeasibility warning, exit codes,
# exact stderr lines and no output left behind on failure.  VALGRIND=1
# runs the tool under valgrind.
tool="$(pwd)/bin/compare-specific"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/compare-specific not built (run make)"

D=t/data/compare-specific
W=$D/sweep.csv
S="--specific vgg16=$D/spec-vgg16.csv --specific resnet18=$D/spec-resnet18.csv"
R="--largest $D/spec-vgg16.csv --joint $D/joint.csv"
p=compare-specific

run --replicates --aggregate joint $S $R -o "$tmp/rep.csv" 2>"$tmp/err"
ok $? "replicates run"
cmp -s "$D/expected-replicates.csv" "$tmp/rep.csv"
ok $? "replicates match the golden file"
printf '%s\n' "$p: warning: 1 of 2 replicates have a design without a feasible row; their metrics are empty" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err"
ok $? "one warning line names the infeasible replicate"
run --replicates --aggregate joint $S $R -o "$tmp/rep2.csv" 2>/dev/null
cmp -s "$tmp/rep.csv" "$tmp/rep2.csv"
ok $? "rerun is byte-identical"
run --best $S $R >"$tmp/best.csv"
cmp -s "$D/expected-best.csv" "$tmp/best.csv"
ok $? "best of each file (stdout)"
run --label optimum --aggregate mean \
    --specific vgg16=$W:target=vgg16:area_max_mm2=800 \
    --specific resnet18=$W:target=resnet18:area_max_mm2=800 \
    --largest $W:target=vgg16:area_max_mm2=800 \
    --joint $W:target=joint:area_max_mm2=800 >"$tmp/opt.csv"
cmp -s "$D/expected-optimum.csv" "$tmp/opt.csv"
ok $? "sweep optima by row selection"
run --help >"$tmp/help"
grep -q '^Usage: compare-specific' "$tmp/help" && grep -q '^  \$ compare-specific' "$tmp/help"
ok $? "--help prints the synopsis and examples"

ok_program "no arguments" 2 "$p: need --specific, --largest and --joint
Try '$p --help'."
ok_program "--specific without a workload" 2 "$p: option '--specific': got '$D/joint.csv', expected WORKLOAD=SPEC
Try '$p --help'." --specific $D/joint.csv $R
ok_program "--joint twice" 2 "$p: --joint given twice
Try '$p --help'." $S $R --joint $D/joint.csv
ok_program "two selections" 2 "$p: --replicates, --seed and --best exclude each other
Try '$p --help'." --replicates --best $S $R
ok_program "bad seed" 2 "$p: option '--seed': got '0', expected an integer from 1 to 4294967295
Try '$p --help'." --seed 0 $S $R
ok_program "aggregate single" 2 "$p: option '--aggregate': got 'single', expected joint, mean or all
Try '$p --help'." --aggregate single $S $R
ok_program "--label with --best" 2 "$p: --label names the one-run comparison; the other selections name their rows
Try '$p --help'." --best --label x $S $R
ok_program "stray argument" 2 "$p: unexpected argument 'x.csv'
Try '$p --help'." $S $R x.csv
ok_program "unknown option" 2 "$p: unrecognized option '--bogus'
Try '$p --help'." --bogus $S $R
ok_program "several runs, no selection" 2 \
    "$p: $D/spec-vgg16.csv: 2 runs (seeds 1 to 2) in one file: choose one by seed or the best" \
    $S $R
ok_program "a seed missing from a file" 2 \
    "$p: $D/joint.csv:1: no run of seed 2, which $D/spec-vgg16.csv has (replicates need every seed in every file with seeds)" \
    --replicates $S --largest $D/spec-vgg16.csv --joint $D/joint.csv:seed=1
ok_program "an absent seed" 2 "$p: $D/spec-vgg16.csv: no run of seed 3" \
    --seed 3 $S $R
ok_program "largest without its report-on rows" 2 \
    "$p: $D/spec-vgg16.csv: seed 2 has no row for workload 'resnet18' (the largest and the joint designs must be evaluated on every workload; run their searches with --report-on)" \
    --best $S --largest $D/spec-vgg16.csv:workload=vgg16 --joint $D/joint.csv
ok_program "no rows selected" 2 "$p: $W: no rows match target=vgg16:area_max_mm2=5" \
    --specific vgg16=$W:target=vgg16:area_max_mm2=5 --largest $W --joint $W
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    --best $S --largest $D/absent.csv --joint $D/joint.csv
done_testing
