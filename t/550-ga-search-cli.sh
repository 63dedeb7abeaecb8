#!/bin/sh
# 550-ga-search-cli: bin/ga-search on the fixtures of t/data/ga-search/:
# help, output shapes, byte-identical reruns with the same seed, exit codes,
# exact stderr lines, and no output (nor temporary) left behind on failure.
# VALGRIND=1 runs the tool under valgrind.
tool="$(pwd)/bin/ga-search"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/ga-search not built (run make)"
[ -r experiments/constants/rram.csv ] ||
    skip_all "experiments/constants/rram.csv is absent"

D=t/data/ga-search
p=ga-search
W="$D/tiny.csv $D/small.csv"
small="--space $D/space.csv --pop 12 --generations 5"

# --help
run --help >"$tmp/help" 2>&1
ok $? "--help exits 0"
grep -q '^Usage: ga-search' "$tmp/help"
ok $? "--help prints the synopsis"
grep -q '^Exit status: 0 success' "$tmp/help"
ok $? "--help ends with the common block"

# A P1 run with all three outputs, twice with the same seed.
for i in 1 2; do
    run $small --seed 3 --workload-layers $D/tiny.csv $D/small.csv \
        --best "$tmp/best$i.csv" --history "$tmp/hist$i.csv" \
        --evaluated "$tmp/all$i.csv" 2>"$tmp/err$i"
    ok $? "run $i exits 0"
done
[ ! -s "$tmp/err1" ]
ok $? "quiet on stderr when it is not a terminal"
cmp -s "$tmp/best1.csv" "$tmp/best2.csv" &&
    cmp -s "$tmp/hist1.csv" "$tmp/hist2.csv" &&
    cmp -s "$tmp/all1.csv" "$tmp/all2.csv"
ok $? "same seed: byte-identical best, history and evaluated files"
for f in best1 hist1 all1; do
    head -n 1 "$tmp/$f.csv" | grep -q '^# ga-search seeds=3 rng=mt19937 '
    ok $? "$f.csv starts with the seed and RNG comment"
done
[ "$(wc -l <"$tmp/best1.csv")" -eq 4 ]
ok $? "best: comment, header, one row per workload"
sed -n 2p "$tmp/best1.csv" | grep -q '^seed,memory,.*,tech_nm,workload,energy_j,latency_s,area_mm2,edap,score,violation,feasible,in_objective$'
ok $? "best: seed, the design columns, workload, E, L, A, edap, score, violation, feasible, in_objective"
run $small --seed 3 --objective single $D/tiny.csv --report-on $D/small.csv -o "$tmp/rep.csv"
ok $? "--report-on exits 0"
sed -n '3,$p' "$tmp/rep.csv" | cut -d, -f13,21 | tr '\n' ' ' | grep -q '^tiny,1 small,0 $'
ok $? "--report-on: the search's workload, then the extra one with in_objective=0"
cut -d, -f13 "$tmp/best1.csv" | sed -n '3,4p' | tr '\n' ' ' | grep -q '^tiny small $'
ok $? "best: workloads named after their layer files, in order"
[ "$(wc -l <"$tmp/hist1.csv")" -eq 7 ]
ok $? "history: 5 generations"
sed -n 2p "$tmp/hist1.csv" | grep -q '^seed,generation,phase,requests,evaluations,cache_hits,best_score,best_violation,n_feasible,mean_score$'
ok $? "history: header"
evals=$(tail -n 1 "$tmp/hist1.csv" | cut -d, -f5)
[ "$(wc -l <"$tmp/all1.csv")" -eq $((evals + 2)) ]
ok $? "evaluated: one row per evaluation counted in the history ($evals)"
tail -n 1 "$tmp/all1.csv" | cut -d, -f2 | grep -qx "$evals"
ok $? "evaluated: numbered in order"
sed -n 2p "$tmp/all1.csv" | grep -q ',area_mm2,violation,score,feasible,energy_j_tiny,energy_j_small,latency_s_tiny,latency_s_small$'
ok $? "evaluated: per-workload energy and latency columns"

# Another seed, stdout, the positional form.
run $small --seed 4 --evaluated "$tmp/all4.csv" $W >"$tmp/best4.csv"
ok $? "best to stdout"
sed -n 2p "$tmp/best4.csv" | grep -q '^seed,memory,voltage_v,'
ok $? "stdout holds the best design"
! cmp -s "$tmp/all1.csv" "$tmp/all4.csv"
ok $? "another seed: other designs evaluated"

# P2's phases on a small budget, twice.
for i in 1 2; do
    run $small --schedule p2-phases --generations 2 --init-candidates 40 \
        --init-keep 20 --objective mean $W -o "$tmp/p2best$i.csv" \
        --history "$tmp/p2hist$i.csv"
    ok $? "p2-phases run $i exits 0"
