# aggregation-normalised-score.gp: how P2's aggregations of the workloads'
# costs compare, one panel per workload set: per workload, the score E*L*A
# of the joint design found with each objective (joint, mean, all) divided
# by the workload's own design's score (n_joint); median over the seeds
# with its interval and the exact optimum's value; log scale; the line at 1
# is the workload's own design.
#   gnuplot -c aggregation-normalised-score.gp SCORES.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# SCORES.csv: bin/summarise outputs stacked with set and objective columns
# (set, objective, workload, metric, median, ci_lo, ci_hi; optimum drawn
# when present; only the rows of metric n_joint).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "set objective workload metric median ci_lo ci_hi")

ci_file = data
ci_xcol = "workload"
ci_scol = "objective"
ci_svals = sel(data, "objective", "metric=n_joint")
ci_best = has_col(data, "best")
ci_opt = has_col(data, "optimum")
ci_title(i) = "objective " . word(ci_svals, i)
ci_keep(x) = strcol("set") eq this_set && strcol("metric") eq "n_joint"
sets = sel(data, "set", "metric=n_joint")
n_sets = words(sets) > 0 ? words(sets) : 1
# Panel widths follow the sets' workload counts (80 px a workload, 160 px
# of axes); 380 px on the right for the key.
array x_at[n_sets + 1]
array x_of_set[n_sets]
array has_at[n_sets]
x_at[1] = 0
do for [s = 1:n_sets] {
    x_of_set[s] = sel(data, "workload", "metric=n_joint;set=" . word(sets, s))
    has_at[s] = ci_has_data("metric=n_joint;set=" . word(sets, s))
    x_at[s + 1] = x_at[s] + 160 + 80 * words(x_of_set[s])
}
width = x_at[n_sets + 1] + 380.0

do for [k = 1:n_out] {
    eval open_out(k, width, 560)
    panel_right = 1 - 380.0 / width
    key_drawn = 0
    set multiplot title with_sub("Normalised score of the joint design per workload and aggregation objective")
    do for [s = 1:n_sets] {
        this_set = word(sets, s)
        ci_x = x_of_set[s]
        set title "workload set " . this_set
        eval panel_at((x_at[s] + 90) / width, (x_at[s + 1] - 10) / width, 0.2)
        set ylabel "normalised score n_joint = E·L·A / E·L·A of the own design"
        set xlabel ""
        set grid ytics
        if (!has_at[s]) { eval NODATA } else {
            eval cat_xtics(ci_x)
            set xtics rotate by 40 right
            eval LOG_Y_125
            set autoscale noextend
            set offsets 0, 0, graph 0.06, graph 0.06
            eval PANEL_KEY
            eval ci_plot(0) . ", 1 with lines lc rgb ref_colour dt 2 lw 1.5 title \"the workload's own design (n = 1)\""
        }
    }
    unset multiplot
    unset output
}
