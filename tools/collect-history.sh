#!/bin/sh
# collect-history.sh: every search's convergence trace in one CSV, the
# input of tools/plots/fig-ga-convergence.gp.
#
# Input: the history.csv of each search (columns generation, evaluations,
# best_score, best_violation, ...), given target-major: for each target of
# -t, one file per seed of -s.  Output columns: target, seed, target_index
# (1-based position in -t, the line colour), generation, evaluations,
# best_score, best_violation and relative = best_score / the search's final
# best_score (NaN while the best design violates a constraint, or when the
# final one does), so searches of very different scores share one axis.
# A blank line separates searches (gnuplot then draws one line per search).
#
# Usage: sh tools/collect-history.sh -o OUT -t 'TARGET...' -s 'SEED...'
#            HISTORY.csv...
# Exit status 2 with one line 'collect-history: file:line: what is wrong'
# on bad input; OUT is then not written.
set -eu
LC_ALL=C
export LC_ALL
prog=collect-history
out='' targets='' seeds=''
while getopts o:t:s: opt; do
    case $opt in
    o) out=$OPTARG ;;
    t) targets=$OPTARG ;;
    s) seeds=$OPTARG ;;
    *) echo "usage: sh tools/$prog.sh -o OUT -t TARGETS -s SEEDS HISTORY.csv..." >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ -z "$targets" ] || [ -z "$seeds" ]; then
    echo "$prog: need -o, -t and -s" >&2
    exit 2
fi
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
awk -F, -v prog="$prog" -v targets="$targets" -v seeds="$seeds" -v nfiles=$# '
function fail(msg) {
    printf "%s: %s:%d: %s\n", prog, FILENAME, FNR, msg > "/dev/stderr"
    failed = 1
    exit 2
}
# Print the buffered rows of the search just read.
function flush(    i, rel, last) {
    if (!n) fail("no generations")
    last = score[n]
    for (i = 1; i <= n; i++) {
        rel = (viol[i] > 0 || viol[n] > 0 || last <= 0) ? "NaN" : sprintf("%.10g", score[i] / last)
        printf "%s,%s,%d,%s,%s,%s,%s,%s\n", t[ti], s[si], ti, gen[i], evals[i], score[i], viol[i], rel
    }
    n = 0
}
BEGIN {
    nt = split(targets, t, " "); ns = split(seeds, s, " ")
    if (nfiles != nt * ns) {
        printf "%s: got %d history files for %d targets x %d seeds\n", prog, nfiles, nt, ns > "/dev/stderr"
        failed = 1
        exit 2
    }
    print "target,seed,target_index,generation,evaluations,best_score,best_violation,relative"
}
FNR == 1 {
    if (k) { flush(); print "" }
    k++; ti = int((k - 1) / ns) + 1; si = (k - 1) % ns + 1; header = 0
}
/^#/ || /^$/ { next }
!header {
    header = 1
    cg = ce = cs = cv = 0
    for (i = 1; i <= NF; i++) {
        if ($i == "generation") cg = i
        if ($i == "evaluations") ce = i
        if ($i == "best_score") cs = i
        if ($i == "best_violation") cv = i
    }
    if (!cg) fail("missing column '\''generation'\''")
    if (!ce) fail("missing column '\''evaluations'\''")
    if (!cs) fail("missing column '\''best_score'\''")
    if (!cv) fail("missing column '\''best_violation'\''")
    next
}
{
    n++
    gen[n] = $cg; evals[n] = $ce; score[n] = $cs; viol[n] = $cv
}
END {
    if (failed) exit 2
    flush()
}' "$@" >"$tmp" || exit 2
mv "$tmp" "$out"
trap - EXIT INT TERM
