#!/bin/sh
# pick-design.sh: choose one design among the results of several searches
# of the same target (one per seed) and write it as a one-row designs CSV.
#
# The rank of a search is its final best (the last row of its history.csv,
# columns best_violation then best_score): feasible designs first (lowest
# constraint violation), then the lowest score; ties go to the earlier
# seed.  The design itself is the first data row of the search's best.csv
# (one row per workload, all with the same design).  The output has the
# design columns of best.csv (memory ... tech_nm) followed by seed, score
# and violation; cost-eval ignores the last three.
#
# Usage: sh tools/pick-design.sh -o OUT -s 'SEED...' -b 'BEST.csv...'
#            -H 'HISTORY.csv...'
#   the three lists are parallel (i-th seed, i-th best, i-th history).
# Exit status 2 with one line 'pick-design: file:line: what is wrong' on
# bad input; OUT is then not written.
set -eu
LC_ALL=C
export LC_ALL
prog=pick-design
out='' seeds='' bests='' hists=''
while getopts o:s:b:H: opt; do
    case $opt in
    o) out=$OPTARG ;;
    s) seeds=$OPTARG ;;
    b) bests=$OPTARG ;;
    H) hists=$OPTARG ;;
    *) echo "Try 'sh tools/$prog.sh' with -o -s -b -H." >&2; exit 2 ;;
    esac
done
if [ -z "$out" ] || [ -z "$seeds" ] || [ -z "$bests" ] || [ -z "$hists" ]; then
    echo "$prog: need -o, -s, -b and -H" >&2
    exit 2
fi
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
# shellcheck disable=SC2086
awk -v prog="$prog" -v seeds="$seeds" -v bests="$bests" -v hists="$hists" '
function fail(file, line, msg) {
    if (file == "") printf "%s: %s\n", prog, msg > "/dev/stderr"
    else printf "%s: %s%s: %s\n", prog, file, (line > 0 ? ":" line : ""), msg > "/dev/stderr"
    exit 2
}
# Read the header and first data row of a CSV (skipping # comments) into
# hdr[] / row[]; return the number of columns.  Fields never hold quotes.
function first_row(file,    line, n, nr, got) {
    nr = 0; got = 0
    while ((getline line < file) > 0) {
        nr++
        if (line ~ /^#/ || line == "") continue
        if (line ~ /"/) fail(file, nr, "quoted fields are not supported")
        if (!got) { n = split(line, hdr, ","); got = 1; continue }
        if (split(line, row, ",") != n)
            fail(file, nr, "expected " n " fields as in the header")
        rowline = nr
        close(file)
        return n
    }
    close(file)
    if (nr == 0 && !got) fail(file, 0, "cannot read or empty")
    fail(file, 0, "no data row")
}
# The last data row of a history CSV: sets last_score, last_violation.
function last_history(file,    line, n, nr, f, cs, cv, last, lastnr) {
    nr = 0; n = 0; last = ""
    while ((getline line < file) > 0) {
        nr++
        if (line ~ /^#/ || line == "") continue
        if (!n) {
            n = split(line, f, ",")
            cs = cv = 0
            for (i = 1; i <= n; i++) {
                if (f[i] == "best_score") cs = i
                if (f[i] == "best_violation") cv = i
            }
            if (!cs) fail(file, nr, "missing column '\''best_score'\''")
            if (!cv) fail(file, nr, "missing column '\''best_violation'\''")
            continue
        }
        last = line; lastnr = nr
    }
    close(file)
    if (!n) fail(file, 0, "cannot read or empty")
    if (last == "") fail(file, 0, "no generations")
    split(last, f, ",")
    if (f[cs] !~ /^[-+0-9.eEinfINFaA]+$/) fail(file, lastnr, "column '\''best_score'\'': got '\''" f[cs] "'\''")
    last_score = f[cs] + 0
    last_violation = f[cv] + 0
}
BEGIN {
    ns = split(seeds, s, " "); nb = split(bests, b, " "); nh = split(hists, h, " ")
    if (ns != nb || ns != nh)
        fail("", 0, "got " ns " seeds, " nb " best files and " nh " histories")
    best = 0
    for (k = 1; k <= ns; k++) {
        last_history(h[k])
        if (!best || last_violation < bv || (last_violation == bv && last_score < bs)) {
            best = k; bv = last_violation; bs = last_score
        }
    }
    n = first_row(b[best])
    design = "memory voltage_v bits_per_cell cycle_ns rows cols router_groups tiles_per_group macros_per_tile glb_mb tech_nm"
    nd = split(design, want, " ")
    for (i = 1; i <= nd; i++) {
        col[i] = 0
        for (j = 1; j <= n; j++) if (hdr[j] == want[i]) col[i] = j
        if (!col[i] && want[i] != "tech_nm")
            fail(b[best], 1, "missing column '\''" want[i] "'\''")
    }
    printf "# %s: seed %s of seeds %s (lowest violation, then lowest score)\n", prog, s[best], seeds
    for (i = 1; i <= nd; i++) if (col[i]) printf "%s,", want[i]
    print "seed,score,violation"
    for (i = 1; i <= nd; i++) if (col[i]) printf "%s,", row[col[i]]
    printf "%s,%.10g,%.10g\n", s[best], bs, bv
}' >"$tmp" || exit 2
mv "$tmp" "$out"
trap - EXIT INT TERM
