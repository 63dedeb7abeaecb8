#!/bin/sh
# layer-stats-medians.sh: the medians of the data statistics (x_mean,
# w_mean_1..8) over every layer of the reference's CiMLoop workloads: the
# defaults that net_stats_default() (src/net.c) gives to layers without
# histograms.  Runs bin/parse-net on each workload directory, stacks the
# layer tables with bin/stack-tables and lets bin/summarise take the
# medians (with their bootstrap intervals and quantiles), so the numbers
# are computed in C: the shell only moves files.  The median of an even
# count is the mean of the two middle values (Hyndman-Fan type 7).
#
# Usage: sh tools/layer-stats-medians.sh [CIMLOOP_DIR]
#   CIMLOOP_DIR defaults to $IMC_CIMLOOP_DIR, else ../shared/reference/cimloop
#   (its workloads/ holds one directory per network; docs/reference-data.md
#   sections 3 and 5).  BIN overrides the directory of the binaries
#   (default bin).  Output: summarise's table, one row per statistic
#   (docs/formats.md, summarise).
set -eu
ref=${1:-${IMC_CIMLOOP_DIR:-../shared/reference/cimloop}}
bin=${BIN:-bin}
[ -d "$ref/workloads" ] || { echo "layer-stats-medians: $ref/workloads: no such directory" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
set --
for d in "$ref"/workloads/*/; do
    net=$(basename "$d")
    "$bin/parse-net" "$d" -o "$tmp/$net.csv"
    set -- "$@" "$net=$tmp/$net.csv"
done
"$bin/stack-tables" --column network "$@" -o "$tmp/layers.csv"
"$bin/summarise" --metrics x_mean,w_mean_1,w_mean_2,w_mean_3,w_mean_4,w_mean_5,w_mean_6,w_mean_7,w_mean_8 \
    --replicates 'name=*' "$tmp/layers.csv"
