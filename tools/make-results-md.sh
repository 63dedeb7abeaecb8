#!/bin/sh
# make-results-md.sh: write <paper_dir>/results.md, the reproduction of P1's
# comparison of joint, workload-specific and largest-workload designs, from
# the outputs of the workflow (rule `paper` in rules/report.smk).  Every
# number is read or computed from results/ (and, for the papers' column,
# from paper-reported.csv); nothing is typed by hand.
#
# Usage: sh tools/make-results-md.sh -o OUT.md -n NAME -w 'WORKLOADS' -l LARGEST
#          -m 'MODES' -s 'SEEDS' -g 'POP GENS' [-S SCHEDULE] -j OBJECTIVE
#          -a AREA_MM2 -x SPACE.csv -r PAPER_REPORTED.csv [-R RESULTS] [-f FIGDIR]
# Reads, under RESULTS (default results) and for each mode:
#   summarise_seeds/NAME/MODE.csv            metrics: best-of-seeds, min/median/max
#   compare_specific/NAME/MODE/{best,seedN}.csv
#   pick_design/NAME/MODE/best/TARGET.csv    the chosen designs
#   cost_eval/NAME/MODE/best/TARGET.csv      their area
#   ga_search/NAME/MODE/joint/seedN/history.csv, benchmarks/ga_search/...tsv
#   collect_history/NAME/MODE.csv            every search's convergence trace
# FIGDIR (default figures) is where the figures are, relative to OUT.md.
# PAPER_REPORTED may be absent: the papers' column is then left out, and the
# report says why.
set -eu
LC_ALL=C
export LC_ALL
prog=make-results-md
out='' name='' workloads='' largest='' modes='' seeds='' ga='' schedule='' objective=''
area='' space='' reported='' R=results figdir=figures
while getopts o:n:w:l:m:s:g:S:j:a:x:r:R:f: opt; do
    case $opt in
    o) out=$OPTARG ;; n) name=$OPTARG ;; w) workloads=$OPTARG ;;
    l) largest=$OPTARG ;; m) modes=$OPTARG ;; s) seeds=$OPTARG ;;
    g) ga=$OPTARG ;; S) schedule=$OPTARG ;; j) objective=$OPTARG ;;
    a) area=$OPTARG ;; x) space=$OPTARG ;; r) reported=$OPTARG ;;
    R) R=$OPTARG ;; f) figdir=$OPTARG ;;
    *) echo "usage: see the header of tools/$prog.sh" >&2; exit 2 ;;
    esac
done
for v in out name workloads largest modes seeds ga objective area space; do
    eval "val=\$$v"
    if [ -z "$val" ]; then
        echo "$prog: missing option for '$v' (see the header of tools/$prog.sh)" >&2
        exit 2
    fi
