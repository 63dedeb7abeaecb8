#!/bin/sh
# bench.sh: the toolkit's speed figures, for `make bench` (this checkout)
# and `make bench-compare BASE=<rev>` (this checkout against another
# revision, measured in the same run, turn about).
#
# Usage: tools/bench.sh [--runs N] [--base REV] [-o FILE]
#
# One line per figure, `name value unit` (with --base: `name value
# base_value unit speedup`), each value the median of N runs (default 5):
#   design_evals_per_s  bin/bench-cost: random designs of
#                       experiments/space-rram-p2.csv on the 4 P1 workloads
#                       through the GA's evaluator (the search's inner loop)
#   sweep_rram_p2_s     bin/sweep-space, P2's RRAM space, 4 P1 workloads
#   sweep_sram9_9w_s    the 9-workload SRAM space on the 9 workloads
#                       (workloads/*.net)
#   sweep_sram_nodes_s  the 4-workload SRAM space over six nodes (7 to 45 nm)
#   reproduce_s         the smoke study (snakemake -c2 --scheduler greedy
#                       --configfile experiments/smoke.yaml) in a temporary
#                       directory, each side with its own workflow and
#                       configurations (skipped without snakemake)
# The sweeps run on both cores (--threads 2) where the sweep has threads.
# Each run is recorded as a row of a runs table (figure,unit,side,value,
# start_s,end_s) in the temporary directory; bin/bench-summary turns a
# figure's table into its line (durations, medians, speedup: the numbers
# are computed in C), and this script writes the lines of skipped figures.
# Then writes them, with the machine (CPU model, cores, compiler) and the
# commits measured, to FILE (default results/bench/bench.txt, with --base
# results/bench/compare.txt).  The layer tables are made once, by this
# checkout's bin/parse-net, so both sides read the same inputs.  --base
# builds REV in a temporary copy (git archive; no worktree is registered).
# Timings vary with the machine and its load; no output of a tool is kept.
set -eu

runs=5
base=
out=
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --base) base=$2; shift 2 ;;
    -o) out=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2
       echo "Try 'tools/bench.sh --help'." >&2; exit 2 ;;
    esac
done
case $runs in '' | *[!0-9]* | 0)
    echo "bench.sh: --runs: got '$runs', expected an integer >= 1" >&2
    exit 2 ;;
esac
[ -n "$out" ] || out=results/bench/$([ -n "$base" ] && echo compare || echo bench).txt

here=$(pwd)
# the reference's layer YAML: docs/reference-data.md sections 3 and 5
ref=${IMC_CIMLOOP_DIR:-../shared/reference/cimloop}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/in"

# ---- the other side (--base): built in a temporary copy
if [ -n "$base" ]; then
    base_sha=$(git rev-parse --verify --quiet "$base^{commit}") || {
        echo "bench.sh: --base: '$base' is not a revision of this repository" >&2
        exit 2; }
    mkdir "$tmp/base"
    git archive "$base_sha" | tar -x -C "$tmp/base"
    echo "bench.sh: building $base ($base_sha) in a temporary copy" >&2
    (cd "$tmp/base" && make -j2 >"$tmp/base-build.log" 2>&1) || {
        echo "bench.sh: building $base failed; its log:" >&2
        tail -n 20 "$tmp/base-build.log" >&2
        exit 2; }
fi

# ---- inputs, shared by both sides
for w in vgg16 resnet18 alexnet mobilenet_v3; do
    bin/parse-net "workloads/$w.net" -o "$tmp/in/$w.csv"
done
P1="$tmp/in/vgg16.csv $tmp/in/resnet18.csv $tmp/in/alexnet.csv $tmp/in/mobilenet_v3.csv"
W9=$P1
for w in resnet50_wide densenet201 mobilebert vision_transformer gpt2_medium; do
    bin/parse-net "workloads/$w.net" -o "$tmp/in/$w.csv"
    W9="$W9 $tmp/in/$w.csv"
done
nodes=experiments/space-sram-nodes.csv
if [ ! -f "$nodes" ]; then
    nodes=$tmp/in/space-sram-nodes.csv
    sed 's/^tech_nm,.*/tech_nm,7 10 14 22 32 45/' experiments/space-sram-4.csv \
        >"$nodes"
fi

