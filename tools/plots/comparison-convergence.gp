# comparison-convergence.gp: how fast the searches of P1's comparison
# approach the exact optimum: per target (each workload's own search and
# the joint search), the best score found so far divided by the exact
# optimum's, median over the seeds with the p25-p75 band, against the
# number of distinct designs evaluated; log axes; 1 is the optimum.
#   gnuplot -c comparison-convergence.gp CURVES.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# CURVES.csv: bin/convergence curves stacked with a target column (target,
# evaluations, median_ratio, p25_ratio, p75_ratio).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "target evaluations median_ratio p25_ratio p75_ratio")

cv_file = data
cv_gcol = "target"
cv_groups = sel(data, "target", "")
cv_title(i) = "target " . word(cv_groups, i)
drawable = cv_has_data("")

do for [k = 1:n_out] {
    eval open_out(k, 900, 520)
    set title with_sub("Convergence to the exact optimum per search target (median over seeds)")
    set key outside right center vertical Left reverse
    if (!drawable) {
        set xlabel "distinct designs evaluated"
        set ylabel "best score so far / exact optimum"
        eval NODATA
    } else {
        eval CONV_AXES
        eval CONV_PLOT
    }
    unset output
}
