# ea-vs-ga-convergence.gp: P2's search (EA) against P1's GA, one panel per
# workload set: per algorithm the best score found so far divided by the
# set's exact optimum, median over the seeds with the p25-p75 band, against
# the number of distinct designs evaluated; log axes; 1 is the optimum.
#   gnuplot -c ea-vs-ga-convergence.gp CURVES.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# CURVES.csv: bin/convergence curves stacked with a set column (set,
# algorithm, evaluations, median_ratio, p25_ratio, p75_ratio).
# docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "set algorithm evaluations median_ratio p25_ratio p75_ratio")

cv_file = data
cv_gcol = "algorithm"
cv_groups = sel(data, "algorithm", "")
sets = sel(data, "set", "")
n_sets = words(sets) > 0 ? words(sets) : 1
cv_keep(x) = strcol("set") eq this_set
array has_at[n_sets]
do for [s = 1:n_sets] { has_at[s] = cv_has_data("set=" . word(sets, s)) }

do for [k = 1:n_out] {
    eval open_out(k, 300 + 430 * n_sets, 520)
    panel_right = 1 - 230.0 / (300 + 430 * n_sets)
    key_drawn = 0
    eval "set multiplot layout 1, n_sets margins " . panel_margins(0) . " spacing 0.06 title with_sub('Convergence to the exact optimum per algorithm (median over seeds)')"
    do for [s = 1:n_sets] {
        this_set = word(sets, s)
        set title "workload set " . this_set
        if (!has_at[s]) {
            set xlabel "distinct designs evaluated"
            set ylabel "best score so far / exact optimum"
            eval NODATA
        } else {
            eval CONV_AXES
            eval PANEL_KEY
            eval CONV_PLOT
        }
    }
    unset multiplot
    unset output
}