done
cmp -s "$tmp/p2hist1.csv" "$tmp/p2hist2.csv" &&
    cmp -s "$tmp/p2best1.csv" "$tmp/p2best2.csv"
ok $? "p2-phases: byte-identical reruns"
[ "$(wc -l <"$tmp/p2hist1.csv")" -eq 11 ]
ok $? "p2-phases: 1 initial + 4 phases x 2 generations"
sed -n 3p "$tmp/p2hist1.csv" | grep -q '^1,1,1,20,20,'
ok $? "p2-phases: 20 thinned initial designs evaluated first"
tail -n 1 "$tmp/p2hist1.csv" | grep -q '^1,9,4,'
ok $? "p2-phases: the last generation is in phase 4"

# Several seeds in one run: rows carry their seed, in the order given;
# each seed's rows equal a run of that seed alone; any thread count gives
# the same bytes.
run $small --seeds 4,3 --threads 1 $W -o "$tmp/s1.csv" --history "$tmp/sh1.csv"
ok $? "--seeds 4,3 exits 0"
run $small --seeds 4,3 --threads 2 $W -o "$tmp/s2.csv" --history "$tmp/sh2.csv"
cmp -s "$tmp/s1.csv" "$tmp/s2.csv" && cmp -s "$tmp/sh1.csv" "$tmp/sh2.csv"
ok $? "--threads 2: byte-identical to --threads 1"
cut -d, -f1 "$tmp/s1.csv" | sed -n '3,$p' | tr '\n' ' ' | grep -q '^4 4 3 3 $'
ok $? "--seeds: rows in the order of the list"
sed -n '3,$p' "$tmp/s1.csv" | grep '^3,' >"$tmp/s1-3"
sed -n '3,$p' "$tmp/best1.csv" >"$tmp/b1-3"
cmp -s "$tmp/s1-3" "$tmp/b1-3"
ok $? "--seeds: seed 3's rows equal a run of seed 3 alone"
head -n 1 "$tmp/s1.csv" | grep -q '^# ga-search seeds=4\.\.3(2) '
ok $? "--seeds: the comment names the seed list"

# Budgets are never exceeded: the run stops when the next generation (at
# most --pop designs) could pass them.
run $small --seed 3 --max-evaluations 30 $W -o "$tmp/m.csv" --history "$tmp/mh.csv"
ok $? "--max-evaluations exits 0"
last=$(tail -n 1 "$tmp/mh.csv" | cut -d, -f5)
[ "$last" -le 30 ] && [ "$((last + 12))" -gt 30 ]
ok $? "--max-evaluations 30: stops within the budget ($last)"
run $small --seed 3 --max-requests 36 $W -o "$tmp/r.csv" --history "$tmp/rh.csv"
[ "$(wc -l <"$tmp/rh.csv")" -eq 5 ]
ok $? "--max-requests 36: three generations of 12"

# An impossible area limit is an answer: exit 0, feasible=0 rows and one
# warning line.
run $small --seed 3 --area-max 0.001 $W -o "$tmp/inf.csv" 2>"$tmp/inf.err"
ok $? "impossible area limit: exit 0"
sed -n '3,$p' "$tmp/inf.csv" | cut -d, -f20 | sort -u | grep -qx 0
ok $? "impossible area limit: the best rows say feasible=0"
[ "$(wc -l <"$tmp/inf.err")" -eq 1 ] &&
    grep -q '^ga-search: warning: no design meets the constraints for 1 of 1 seeds (seed 3: best violation ' "$tmp/inf.err"
ok $? "impossible area limit: one warning line"

# Bad input: one line on stderr, exit 2, nothing left behind (the history
# and evaluated outputs are named out.csv.* so ok_program checks them).
H="--history $tmp/out.csv.hist --evaluated $tmp/out.csv.all"
ok_program "decreasing values" 2 \
    "$p: $D/bad-order.csv:6: parameter 'rows': got '32' after 128, expected strictly increasing values" \
    --space $D/bad-order.csv $H $W
ok_program "unknown parameter" 2 \
    "$p: $D/bad-param.csv:3: column 'parameter': got 'voltage', expected memory or a design parameter (voltage_v, ..., tech_nm)" \
    --space $D/bad-param.csv $H $W
ok_program "SRAM with 2 bits per cell" 2 \
    "$p: $D/bad-sram.csv:4: column 'bits_per_cell': got 2, but an SRAM cell holds 1 bit" \
    --space $D/bad-sram.csv $H $W
ok_program "nothing to search" 2 \
    "$p: every parameter of the space has a single value: nothing to search" \
    --space $D/fixed.csv $H $W
