#!/bin/sh
# 660-check-targets-cli: bin/check-targets on t/data/check-targets/ (worst
# values worked out by hand in t/203-targets.c): golden outputs, targets not
# met (an answer: met=no, one warning, exit 0), the help and its examples,
# usage errors and bad input with exact stderr and no output left behind.
# VALGRIND=1 runs it under valgrind.
tool="$(pwd)/bin/check-targets"
. t/lib/cli.sh
. t/lib/examples.sh
[ -x "$tool" ] || skip_all "bin/check-targets not built (run make)"

p=check-targets
D=t/data/check-targets
T=experiments/validation-targets.csv

# --- golden outputs ----------------------------------------------------
status=0
run --targets $T --summary $D/summary.csv --top10 $D/top10.csv \
    -o "$tmp/rram.csv" 2>"$tmp/err" || status=$?
ok $status "targets not met are an answer: exit 0"
cmp -s $D/expected-rram.csv "$tmp/rram.csv"
ok $? "the project's targets on the RRAM fixture match the golden file"
grep -qx "$p: warning: 2 of 5 targets not met (first: area error, median per workload); their rows have met=no" "$tmp/err" &&
    [ "$(wc -l <"$tmp/err")" -eq 1 ]
ok $? "one warning line"
run --targets $D/targets.csv --summary $D/summary-sram.csv >"$tmp/sram.csv" 2>/dev/null
cmp -s $D/expected-sram.csv "$tmp/sram.csv"
ok $? "scopes each-node, all, a workload, each (stdout, no --top10)"
run --targets $D/targets.csv --summary $D/summary-sram.csv >"$tmp/sram2.csv" 2>/dev/null
cmp -s "$tmp/sram.csv" "$tmp/sram2.csv"
ok $? "rerun is byte-identical"

# --- help ----------------------------------------------------------------
run --help >"$tmp/help"
ok $? "--help: exit 0"
grep -q '^Usage: check-targets --targets FILE' "$tmp/help" && grep -q '^Common options:' "$tmp/help"
ok $? "--help: synopsis and the common options"
run_examples check-targets

# --- usage errors ----------------------------------------------------------
ok_program "no --summary" 2 "$p: need --targets and --summary
Try '$p --help'." --targets $T
ok_program "--summary twice" 2 "$p: --summary given twice
Try '$p --help'." --targets $T --summary $D/summary.csv --summary $D/summary.csv
ok_program "an argument" 2 "$p: unexpected argument 'x.csv'
Try '$p --help'." --targets $T --summary $D/summary.csv x.csv
ok_program "unknown option" 2 "$p: unrecognized option '--bogus'
Try '$p --help'." --targets $T --bogus x

# --- bad input -------------------------------------------------------------
ok_program "missing summary" 2 "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    --targets $T --summary $D/absent.csv
ok_program "rank_pct target without --top10" 2 \
    "$p: $T:6: target 'model rank of CiMLoop's 10 best designs (% of designs)' needs a top-10 file, and none was given" \
    --targets $T --summary $D/summary.csv
ok_program "a target that covers no row" 2 \
    "$p: $T:7: target covers no row of $D/summary-sram.csv (metric 'latency', workload 'each')" \
    --targets $T --summary $D/summary-sram.csv
printf 'memory,metric,workload,statistic,op,threshold,unit,label,source\nRRAM,energy,each,median,=<,2,%%,x,y\n' >"$tmp/bad.csv"
ok_program "a bad operator" 2 "$p: $tmp/bad.csv:2: column 'op': got '=<', expected <, <=, > or >=" \
    --targets "$tmp/bad.csv" --summary $D/summary.csv
grep -v '^RRAM,' $D/targets.csv >"$tmp/sram-only.csv"
ok_program "no target for the summary's memory" 2 \
    "$p: $tmp/sram-only.csv: no target for memory 'RRAM' (the memory of $D/summary.csv)" \
    --targets "$tmp/sram-only.csv" --summary $D/summary.csv

done_testing
