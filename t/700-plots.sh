#!/bin/sh
# 700-plots: every figure script of tools/plots on the fixtures of
# t/data/plots (hand-written tables in the C tools' layouts, with missing
# fields): both outputs written and non-empty, a rerun byte-identical, a
# table without values (all fields empty, or no rows) still drawn, and
# every refusal (a required column missing, a file that cannot be read, a
# bad call) with exit 2, one line on stderr and no output.
tool=gnuplot
. t/lib/cli.sh
command -v gnuplot >/dev/null 2>&1 || skip_all "gnuplot not installed"
gnuplot -e 'set terminal pngcairo' >/dev/null 2>&1 ||
    skip_all "gnuplot has no pngcairo terminal"
D=t/data/plots
P=tools/plots
R=experiments/paper-reported.csv

# draws DESC SCRIPT DATA [ARGS...]: SCRIPT draws DATA (then the REPORTED
# and SUBTITLE arguments ARGS) with exit 0, an empty stderr, a non-empty
# PNG and SVG; with RERUN=1 a second run writes the same bytes.
draws() {
    desc=$1 s=$2 data=$3
    shift 3
    rm -f "$tmp"/a.* "$tmp"/b.*
    status=0
    gnuplot -c "$P/$s" "$data" "$tmp/a.png" "$tmp/a.svg" "$@" \
        2>"$tmp/err" || status=$?
    [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ]
    ok $? "$s: $desc: exit 0, nothing on stderr (got $status)"
    sed 's/^/# /' "$tmp/err"
    [ -s "$tmp/a.png" ] && [ -s "$tmp/a.svg" ]
    ok $? "$s: $desc: PNG and SVG written"
    if [ "${RERUN:-0}" = 1 ]; then
        gnuplot -c "$P/$s" "$data" "$tmp/b.png" "$tmp/b.svg" "$@" 2>/dev/null
        cmp -s "$tmp/a.png" "$tmp/b.png" && cmp -s "$tmp/a.svg" "$tmp/b.svg"
        ok $? "$s: $desc: rerun byte-identical"
    fi
}

# refuses DESC EXPECTED-STDERR SCRIPT ARGS...: exit 2, exactly that one
# line on stderr, no output file.
refuses() {
    desc=$1 want=$2 s=$3
    shift 3
    rm -f "$tmp"/a.*
    status=0
    gnuplot -c "$P/$s" "$@" 2>"$tmp/err" || status=$?
    [ "$status" -eq 2 ]
    ok $? "$s: $desc: exit 2 (got $status)"
    printf '%s\n' "$want" >"$tmp/want"
    cmp -s "$tmp/want" "$tmp/err"
    ok $? "$s: $desc: stderr"
    cmp -s "$tmp/want" "$tmp/err" || sed 's/^/# got: /' "$tmp/err"
    ! ls "$tmp"/a.* >/dev/null 2>&1
    ok $? "$s: $desc: no output left"
}

# header_only FIXTURE: the fixture's header alone (a table without rows).
header_only() {
    grep -v '^#' "$D/$1" | head -n 1 >"$tmp/h-$1"
    echo "$tmp/h-$1"
}

# drop_column FIXTURE NAME: the fixture without column NAME (comment
# lines dropped).
drop_column() {
    awk -F, -v name="$2" 'BEGIN { OFS = "," } /^#/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) if ($i == name) c = i }
        { out = ""; sep = ""
          for (i = 1; i <= NF; i++) if (i != c) { out = out sep $i; sep = "," }
          print out }' "$D/$1" >"$tmp/no-$2-$1"
    echo "$tmp/no-$2-$1"
}

# ------------------------------------------------------------ drawing
RERUN=1
draws "P1's comparison" comparison-normalised-score.gp $D/summary.csv $R \
    "reference latency"
draws "P1's comparison" comparison-loss-gain.gp $D/summary.csv $R \
    "physical latency"
draws "per-target curves" comparison-convergence.gp $D/curves.csv -
draws "budgets and cases" budget-gain-distribution.gp $D/budget.csv $R
draws "two sets" aggregation-normalised-score.gp $D/aggregation.csv $R
draws "two sets" ea-vs-ga-convergence.gp $D/ea-vs-ga.csv $R
draws "an infeasible baseline" edap-reductions.gp $D/reductions.csv $R
draws "six nodes" node-cost-pareto.gp $D/pareto.csv -
draws "missing limits" area-sweep-loss-gain.gp $D/area-sweep.csv $R
RERUN=0
draws "without the papers' numbers" comparison-loss-gain.gp \
    $D/summary.csv -
