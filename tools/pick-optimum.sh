#!/bin/sh
# pick-optimum.sh: one target's design from a sweep-space result, as a
# one-row designs CSV (the design columns, then score) for cost-eval.
#   sh tools/pick-optimum.sh OPTIMUM.csv TARGET OUT.csv
# Exit status 2 with 'pick-optimum: file: what is wrong' when the target is
# missing or has no feasible design; OUT is then not written.
set -eu
in=$1 target=$2 out=$3
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
awk -F, -v t="$target" -v f="$in" '
    /^#/ { next }
    !hdr { hdr = 1; for (i = 6; i <= NF; i++) printf "%s,", $i; print "score"; next }
    $1 == t {
        if ($3 != 1) { printf "pick-optimum: %s: no feasible design for %s\n", f, t > "/dev/stderr"; exit 2 }
        for (i = 6; i <= NF; i++) printf "%s,", $i; print $4; found = 1 }
    END { if (!found) { printf "pick-optimum: %s: no target %s\n", f, t > "/dev/stderr"; exit 2 } }
' "$in" >"$tmp"
mv "$tmp" "$out"
trap - EXIT
