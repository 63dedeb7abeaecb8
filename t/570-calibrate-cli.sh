#!/bin/sh
# 570-calibrate-cli: bin/calibrate on a synthetic reference made by
# bin/cost-eval from known constants (so it needs no reference data): the
# fit returns the constants it was made from, cross-validation writes its
# reports, and bad input is refused with exact messages and no output.
. t/lib/cli.sh
tool="$root/bin/calibrate"
[ -x "$tool" ] && [ -x "$root/bin/cost-eval" ] ||
    skip_all "bin/calibrate or bin/cost-eval not built (run make)"
D=t/data/calibrate
K=t/data/cost/consts-test.csv

# Reference rows: the model's own values for 12 designs on the tiny layer.
mkdir "$tmp/layers"
cp t/data/cost/tiny.csv "$tmp/layers/tiny.csv"
"$root/bin/cost-eval" --constants-rram $K --designs $D/designs.csv \
    "$tmp/layers/tiny.csv" | cut -d, -f1-15 >"$tmp/ref.csv"
# Starting constants: the row-driver energy is free and starts at 3x.
awk -F, 'BEGIN { OFS = "," } NR > 1 { $4 = ($1 == "e_row_fj") ? 1 : 0 }
         $1 == "e_row_fj" { $5 = 3 * $2 } { print }' $K >"$tmp/start.csv"

run --memory RRAM --reference "$tmp/ref.csv" --layers "$tmp/layers" \
    --start "$tmp/start.csv" --folds 3 --summary "$tmp/sum.csv" \
    --top10 "$tmp/top.csv" --predictions "$tmp/pred.csv" \
    --fit-info "$tmp/info.csv" -o "$tmp/fit.csv" 2>"$tmp/err"
ok $? "fit and 3-fold cross-validation: exit 0"
awk -F, '$1 == "e_row_fj" { exit !($2 > 99.99 && $2 < 100.01) }' "$tmp/fit.csv"
ok $? "e_row_fj fitted back to 100 fJ/V^2 from a start of 300"
awk -F, '$1 == "e_row_fj" { exit !($5 == 300) }' "$tmp/fit.csv"
ok $? "the start column keeps the starting figure"
awk -F, 'NR > 1 && $2 == "energy" && $3 == "all" { exit !($6 < 1e-6) }' \
    "$tmp/sum.csv"
ok $? "held-out energy error ~0 on model-made data"
[ "$(wc -l <"$tmp/pred.csv")" -eq 13 ]
ok $? "one prediction per reference row"
head -n 1 "$tmp/info.csv" | grep -q '^memory,rows,designs,'
ok $? "fit info written"

ok_program "no --memory" 2 "calibrate: --memory must be RRAM or SRAM
Try 'calibrate --help'." --reference "$tmp/ref.csv" --layers "$tmp/layers"
ok_program "summary without folds" 2 "calibrate: --predictions, --summary and --top10 need --folds K with K >= 2
Try 'calibrate --help'." --memory RRAM --reference "$tmp/ref.csv" \
    --layers "$tmp/layers" --summary "$tmp/x.csv"
ok_program "workload without a layer table" 2 \
    "calibrate: $tmp/layers/vgg16.csv: cannot open: No such file or directory" \
    --memory RRAM --reference $D/other-workload.csv --layers "$tmp/layers" \
    --start "$tmp/start.csv"
ok_program "no rows of the memory type" 2 \
    "calibrate: $tmp/ref.csv: no SRAM rows" --memory SRAM \
    --reference "$tmp/ref.csv" --layers "$tmp/layers" --start "$tmp/start.csv"
ok_program "negative area" 2 \
    "calibrate: $D/negative-area.csv:2: column 'area_mm2': got '-3', expected a number > 0" \
    --memory RRAM --reference $D/negative-area.csv --layers "$tmp/layers" \
    --start "$tmp/start.csv"
done_testing
