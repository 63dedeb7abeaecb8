# budget-gain-distribution.gp: the gains of the joint design over the
# largest-workload design that one run per search would report, as drawn
# by bin/budget-study from many runs: one panel per workload, the relative
# gain (gain_rel_pct) in the upper row and P1's difference (gain_diff_pct)
# in the lower; per search budget and case, in the order of the table, a
# box from p25 to p75, whiskers from p5 to p95 and a line at the median;
# P1's reported gain for the workload (joint_vs_largest_gain) as a dashed
# horizontal line.
#   gnuplot -c budget-gain-distribution.gp GAINS.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# GAINS.csv: bin/budget-study -o (budget, case, workload, metric, median,
# p5, p25, p75, p95).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "budget case workload metric median p5 p25 p75 p95")

array metric[2] = ["gain_rel_pct", "gain_diff_pct"]
array axis[2] = ["relative gain 100 (1 − n_joint / n_largest)  (%)", \
    "P1's gain 100 (n_largest − n_joint)  (%)"]
workloads = sel(data, "workload", "")
n_w = words(workloads) > 0 ? words(workloads) : 1
cases = sel(data, "case", "")
# A box's place: its budget and case among those of the workload's panel,
# in the order of the table; its label: the budget, or the case when
# asymmetric (asym:BASE:TOP names both budgets).
key_of(b, c) = b . "/" . c
x_of(i) = pos(key_of(strcol("budget"), strcol("case")), boxes)
label_of(kw) = strstrt(kw, "/symmetric") ? kw[1:strstrt(kw, "/") - 1] : kw[strstrt(kw, "/") + 1:]
labels_from(l, k) = k > words(l) ? "" : label_of(word(l, k)) . " " . labels_from(l, k + 1)
in_panel(i) = strcol("workload") eq this_w && strcol("metric") eq this_m && strcol("case") eq word(cases, i)
bx(i, c) = in_panel(i) ? val(c) : NaN
width = 300 + 330 * (n_w > 2 ? n_w : 2)
# Per panel (row r, workload w; index (r - 1) * n_w + w): its boxes, and
# whether it has a value; per workload P1's gain.
array boxes_at[2 * n_w]
array has_at[2 * n_w]
array p1_at[n_w]
do for [w = 1:n_w] {
    p1_at[w] = num(reported("P1", "joint_vs_largest_gain", word(workloads, w)))
    do for [r = 1:2] {
        c = sprintf("workload=%s;metric=%s", word(workloads, w), metric[r])
        boxes_at[(r - 1) * n_w + w] = sel(data, "budget,case", c)
        has_at[(r - 1) * n_w + w] = sel(data, "median", c) ne ""
    }
}

do for [k = 1:n_out] {
    eval open_out(k, width, 960)
    panel_right = 1 - 300.0 / width
    key_drawn = 0
    eval "set multiplot layout 2, n_w margins 0.07, panel_right, 0.15, 0.9 spacing 0.05, 0.17 title with_sub('Distribution of the reported gain of the joint over the largest-workload design, per search budget')"
    do for [r = 1:2] {
        do for [w = 1:n_w] {
            this_w = word(workloads, w)
            this_m = metric[r]
            boxes = boxes_at[(r - 1) * n_w + w]
            set title this_w
            # the note on the cases, drawn once (by the first panel)
            if (r == 1 && w == 1) {
                set label 102 "asym:BASE:TOP: the largest workload's\nruns from budget BASE, the\nothers' runs from budget TOP" \
                    at screen panel_right + 0.015, screen 0.36 left
            } else { unset label 102 }
            set ylabel (w == 1 ? axis[r] : "")
            set xlabel (r == 2 ? "search budget" : "")
            set grid ytics
            set xzeroaxis lc rgb ref_colour dt 2 lw 1.5
            set yrange [*:*]
            if (!has_at[(r - 1) * n_w + w]) { eval NODATA } else {
                eval cat_xtics(labels_from(boxes, 1))
                set xtics rotate by 30 right
                set boxwidth 0.55 absolute
                p1 = p1_at[w]
                if (p1 == p1) { eval sprintf("set yrange [*<%g : %g<*]", p1, p1) }
                eval PANEL_KEY
                plot for [i = 1:words(cases)] data using (x_of(i)):(bx(i, "p25")):(bx(i, "p5")):(bx(i, "p95")):(bx(i, "p75")) \
                         with candlesticks whiskerbars 0.5 lt i dt 1 fs transparent solid 0.35 border lc rgb okabe[i] \
                         title "case " . word(cases, i), \
                     for [i = 1:words(cases)] data using (x_of(i)):(bx(i, "median")):(bx(i, "median")):(bx(i, "median")):(bx(i, "median")) \
                         with candlesticks lt i dt 1 lw 2.5 lc rgb "#000000" notitle, \
                     keyentry with candlesticks lc rgb ref_colour dt 1 fs empty title "box p25–p75, whiskers p5–p95", \
                     keyentry with lines lc rgb "#000000" dt 1 lw 2.5 title "median", \
                     (p1 == p1 ? p1 : NaN) with lines lc rgb paper_colour dt 3 lw 2 title "P1, reported gain"
            }
        }
    }
    unset multiplot
    unset output
}
