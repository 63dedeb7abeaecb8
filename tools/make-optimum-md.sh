#!/bin/sh
# make-optimum-md.sh: the "exact optimum" section of paper/results.md: the
# exhaustive sweep's optimum per target beside the GA's best-of-seeds
# design, and P1's comparison redone with the exact designs.
#   sh tools/make-optimum-md.sh -o OUT.md -n NAME -m 'MODES' -t 'TARGETS'
# Reads results/sweep_space/NAME/<mode>/optimum.csv,
# results/pick_design/NAME/<mode>/{best,optimum}/<target>.csv and
# results/compare_specific/NAME/<mode>/optimum.csv.
set -eu
LC_ALL=C
export LC_ALL
out='' name='' modes='' targets=''
while getopts o:n:m:t: opt; do
    case $opt in
    o) out=$OPTARG ;;
    n) name=$OPTARG ;;
    m) modes=$OPTARG ;;
    t) targets=$OPTARG ;;
    *) exit 2 ;;
    esac
done
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
R=results
{
echo "## The exact optimum (exhaustive search)"
echo
first=$(echo "$modes" | cut -d' ' -f1)
head -n 1 "$R/sweep_space/$name/$first/optimum.csv" | awk '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "`bin/sweep-space` evaluated every one of the %s designs of the space (counts computed once for each of\n", v["designs"]
    printf "its %s crossbar geometries and reused across voltage, cycle time and buffer size); %s of them meet the area\n", v["geometries"], v["feasible_for_all"]
    printf "limit and hold every workload at once.  This is the optimum the GA approximates, for every target.\n" }'
echo
for mode in $modes; do
    S=$R/sweep_space/$name/$mode/optimum.csv
    echo "### Latency mode: $mode"
    echo
    echo "| search | GA best of seeds | exact optimum | GA / optimum | GA found the optimum |"
    echo "|---|---|---|---|---|"
    for t in $targets; do
        B=$R/pick_design/$name/$mode/best/$t.csv
        O=$R/pick_design/$name/$mode/optimum/$t.csv
        ga=$(awk -F, '!/^#/ && ++n == 2 { print $13 }' "$B")
        opt=$(awk -F, '!/^#/ && ++n == 2 { print $12 }' "$O")
        same=$(awk -F, 'FNR == 1 || /^#/ { next } NR == FNR { a = $1; for (i = 2; i <= 11; i++) a = a "," $i; next }
                        { b = $1; for (i = 2; i <= 11; i++) b = b "," $i; print (a == b ? "yes" : "no") }' "$B" "$O")
        awk -v t="$t" -v g="$ga" -v o="$opt" -v s="$same" 'BEGIN {
            printf "| %s | %.6g | %.6g | %.5f | %s |\n", t, g, o, g / o, s }'
    done
    echo
    C=$R/compare_specific/$name/$mode/optimum.csv
    echo "P1's comparison with the exact designs (specific, largest-workload and joint optima):"
    echo
    echo "| workload | n_largest | n_joint | loss of joint (%) | gain, relative (%) | gain, difference (%) |"
    echo "|---|---|---|---|---|---|"
    awk -F, 'NR > 1 { printf "| %s | %.3f | %.3f | %.1f | %.1f | %.1f |\n", $1, $6, $7, $9, $11, $10 }' "$C"
    awk -F, 'NR > 1 { if (min == "" || $9 < min) { min = $9; wmin = $1 }
                      if (max == "" || $9 > max) { max = $9; wmax = $1 } }
             END { printf "\nGeneralisation loss of the exact joint optimum: %.1f %% (%s) to %.1f %% (%s) (P1: 17 %% to 86 %%).\n", min, wmin, max, wmax }' "$C"
    echo
done
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT
