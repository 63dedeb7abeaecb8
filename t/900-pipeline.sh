#!/bin/sh
# 900-pipeline: the whole study's workflow on experiments/smoke.yaml (every
# experiment kind, small sets and budgets), end to end, in a temporary
# directory (symlinks to the project's inputs, tools and binaries) so that
# results/ and paper/ of the checkout are never touched.  Checks that every
# report section and figure exists, that a second run has nothing to do,
# that after `rm -rf results` everything is rebuilt with byte-identical
# reports, and that a run killed half-way recovers the way `make reproduce`
# runs it (unlock, rerun incomplete jobs).  Skips when snakemake or gnuplot
# is missing.
tool=snakemake
. t/lib/cli.sh
for cmd in snakemake gnuplot; do
    command -v "$cmd" >/dev/null 2>&1 ||
        skip_all "$cmd is not installed (make deps)"
done
for t in parse-net ga-search sweep-space seq-search compare-specific \
    summarise budget-study convergence reductions pick-design stack-tables \
    reported-table fill-template; do
    [ -x "$root/bin/$t" ] || skip_all "bin/$t is not built (run make)"
done
for f in Snakefile rules experiments workloads tools bin report; do
    ln -s "$root/$f" "$tmp/$f"
done

# check DESCRIPTION COMMAND...: one test, passing when COMMAND succeeds.
check() {
    desc=$1
    shift
    if "$@"; then ok 0 "$desc"; else ok 1 "$desc"; fi
}

SMK="snakemake -c2 --scheduler greedy --configfile experiments/smoke.yaml"
paper=results/report/smoke
run_smoke() { # run_smoke LOG [extra options]
    log=$1
    shift
    (cd "$tmp" && $SMK "$@" >"$log" 2>&1)
}

status=0
run_smoke snakemake.log || status=$?
ok "$status" "$SMK"
[ "$status" -eq 0 ] || sed 's/^/# /' "$tmp/snakemake.log" | tail -40

set -- results.md smoke-p1-core.md smoke-budget.md smoke-aggregation.md \
    smoke-ea-vs-ga.md smoke-sequential.md smoke-edap.md smoke-node-cost.md \
    smoke-area-sweep.md \
    figures/smoke-p1-core-normalised-score-reference.png \
    figures/smoke-p1-core-loss-gain-physical.svg \
    figures/smoke-budget-gain-distribution.png \
    figures/smoke-aggregation-normalised-score.svg \
    figures/smoke-ea-vs-ga-convergence.png \
    figures/smoke-edap-reductions.png \
    figures/smoke-node-cost-pareto.png \
    figures/smoke-area-sweep-loss-gain.png
for f in "$@"; do
    check "$paper/$f exists and is non-empty" test -s "$tmp/$paper/$f"
done
check "no report section left a template tag unfilled" \
    sh -c "! grep -l '{{' '$tmp/$paper'/*.md"
check "the impossible 5 mm^2 limit is reported as infeasible" \
    grep -q '^5,' "$tmp/results/sweep_space/smoke-area-sweep/limits/optimum.csv"
check "the study writes nothing to paper/" test ! -e "$tmp/paper"
check "an experiment with reported: [] says it names no reported numbers" \
    grep -q 'names no reported numbers' "$tmp/$paper/smoke-edap.md"
check "... and one with tags sets the papers' numbers beside its own" \
    grep -q '^| P1 | joint_vs_largest_gain |' "$tmp/$paper/smoke-p1-core.md"

# A study under another name never writes to paper/: its reports go to
# results/report/<name>/.
(cd "$tmp" && $SMK -n --config name=trial >"$tmp/trial.log" 2>&1)
check "another study name plans its reports under results/report/trial/" \
    grep -q "results/report/trial/smoke-p1-core.md" "$tmp/trial.log"
check "... and nothing under paper/" sh -c "! grep -q ' paper/' '$tmp/trial.log'"

# A second run has nothing to do.
(cd "$tmp" && $SMK -n >"$tmp/dry.log" 2>&1)
check "second run: nothing to be done" grep -q "Nothing to be done" \
    "$tmp/dry.log"

# After rm -rf results everything reruns, and the reports come out the same
# bytes (determinism: seeds from the configuration, fixed reduction orders).
mkdir "$tmp/first"
cp -R "$tmp/$paper" "$tmp/first/report"
rm -rf "$tmp/results"
status=0
run_smoke again.log || status=$?
ok "$status" "after rm -rf results: the study runs again"
check "byte-identical reports and figures after rm -rf results" \
    diff -r "$tmp/first/report" "$tmp/$paper"

# A run killed half-way: the lock and the incomplete outputs do not block
# the next run made as `make reproduce` makes it.
rm -rf "$tmp/results"
(cd "$tmp" && exec $SMK >"$tmp/killed.log" 2>&1) &
pid=$!
sleep 3
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
(cd "$tmp" && snakemake --unlock --configfile experiments/smoke.yaml \
    >/dev/null 2>&1)
status=0
run_smoke recovered.log --rerun-incomplete || status=$?
ok "$status" "after a killed run: unlock and --rerun-incomplete complete it"
[ "$status" -eq 0 ] || sed 's/^/# /' "$tmp/recovered.log" | tail -20
check "... with the same reports" diff -r "$tmp/first/report" "$tmp/$paper"
# A sweep scattered over shards (sweep_shards, as on a cluster) gives the
# whole sweep's outputs byte for byte.
mkdir "$tmp/sharded"
for f in Snakefile rules experiments workloads tools bin report; do
    ln -s "$root/$f" "$tmp/sharded/$f"
done
sw=results/sweep_space/smoke-area-sweep/limits
status=0
(cd "$tmp/sharded" && $SMK --config sweep_shards=3 -- $sw/optimum.csv \
    $sw/per-workload.csv >"$tmp/sharded.log" 2>&1) || status=$?
ok "$status" "the area sweep in 3 shards, merged"
check "... three shard jobs ran" test -s "$tmp/sharded/$sw/shard3-of-3.csv"
check "... the merged optimum equals the whole sweep's" \
    cmp -s "$tmp/$sw/optimum.csv" "$tmp/sharded/$sw/optimum.csv"
check "... and so do the per-workload rows" \
    cmp -s "$tmp/$sw/per-workload.csv" "$tmp/sharded/$sw/per-workload.csv"
done_testing
