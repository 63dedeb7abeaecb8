#!/bin/sh
# fetch-reference.sh: build a reference directory like ../shared/reference/
# cimloop from the reference implementation's public repository, for users
# who do not have it (the workflow's config key `reference_dir`; contents
# and layout in docs/reference-data.md sections 1 and 5).
#   sh tools/fetch-reference.sh DIR
# Clones github.com/OlgaKrestinskaya/JointHardwareWorkloadOptimizationIMC
# (MIT licence; needs git and network access), copies its layer files
# (workspace/models/workloads/<net>/) to DIR/workloads/, and converts the
# simulated designs it stores (workspace/main/results/**/<workload>/
# test*.json, keys "<tag>_<V>_<bits>_<cycle s>_<rows>_<cols>_<groups>_
# <tiles>_<macros>_<glb depth>" with e, l, a, u) into DIR/calibration.csv
# with the columns calibrate reads.  The memory type comes from the result
# directory's path (SRAM when it says so, else RRAM); keys with another
# number of fields (e.g. a technology node) are counted and left out.
# The conversion follows the stored files' format; it has not been run
# against the live repository from this project's build machines, which
# have no access to it.
set -eu
[ $# -eq 1 ] || { echo "usage: fetch-reference.sh DIR" >&2; exit 2; }
out=$1
repo=https://github.com/OlgaKrestinskaya/JointHardwareWorkloadOptimizationIMC
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
git clone --quiet --depth 1 "$repo" "$tmp/ref"
mkdir -p "$out"
cp -R "$tmp/ref/workspace/models/workloads" "$out/workloads.tmp"
rm -rf "$out/workloads"
mv "$out/workloads.tmp" "$out/workloads"
find "$tmp/ref/workspace/main/results" -name 'test*.json' | sort |
while read -r f; do
    w=$(basename "$(dirname "$f")")
    case $f in *SRAM*) mem=SRAM ;; *) mem=RRAM ;; esac
    awk -v w="$w" -v mem="$mem" '
        /^ *"[A-Za-z]*_[0-9.e+-]+(_[0-9.e+-]+)+": *\{/ {
            key = $0; sub(/^ *"/, "", key); sub(/".*/, "", key)
            n = split(key, f, "_"); e = l = a = u = ""; next }
        /"e":/ { e = $2; sub(/,$/, "", e) }
        /"l":/ { l = $2; sub(/,$/, "", l) }
        /"a":/ { a = $2; sub(/,$/, "", a) }
        /"u":/ { u = $2; sub(/,$/, "", u) }
        /^ *\}/ && key != "" {
            if (n == 10 && e != "" && l != "" && a != "")
                printf "%s,%s,%s,%g,%s,%s,%s,%s,%s,%s,%g,32,%s,%s,%s,%s,%s\n",
                    mem, f[2], f[3], f[4] * 1e9, f[5], f[6], f[7], f[8],
                    f[9], f[10], f[10] * 2048 / 8 / 1048576, w, e, l, a, u
            else
                print "skipped" > "/dev/stderr"
            key = "" }' "$f"
done 2>"$tmp/skipped" | sort -u >"$tmp/rows.csv"
{
    echo "memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_depth,glb_mb,tech_nm,workload,energy_j,latency_s,area_mm2,utilization_pct"
    cat "$tmp/rows.csv"
} >"$out/calibration.csv.tmp"
mv "$out/calibration.csv.tmp" "$out/calibration.csv"
echo "fetch-reference: $(wc -l <"$tmp/rows.csv") rows to $out/calibration.csv," \
     "$(wc -l <"$tmp/skipped") entries skipped" >&2
