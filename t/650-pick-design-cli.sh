#!/bin/sh
# 650-pick-design-cli: bin/pick-design on t/data/pick-design/ (hand-made
# runs; t/202-pick.c works the choices out): golden outputs, the sweep form
# FILE:COL=VAL, infeasible picks (answers with a warning, exit 0), the help
# and its examples, usage errors and bad input with exact stderr and no
# output left behind.  VALGRIND=1 runs it under valgrind.
tool="$(pwd)/bin/pick-design"
. t/lib/cli.sh
. t/lib/examples.sh
[ -x "$tool" ] || skip_all "bin/pick-design not built (run make)"

p=pick-design
D=t/data/pick-design

# --- golden outputs ----------------------------------------------------
run $D/runs.csv --best -o "$tmp/best.csv"
cmp -s $D/expected-best.csv "$tmp/best.csv"
ok $? "--best: seed 3's rows (the 1.1e-6 tie goes to the lower seed)"
run $D/runs.csv -o "$tmp/default.csv"
cmp -s $D/expected-best.csv "$tmp/default.csv"
ok $? "--best is the default"
run $D/runs.csv --median --designs-only >"$tmp/median.csv"
cmp -s $D/expected-median-design.csv "$tmp/median.csv"
ok $? "--median --designs-only: seed 8, one row (stdout)"
run $D/runs.csv --median --designs-only >"$tmp/median2.csv"
cmp -s "$tmp/median.csv" "$tmp/median2.csv"
ok $? "rerun is byte-identical"
run "$D/runs.csv:seed!=3:seed!=8" --median -o "$tmp/m17.csv"
[ "$(grep -c '^17,' "$tmp/m17.csv")" -eq 2 ] && [ "$(grep -vc '^#' "$tmp/m17.csv")" -eq 3 ]
ok $? "FILE:COL!=VAL: without 3 and 8 the median is seed 17"
run $D/sweep.csv:target=joint --designs-only -o "$tmp/sweep.csv"
tail -1 "$tmp/sweep.csv" | grep -qx 'RRAM,0.5,8,1,512,256,1,16,128,0.5,32,9.9e-07,0,1'
ok $? "a sweep file: no seed column, the selection is one run"
bin/parse-net workloads/alexnet.net -o "$tmp/alexnet.csv" &&
    bin/cost-eval --designs "$tmp/median.csv" "$tmp/alexnet.csv" \
        -o "$tmp/eval.csv" && grep -q '^RRAM,0.75,4,2,32,64,2,4,8,2,32,alexnet,' "$tmp/eval.csv"
ok $? "a --designs-only file is a designs file for cost-eval"

# --- infeasible picks: answers, with one warning ---------------------------
status=0
run $D/infeasible.csv --best -o "$tmp/inf.csv" 2>"$tmp/err" || status=$?
[ $status -eq 0 ] && grep -q '^6,RRAM,' "$tmp/inf.csv" && grep -q ',0,1$' "$tmp/inf.csv"
ok $? "no feasible run: the lowest violation, then score (seed 6), feasible=0"
[ "$(wc -l <"$tmp/err")" -eq 1 ] &&
    grep -qx "$p: warning: the picked run is not feasible (violation 0.2; 0 of 3 runs feasible); its rows have feasible=0" "$tmp/err"
ok $? "no feasible run: one warning line"
run $D/runs.csv --seed 42 --designs-only -o "$tmp/s42.csv" 2>"$tmp/err"
tail -1 "$tmp/s42.csv" | grep -q ',42,5e-07,0.3,0$' && [ -s "$tmp/err" ]
ok $? "--seed of an infeasible run: its design, feasible=0, a warning"

# --- help ----------------------------------------------------------------
run --help >"$tmp/help"
ok $? "--help: exit 0"
grep -q '^Usage: pick-design FILE' "$tmp/help" && grep -q '^Common options:' "$tmp/help"
ok $? "--help: synopsis and the common options"
run_examples pick-design

# --- usage errors ----------------------------------------------------------
ok_program "no file" 2 "$p: missing FILE
Try '$p --help'." --best
ok_program "two files" 2 "$p: unexpected argument 'b.csv' (one FILE only)
Try '$p --help'." a.csv b.csv
ok_program "two rules" 2 "$p: give one of --best, --median and --seed
Try '$p --help'." $D/runs.csv --best --median
ok_program "bad seed" 2 "$p: option '--seed': got '0', expected an integer from 1 to 4294967295
Try '$p --help'." $D/runs.csv --seed 0
ok_program "bad selection" 2 "$p: FILE: 'seed' is not COL=VALUE or COL!=VALUE
Try '$p --help'." $D/runs.csv:seed
ok_program "unknown option" 2 "$p: unrecognized option '--worst'
Try '$p --help'." $D/runs.csv --worst

# --- bad input -------------------------------------------------------------
ok_program "missing file" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    $D/absent.csv
ok_program "no such seed" 2 "$p: $D/runs.csv: no run with seed 99 (5 runs)" \
    $D/runs.csv --seed 99
ok_program "--seed on a sweep file" 2 \
    "$p: $D/sweep.csv:1: missing column 'seed' (a pick by seed needs one run per seed)" \
    $D/sweep.csv --seed 1
ok_program "a sweep file unselected" 2 \
    "$p: $D/sweep.csv:4: column 'cols' is '128' here but '256' at line 2: without a seed column the rows must be one run (select it with FILE:COL=VAL)" \
    $D/sweep.csv
ok_program "rows of one seed disagree" 2 \
    "$p: $D/disagree.csv:10: seed 8: column 'score' is '1.2e-06' here but '1.1e-06' at line 9 (the rows of one run hold one design and one score)" \
    $D/disagree.csv
ok_program "bad feasible flag" 2 \
    "$p: $D/bad-feasible.csv:11: column 'feasible': got '2', expected 0 or 1" \
    $D/bad-feasible.csv
ok_program "bad seed value" 2 \
    "$p: $D/bad-seed.csv:6: column 'seed': got '0', expected an integer from 1 to 4294967295" \
    $D/bad-seed.csv
ok_program "bad score" 2 \
    "$p: $D/bad-score.csv:3: column 'score': got 'abc', expected a number" \
    $D/bad-score.csv --median
ok_program "a non-finite field in the picked run" 2 \
    "$p: $D/inf-energy.csv:12: column 'energy_j': got 'inf', which is not a finite number" \
    $D/inf-energy.csv --seed 5
run $D/inf-energy.csv --best -o "$tmp/other.csv"
ok $? "a non-finite field in a run not picked does not matter"
ok_program "missing column" 2 "$p: $D/no-score.csv:1: missing column 'score'" \
    $D/no-score.csv
ok_program "selection matches nothing" 2 "$p: $D/runs.csv: no rows to pick from" \
    $D/runs.csv:workload=resnet18
ok_program "selection on a missing column" 2 \
    "$p: $D/runs.csv:1: missing column 'target' (named in the row selector)" \
    $D/runs.csv:target=joint
# A row added with --report-on carries its own workload's feasibility: the
# run's is its own workloads' (in_objective 1).
run $D/report-on.csv --best --designs-only -o "$tmp/ro.csv" 2>"$tmp/ro.err"
ok $? "report-on rows with their own feasibility: exit 0"
tail -n 1 "$tmp/ro.csv" | grep -q ',2,7.5605e-07,0,1$'
ok $? "... seed 2 is feasible and best"
[ ! -s "$tmp/ro.err" ]
ok $? "... no warning"
done_testing
