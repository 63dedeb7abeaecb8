#!/bin/sh
# layer-stats-medians.sh: the medians of the data statistics (x_mean,
# w_mean_1..8) over every layer of the reference's CiMLoop workloads: the
# defaults that net_stats_default() (src/net.c) gives to layers without
# histograms.  Runs bin/parse-net on each workload directory, pools all
# layers and prints a CSV "stat,median,layers" (the median of an even count
# is the mean of the two middle values).
#
# Usage: sh tools/layer-stats-medians.sh [CIMLOOP_DIR]
#   CIMLOOP_DIR defaults to $IMC_CIMLOOP_DIR, else ../shared/reference/cimloop
#   (its workloads/ holds one directory per network).  PARSE_NET overrides
#   the parse-net binary (default bin/parse-net).
set -eu
ref=${1:-${IMC_CIMLOOP_DIR:-../shared/reference/cimloop}}
parse_net=${PARSE_NET:-bin/parse-net}
[ -d "$ref/workloads" ] || { echo "layer-stats-medians: $ref/workloads: no such directory" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for d in "$ref"/workloads/*/; do
    "$parse_net" "$d" | sed 1d >>"$tmp/layers.csv"
done
echo "stat,median,layers"
# Columns 13..21 of the layer table: x_mean, w_mean_1 .. w_mean_8.
col=13
for stat in x_mean w_mean_1 w_mean_2 w_mean_3 w_mean_4 w_mean_5 w_mean_6 \
            w_mean_7 w_mean_8; do
    cut -d, -f$col "$tmp/layers.csv" | LC_ALL=C sort -g |
        awk -v s="$stat" '{ v[NR] = $1 }
            END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                  printf "%s,%.4f,%d\n", s, m, NR }'
    col=$((col + 1))
done
