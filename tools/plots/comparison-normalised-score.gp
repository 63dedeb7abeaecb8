# comparison-normalised-score.gp: P1's comparison, per workload: the score
# E*L*A of the largest-workload design (n_largest) and of the joint design
# (n_joint), each divided by the workload's own (specific) design's score;
# median over the seeds with its interval, the best-of-seeds and the exact
# optimum's value; log scale; the line at 1 is the workload's own design.
#   gnuplot -c comparison-normalised-score.gp SUMMARY.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# SUMMARY.csv: bin/summarise over the comparison (workload, metric, median,
# ci_lo, ci_hi; best and optimum drawn when present).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "workload metric median ci_lo ci_hi")

ci_file = data
ci_xcol = "workload"
ci_scol = "metric"
ci_svals = "n_largest n_joint"
ci_x = sel(data, "workload", "")
ci_best = has_col(data, "best")
ci_opt = has_col(data, "optimum")
ci_title(i) = i == 1 ? "largest-workload design" : "joint design"
drawable = ci_has_data("metric=n_largest") || ci_has_data("metric=n_joint")

do for [k = 1:n_out] {
    eval open_out(k, 1000, 520)
    set title with_sub("Normalised score per workload: largest-workload design and joint design")
    set xlabel "workload"
    set ylabel "normalised score n = E·L·A / E·L·A of the workload's own design"
    set grid ytics mytics
    set key outside right center vertical Left reverse
    if (!drawable) { eval NODATA } else {
        eval cat_xtics(ci_x)
        eval LOG_Y_125
        set autoscale noextend

        set offsets 0, 0, graph 0.06, graph 0.06
        eval ci_plot(0) . ", 1 with lines lc rgb ref_colour dt 2 lw 1.5 title \"the workload's own design (n = 1)\""
    }
    unset output
}
