#!/bin/sh
# summarise-seeds.sh: the spread of compare-specific's metrics over seeds.
#
# Input: compare-specific outputs (one row per workload), first the one
# made from the best-of-seeds designs, then one per seed replicate (the
# specific, largest and joint designs all from that seed).  Output, one row
# per workload in the first file's order: the number of replicates, then
# for each metric M of n_largest n_joint loss_largest_pct loss_joint_pct
# gain_diff_pct gain_rel_pct the columns M (best-of-seeds value), M_min,
# M_median and M_max (over the replicates; the median of an even count is
# the mean of the two middle values); then n_specific (= 1, for plots),
# joint_beats_specific (replicates with n_joint < 1: the joint search found
# a better design for the workload than the workload's own search, i.e. the
# searches have not converged) and fits_joint of the best-of-seeds design.
#
# Usage: sh tools/summarise-seeds.sh -o OUT BEST.csv SEED.csv...
# Exit status 2 with one line 'summarise-seeds: file:line: what is wrong'
# on bad input; OUT is then not written.
set -eu
LC_ALL=C
export LC_ALL
prog=summarise-seeds
out=
while getopts o: opt; do
    case $opt in
    o) out=$OPTARG ;;
    *) echo "usage: sh tools/$prog.sh -o OUT BEST.csv SEED.csv..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ $# -lt 2 ]; then
    echo "$prog: need -o OUT, the best-of-seeds file and at least one seed file" >&2
    exit 2
fi
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
awk -F, -v prog="$prog" '
function fail(msg) {
    printf "%s: %s:%d: %s\n", prog, FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 2
}
function sort_values(a, n,    i, j, t) {   # insertion sort, n is small
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
}
BEGIN {
    nm = split("n_largest n_joint loss_largest_pct loss_joint_pct gain_diff_pct gain_rel_pct", metric, " ")
}
FNR == 1 { file++; header = 0 }
/^#/ || /^$/ { next }
!header {
    header = 1
    delete col
    for (i = 1; i <= NF; i++) col[$i] = i
    for (k = 1; k <= nm; k++) if (!(metric[k] in col)) fail("missing column '\''" metric[k] "'\''")
    if (!("workload" in col)) fail("missing column '\''workload'\''")
    if (!("fits_joint" in col)) fail("missing column '\''fits_joint'\''")
    next
}
{
    w = $col["workload"]
    if (file == 1) {
        if (w in known) fail("workload '\''" w "'\'' appears twice")
        known[w] = 1; order[++nw] = w
        for (k = 1; k <= nm; k++) best[w, k] = $col[metric[k]]
        fits[w] = $col["fits_joint"]
        next
    }
    if (!(w in known)) fail("workload '\''" w "'\'' is not in the best-of-seeds file")
    if ((w, file) in seen) fail("workload '\''" w "'\'' appears twice")
    seen[w, file] = 1
    cnt[w]++
    for (k = 1; k <= nm; k++) val[w, k, cnt[w]] = $col[metric[k]] + 0
    if ($col["n_joint"] + 0 < 1) beats[w]++
}
END {
    if (failed) exit 2
    printf "workload,seeds"
    for (k = 1; k <= nm; k++) printf ",%s,%s_min,%s_median,%s_max", metric[k], metric[k], metric[k], metric[k]
    print ",n_specific,joint_beats_specific,fits_joint"
    for (i = 1; i <= nw; i++) {
        w = order[i]; n = cnt[w]
        if (n != file - 1) {
            printf "%s: workload '\''%s'\'' is in %d of the %d seed files\n", prog, w, n, file - 1 > "/dev/stderr"
            exit 2
        }
        printf "%s,%d", w, n
        for (k = 1; k <= nm; k++) {
            delete a
            for (j = 1; j <= n; j++) a[j] = val[w, k, j]
            sort_values(a, n)
            med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            printf ",%s,%.10g,%.10g,%.10g", best[w, k], a[1], med, a[n]
        }
        printf ",1,%d,%s\n", beats[w] + 0, fits[w]
    }
}' "$@" >"$tmp" || exit 2
mv "$tmp" "$out"
trap - EXIT INT TERM
