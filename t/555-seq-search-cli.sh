#!/bin/sh
# 555-seq-search-cli: bin/seq-search on the fixtures of t/data/seq-search/
# and the toolkit's experiments/sequential-*.csv: help (every example run as
# written), output shapes, byte-identical reruns, several seeds, the
# infeasible warning, exit codes, exact stderr lines and no output (nor
# temporary) left behind on failure.  VALGRIND=1 runs the tool under
# valgrind.
tool="$(pwd)/bin/seq-search"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/seq-search not built (run make)"
[ -r experiments/constants/rram.csv ] ||
    skip_all "experiments/constants/rram.csv is absent"

D=t/data/seq-search
p=seq-search
W="$D/tiny.csv $D/small.csv"
base="--space $D/space.csv --steps $D/steps.csv --starts $D/starts.csv"

# --help, and its examples run as written from a copy of the project root
run --help >"$tmp/help" 2>&1
ok $? "--help exits 0"
grep -q '^Usage: seq-search --space SPACE.csv --steps STEPS.csv' "$tmp/help"
ok $? "--help prints the synopsis"
grep -q '^Exit status: 0 success' "$tmp/help"
ok $? "--help ends with the common block"
mkdir "$tmp/root"
ln -s "$root/workloads" "$root/experiments" "$tmp/root/"
sed -n '/^Examples:/,/^$/p' "$tmp/help" | sed -n 's/^  \$ //p; s/^      /    /p' |
    sed -e ':a' -e '/\\$/N; s/\\\n *//; ta' >"$tmp/examples"
[ "$(wc -l <"$tmp/examples")" -eq 4 ]
ok $? "--help has four example commands"
(cd "$tmp/root" && PATH="$root/bin:$PATH" sh -e "$tmp/examples") \
    >"$tmp/ex.out" 2>"$tmp/ex.err"
ok $? "the examples run as written"
[ -s "$tmp/root/final.csv" ] && [ -s "$tmp/root/steps.csv" ] &&
    [ -s "$tmp/root/final-sram.csv" ]
ok $? "... and write final.csv, steps.csv, final-sram.csv"
[ "$(grep -c '^RRAM,\|^[0-9]*,RRAM,' "$tmp/root/final.csv")" -eq 2 ] &&
    [ "$(sed -n '3,$p' "$tmp/root/steps.csv" | cut -d, -f4 | tr '\n' ' ')" = \
        "device circuit architecture system " ]
ok $? "... P2's four RRAM steps, two workloads"
[ "$(sed -n '3,$p' "$tmp/root/final-sram.csv" | cut -d, -f1 | tr '\n' ' ')" = \
    "1 1 2 2 3 3 4 4 5 5 " ]
ok $? "... the SRAM example: seeds 1 to 5, two rows each"

# One run with both outputs, twice.
for i in 1 2; do
    run $base --start max --seeds 3 $W -o "$tmp/final$i.csv" \
        --steps-out "$tmp/steps$i.csv" 2>"$tmp/err$i"
    ok $? "run $i exits 0"
done
[ ! -s "$tmp/err1" ]
ok $? "a feasible end point: quiet on stderr"
cmp -s "$tmp/final1.csv" "$tmp/final2.csv" &&
    cmp -s "$tmp/steps1.csv" "$tmp/steps2.csv"
ok $? "same seed: byte-identical final and steps files"
for f in final1 steps1; do
    head -n 1 "$tmp/$f.csv" | grep -qx "# seq-search seeds=3 start=max steps=$D/steps.csv starts=$D/starts.csv space=$D/space.csv rng=mt19937 objective=joint area_max_mm2=800 latency=reference"
    ok $? "$f.csv starts with the provenance comment"
done
sed -n 2p "$tmp/final1.csv" | grep -qx 'seed,memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm,workload,energy_j,latency_s,area_mm2,edap,score,violation,feasible,in_objective'
ok $? "final: ga-search's best-file columns"
sed -n '3,$p' "$tmp/final1.csv" | cut -d, -f1,13,20,21 | tr '\n' ' ' |
    grep -qx '3,tiny,1,1 3,small,1,1 '
ok $? "final: seed, one feasible row per workload, in order"
sed -n 2p "$tmp/steps1.csv" | grep -qx 'seed,start,order,step,parameters,population,generations,evaluations,memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm,score,violation,feasible'
ok $? "steps: header"
sed -n '3,$p' "$tmp/steps1.csv" | cut -d, -f1-7 | tr '\n' ' ' |
    grep -qx '3,max,10,device,bits_per_cell,6,2 3,max,20,circuit,rows cols,9,3 3,max,30,architecture,router_groups tiles_per_group macros_per_tile glb_mb,40,4 3,max,40,system,voltage_v cycle_ns,12,3 '