ok_program "missing space file" 2 \
    "$p: $D/nope.csv:1: cannot open: No such file or directory" \
    --space $D/nope.csv $H $W
ok_program "bad layer table" 2 \
    "$p: $D/bad-layers.csv:3: column 'M': got '0', expected an integer in [1, 1099511627776]" \
    --space $D/space.csv $H $D/tiny.csv $D/bad-layers.csv
ok_program "missing constants" 2 \
    "$p: $tmp/none.csv:1: cannot open: No such file or directory" \
    --space $D/space.csv --constants-rram "$tmp/none.csv" $H $W
ok_program "missing --space" 2 \
    "$p: missing --space SPACE.csv
Try '$p --help'." $H $W
ok_program "no layer table" 2 \
    "$p: missing layer table (LAYERS.csv)
Try '$p --help'." --space $D/space.csv $H
ok_program "single with two workloads" 2 \
    "$p: objective 'single' takes one layer table, got 2
Try '$p --help'." --space $D/space.csv --objective single $H $W
ok_program "unknown objective" 2 \
    "$p: option '--objective': got 'max', expected single, joint, mean, all, el_cost or ela_cost
Try '$p --help'." --space $D/space.csv --objective max $H $W
ok_program "population of 1" 2 \
    "$p: option '--pop': got '1', expected an integer from 2 to 100000
Try '$p --help'." --space $D/space.csv --pop 1 $H $W
ok_program "negative area limit" 2 \
    "$p: option '--area-max': got '-3', expected a number > 0
Try '$p --help'." --space $D/space.csv --area-max -3 $H $W
ok_program "seed 0" 2 \
    "$p: option '--seed': got '0', expected an integer from 1 to 4294967295
Try '$p --help'." --space $D/space.csv --seed 0 $H $W
ok_program "seed 2^32" 2 \
    "$p: option '--seed': got '4294967296', expected an integer from 1 to 4294967295
Try '$p --help'." --space $D/space.csv --seed 4294967296 $H $W
ok_program "a seed twice" 2 \
    "$p: option '--seeds': seed 3 given twice
Try '$p --help'." --space $D/space.csv --seeds 1-4,3 $H $W
ok_program "both --seed and --seeds" 2 \
    "$p: give --seed or --seeds, not both
Try '$p --help'." --space $D/space.csv --seed 1 --seeds 2 $H $W
ok_program "huge generations" 2 \
    "$p: option '--generations': got '4611686018427387904', expected an integer from 1 to 100000
Try '$p --help'." --space $D/space.csv --generations 4611686018427387904 $H $W
ok_program "zero threads" 2 \
    "$p: option '--threads': got '0', expected an integer >= 1
Try '$p --help'." --space $D/space.csv --threads 0 $H $W
ok_program "best written to a full disk" 2 \
    "$p: error writing output: No space left on device" \
    $small --history $tmp/out.csv.hist $W --best /dev/full
# A node table: the cost objectives, and no design outside its node's
# voltage range (experiments/nodes.csv: 7 nm 0.45-0.80 V ... 45 nm
# 0.75-1.10 V).
N=experiments/nodes.csv
NS=experiments/space-sram-nodes.csv
if [ -r "$N" ] && [ -r "$NS" ]; then
    run --space $NS --pop 12 --generations 6 --seeds 1-3 --nodes $N \
        --objective el_cost $W -o "$tmp/cost.csv" 2>"$tmp/cost.err"
    ok $? "--nodes with el_cost exits 0"
    head -n 1 "$tmp/cost.csv" | grep -q ' objective=el_cost .* nodes=experiments/nodes.csv '
    ok $? "the comment records the objective and the node table"
    awk -F, 'NR > 2 && $20 == 1 {
        v = $3; n = $12
        lo = n == 7 ? 0.45 : n == 10 ? 0.50 : n == 14 ? 0.55 : n == 22 ? 0.65 : n == 32 ? 0.50 : 0.75
        hi = n == 7 ? 0.80 : n == 10 ? 0.85 : n == 14 ? 0.90 : n == 22 ? 1.00 : n == 32 ? 1.00 : 1.10
        if (v < lo - 1e-9 || v > hi + 1e-9) bad = 1 }
        END { exit bad }' "$tmp/cost.csv"
    ok $? "every feasible best design is inside its node's voltage range"
fi
ok_program "el_cost without a node table" 2 \
    "$p: objective 'el_cost' needs --nodes FILE (the node table with each node's cost factor)
Try '$p --help'." --space $D/space.csv --objective el_cost $H $W

ok_program "unknown schedule" 2 \
    "$p: option '--schedule': got 'p3', expected p1 or p2-phases
Try '$p --help'." --space $D/space.csv --schedule p3 $H $W

done_testing
