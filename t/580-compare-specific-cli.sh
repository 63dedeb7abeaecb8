#!/bin/sh
# 580-compare-specific-cli: bin/compare-specific on the fixtures of
# t/data/compare-specific/: golden outputs, exit codes, exact stderr lines,
# and no output file left behind on failure.  VALGRIND=1 runs the tool
# under valgrind.
tool="$(pwd)/bin/compare-specific"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/compare-specific not built (run make)"

D=t/data/compare-specific
S="--specific alexnet=$D/spec-alexnet.csv --specific $D/spec-mobilenet.csv"
L="--largest $D/spec-alexnet.csv"

# Golden outputs (values derived by hand in t/180-compare.c).
run $S $L --joint $D/joint.csv >"$tmp/wide.csv"
cmp -s "$D/expected.csv" "$tmp/wide.csv"
ok $? "wide output matches the golden file"
run --long $S $L --joint $D/joint.csv -o "$tmp/long.csv"
cmp -s "$D/expected-long.csv" "$tmp/long.csv"
ok $? "long output (-o) matches the golden file"
run $S $L --joint $D/joint.csv >"$tmp/wide2.csv"
cmp -s "$tmp/wide.csv" "$tmp/wide2.csv"
ok $? "rerun is byte-identical"
run --help | grep -q '^Usage: compare-specific'
ok $? "--help prints the synopsis"

p=compare-specific
ok_program "zero energy" 2 \
    "$p: $D/bad-energy.csv:3: column 'energy_j': got '0', expected a number > 0" \
    $S $L --joint $D/bad-energy.csv
ok_program "duplicate workload" 2 \
    "$p: $D/duplicate.csv:3: workload 'alexnet' appears twice (first at line 2)" \
    $S $L --joint $D/duplicate.csv
ok_program "two designs in one file" 2 \
    "$p: $D/two-designs.csv:3: design differs from line 2: a file must hold one design" \
    $S $L --joint $D/two-designs.csv
ok_program "missing workload" 2 \
    "$p: $D/joint-no-mobilenet.csv: no row for workload 'mobilenet_v3' (the joint design must be evaluated on every workload)" \
    $S $L --joint $D/joint-no-mobilenet.csv
ok_program "workload without specific design" 2 \
    "$p: $D/joint-extra.csv:4: workload 'resnet18' has no workload-specific design (give --specific resnet18=FILE)" \
    $S $L --joint $D/joint-extra.csv
ok_program "missing column" 2 \
    "$p: $D/no-latency.csv:1: missing column 'latency_s'" \
    $S $L --joint $D/no-latency.csv
ok_program "missing file" 2 \
    "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    $S $L --joint $D/absent.csv
ok_program "missing --joint" 2 \
    "$p: need --specific, --largest and --joint
Try '$p --help'." \
    $S $L
ok_program "two workloads, no target" 2 \
    "$p: $D/spec-alexnet.csv: 2 workloads in one file; name the target as --specific WORKLOAD=FILE" \
    --specific $D/spec-alexnet.csv $L --joint $D/joint.csv
ok_program "--joint twice" 2 \
    "$p: --joint given twice
Try '$p --help'." \
    $S $L --joint $D/joint.csv --joint $D/joint.csv
done_testing
