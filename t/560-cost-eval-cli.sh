#!/bin/sh
# 560-cost-eval-cli: bin/cost-eval's batch contract, its per-layer mode,
# exit codes, exact error lines and atomic output.
. t/lib/cli.sh
tool="$root/bin/cost-eval"
[ -x "$tool" ] || skip_all "bin/cost-eval not built (run make)"
D=t/data/cost-eval
C="--constants-rram t/data/cost/consts-test.csv"

run --help >"$tmp/help"
ok $? "--help exits 0"
head -n 1 "$tmp/help" | grep -q '^cost-eval: '
ok $? "--help starts with the one-line summary"

# The batch contract: design columns, workload, energy_j, latency_s,
# area_mm2, fits; one row per design and workload.
run --designs $D/designs.csv t/data/cost/tiny.csv t/data/cost/tiny.csv \
    >"$tmp/out" 2>"$tmp/err"
ok $? "two designs, two workloads: exit 0"
head -n 1 "$tmp/out" | grep -q '^memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm,workload,energy_j,latency_s,area_mm2,fits,'
ok $? "header follows the contract"
[ "$(wc -l <"$tmp/out")" -eq 5 ]
ok $? "one row per design and workload (4 rows)"
[ ! -s "$tmp/err" ]
ok $? "nothing on stderr"

# The hand-computed design of t/190-cost.c: 71.386 pJ, 2 ns, 1.0461728 mm^2.
run $C --designs $D/designs.csv t/data/cost/tiny.csv >"$tmp/out"
sed -n 2p "$tmp/out" | cut -d, -f12-16 >"$tmp/row"
echo "tiny,7.1386e-11,2e-09,1.0461728,1" | cmp -s - "$tmp/row"
ok $? "RRAM row equals the hand-computed values"
run $C --latency physical --designs $D/designs.csv t/data/cost/tiny.csv |
    sed -n 2p | cut -d, -f14 | grep -qx '5.1e-07'
ok $? "--latency physical charges 255 pulses of 2 ns"
run --per-layer --designs $D/designs.csv t/data/cost/tiny.csv >"$tmp/pl"
[ "$(wc -l <"$tmp/pl")" -eq 3 ] && head -n 1 "$tmp/pl" | grep -q ',layer,op,'
ok $? "--per-layer: one row per design and layer"
run --designs $D/designs.csv t/data/cost/tiny.csv >"$tmp/a"
run --designs $D/designs.csv t/data/cost/tiny.csv >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"
ok $? "byte-identical reruns"

# The extrapolated column, last: the parameters outside the calibrated
# range (experiments/constants/calibrated-range.csv), joined by ';'.
run --designs $D/extrapolated.csv t/data/cost/tiny.csv >"$tmp/out"
ok $? "designs inside and outside the calibrated range: exit 0"
head -n 1 "$tmp/out" | grep -q ',area_dram_mm2,extrapolated$'
ok $? "extrapolated is the last column, after the fixed ones"
awk -F, 'NR > 1 { print $NF }' "$tmp/out" >"$tmp/x"
printf '%s\n' "" "voltage_v;tiles_per_group;tech_nm" "voltage_v" \
    "rows;glb_mb;tech_nm" | cmp -s - "$tmp/x"
ok $? "P2's RRAM design inside; 0.45 V, 128 tiles, 22 nm RRAM; 1.05 V SRAM at 7 nm; 8 rows, 256 MB, 5 nm"
run --per-layer --designs $D/extrapolated.csv t/data/cost/tiny.csv |
    awk -F, 'NR == 3 { print $NF }' | grep -qx 'voltage_v;tiles_per_group;tech_nm'
ok $? "--per-layer ends with the same column"
! grep -Eqi '(^|,)[-+]?(nan|inf)' "$tmp/out"
ok $? "no NaN or inf in the output"

# A dynamic operand (the tiny layer as a matmul, dynamic = 1): RRAM
# programs its 12 cells at every inference, 71.386 + 7.038 pJ (t/190-cost.c),
# physical mode writes its 8 rows first (+16 ns), and `extrapolated` says
# dynamic_writes; SRAM, which writes every layer anyway, is unchanged.
run $C --latency physical --designs $D/designs.csv t/data/cost/tiny-dynamic.csv \
    >"$tmp/dyn"
