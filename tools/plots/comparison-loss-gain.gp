# comparison-loss-gain.gp: P1's comparison, per workload, in three panels:
# the generalisation loss of the joint design (loss_joint_pct, against the
# workload's own design), and its gain over the largest-workload design as
# a relative reduction of the score (gain_rel_pct) and as P1's difference
# of normalised scores (gain_diff_pct).  Median over the seeds with its
# interval, best-of-seeds and exact-optimum markers; P1's reported gains
# (joint_vs_largest_gain, per workload) on both gain panels and its loss
# range (generalization_loss_min to _max) as a band on the loss panel.
#   gnuplot -c comparison-loss-gain.gp SUMMARY.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# SUMMARY.csv: bin/summarise over the comparison (workload, metric, median,
# ci_lo, ci_hi; best and optimum drawn when present).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "workload metric median ci_lo ci_hi")

ci_file = data
ci_xcol = "workload"
ci_scol = "metric"
ci_x = sel(data, "workload", "")
ci_best = has_col(data, "best")
ci_opt = has_col(data, "optimum")
ci_title(i) = "reproduction"

array metric[3] = ["loss_joint_pct", "gain_rel_pct", "gain_diff_pct"]
array heading[3] = ["generalisation loss of the joint design", \
    "gain over the largest-workload design, relative", \
    "gain over the largest-workload design, P1's difference"]
array axis[3] = ["100 (n_joint − 1)  (%)", \
    "100 (1 − n_joint / n_largest)  (%)", \
    "100 (n_largest − n_joint)  (%)"]

# P1's numbers: the loss range, and the gain of each workload at its x
# (drawn a little to the right of the reproduction's marks).
loss_lo = num(reported("P1", "generalization_loss_min", ""))
loss_hi = num(reported("P1", "generalization_loss_max", ""))
have_band = loss_lo == loss_lo && loss_hi == loss_hi
set print $P1
print "x,value"
do for [i = 1:words(ci_x)] {
    g = reported("P1", "joint_vs_largest_gain", word(ci_x, i))
    if (g ne "") { print sprintf("%d,%s", i, g) }
}
unset print
have_p1 = |$P1| > 1
array has_at[3]
do for [p = 1:3] { has_at[p] = ci_has_data("metric=" . metric[p]) }

do for [k = 1:n_out] {
    eval open_out(k, 1350, 560)
    set multiplot layout 1, 3 title with_sub("Generalisation loss and gain of the joint design per workload")
    do for [p = 1:3] {
        ci_svals = metric[p]
        set title heading[p]
        unset xlabel
        set ylabel axis[p]
        set grid ytics
        set xzeroaxis lc rgb ref_colour dt 2 lw 1.5
        set key below center vertical Left reverse
        unset object 1
        set yrange [*:*]
        if (!has_at[p]) { eval NODATA } else {
            eval cat_xtics(ci_x)
            extra = ""
            if (p == 1 && have_band) {
                set object 1 rect from graph 0, first loss_lo to graph 1, first loss_hi \
                    fc rgb band_colour fs solid 0.35 noborder behind
                eval sprintf("set yrange [*<0 : %g<*]", loss_hi)
                extra = sprintf(", keyentry with boxes fc rgb band_colour fs solid 0.35 noborder title 'P1, reported range %g–%g %%'", loss_lo, loss_hi)
            }
            if (p > 1 && have_p1) {
                extra = ", $P1 using ($1 + 0.3):2 with points pt 13 ps 1.8 lc rgb paper_colour title 'P1, reported gain'"
            }
            eval ci_plot(0) . extra
        }
    }
    unset multiplot
    unset output
}