draws "no subtitle, no REPORTED argument" edap-reductions.gp \
    $D/reductions.csv

# fig-validation.gp keeps its own call: PREDICTIONS OUT.png METRIC [OUT.svg]
for m in energy latency area; do
    rm -f "$tmp"/v*.png "$tmp"/v*.svg
    status=0
    gnuplot -c $P/fig-validation.gp $D/predictions-sram.csv "$tmp/v1.png" $m \
        "$tmp/v1.svg" 2>"$tmp/err" || status=$?
    [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/v1.png" ] &&
        [ -s "$tmp/v1.svg" ]
    ok $? "fig-validation.gp: SRAM $m: PNG and SVG (got $status)"
    sed 's/^/# /' "$tmp/err"
done
gnuplot -c $P/fig-validation.gp $D/predictions-sram.csv "$tmp/v2.png" area \
    "$tmp/v2.svg" 2>/dev/null
cmp -s "$tmp/v1.png" "$tmp/v2.png" && cmp -s "$tmp/v1.svg" "$tmp/v2.svg"
ok $? "fig-validation.gp: rerun byte-identical"
status=0
gnuplot -c $P/fig-validation.gp $D/predictions-rram.csv "$tmp/v3.png" \
    latency 2>"$tmp/err" || status=$?
[ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && [ -s "$tmp/v3.png" ] &&
    ! ls "$tmp"/v3.svg >/dev/null 2>&1
ok $? "fig-validation.gp: RRAM (one node), PNG only as before (got $status)"

# ------------------------------------------------------------ no values
# Every script draws a "no data" figure (exit 0) for a table without rows;
# the comparison scripts also for one whose fields are all empty.
draws "every field empty" comparison-normalised-score.gp \
    $D/summary-empty.csv $R
draws "every field empty" comparison-loss-gain.gp $D/summary-empty.csv $R
draws "every ratio empty" comparison-convergence.gp $D/curves-empty.csv -
for sf in comparison-normalised-score.gp:summary.csv \
          comparison-convergence.gp:curves.csv \
          budget-gain-distribution.gp:budget.csv \
          aggregation-normalised-score.gp:aggregation.csv \
          ea-vs-ga-convergence.gp:ea-vs-ga.csv \
          edap-reductions.gp:reductions.csv \
          node-cost-pareto.gp:pareto.csv \
          area-sweep-loss-gain.gp:area-sweep.csv; do
    draws "no rows" "${sf%%:*}" "$(header_only "${sf#*:}")" $R
done
status=0
gnuplot -c $P/fig-validation.gp "$(header_only predictions-sram.csv)" \
    "$tmp/v4.png" energy "$tmp/v4.svg" 2>"$tmp/err" || status=$?
[ "$status" -eq 0 ] && [ -s "$tmp/v4.png" ] && [ -s "$tmp/v4.svg" ]
ok $? "fig-validation.gp: no rows: drawn (got $status)"

# ------------------------------------------------------------ refusals
# lacks SCRIPT FIXTURE COLUMN NEEDS ARGS...: SCRIPT refuses FIXTURE without
# COLUMN (the figure needing the columns NEEDS); ARGS follow OUT.png.
lacks() {
    s=$1 fx=$2 col=$3 needs=$4
    shift 4
    f=$(drop_column "$fx" "$col")
    refuses "no $col" \
        "$s: $f:1: missing column '$col' (the figure needs $needs)" \
        "$s" "$f" "$tmp/a.png" "$@"
}
lacks comparison-normalised-score.gp summary.csv ci_lo \
    "workload, metric, median, ci_lo, ci_hi" "$tmp/a.svg" $R
lacks comparison-loss-gain.gp summary.csv median \
    "workload, metric, median, ci_lo, ci_hi" "$tmp/a.svg" $R
lacks comparison-convergence.gp curves.csv p25_ratio \
    "target, evaluations, median_ratio, p25_ratio, p75_ratio" "$tmp/a.svg" -
lacks budget-gain-distribution.gp budget.csv p95 \
    "budget, case, workload, metric, median, p5, p25, p75, p95" "$tmp/a.svg" $R
lacks aggregation-normalised-score.gp aggregation.csv objective \
    "set, objective, workload, metric, median, ci_lo, ci_hi" "$tmp/a.svg" $R
lacks ea-vs-ga-convergence.gp ea-vs-ga.csv set \
    "set, algorithm, evaluations, median_ratio, p25_ratio, p75_ratio" "$tmp/a.svg" $R
lacks edap-reductions.gp reductions.csv feasible_baseline \
    "set, baseline, workload, reduction_pct, feasible_joint, feasible_baseline" "$tmp/a.svg" $R
lacks node-cost-pareto.gp pareto.csv tech_nm \
    "edap, cost, tech_nm" "$tmp/a.svg" -
lacks area-sweep-loss-gain.gp area-sweep.csv gain_rel_pct \
    "area_max_mm2, selection, workload, loss_joint_pct, gain_rel_pct" "$tmp/a.svg" $R
lacks fig-validation.gp predictions-sram.csv model_latency_s \
    "memory, bits_per_cell, tech_nm, workload, ref_latency_s, model_latency_s" latency "$tmp/a.svg"
# the comment line counts: the header is line 2 of the fixture
grep '^#' $D/summary.csv >"$tmp/c.csv"
cut -d, -f1-5 $D/summary.csv | grep -v '^#' >>"$tmp/c.csv"
refuses "no ci_lo, ci_hi, header on line 2" \
    "comparison-normalised-score.gp: $tmp/c.csv:2: missing columns 'ci_lo', 'ci_hi' (the figure needs workload, metric, median, ci_lo, ci_hi)" \
    comparison-normalised-score.gp "$tmp/c.csv" "$tmp/a.png" "$tmp/a.svg" $R
refuses "data cannot be read" \
    "edap-reductions.gp: $D/nope.csv: cannot open" \
    edap-reductions.gp $D/nope.csv "$tmp/a.png" "$tmp/a.svg" $R
refuses "REPORTED cannot be read" \
    "edap-reductions.gp: $D/nope.csv: cannot open" \
    edap-reductions.gp $D/reductions.csv "$tmp/a.png" "$tmp/a.svg" $D/nope.csv
refuses "REPORTED is not the papers' table" \
    "comparison-loss-gain.gp: $D/pareto.csv:2: missing columns 'source', 'quantity', 'workload', 'value' (the figure needs source, quantity, workload, value)" \
    comparison-loss-gain.gp $D/summary.csv "$tmp/a.png" "$tmp/a.svg" \
    $D/pareto.csv
: >"$tmp/empty.csv"
refuses "no header" \
    "node-cost-pareto.gp: $tmp/empty.csv:1: no header line" \
    node-cost-pareto.gp "$tmp/empty.csv" "$tmp/a.png" "$tmp/a.svg" -
refuses "no SVG argument" \
    "area-sweep-loss-gain.gp: usage: gnuplot -c $P/area-sweep-loss-gain.gp DATA.csv OUT.png OUT.svg [REPORTED.csv|-] [SUBTITLE]" \
    area-sweep-loss-gain.gp $D/area-sweep.csv "$tmp/a.png"
refuses "unknown metric" \
    "fig-validation.gp: unknown metric 'power' (energy, latency or area)" \
    fig-validation.gp $D/predictions-sram.csv "$tmp/a.png" power
refuses "no metric" \
    "fig-validation.gp: usage: gnuplot -c $P/fig-validation.gp PREDICTIONS.csv OUT.png METRIC [OUT.svg]" \
    fig-validation.gp $D/predictions-sram.csv "$tmp/a.png"
# ------------------------------------------------------------ comparison
# breakdown, layers and Pareto front (rules/breakdown.smk's tables): the
# fixtures are the tools' outputs on three workloads (t/data/plots/
# breakdown.csv: cost-eval of each chosen design stacked by target, the
# largest's design again as `largest`, one energy_j removed and one fits set
# to 0; layers.csv: cost-eval --per-layer of the joint design, with empty
# fields and two invalid mappings; front.csv: sweep-space --pareto;
# positions.csv: summarise of breakdown.csv per target and design).
BD_NEEDS="target, workload, energy_j, area_mm2, memory, voltage_v, bits_per_cell, cycle_ns, rows, cols, router_groups, tiles_per_group, macros_per_tile, glb_mb, tech_nm"
POS_NEEDS="target, metric, min, max, memory, voltage_v, bits_per_cell, cycle_ns, rows, cols, router_groups, tiles_per_group, macros_per_tile, glb_mb, tech_nm"
RERUN=1
draws "three workloads" comparison-breakdown.gp $D/breakdown.csv $R \
    "reference latency"
draws "three workloads, missing fields" comparison-layers.gp $D/layers.csv - \
    "physical latency"
draws "front and chosen designs" comparison-pareto.gp $D/front.csv - \
    "reference latency" $D/positions.csv
RERUN=0
draws "the front alone (no positions argument)" comparison-pareto.gp \
    $D/front.csv $R "reference latency"
draws "positions without rows" comparison-pareto.gp $D/front.csv - "" \
    "$(header_only positions.csv)"
awk -F, 'BEGIN { OFS = "," } { print } $1 == "joint" { $1 = "twin"; print }' \
    $D/positions.csv >"$tmp/twin.csv"
draws "two targets with the same design" comparison-pareto.gp $D/front.csv - \
    "" "$tmp/twin.csv"
grep -v '^largest,' $D/breakdown.csv >"$tmp/no-largest.csv"
draws "no largest rows" comparison-breakdown.gp "$tmp/no-largest.csv" -
# blank FIXTURE REGEX: the fixture with every field of the columns whose
# names match REGEX emptied.
blank() {
    awk -F, -v re="$2" 'BEGIN { OFS = "," } /^#/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) if ($i ~ re) e[i] = 1; print; next }
        { for (i in e) $i = ""; print }' "$D/$1" >"$tmp/blank-$1"
    echo "$tmp/blank-$1"
}
draws "every energy and area field empty" comparison-breakdown.gp \
    "$(blank breakdown.csv '^(energy|area)_')" -
draws "every drawn field empty" comparison-layers.gp \
    "$(blank layers.csv '^(energy_j|latency_s|utilization)$')" -
draws "no rows" comparison-breakdown.gp "$(header_only breakdown.csv)" $R
draws "no rows" comparison-layers.gp "$(header_only layers.csv)" $R
draws "no front, chosen designs given" comparison-pareto.gp \
    "$(header_only front.csv)" - "" $D/positions.csv
lacks comparison-breakdown.gp breakdown.csv target "$BD_NEEDS" "$tmp/a.svg" $R
lacks comparison-layers.gp layers.csv utilization \
    "workload, layer, energy_j, latency_s, utilization" "$tmp/a.svg" -
lacks comparison-pareto.gp front.csv max_latency_s \
    "max_energy_j, max_latency_s, area_mm2" "$tmp/a.svg" - "" $D/positions.csv
f=$(drop_column positions.csv max)
refuses "positions without max" \
    "comparison-pareto.gp: $f:1: missing column 'max' (the figure needs $POS_NEEDS)" \
    comparison-pareto.gp $D/front.csv "$tmp/a.png" "$tmp/a.svg" - "" "$f"
refuses "positions cannot be read" \
    "comparison-pareto.gp: $D/nope.csv: cannot open" \
    comparison-pareto.gp $D/front.csv "$tmp/a.png" "$tmp/a.svg" - "" \
    $D/nope.csv
refuses "positions are not summarise's" \
    "comparison-pareto.gp: $D/breakdown.csv:1: missing columns 'metric', 'min', 'max' (the figure needs $POS_NEEDS)" \
    comparison-pareto.gp $D/front.csv "$tmp/a.png" "$tmp/a.svg" - "" \
    $D/breakdown.csv
awk -F, 'BEGIN { OFS = "," } !h { h = 1; for (i = 1; i <= NF; i++) if ($i ~ /^energy_.+_j$/) e[i] = 1 }
    { o = ""; sep = ""; for (i = 1; i <= NF; i++) if (!(i in e)) { o = o sep $i; sep = "," }; print o }' \
    $D/breakdown.csv >"$tmp/no-components.csv"
refuses "no energy components" \
    "comparison-breakdown.gp: $tmp/no-components.csv:1: no energy_<component>_j column (the figure needs energy_<component>_j and area_<component>_mm2 columns)" \
    comparison-breakdown.gp "$tmp/no-components.csv" "$tmp/a.png" "$tmp/a.svg" -
refuses "no SVG argument" \
    "comparison-layers.gp: usage: gnuplot -c $P/comparison-layers.gp DATA.csv OUT.png OUT.svg [REPORTED.csv|-] [SUBTITLE]" \
    comparison-layers.gp $D/layers.csv "$tmp/a.png"
done_testing
