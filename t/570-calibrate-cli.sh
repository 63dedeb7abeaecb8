#!/bin/sh
# 570-calibrate-cli: bin/calibrate on a synthetic reference made by
# bin/cost-eval from known constants (t/data/calibrate/reference.csv, so it
# needs no reference data): the fit returns the constants it was made from,
# cross-validation writes its reports (an undefined Spearman rho as an
# empty field), all outputs are committed together or not at all, every
# numeric option is range-checked, and bad input is refused with exact
# one-line messages and no output.
. t/lib/cli.sh
tool="$root/bin/calibrate"
[ -x "$tool" ] && [ -x "$root/bin/cost-eval" ] ||
    skip_all "bin/calibrate or bin/cost-eval not built (run make)"
D=t/data/calibrate
K=t/data/cost/consts-test.csv
L=t/data/cost

# The committed reference is the model's own values for the 12 designs of
# designs.csv on the tiny layer; start.csv frees e_row_fj and starts it at
# 3x its true 100 fJ/V^2.  Regenerating it gives the same file.
"$root/bin/cost-eval" --constants-rram $K --designs $D/designs.csv \
    $L/tiny.csv | cut -d, -f1-15 | cmp -s - $D/reference.csv
ok $? "reference.csv is what cost-eval makes from consts-test.csv"

run --memory RRAM --reference $D/reference.csv --layers $L \
    --start $D/start.csv --folds 3 --summary "$tmp/sum.csv" \
    --top10 "$tmp/top.csv" --predictions "$tmp/pred.csv" \
    --fit-info "$tmp/info.csv" -o "$tmp/fit.csv" 2>"$tmp/err"
ok $? "fit and 3-fold cross-validation: exit 0"
[ ! -s "$tmp/err" ]
ok $? "nothing on stderr"
awk -F, '$1 == "e_row_fj" { exit !($2 > 99.99 && $2 < 100.01) }' "$tmp/fit.csv"
ok $? "e_row_fj fitted back to 100 fJ/V^2 from a start of 300"
awk -F, '$1 == "e_row_fj" { exit !($5 == 300) }' "$tmp/fit.csv"
ok $? "the start column keeps the starting figure"
awk -F, 'NR > 1 && $2 == "energy" && $3 == "all" { exit !($6 < 1e-6) }' \
    "$tmp/sum.csv"
ok $? "held-out energy error ~0 on model-made data"
# every design runs the tiny layer in 1 cycle of 2 ns: latency is constant,
# so its rank correlation is undefined and written as an empty field
awk -F, 'NR > 1 && $2 == "latency" { n++; if ($9 != "") bad = 1 }
         END { exit !(n == 2 && !bad) }' "$tmp/sum.csv"
ok $? "spearman_rho of the constant latency is empty, never nan"
! grep -Eqi '(^|,)[-+]?(nan|inf)' "$tmp/sum.csv" "$tmp/info.csv" "$tmp/pred.csv" \
    "$tmp/top.csv" "$tmp/fit.csv"
ok $? "no NaN or inf in any output"
[ "$(wc -l <"$tmp/pred.csv")" -eq 13 ]
ok $? "one prediction per reference row"
head -n 1 "$tmp/info.csv" | grep -q '^memory,rows,designs,'
ok $? "fit info written"

# All outputs or none: the summary cannot be written, so neither the
# constants (-o) nor the fit info may appear.
rm -f "$tmp"/out.csv* "$tmp"/info2.csv*
status=0
run --memory RRAM --reference $D/reference.csv --layers $L \
    --start $D/start.csv --folds 3 --fit-info "$tmp/info2.csv" \
    --summary /dev/full -o "$tmp/out.csv" 2>"$tmp/err" || status=$?
[ "$status" -eq 2 ]
ok $? "--summary /dev/full: exit 2 (got $status)"
echo "calibrate: error writing output: No space left on device" |
    cmp -s - "$tmp/err"
ok $? "--summary /dev/full: one line on stderr"
! ls "$tmp"/out.csv* "$tmp"/info2.csv* >/dev/null 2>&1
ok $? "--summary /dev/full: no constants and no fit info left behind"
ok_program "unwritable fit info" 2 \
    "calibrate: $tmp/no/dir/info.csv: cannot write: No such file or directory" \
    --memory RRAM --reference $D/reference.csv --layers $L \
    --start $D/start.csv --fit-info "$tmp/no/dir/info.csv"

# Usage errors and option ranges.
ok_program "no --memory" 2 "calibrate: --memory must be RRAM or SRAM
Try 'calibrate --help'." --reference $D/reference.csv --layers $L
ok_program "summary without folds" 2 "calibrate: --predictions, --summary and --top10 need --folds K with K >= 2
Try 'calibrate --help'." --memory RRAM --reference $D/reference.csv \
    --layers $L --summary "$tmp/x.csv"
for k in 0 1 1001 4294967296 -3 2x; do
    ok_program "--folds $k" 2 "calibrate: option '--folds': got '$k', expected an integer from 2 to 1000
Try 'calibrate --help'." --memory RRAM --reference $D/reference.csv \
        --layers $L --folds "$k"
done
ok_program "more folds than designs" 2 \
    "calibrate: $D/reference.csv:1: --folds 13, but the RRAM rows hold 12 designs" \
    --memory RRAM --reference $D/reference.csv --layers $L \
    --start $D/start.csv --folds 13

# Bad input.
ok_program "workload without a layer table" 2 \
    "calibrate: $L/vgg16.csv:1: cannot open: No such file or directory" \
    --memory RRAM --reference $D/other-workload.csv --layers $L \
    --start $D/start.csv
ok_program "no rows of the memory type" 2 \
    "calibrate: $D/reference.csv:13: no SRAM rows" --memory SRAM \
    --reference $D/reference.csv --layers $L --start $D/start.csv
ok_program "negative area" 2 \
    "calibrate: $D/negative-area.csv:2: column 'area_mm2': got '-3', expected a number > 0" \
    --memory RRAM --reference $D/negative-area.csv --layers $L \
    --start $D/start.csv
ok_program "two missing columns: one line, the first" 2 \
    "calibrate: $D/two-missing.csv:1: missing column 'workload'" \
    --memory RRAM --reference $D/two-missing.csv --layers $L \
    --start $D/start.csv
ok_program "workload ../x refused" 2 \
    "calibrate: $D/dotdot-workload.csv:2: column 'workload': got '../x', expected a plain name of 1 to 63 characters from [A-Za-z0-9_.-], not starting with '.'" \
    --memory RRAM --reference $D/dotdot-workload.csv --layers $L \
    --start $D/start.csv
ok_program "control bytes escaped in the message" 2 \
    "calibrate: $D/control-workload.csv:2: column 'workload': got 'tiny\\x1b[31m', expected a plain name of 1 to 63 characters from [A-Za-z0-9_.-], not starting with '.'" \
    --memory RRAM --reference $D/control-workload.csv --layers $L \
    --start $D/start.csv
ok_program "constant outside its band" 2 \
    "calibrate: $D/negative-cell-area.csv:37: column 'value': got '-1e9' for constant 'a_cell_um2', expected a number in (0, 10000] um^2" \
    --memory RRAM --reference $D/reference.csv --layers $L \
    --start $D/negative-cell-area.csv
done_testing