done
have_reported=0
[ -n "$reported" ] && [ -f "$reported" ] && have_reported=1
nseeds=$(echo "$seeds" | wc -w)
set -- $modes
first_mode=$1
nmodes=$#
pop=${ga% *}
gens=${ga#* }

# ---------------------------------------------------------------- helpers

# need FILE: fail unless FILE is readable.
need() {
    [ -r "$1" ] || { echo "$prog: $1: cannot read (run the workflow first)" >&2; exit 2; }
}
# get FILE KEY COLUMN: COLUMN of the row whose first field is KEY; with KEY
# empty, of the first data row.  Comment lines (#) are skipped.
get() {
    need "$1"
    awk -F, -v k="$2" -v c="$3" '
        /^#/ || /^$/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) if ($i == c) ci = i; next }
        ci && (k == "" || $1 == k) { print $ci; exit }' "$1"
}
# last FILE COLUMN: COLUMN of the last data row.
last() {
    need "$1"
    awk -F, -v c="$2" '
        /^#/ || /^$/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) if ($i == c) ci = i; next }
        ci { v = $ci } END { print v }' "$1"
}
# rep QUANTITY [WORKLOAD]: the papers' value, empty when absent.  The first
# four columns of paper-reported.csv never hold quoted commas.
rep() {
    [ "$have_reported" = 1 ] || return 0
    awk -F, -v q="$1" -v w="${2:-}" '$2 == q && $3 == w { print $4; exit }' "$reported"
}
# num FORMAT VALUE: printf a number ("" stays "", and -0.0 prints as 0.0).
num() {
    [ -n "$2" ] || { printf ''; return; }
    awk -v f="$1" -v v="$2" 'BEGIN { s = sprintf(f, v); if (s ~ /^-0(\.0*)?( |$)/) s = substr(s, 2); printf "%s", s }'
}
# argmax MODE COLUMN: the workload on which the joint design's COLUMN
# (energy_j, latency_s) is largest.
argmax() {
    awk -F, -v c="$2" '
        /^#/ || /^$/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) { if ($i == c) ci = i; if ($i == "workload") wi = i }; next }
        { v = $ci + 0; if (!n++ || v > m) { m = v; w = $wi } }
        END { print w }' "$R/cost_eval/$name/$1/best/joint.csv"
}
# range METRIC FILE WORKLOAD FORMAT: "best (min to max)" of a summary metric.
range() {
    b=$(get "$2" "$3" "$1"); lo=$(get "$2" "$3" "$1_min"); hi=$(get "$2" "$3" "$1_max")
    if [ "$nseeds" -gt 1 ]; then
        printf '%s (%s to %s)' "$(num "$4" "$b")" "$(num "$4" "$lo")" "$(num "$4" "$hi")"
    else
        num "$4" "$b"
    fi
}
summary() { echo "$R/summarise_seeds/$name/$1.csv"; }
design() { echo "$R/pick_design/$name/$1/best/$2.csv"; }
# minmax MODE METRIC min|max: min or max over workloads of a best-of-seeds metric.
minmax() {
    need "$(summary "$1")"
    awk -F, -v c="$2" -v op="$3" '
        /^#/ || /^$/ { next }
        !h { h = 1; for (i = 1; i <= NF; i++) if ($i == c) ci = i; next }
        { v = $ci + 0; if (!n++ || (op == "min" ? v < m : v > m)) { m = v; w = $1 } }
        END { printf "%.1f %% (%s)", m, w }' "$(summary "$1")"
}
# mean_joint_search MODE COLUMN: mean over seeds of the joint search's
# benchmark seconds (COLUMN s) or of seconds per evaluation (COLUMN per_eval).
mean_joint_search() {
    tot=0
    for s in $seeds; do
        b=$R/benchmarks/ga_search/$name/$1/joint/seed$s.tsv
        need "$b"
        sec=$(awk 'NR == 2 { print $1 }' "$b")
        if [ "$2" = per_eval ]; then
            ev=$(last "$R/ga_search/$name/$1/joint/seed$s/history.csv" evaluations)
            sec=$(awk -v s="$sec" -v e="$ev" 'BEGIN { print (e > 0 ? s / e : 0) }')
        fi
        tot=$(awk -v t="$tot" -v s="$sec" 'BEGIN { print t + s }')
    done
    awk -v t="$tot" -v n="$nseeds" 'BEGIN { printf "%.4g", t / n }'
}
space_size() {
    need "$space"
    awk -F, '/^#/ || /^$/ { next } !h { h = 1; next }
        { p = (p ? p : 1) * split($2, a, " ") }
        END { s = sprintf("%.0f", p); o = ""
              while (length(s) > 3) { o = "," substr(s, length(s) - 2) o; s = substr(s, 1, length(s) - 3) }
              print s o }' "$space"
}
# fig NAME MODE CAPTION: a figure with a caption naming its script.
fig() {
    echo "![$1 ($2 latency)]($figdir/fig-$1-$2.png)"
    echo
    echo "*Figure \`fig-$1-$2.png\` (script \`tools/plots/fig-$1.gp\`): $3*"
    echo
}

# Where the gain definitions stand against P1 (first mode, best of seeds):
# mean |ours - P1| over the workloads P1 reports, without the largest one
# (where both definitions are <= 0 by construction, see the VGG16 section).
gain_distance() { # COLUMN
    S=$(summary "$first_mode")
    tot=0 n=0
    for w in $workloads; do
        [ "$w" = "$largest" ] && continue
        p=$(rep joint_vs_largest_gain "$w")
        [ -n "$p" ] || continue
        o=$(get "$S" "$w" "$1")
        tot=$(awk -v t="$tot" -v o="$o" -v p="$p" 'BEGIN { d = o - p; print t + (d < 0 ? -d : d) }')
        n=$((n + 1))
    done
    [ "$n" -gt 0 ] && awk -v t="$tot" -v n="$n" 'BEGIN { printf "%.1f", t / n }'
    return 0
}

# Every input up front, so a missing file stops the script here and not
# inside a command substitution (where set -e cannot see it).
for mode in $modes; do
    need "$(summary "$mode")"
    need "$R/collect_history/$name/$mode.csv"
    for sel in best $(for s in $seeds; do echo "seed$s"; done); do
        need "$R/compare_specific/$name/$mode/$sel.csv"
    done
    for t in $workloads joint; do
        need "$(design "$mode" "$t")"
        need "$R/cost_eval/$name/$mode/best/$t.csv"
    done
    for s in $seeds; do
        need "$R/ga_search/$name/$mode/joint/seed$s/history.csv"
        need "$R/benchmarks/ga_search/$name/$mode/joint/seed$s.tsv"
    done
done
need "$space"

tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT INT TERM
{
# ---------------------------------------------------------------- header
echo "# Reproduced results: joint vs workload-specific IMC designs ($name)"
echo
echo "Generated by \`tools/make-results-md.sh\` (rule \`paper\`) from \`$R/\`; do not edit."
echo "Regenerate with \`snakemake -c4 --configfile experiments/$name.yaml\`.  P1, P2 and"
echo "\"the reference\" are as in \`../shared/reference/framework.md\`."
echo
echo "## Setup"
echo
echo "- Workloads: $(echo $workloads | sed 's/ /, /g'); largest-workload baseline: the design found for **$largest** alone."
echo "- Design space: \`$space\`, $(space_size) designs; area constraint A <= $area mm^2."
if [ -n "$schedule" ]; then sched=", schedule \`$schedule\`"; else sched=""; fi
echo "- GA: population $pop, $gens generations$sched; seeds $(echo $seeds | sed 's/ /, /g'). Joint objective \`$objective\`; a workload-specific search minimises E_w L_w A."
echo "- Latency modes: $(echo $modes | sed 's/ /, /g'). Each mode has its own searches: designs are chosen and judged under the same latency model."
echo "- Score of design d on workload w: E_w(d) L_w(d) A(d) (J s mm^2); normalised score n_d(w) = score / score of w's specific design."
echo "- Generalisation loss of the joint design: 100 (n_joint(w) - 1) %. Gain of joint over largest, two definitions:"
echo "  *difference* 100 (n_largest(w) - n_joint(w)) (the reference's formula) and *relative* 100 (1 - n_joint(w) / n_largest(w))"
echo "  (the relative cut of the score E L A, i.e. of the EDAP; it does not depend on the specific design)."
if [ "$nseeds" -gt 1 ]; then
    echo "- Values are for the **best-of-seeds** designs (per target, the seed whose search ended best: feasible first, then lowest"
    echo "  score); in parentheses the **range over the $nseeds per-seed replicates** (specific, largest and joint designs all from one seed)."
fi
echo

# ---------------------------------------------------------------- papers
echo "## Reproduced numbers next to the papers'"
echo
if [ "$have_reported" = 1 ]; then
    echo "From \`$reported\`. Our values: best-of-seeds, $first_mode latency (other modes below)."
    echo
    echo "| source | quantity | workload | paper | reproduced | note |"
    echo "|---|---|---|---|---|---|"
    S=$(summary "$first_mode")
    awk -F, 'NR > 1 && !/^#/ { print $1, $2, ($3 == "" ? "-" : $3), $4, $5 }' "$reported" |
    while read -r src q w val unit; do
        [ "$w" = - ] && w=
        ours='' note=''
        case $q in
        design_space_size)
            ours="$(space_size)"; note="size of \`$space\`; P1's exact table is not public" ;;
        area_constraint) ours="$area $unit"; note="config \`area_max_mm2\`" ;;
        generalization_loss_min) ours=$(minmax "$first_mode" loss_joint_pct min); note="min over workloads" ;;
        generalization_loss_max) ours=$(minmax "$first_mode" loss_joint_pct max); note="max over workloads" ;;
        joint_vs_largest_gain)
            if echo " $workloads " | grep -q " $w "; then
                ours="rel. $(num '%.1f %%' "$(get "$S" "$w" gain_rel_pct)"); diff $(num '%.1f %%' "$(get "$S" "$w" gain_diff_pct)")"
                note="relative; difference of normalised scores"
            else note="workload not in this experiment"; fi ;;
        edap_reduction_max_4_workloads)
            ours=$(minmax "$first_mode" gain_rel_pct max)
            note="closest analogue: max relative cut vs the largest-workload baseline only (P2's other baselines are not run)" ;;
        search_wall_time_rram_4_workloads)
            ours="$(mean_joint_search "$first_mode" s) s"
            note="mean joint search here ($pop x $gens GA, 1 thread, analytic model) vs CiMLoop on 64 cores" ;;
        evaluation_time_per_design_4_workloads)
            ours="$(mean_joint_search "$first_mode" per_eval) s"
            note="joint search wall time / evaluations, incl. GA overhead" ;;
        *) note="not reproduced here (outside this experiment)" ;;
        esac
        echo "| $src | $q | $w | $val $unit | $ours | $note |"
    done
    echo
