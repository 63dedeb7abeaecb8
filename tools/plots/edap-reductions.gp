# edap-reductions.gp: P2's headline, how much lower the joint design's
# EDAP is than each baseline's: per workload set (groups) and baseline
# (bars) the aggregate reduction 100 (1 - EDAP_joint / EDAP_baseline); a
# baseline (or joint design) without a feasible design gets an
# "infeasible" mark instead of a bar; P2's reported largest reductions for
# 4 and 9 workloads (edap_reduction_max_4_workloads, _9_workloads) as
# horizontal lines.
#   gnuplot -c edap-reductions.gp REDUCTIONS.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# REDUCTIONS.csv: bin/reductions outputs stacked with a set column (set,
# baseline, workload, reduction_pct, feasible_joint, feasible_baseline;
# rows of workload "aggregate").  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "set baseline workload reduction_pct feasible_joint feasible_baseline")

sets = sel(data, "set", "workload=aggregate")
baselines = sel(data, "baseline", "workload=aggregate")
n_b = words(baselines)
bw = n_b > 0 ? 0.8 / n_b : 0.8
is_agg(x) = strcol("workload") eq "aggregate"
x_of(i) = pos(strcol("set"), sets) + (i - (n_b + 1) / 2.0) * bw
in_bar(i) = is_agg(0) && strcol("baseline") eq word(baselines, i)
# Why a bar is missing: the first design of the pair without a feasible
# design (the flags are 0/1 columns; empty counts as unknown).
why(x) = strcol("feasible_baseline") eq "0" ? "baseline infeasible" : \
         strcol("feasible_joint") eq "0" ? "joint infeasible" : "no value"
p2_4 = num(reported("P2", "edap_reduction_max_4_workloads", ""))
p2_9 = num(reported("P2", "edap_reduction_max_9_workloads", ""))
array p2_val[2] = [p2_4, p2_9]
array p2_name[2] = ["P2, 4 workloads", "P2, 9 workloads"]
set style textbox opaque noborder

do for [k = 1:n_out] {
    eval open_out(k, 380 + 300 * (words(sets) > 0 ? words(sets) : 1), 560)
    set title with_sub("EDAP reduction of the joint design over each baseline, aggregate over the set's workloads")
    set ylabel "EDAP reduction 100 (1 − EDAP_joint / EDAP_baseline)  (%)"
    set xlabel "workload set"
    set key outside right center vertical Left reverse
    set grid ytics
    set xzeroaxis lc rgb ref_colour lw 1.5
    if (words(sets) == 0) { eval NODATA } else {
        eval cat_xtics(sets)
        set yrange [*<0 : 105]
        set boxwidth bw * 0.9 absolute
        do for [p = 1:2] {
            if (p2_val[p] == p2_val[p]) {
                eval sprintf("set label %d \"%s\" at graph 0.99, first %g right front boxed offset 0, 0.7", 110 + p, p2_name[p], p2_val[p])
            } else { eval sprintf("unset label %d", 110 + p) }
        }
        plot for [i = 1:n_b] data using (in_bar(i) ? x_of(i) : NaN):(val("reduction_pct")) \
                 with boxes lt i dt 1 lc rgb okabe[i] fs pattern (i % 8) border lc rgb okabe[i] \
                 title "baseline " . word(baselines, i), \
             for [i = 1:n_b] data using (in_bar(i) && val("reduction_pct") >= 0 ? x_of(i) : NaN):(val("reduction_pct")):(sprintf("%.1f", val("reduction_pct"))) \
                 with labels offset 0, 0.7 font ",9" notitle, \
             for [i = 1:n_b] data using (in_bar(i) && val("reduction_pct") < 0 ? x_of(i) : NaN):(val("reduction_pct")):(sprintf("%.1f", val("reduction_pct"))) \
                 with labels offset 0, -0.7 font ",9" notitle, \
             for [i = 1:n_b] data using (in_bar(i) && strcol("reduction_pct") eq "" ? x_of(i) : NaN):(0):(why(0)) \
                 with labels rotate by 90 left offset 0, 0.5 font ",9" tc rgb okabe[i] notitle, \
             for [p = 1:2] (p2_val[p] == p2_val[p] ? p2_val[p] : NaN) with lines lc rgb paper_colour dt 2 * p lw 1.8 \
                 title p2_name[p] . sprintf(": %g %%", p2_val[p])
    }
    unset label 111
    unset label 112
    unset output
}
