#!/bin/sh
# 900-pipeline: the whole workflow on experiments/smoke.yaml, end to end,
# in a temporary directory (symlinks to the project's inputs, tools and
# binaries) so that results/ and paper/ of the checkout are never touched.
# Checks that every expected output exists and is non-empty, and that a
# second run has nothing to do.  Skips when snakemake or gnuplot is missing.
tool=snakemake
. t/lib/cli.sh
for cmd in snakemake gnuplot; do
    command -v "$cmd" >/dev/null 2>&1 ||
        skip_all "$cmd is not installed (make deps)"
done
for t in parse-net ga-search cost-eval compare-specific; do
    [ -x "$root/bin/$t" ] || skip_all "bin/$t is not built (run make)"
done
for f in Snakefile rules experiments workloads tools bin; do
    ln -s "$root/$f" "$tmp/$f"
done

# check DESCRIPTION COMMAND...: one test, passing when COMMAND succeeds.
check() {
    desc=$1
    shift
    if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

name=smoke
paper=results/paper-smoke
set -- \
    results/parse_net/net/resnet18.csv \
    results/parse_net/net/mobilenet_v3.csv \
    results/ga_search/$name/reference/joint/seed1/best.csv \
    results/ga_search/$name/physical/resnet18/seed1/history.csv \
    results/pick_design/$name/reference/best/joint.csv \
    results/cost_eval/$name/physical/seed1/mobilenet_v3.csv \
    results/compare_specific/$name/reference/best.csv \
    results/compare_specific/$name/physical/seed1-long.csv \
    results/summarise_seeds/$name/reference.csv \
    results/collect_history/$name/physical.csv \
    results/benchmarks/ga_search/$name/reference/joint/seed1.tsv \
    $paper/figures/fig-ga-convergence-reference.png \
    $paper/figures/fig-normalised-score-physical.png \
    $paper/figures/fig-generalisation-loss-reference.png \
    $paper/figures/fig-joint-vs-largest-gain-physical.png \
    $paper/results.md

# The reference data and the papers' numbers are looked up from the
# checkout's parent as usual, so the report exercises the same branch as a
# real run; calibration stays off (smoke.yaml).
status=0
(cd "$tmp" && snakemake -c2 --configfile experiments/smoke.yaml \
    --config reference_dir="$root/../shared/reference/cimloop" \
             paper_reported="$root/../shared/reference/paper-reported.csv" \
    >snakemake.log 2>&1) || status=$?
ok "$status" "snakemake -c2 --configfile experiments/smoke.yaml"
[ "$status" -eq 0 ] || sed 's/^/# /' "$tmp/snakemake.log" | tail -40
for f in "$@"; do
    check "$f exists and is non-empty" test -s "$tmp/$f"
done

# Every job logs (stderr, usually empty).
check "ga_search logs to results/logs/" \
    test -e "$tmp/results/logs/ga_search/$name/reference/joint/seed1.log"

# compare-specific's table has a row per workload.
rows=$(grep -c -e '^resnet18,' -e '^mobilenet_v3,' \
    "$tmp/results/compare_specific/$name/reference/best.csv" || true)
check "comparison has both workloads" test "$rows" = 2
# The report states the gain definitions and the largest workload's issue.
md=$tmp/$paper/results.md
check "results.md discusses the gain definition" \
    grep -q '^## Which gain definition matches P1' "$md"
check "results.md discusses the largest workload's 0 %" \
    grep -q "^## The largest workload's 0 %" "$md"
check "results.md compares the latency modes" \
    grep -q '^## reference vs physical latency' "$md"

# Rerunning finds nothing to do.
status=0
(cd "$tmp" && snakemake -n -c2 --configfile experiments/smoke.yaml \
    --config reference_dir="$root/../shared/reference/cimloop" \
             paper_reported="$root/../shared/reference/paper-reported.csv" \
    >dry.log 2>&1) || status=$?
check "a second run has nothing to do" grep -q 'Nothing to be done' "$tmp/dry.log"

# Figures are byte-reproducible: replot one and compare.
(cd "$tmp" && gnuplot -c tools/plots/fig-normalised-score.gp \
    results/summarise_seeds/$name/reference.csv again.png) 2>/dev/null || true
check "figures are byte-reproducible" cmp -s "$tmp/again.png" \
    "$tmp/$paper/figures/fig-normalised-score-reference.png"
done_testing
