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
done_testing
