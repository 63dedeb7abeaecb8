#!/bin/sh
# pick-optimum.sh: one target's design from a sweep-space result, as a
# one-row designs CSV (the design columns, then score) for cost-eval.
#   sh tools/pick-optimum.sh OPTIMUM.csv TARGET OUT.csv
# Columns are found by name (docs/sweep.md); the row is the first for the
# target with an empty by_value (the overall optimum under the first area
# limit).  Exit status 2 with 'pick-optimum: file: what is wrong' when the
# target is missing or has no feasible design; OUT is then not written.
set -eu
in=$1 target=$2 out=$3
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
awk -F, -v t="$target" -v f="$in" '
    /^#/ { next }
    !hdr {
        hdr = 1
        for (i = 1; i <= NF; i++) col[$i] = i
        if (!("target" in col) || !("feasible" in col) || !("memory" in col)) {
            printf "pick-optimum: %s: not a sweep-space output\n", f > "/dev/stderr"; bad = 1; exit 2 }
        first = col["memory"]; last = col["tech_nm"]
        for (i = first; i <= last; i++) printf "%s,", $i; print "score"; next }
    $col["target"] == t && !found && (!("by_value" in col) || $col["by_value"] == "") {
        found = 1
        if ($col["feasible"] != 1) { printf "pick-optimum: %s: no feasible design for %s\n", f, t > "/dev/stderr"; exit 2 }
        for (i = first; i <= last; i++) printf "%s,", $i; print $col["score"] }
    END { if (bad) exit 2; if (!found) { printf "pick-optimum: %s: no target %s\n", f, t > "/dev/stderr"; exit 2 } }
' "$in" >"$tmp"
mv "$tmp" "$out"
trap - EXIT