ok $? "steps: one row per step in order, with its parameters and budget"
last=$(tail -n 1 "$tmp/steps1.csv" | cut -d, -f9-19)
sed -n 3p "$tmp/final1.csv" | cut -d, -f2-12 | grep -qx "$last"
ok $? "the end point is the last step's best design"
tail -n 1 "$tmp/steps1.csv" | cut -d, -f20 >"$tmp/s-score"
sed -n 3p "$tmp/final1.csv" | cut -d, -f18 | cmp -s - "$tmp/s-score"
ok $? "... with the same score"

# Another start, stdout, -w.
run $base --start low -w $D/tiny.csv $D/small.csv >"$tmp/low.csv"
ok $? "start 'low' to stdout"
sed -n 3p "$tmp/low.csv" | cut -d, -f2,3,5 | grep -qx 'RRAM,0.5,4'
ok $? "... the one circuit step keeps low's 0.5 V and 4 ns"

# Several seeds: rows in the order given, each seed's rows as its own run.
run $base --start max --seeds 4,3 $W -o "$tmp/s.csv" --steps-out "$tmp/ss.csv"
ok $? "--seeds 4,3 exits 0"
sed -n '3,$p' "$tmp/s.csv" | cut -d, -f1 | tr '\n' ' ' | grep -qx '4 4 3 3 '
ok $? "final: rows in the order of the list"
sed -n '3,$p' "$tmp/ss.csv" | cut -d, -f1 | tr '\n' ' ' | grep -qx '4 4 4 4 3 3 3 3 '
ok $? "steps: four rows per seed"
sed -n '3,$p' "$tmp/steps1.csv" >"$tmp/steps1.rows"
sed -n '3,$p' "$tmp/ss.csv" | grep '^3,' | cmp -s - "$tmp/steps1.rows"
ok $? "seed 3's step rows equal a run of seed 3 alone"
head -n 1 "$tmp/s.csv" | grep -q '^# seq-search seeds=4\.\.3(2) start=max '
ok $? "the comment names the seed list"

# The objective is passed through.
run $base --start max --seeds 3 --objective mean $W -o "$tmp/mean.csv"
ok $? "--objective mean exits 0"
! cmp -s "$tmp/mean.csv" "$tmp/final1.csv" &&
    head -n 1 "$tmp/mean.csv" | grep -q ' objective=mean '
ok $? "... another objective, recorded"

# An impossible area limit: exit 0, feasible=0 rows and one warning line.
run $base --start max --seeds 2,5 --area-max 0.001 $W -o "$tmp/inf.csv" \
    --steps-out "$tmp/infs.csv" 2>"$tmp/inf.err"
ok $? "impossible area limit: exit 0"
sed -n '3,$p' "$tmp/inf.csv" | cut -d, -f20 | sort -u | grep -qx 0
ok $? "impossible area limit: the final rows say feasible=0"
sed -n '3,$p' "$tmp/infs.csv" | cut -d, -f22 | sort -u | grep -qx 0
ok $? "impossible area limit: every step says feasible=0"
[ "$(wc -l <"$tmp/inf.err")" -eq 1 ] &&
    grep -q "^$p: warning: the sequential search from start 'max' ends infeasible for 2 of 2 seeds (seed 2: violation [0-9.e+]*); their rows have feasible=0\$" "$tmp/inf.err"
ok $? "impossible area limit: one warning line"

# Bad input: one line on stderr, exit 2, nothing left behind (the steps
# output is named out.csv.steps so ok_program checks it).
O="--steps-out $tmp/out.csv.steps"
sp="--space $D/space.csv --starts $D/starts.csv --start max"
ok_program "a cost objective without a node table" 2 \
    "$p: option '--objective': got 'el_cost', expected single, joint, mean or all
Try '$p --help'." $sp --steps $D/steps.csv --objective el_cost $O $W
ok_program "a parameter not in the space" 2 \
    "$p: $D/bad-param.csv:3: column 'parameters': got 'rows_per_tile', expected design parameter names (voltage_v, ..., tech_nm) separated by spaces" \
    $sp --steps $D/bad-param.csv $O $W