else
    echo "The papers' column is left out: \`$reported\` does not exist here (the reference"
    echo "material is not part of this checkout; set \`paper_reported\` in the experiment file)."
    echo
fi

# ---------------------------------------------------------------- per mode
for mode in $modes; do
    S=$(summary "$mode")
    need "$S"
    echo "## Latency mode: $mode"
    echo
    echo "### Chosen designs"
    echo
    echo "| search | seed | V | bits/cell | cycle (ns) | rows | cols | groups | tiles | macros | GLB (MB) | area (mm^2) | score |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for t in $workloads joint; do
        d=$(design "$mode" "$t")
        need "$d"
        a=$(get "$R/cost_eval/$name/$mode/best/$t.csv" "" area_mm2)
        row=$(awk -F, '/^#/ || /^$/ { next } !h { h = 1; n = split($0, c, ","); next }
            { for (i = 1; i <= n; i++) v[c[i]] = $i
              printf "%s | %s | %s | %s | %s | %s | %s | %s | %s | %s", v["seed"], v["voltage_v"],
                     v["bits_per_cell"], v["cycle_ns"], v["rows"], v["cols"], v["router_groups"],
                     v["tiles_per_group"], v["macros_per_tile"], v["glb_mb"]; exit }' "$d")
        label=$t; [ "$t" = joint ] && label="**joint**"; [ "$t" = "$largest" ] && label="$t (= largest)"
        echo "| $label | $row | $(num '%.1f' "$a") | $(num '%.4g' "$(get "$d" "" score)") |"
    done
    echo
    echo "### Normalised scores, generalisation loss and gains"
    echo
    echo "| workload | n_largest | n_joint | loss of joint (%) | gain, relative (%) | gain, difference (%) | P1 gain (%) |"
    echo "|---|---|---|---|---|---|---|"
    for w in $workloads; do
        p=$(rep joint_vs_largest_gain "$w")
        [ "$have_reported" = 1 ] || p="n/a"
        echo "| $w | $(range n_largest "$S" "$w" '%.3f') | $(range n_joint "$S" "$w" '%.3f') | $(range loss_joint_pct "$S" "$w" '%.1f') | $(range gain_rel_pct "$S" "$w" '%.1f') | $(range gain_diff_pct "$S" "$w" '%.1f') | ${p:--} |"
    done
    echo
    lo=$(minmax "$mode" loss_joint_pct min); hi=$(minmax "$mode" loss_joint_pct max)
    echo "Generalisation loss of the joint design: $lo to $hi"
    if [ "$have_reported" = 1 ]; then
        echo "(P1: $(rep generalization_loss_min) % to $(rep generalization_loss_max) %)."
    else
        echo "(P1's range: not available, see above)."
    fi
    if [ "$objective" = joint ]; then
        echo
        ae=$(argmax "$mode" energy_j); al=$(argmax "$mode" latency_s)
        echo "For the joint design, max_w E_w is $ae's energy and max_w L_w is $al's latency."
        if [ "$ae" = "$largest" ] && [ "$al" = "$largest" ]; then
            echo "Both maxima come from $largest, so the joint objective max E * max L * A equals $largest's own"
            echo "score near this design: the joint search is then a search for $largest alone, and the joint and"
            echo "largest-workload designs (nearly) coincide, whatever the other workloads need."
        fi
    fi
    # Convergence: searches whose best score still fell by more than 1 %
    # over the last quarter of their generations.
    H=$R/collect_history/$name/$mode.csv
    need "$H"
    conv=$(awk -F, '
        NR == 1 || /^$/ { next }
        { k = $1 "," $2; if (!(k in first)) { order[++n] = k; first[k] = 1 }
          g[k, $4 + 0] = $6; if ($4 + 0 > G[k]) G[k] = $4 + 0 }
        END {
            for (i = 1; i <= n; i++) {
                k = order[i]; q = int(0.75 * G[k]); if (q < 1) q = 1
                if (G[k] > q && (k, q) in g && g[k, G[k]] > 0 && g[k, q] / g[k, G[k]] > 1.01) {
                    m++; split(k, p, ","); t[p[1]] = t[p[1]] (t[p[1]] ? " " : "") p[2]
                }
            }
            printf "%d of %d searches", m + 0, n
            for (i = 1; i <= n; i++) { split(order[i], p, ","); if ((p[1] in t) && !(p[1] in done)) { printf "%s%s (seeds %s)", (d++ ? ", " : ": "), p[1], t[p[1]]; done[p[1]] = 1 } }
        }' "$H")
    echo
    echo "Convergence: the best score still fell by more than 1 % over the last quarter of the generations in"
    echo "$conv."
    nf=$(awk -F, 'NR > 1 && !/^#/ && $NF != 1 { n++ } END { print n + 0 }' "$S")
    if [ "$nf" -gt 0 ]; then
        echo "**Warning:** the joint design does not fit $nf workload(s) on chip (fits_joint = 0): the search found no feasible design."
    fi
    echo
    fig normalised-score "$mode" "score of the specific (1 by definition), largest-workload and joint designs per workload, normalised by the specific design's; log scale; bars: best-of-seeds designs; whiskers: min to max over the per-seed replicates (which need not contain the best-of-seeds value)."
    fig generalisation-loss "$mode" "generalisation loss 100 (n_joint - 1) per workload; bars and whiskers as above."
    fig joint-vs-largest-gain "$mode" "gain of the joint design over the largest-workload design in both definitions; bars and whiskers as above."
    fig ga-convergence "$mode" "best score so far relative to the final best, per search (one line per target and seed)."
done

# ---------------------------------------------------------------- gain definition
echo "## Which gain definition matches P1"
echo
if [ "$have_reported" = 1 ]; then
    dr=$(gain_distance gain_rel_pct); dd=$(gain_distance gain_diff_pct)
    if [ -n "$dr" ] && [ -n "$dd" ]; then
        closer=$(awk -v r="$dr" -v d="$dd" 'BEGIN { print (r + 0 < d + 0) ? "relative reduction" : "difference of normalised scores (the reference'"'"'s formula)" }')
        echo "Over the workloads P1 reports except $largest ($first_mode latency, best of seeds), the mean absolute"
        echo "distance to P1's gains is $dr percentage points for the relative reduction and $dd for the"
        echo "difference of normalised scores: the **$closer** is closer."
        echo "With this GA budget and an analytic cost model in place of CiMLoop, closeness is weak evidence; both"
        echo "columns are kept."
    else
        echo "P1 reports no gain for the workloads of this experiment other than $largest."
    fi
else
    echo "Cannot be judged here: the papers' numbers are not available (see above)."
fi
echo

# ---------------------------------------------------------------- VGG16
echo "## The largest workload's 0 % (framework.md section 6)"
echo
S=$(summary "$first_mode")
nl=$(get "$S" "$largest" n_largest)
beats=$(get "$S" "$largest" joint_beats_specific)
echo "The largest-workload baseline is the design found for $largest alone, which is also $largest's"
echo "workload-specific design, so n_largest($largest) = 1 (here: $(num '%.6g' "$nl")). Both gain definitions then"
echo "reduce to 100 (1 - n_joint($largest)) = minus the generalisation loss, which is <= 0 unless the joint"
echo "search found a better design for $largest than $largest's own search did (n_joint < 1, a sign that the"
echo "searches have not converged). Here ($first_mode latency) the gain on $largest is"
echo "$(range gain_rel_pct "$S" "$largest" '%.1f') %, and the joint design beat $largest's own design in $beats of"
p1=
if [ "$have_reported" = 1 ] && [ "$largest" = vgg16 ]; then
    p1=" P1 reports $(rep joint_vs_largest_gain vgg16) % for vgg16."
fi
echo "$nseeds seed replicates.$p1"
echo "So P1's baseline cannot be the design that also normalises the scores: either its largest-workload"
echo "design came from a separate, less converged run, or P1 normalised or scored differently; the papers do"
echo "not say. We keep the reference's definitions and report the number they give, not P1's."
if [ "$nseeds" -gt 1 ]; then
    sp=$(awk -F, -v w="$largest" '
        /^#/ || /^$/ { next }
        !h[FILENAME] { h[FILENAME] = 1; for (i = 1; i <= NF; i++) if ($i == "score_specific") c = i; next }
        $1 == w { if (FILENAME == ARGV[1]) b = $c; else { r = $c / b; if (!n++ || r < lo) lo = r; if (r > hi) hi = r } }
        END { printf "%.3f to %.3f", lo, hi }' \
        "$R/compare_specific/$name/$first_mode/best.csv" \
        $(for s in $seeds; do echo "$R/compare_specific/$name/$first_mode/seed$s.csv"; done))
    echo "How far a separate run could move the baseline: the $largest-only search of each single seed"
    echo "scores $sp times the best-of-seeds $largest design, i.e. a baseline from one run and a"
    echo "normalisation from the best run would give n_largest($largest) in that range."
fi
echo

# ---------------------------------------------------------------- modes
if [ "$nmodes" -gt 1 ]; then
    set -- $modes
    m1=$1 m2=$2
    S1=$(summary "$m1") S2=$(summary "$m2")
    echo "## $m1 vs $m2 latency"
    echo
    echo "The reference's latency (mode \`reference\`) comes from CiMLoop's pinned mapping, which charges"
    echo "almost nothing for input pulses and array reads; \`physical\` charges them. Each mode ran its own"
    echo "searches, so designs, losses and gains below change with the latency model."
    echo
    echo "| workload | n_joint $m1 | n_joint $m2 | loss $m1 (%) | loss $m2 (%) | gain rel. $m1 (%) | gain rel. $m2 (%) | gain diff. $m1 (%) | gain diff. $m2 (%) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for w in $workloads; do
        echo "| $w | $(num '%.3f' "$(get "$S1" "$w" n_joint)") | $(num '%.3f' "$(get "$S2" "$w" n_joint)") | $(num '%.1f' "$(get "$S1" "$w" loss_joint_pct)") | $(num '%.1f' "$(get "$S2" "$w" loss_joint_pct)") | $(num '%.1f' "$(get "$S1" "$w" gain_rel_pct)") | $(num '%.1f' "$(get "$S2" "$w" gain_rel_pct)") | $(num '%.1f' "$(get "$S1" "$w" gain_diff_pct)") | $(num '%.1f' "$(get "$S2" "$w" gain_diff_pct)") |"
    done
    echo
    for t in joint $largest; do
        changed=$(awk -F, '
            FNR == 1 { f++ }
            /^#/ || /^$/ { next }
            !h[f] { h[f] = 1; for (i = 1; i <= NF; i++) name[f, i] = $i; nf[f] = NF; next }
            { for (i = 1; i <= nf[f]; i++) v[f, name[f, i]] = $i }
            END { split("voltage_v bits_per_cell cycle_ns rows cols router_groups tiles_per_group macros_per_tile glb_mb", p, " ")
                  for (k = 1; k <= 9; k++) if (v[1, p[k]] != v[2, p[k]]) { printf "%s%s %s -> %s", sep, p[k], v[1, p[k]], v[2, p[k]]; sep = ", " } }' \
            "$(design "$m1" "$t")" "$(design "$m2" "$t")")
        echo "- The $t design from $m1 to $m2: ${changed:-unchanged}."
    done
    echo
fi
} >"$tmp"
mv "$tmp" "$out"
trap - EXIT INT TERM
