# area-sweep-loss-gain.gp: how P1's comparison depends on the area limit:
# the generalisation loss of the joint design (loss_joint_pct) and its
# relative gain over the largest-workload design (gain_rel_pct) against
# the area limit (log axis), one line per workload (and selection, when
# the table has several); a limit under which a design is missing leaves a
# gap in the line.
#   gnuplot -c area-sweep-loss-gain.gp COMPARE.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# COMPARE.csv: compare-specific outputs per area limit, stacked with an
# area_max_mm2 column (area_max_mm2, selection, workload, loss_joint_pct,
# gain_rel_pct).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "area_max_mm2 selection workload loss_joint_pct gain_rel_pct")

array metric[2] = ["loss_joint_pct", "gain_rel_pct"]
array heading[2] = ["generalisation loss of the joint design", \
    "relative gain over the largest-workload design"]
array axis[2] = ["100 (n_joint − 1)  (%)", "100 (1 − n_joint / n_largest)  (%)"]
workloads = sel(data, "workload", "")
selections = sel(data, "selection", "")
n_sel = words(selections)
# One line per workload and selection: colour and symbol by workload,
# dash pattern by selection when there are several, else by workload.
n_lines = words(workloads) * (n_sel > 0 ? n_sel : 1)
w_of(j) = int((j - 1) / (n_sel > 0 ? n_sel : 1)) + 1
s_of(j) = (j - 1) % (n_sel > 0 ? n_sel : 1) + 1
on_line(j) = strcol("workload") eq word(workloads, w_of(j)) && strcol("selection") eq word(selections, s_of(j))
dash_of(j) = n_sel > 1 ? s_of(j) : w_of(j)
limits = sel(data, "area_max_mm2", "")
array has_at[2]
do for [p = 1:2] { has_at[p] = sel(data, metric[p], "") ne "" }
line_title(j) = word(workloads, w_of(j)) . (n_sel > 1 ? ", " . word(selections, s_of(j)) : "")

do for [k = 1:n_out] {
    eval open_out(k, 1200, 520)
    panel_right = 1 - 220.0 / 1200
    key_drawn = 0
    eval "set multiplot layout 1, 2 margins " . panel_margins(0) . " spacing 0.08 title with_sub('Loss and gain of the joint design against the area limit')"
    do for [p = 1:2] {
        set title heading[p]
        set xlabel "area limit A_max (mm²)"
        set ylabel axis[p]
        set grid xtics ytics
        set xzeroaxis lc rgb ref_colour dt 2 lw 1.5
        if (!has_at[p]) { eval NODATA } else {
            # The table's rows of one line are not adjacent (it goes by
            # area limit): copy each line's rows, in order, into $LINES
            # (line number, limit, value), so that only a missing value
            # breaks a line.
            unset logscale
            set autoscale
            set table $LINES separator comma
            do for [j = 1:n_lines] {
                plot data using (j):(column("area_max_mm2")):(val(metric[p])) with table if (on_line(j))
            }
            unset table
            # log x, a tic at every limit of the table
            set logscale x
            set format x "%g"
            set xtics (1.0 * word(limits, 1))
            do for [a = 2:words(limits)] { set xtics add (1.0 * word(limits, a)) }
            set autoscale noextend
            set offsets graph 0.04, graph 0.04, graph 0.05, graph 0.05
            eval PANEL_KEY
            set datafile nocolumnheaders
            plot for [j = 1:n_lines] $LINES using 2:($1 == j ? $3 : NaN) \
                with linespoints lt w_of(j) dt dash_of(j) ps 1.1 title line_title(j)
            set datafile columnheaders
        }
    }
    unset multiplot
    unset output
}