ok_program "a step that searches no parameter" 2 \
    "$p: $D/bad-nothing.csv:3: step 'node' searches no parameter: every one it lists (tech_nm) has a single value in the space" \
    $sp --steps $D/bad-nothing.csv $O $W
ok_program "an SRAM space has no device step" 2 \
    "$p: $D/steps.csv:4: step 'device' searches no parameter: every one it lists (bits_per_cell) has a single value in the space" \
    --space $D/sram-space.csv --starts $D/starts.csv --start max \
    --steps $D/steps.csv $O $W
ok_program "generations not a number" 2 \
    "$p: $D/bad-generations.csv:2: column 'generations': got 'two', expected an integer in [1, 100000]" \
    $sp --steps $D/bad-generations.csv $O $W
ok_program "no population column" 2 \
    "$p: $D/bad-columns.csv:1: missing column 'population'" \
    $sp --steps $D/bad-columns.csv $O $W
ok_program "two steps of the same order" 2 \
    "$p: $D/bad-order.csv:3: start 'max': order 2 appears twice (first on line 2)" \
    $sp --steps $D/bad-order.csv $O $W
ok_program "a start without steps" 2 \
    "$p: $D/steps.csv: no step for start 'middle'" \
    --space $D/space.csv --starts $D/starts.csv --start middle \
    --steps $D/steps.csv $O $W
ok_program "missing steps file" 2 \
    "$p: $D/nope.csv:1: cannot open: No such file or directory" \
    $sp --steps $D/nope.csv $O $W
st="--space $D/space.csv --steps $D/steps.csv --start max"
ok_program "a start value not in the space's list" 2 \
    "$p: $D/bad-value.csv:2: column 'glb_mb': got '12', expected max, min or a value of the space's list (0.5 8)" \
    $st --starts $D/bad-value.csv $O $W
ok_program "a start value that is no number" 2 \
    "$p: $D/bad-word.csv:2: column 'glb_mb': got 'huge', expected max, min or a number" \
    $st --starts $D/bad-word.csv $O $W
ok_program "no start for the space's memory type" 2 \
    "$p: $D/sram-only.csv: no start 'max' for RRAM" \
    $st --starts $D/sram-only.csv $O $W
ok_program "a bad layer table" 2 \
    "$p: $D/nope.csv:1: cannot open: No such file or directory" \
    $base --start max $O $D/tiny.csv $D/nope.csv
ok_program "missing --space" 2 \
    "$p: missing --space SPACE.csv
Try '$p --help'." --steps $D/steps.csv --starts $D/starts.csv --start max $O $W
ok_program "missing --steps" 2 \
    "$p: missing --steps STEPS.csv
Try '$p --help'." --space $D/space.csv --starts $D/starts.csv --start max $O $W
ok_program "missing --starts" 2 \
    "$p: missing --starts STARTS.csv
Try '$p --help'." --space $D/space.csv --steps $D/steps.csv --start max $O $W
ok_program "missing --start" 2 \
    "$p: missing --start NAME
Try '$p --help'." $base $O $W
ok_program "no layer table" 2 \
    "$p: missing layer table (LAYERS.csv)
Try '$p --help'." $base --start max $O
ok_program "single with two workloads" 2 \
    "$p: objective 'single' takes one layer table, got 2
Try '$p --help'." $base --start max --objective single $O $W
ok_program "unknown objective" 2 \
    "$p: option '--objective': got 'max', expected single, joint, mean or all
Try '$p --help'." $base --start max --objective max $O $W
ok_program "negative area limit" 2 \
    "$p: option '--area-max': got '-3', expected a number > 0
Try '$p --help'." $base --start max --area-max -3 $O $W
ok_program "seed 0" 2 \
    "$p: option '--seeds': got '0', expected an integer from 1 to 4294967295
Try '$p --help'." $base --start max --seeds 0 $O $W
ok_program "a seed twice" 2 \
    "$p: option '--seeds': seed 3 given twice
Try '$p --help'." $base --start max --seeds 1-4,3 $O $W
ok_program "unknown option" 2 \
    "$p: unrecognized option '--pop'
Try '$p --help'." $base --start max --pop 3 $O $W
ok_program "missing constants" 2 \
    "$p: $tmp/none.csv:1: cannot open: No such file or directory" \
    $base --start max --constants-rram "$tmp/none.csv" $O $W
ok_program "steps written to a full disk" 2 \
    "$p: error writing output: No space left on device" \
    $base --start max $W --steps-out /dev/full

done_testing