# ---- measuring
# Every run is one row of a runs table (figure,unit,side,value,start_s,
# end_s), one table per figure; bin/bench-summary computes the figure's
# line from it (durations, medians, speedup).
# now_s: wall clock, seconds with nanoseconds.
now_s() { date +%s.%N; }
# quiet OUT CMD...: CMD with its output in OUT; on failure, stop with its
# errors.
quiet() {
    o=$1
    shift
    "$@" >"$o" 2>"$tmp/stderr" || {
        echo "bench.sh: failed: $*" >&2; cat "$tmp/stderr" >&2; exit 2; }
}
# timed CMD...: CMD (its output discarded) between the stamps t0 and t1.
timed() {
    t0=$(now_s)
    quiet /dev/null "$@"
    t1=$(now_s)
}
# reproduce ROOT: the smoke workflow with ROOT's Snakefile, rules, tools and
# binaries (and this checkout's inputs), in a fresh directory.
reproduce() {
    d=$(mktemp -d "$tmp/repro.XXXXXX")
    # each side with its own workflow, configurations and networks: a
    # workflow cannot read another version's configuration
    for f in Snakefile rules tools bin experiments workloads report; do
        [ -e "$1/$f" ] && ln -s "$1/$f" "$d/$f"
    done
    (cd "$d" && snakemake -c2 --scheduler greedy \
        --configfile experiments/smoke.yaml >/dev/null 2>&1)
    rm -rf "$d"
}
# sweep_threads BIN: "--threads 2" when that sweep-space has threads (the
# goals are for both cores of this machine), else nothing.
sweep_threads() {
    if "$1" --help 2>/dev/null | grep -q -- '--threads'; then
        echo "--threads 2"
    fi
}
# figure ROOT NAME UNIT SIDE RUNS: one measurement of figure NAME with
# ROOT's binaries, appended to the runs table RUNS: a value (bench-cost's
# designs/s, its fourth column) or the stamps around a timed command.
figure() {
    b=$1/bin
    th=$(sweep_threads "$b/sweep-space")
    value= t0= t1=
    case $2 in
    design_evals_per_s)
        quiet "$tmp/bench-cost.csv" "$b/bench-cost" -n 50000 --seed 1 \
            --space experiments/space-rram-p2.csv $P1
        value=$(tail -n 1 "$tmp/bench-cost.csv" | cut -d, -f4) ;;
    sweep_rram_p2_s)
        timed "$b/sweep-space" $th --space experiments/space-rram-p2.csv \
            $P1 -o "$tmp/sweep.csv" ;;
    sweep_sram9_9w_s)
        timed "$b/sweep-space" $th --space experiments/space-sram-9.csv \
            $W9 -o "$tmp/sweep.csv" ;;
    sweep_sram_nodes_s)
        timed "$b/sweep-space" $th --space "$nodes" $P1 \
            -o "$tmp/sweep.csv" ;;
    reproduce_s)
        timed reproduce "$1" ;;
    esac
    echo "$2,$3,$4,$value,$t0,$t1" >>"$5"
}

results=$tmp/results
: >"$results"
for name in design_evals_per_s sweep_rram_p2_s sweep_sram9_9w_s \
    sweep_sram_nodes_s reproduce_s; do
    unit=s
    case $name in *_per_s) unit=designs/s ;; esac
    if [ "$name" = sweep_sram9_9w_s ] && [ -z "$W9" ]; then
        echo "# $name skipped: no reference workloads at $ref/workloads (set IMC_CIMLOOP_DIR)" >>"$results"
        tail -n 1 "$results"
        continue
    fi
    if [ "$name" = reproduce_s ] && ! command -v snakemake >/dev/null 2>&1; then
        echo "# $name skipped: snakemake is not installed (make deps)" >>"$results"
        tail -n 1 "$results"
        continue
    fi
    table=$tmp/runs-$name.csv
    echo "figure,unit,side,value,start_s,end_s" >"$table"
    i=0
    while [ "$i" -lt "$runs" ]; do  # turn about, so load hits both sides
        figure "$here" "$name" "$unit" this "$table"
        [ -z "$base" ] || figure "$tmp/base" "$name" "$unit" base "$table"
        i=$((i + 1))
    done
    # the figure's line: `name value unit` or, with base runs, `name value
    # base_value unit speedup`
    "$here/bin/bench-summary" "$table" >>"$results"
    tail -n 1 "$results"
done

# ---- the record
commit() {  # commit of a checkout, marked when it has changes
    c=$(git -C "$1" rev-parse --short HEAD 2>/dev/null || echo unknown)
    [ -z "$(git -C "$1" status --porcelain --untracked-files=no 2>/dev/null)" ] ||
        c="$c+changes"
    echo "$c"
}
mkdir -p "$(dirname "$out")"
{
    echo "# bench.sh $(date -u +%Y-%m-%dT%H:%M:%SZ), median of $runs runs per figure"
    echo "# cpu: $(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown), $(nproc 2>/dev/null || echo '?') cores"
    echo "# compiler: $(${CC:-cc} --version 2>/dev/null | head -n 1)"
    echo "# commit: $(commit .)"
    if [ -n "$base" ]; then
        echo "# base: $base ($base_sha)"
        echo "# name value base_value unit speedup"
    fi
    cat "$results"
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "bench.sh: wrote $out" >&2