sed -n 2p "$tmp/dyn" | cut -d, -f12-14 | grep -qx 'tiny-dynamic,7.8424e-11,5.26e-07'
ok $? "dynamic operand on RRAM: 78.424 pJ and 526 ns"
sed -n 2p "$tmp/dyn" | awk -F, '{ print $NF }' | grep -q ';dynamic_writes$'
ok $? "dynamic operand on RRAM: extrapolated ends with dynamic_writes"
run $C --latency physical --designs $D/designs.csv t/data/cost/tiny.csv >"$tmp/res"
sed -n 3p "$tmp/dyn" | cut -d, -f13- >"$tmp/a"
sed -n 3p "$tmp/res" | cut -d, -f13- >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && ! grep -q dynamic_writes "$tmp/a"
ok $? "dynamic operand on SRAM: the resident layer's costs, nothing flagged"

ok_program "no --designs" 2 "cost-eval: missing --designs DESIGNS.csv
Try 'cost-eval --help'." t/data/cost/tiny.csv
ok_program "no layer table" 2 "cost-eval: missing layer table (LAYERS.csv)
Try 'cost-eval --help'." --designs $D/designs.csv
ok_program "bad --latency" 2 "cost-eval: option '--latency': got 'fast', expected reference or physical
Try 'cost-eval --help'." --latency fast --designs $D/designs.csv t/data/cost/tiny.csv
ok_program "missing designs file" 2 \
    "cost-eval: $D/nope.csv:1: cannot open: No such file or directory" \
    --designs $D/nope.csv t/data/cost/tiny.csv
ok_program "empty designs file" 2 \
    "cost-eval: $D/empty.csv:1: empty file (expected a header row)" \
    --designs $D/empty.csv t/data/cost/tiny.csv
ok_program "bits per cell 0" 2 \
    "cost-eval: $D/bad-bits.csv:2: column 'bits_per_cell': got '0', expected an integer in [1, 8]" \
    --designs $D/bad-bits.csv t/data/cost/tiny.csv
ok_program "unknown memory" 2 \
    "cost-eval: $D/bad-memory.csv:2: column 'memory': got 'PCM', expected RRAM or SRAM" \
    --designs $D/bad-memory.csv t/data/cost/tiny.csv
ok_program "missing column" 2 \
    "cost-eval: $D/missing-col.csv:1: missing column 'macros_per_tile'" \
    --designs $D/missing-col.csv t/data/cost/tiny.csv
ok_program "unknown op" 2 \
    "cost-eval: $D/bad-op.csv:3: column 'op': got 'pool', expected one of conv, dwconv, linear, matmul" \
    --designs $D/designs.csv $D/bad-op.csv
ok_program "zero dimension" 2 \
    "cost-eval: $D/zero-dim.csv:2: column 'M': got '0', expected an integer in [1, 1099511627776]" \
    --designs $D/designs.csv $D/zero-dim.csv
ok_program "weights disagree with dimensions" 2 \
    "cost-eval: $D/bad-weights.csv:2: column 'weights': got '13', but the dimensions give 12" \
    --designs $D/designs.csv $D/bad-weights.csv
ok_program "bad constants file" 2 \
    "cost-eval: $D/designs.csv:1: missing column 'name'" \
    --constants-rram $D/designs.csv --designs $D/designs.csv t/data/cost/tiny.csv
ok_program "negative cell area refused" 2 \
    "cost-eval: $D/negative-area-consts.csv:37: column 'value': got '-1e9' for constant 'a_cell_um2', expected a number in (0, 10000] um^2" \
    --constants-rram $D/negative-area-consts.csv --designs $D/designs.csv \
    t/data/cost/tiny.csv
ok_program "infinite energy refused" 2 \
    "cost-eval: $D/inf-energy-consts.csv:7: column 'value': got 'inf', expected a number" \
    --constants-rram $D/inf-energy-consts.csv --designs $D/designs.csv \
    t/data/cost/tiny.csv
ok_program "missing calibrated range" 2 \
    "cost-eval: $D/nope.csv:1: cannot open: No such file or directory" \
    --calibrated-range $D/nope.csv --designs $D/designs.csv t/data/cost/tiny.csv
ok_program "a range file that is not one" 2 \
    "cost-eval: $D/designs.csv:1: missing column 'parameter'" \
    --calibrated-range $D/designs.csv --designs $D/designs.csv t/data/cost/tiny.csv
ok_program "voltage above 5 V" 2 \
    "cost-eval: $D/bad-voltage.csv:2: column 'voltage_v': got 7, expected a number in (0, 5] V" \
    --designs $D/bad-voltage.csv t/data/cost/tiny.csv
ok_program "fractional rows" 2 \
    "cost-eval: $D/bad-rows.csv:2: column 'rows': got '64.5', expected an integer in [1, 16777216]" \
    --designs $D/bad-rows.csv t/data/cost/tiny.csv
done_testing
