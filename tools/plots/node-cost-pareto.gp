# node-cost-pareto.gp: P2's technology-node study: the exact Pareto front
# of EDAP (max_w E_w * max_w L_w * A) against the chip's cost (its area
# priced at 32 nm, mm^2 of 32 nm silicon), every member coloured and shaped
# by its technology node, the members joined in order of cost; EDAP on a
# log axis, cost too when it spans more than a decade.
#   gnuplot -c node-cost-pareto.gp PARETO.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# PARETO.csv: bin/sweep-space --pareto FILE --pareto-objectives edap,cost
# (columns edap, cost and tech_nm read by name).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "edap cost tech_nm")

nodes = sel(data, "tech_nm", "")
members = sel(data, "cost", "")
of_node(i) = strcol("tech_nm") eq word(nodes, i)
# The axes' ranges: the members' with a margin of a factor 1.25 (cost
# logarithmic when it spans more than a decade, else 5 % of the span).
if (words(members) > 0) {
    stats data using (val("cost")):(val("edap")) nooutput
    cost_decades = STATS_min_x > 0 && STATS_max_x / STATS_min_x > 10
    x_lo = cost_decades ? STATS_min_x / 1.25 : STATS_min_x - 0.05 * (STATS_max_x - STATS_min_x) - 1
    x_hi = cost_decades ? STATS_max_x * 1.25 : STATS_max_x + 0.05 * (STATS_max_x - STATS_min_x) + 1
    y_lo = STATS_min_y / 1.25
    y_hi = STATS_max_y * 1.25
}

do for [k = 1:n_out] {
    eval open_out(k, 900, 560)
    set title with_sub("Pareto front of EDAP against cost, by technology node")
    set xlabel "cost: area priced at 32 nm (mm² of 32 nm silicon)"
    set ylabel "EDAP = max E · max L · A  (J·s·mm²)"
    set key outside right center vertical Left reverse
    set grid xtics ytics
    if (words(members) == 0) { eval NODATA } else {
        set logscale y
        set format y "%.0e"
        if (cost_decades) { eval log_tics("x", "1 2 5") }
        set xrange [x_lo : x_hi]
        set yrange [y_lo : y_hi]
        plot data using (val("cost")):(val("edap")) smooth unique with lines lc rgb ref_colour lw 1.2 title "front, in order of cost", \
             for [i = 1:words(nodes)] data using (of_node(i) ? val("cost") : NaN):(val("edap")) \
                 with points lt i pt pt_fill[i] ps 1.6 title word(nodes, i) . " nm"
    }
    unset output
}
