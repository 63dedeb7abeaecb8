# comparison-pareto.gp: P1's comparison against the exact Pareto front of
# the set's space in (max_w E_w, max_w L_w, A): two panels, max E against
# A and max L against A, every front member coloured by the third
# objective (max L, max E), and the chosen designs (the joint design and
# each workload's own, the largest workload's among them) as labelled
# black markers at their own (max E, max L, A).
#   gnuplot -c comparison-pareto.gp FRONT.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE] [POSITIONS.csv]
# FRONT.csv: bin/sweep-space --pareto FILE --pareto-objectives
# max_energy_j,max_latency_s,area_mm2 (columns max_energy_j, max_latency_s,
# area_mm2 read by name).  POSITIONS.csv: bin/summarise of the chosen
# designs' cost-eval rows grouped by target and design over the workloads
# (target, the design columns, metric, min, max): per target the max of
# metrics energy_j and latency_s is its max E and max L, of area_mm2 its
# area, and the min of fits 0 when it cannot hold some workload (such a
# design is named below the panels, not drawn).  Without POSITIONS the
# front is drawn alone.  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "max_energy_j max_latency_s area_mm2")
positions = ARGC >= 6 ? ARG6 : ""
design_cols = "memory voltage_v bits_per_cell cycle_ns rows cols router_groups tiles_per_group macros_per_tile glb_mb tech_nm"
if (positions ne "") { eval require(positions, "target metric min max " . design_cols) }

# ------------------------------------------------------------ the front
members = sel(data, "area_mm2", "")
has_front = words(members) > 0
# Axis ranges over the front and the drawn designs: logarithmic when the
# values span more than a decade (a factor 1.25 of margin), else linear
# (8 % of the span).
if (has_front) {
    stats data using (val("area_mm2")):(val("max_energy_j")) nooutput
    a_min = STATS_min_x
    a_max = STATS_max_x
    e_min = STATS_min_y
    e_max = STATS_max_y
    stats data using (val("max_latency_s")) nooutput
    l_min = STATS_min
    l_max = STATS_max
    # the colour scales: the front's own ranges
    ce_min = e_min
    ce_max = e_max
    cl_min = l_min
    cl_max = l_max
}

# ------------------------------------------------------------ the designs
# Targets but `largest`, in the table's order; the workload target with the
# largest's design is labelled so (else `largest` is drawn itself).
dsel = "memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm"
targets = positions eq "" ? "" : sel(positions, "target", "")
lg_design = positions eq "" ? "" : sel(positions, dsel, "target=largest")
lg_name = ""
shown = ""
do for [t in targets] {
    if (t ne "largest") {
        shown = shown . t . " "
        if (lg_name eq "" && lg_design ne "" && t ne "joint" && sel(positions, dsel, "target=" . t) eq lg_design) { lg_name = t }
    }
}
if (lg_design ne "" && lg_name eq "") { shown = shown . "largest " }
n_t = words(shown)
# The targets' values as "target/value" words, one list per metric and
# column; of_t(L, T): T's value in list L, as a number (NaN when absent).
pairs(m, c) = positions eq "" ? "" : sel(positions, "target," . c, "metric=" . m)
p_e = pairs("energy_j", "max")
p_l = pairs("latency_s", "max")
p_a = pairs("area_mm2", "max")
p_f = pairs("fits", "min")
of_t(l, t) = num(of_t_from(l, t, 1))
of_t_from(l, t, k) = k > words(l) ? "" : \
    (strstrt(word(l, k), t . "/") == 1 ? word(l, k)[strlen(t) + 2:] : of_t_from(l, t, k + 1))
array d_e[n_t > 0 ? n_t : 1]
array d_l[n_t > 0 ? n_t : 1]
array d_a[n_t > 0 ? n_t : 1]
array d_ok[n_t > 0 ? n_t : 1]
do for [i = 1:|d_ok|] { d_ok[i] = 0; d_e[i] = NaN; d_l[i] = NaN; d_a[i] = NaN }
not_drawn = ""
do for [i = 1:n_t] {
    t = word(shown, i)
    d_e[i] = of_t(p_e, t)
    d_l[i] = of_t(p_l, t)
    d_a[i] = of_t(p_a, t)
    d_ok[i] = of_t(p_f, t) == 1 && d_e[i] == d_e[i] && d_l[i] == d_l[i] && d_a[i] == d_a[i]
    if (!d_ok[i]) { not_drawn = not_drawn . t . " " }
    if (d_ok[i] && has_front) {
        a_min = d_a[i] < a_min ? d_a[i] : a_min
        a_max = d_a[i] > a_max ? d_a[i] : a_max
        e_min = d_e[i] < e_min ? d_e[i] : e_min
        e_max = d_e[i] > e_max ? d_e[i] : e_max
        l_min = d_l[i] < l_min ? d_l[i] : l_min
        l_max = d_l[i] > l_max ? d_l[i] : l_max
    }
}
d_name(i) = word(shown, i) eq "joint" ? "joint design" : word(shown, i) eq "largest" ? "largest workload's design" : \
    word(shown, i) . "'s own" . (word(shown, i) eq lg_name ? " (largest)" : "")
# The names written beside the marks: designs that are the same design
# (e.g. a workload's own design found again by the joint search) share
# one label, "vgg16 = joint", written at the first of them.
array d_label[n_t > 0 ? n_t : 1]
do for [i = 1:|d_label|] { d_label[i] = "" }
do for [i = 1:n_t] {
    if (d_ok[i]) {
        d_label[i] = word(shown, i)
        do for [j = 1:i - 1] {
            if (d_ok[j] && d_label[i] ne "" && sel(positions, dsel, "target=" . word(shown, j)) eq sel(positions, dsel, "target=" . word(shown, i))) {
                first_of = j
                while (d_label[first_of] eq "") { first_of = first_of - 1 }
                d_label[first_of] = d_label[first_of] . " = " . word(shown, i)
                d_label[i] = ""
            }
        }
    }
}
# A label goes to the left of its mark in the right fifth of the area axis.
x_frac(a) = a_max <= a_min ? 0.5 : (a_min > 0 && a_max / a_min > 10) ? \
    log(a / a_min) / log(a_max / a_min) : (a - a_min) / (a_max - a_min)
# Marks: the joint design a filled diamond, the others open symbols.
d_pt(i) = word(shown, i) eq "joint" ? 13 : pt_open[(i - 1) % 7 + 1]

# A command (for eval) setting axis AX over [lo, hi] as described above.
axis(ax, lo, hi) = (ax eq "y" ? y_log = (lo > 0 && hi / lo > 10) : 0, lo > 0 && hi / lo > 10) ? \
    sprintf("%s; set %srange [%g : %g]", log_tics(ax, "1 2 5"), ax, lo / 1.25, hi * 1.25) : \
    sprintf("unset logscale %s; set format %s '%%g'; set %stics autofreq; set %srange [%g : %g]", \
        ax, ax, ax, ax, lo - 0.08 * (hi - lo) - (hi == lo ? 0.05 * hi + 1e-30 : 0), \
        hi + 0.08 * (hi - lo) + (hi == lo ? 0.05 * hi + 1e-30 : 0))
axis_cb(lo, hi) = (cb_log = (lo > 0 && hi / lo > 10), lo > 0 && hi / lo > 10) ? \
    sprintf("%s; set cbrange [%g : %g]", log_tics("cb", "1 2 5"), lo, hi) : \
    sprintf("unset logscale cb; set cbtics autofreq; set cbrange [%g : %g]", lo, hi > lo ? hi : lo * 1.01 + 1e-30)
# lin_fmt(LO, HI): a tic format with an SI prefix and enough decimals for
# tics a fifth of the range [LO, HI] apart.
lin_fmt(lo, hi) = (lf_p = hi > 0 ? 1000.0 ** floor(log10(hi) / 3) : 1, \
    lf_d = hi > lo ? ceil(-log10((hi - lo) / 5 / lf_p)) : 2, \
    sprintf("%%.%ds %%c", lf_d < 0 ? 0 : lf_d > 4 ? 4 : lf_d))

set palette defined (0 "#440154", 0.11 "#482878", 0.22 "#3e4989", 0.33 "#31688e", \
    0.44 "#26828e", 0.56 "#1f9e89", 0.67 "#35b779", 0.78 "#6ece58", 0.89 "#b5de2b", 1 "#fde725")
set style textbox opaque noborder fillcolor rgb "white"
width = 1250.0
height = 560.0
# Panel p (1: max E, 2: max L) between these screen x positions; each
# has its colour box to its right; the key is below both.
array px0[2] = [90, 715]
array px1[2] = [510, 1125]
note = positions eq "" ? "chosen designs not drawn: no positions table given" : \
    (not_drawn eq "" ? "" : "not drawn (cannot hold every workload's weights, or no value): " . commas(not_drawn))

do for [k = 1:n_out] {
    eval open_out(k, width, height)
    if (!has_front) {
        set title with_sub("Chosen designs against the exact Pareto front of (max E, max L, A)")
        eval NODATA
        unset output
        continue
    }
    set multiplot title with_sub("Chosen designs against the exact Pareto front of (max E, max L, A) over the design space")
    do for [p = 1:2] {
        eval sprintf("set lmargin at screen %g; set rmargin at screen %g; set tmargin at screen 0.86; set bmargin at screen 0.28", \
            px0[p] / width, px1[p] / width)
        set title p == 1 ? "max energy against area, coloured by max latency" : "max latency against area, coloured by max energy"
        set xlabel "chip area A (mm²)"
        set ylabel p == 1 ? "max energy max_w E_w (J)" : "max latency max_w L_w (s)"
        set cblabel (p == 1 ? "max latency (s)" : "max energy (J)") offset 1, 0
        set grid xtics ytics
        eval axis("x", a_min, a_max)
        if (p == 1) { eval axis("y", e_min, e_max) } else { eval axis("y", l_min, l_max) }
        if (p == 1) { eval axis_cb(cl_min, cl_max) } else { eval axis_cb(ce_min, ce_max) }
        if (!y_log) { set format y (p == 1 ? lin_fmt(e_min, e_max) : lin_fmt(l_min, l_max)) } else { set format y "%.0s %c" }
        if (!cb_log) { set format cb (p == 1 ? lin_fmt(cl_min, cl_max) : lin_fmt(ce_min, ce_max)) } else { set format cb "%.0s %c" }
        set colorbox vertical user origin screen (px1[p] + 12) / width, screen 0.28 size screen 14 / width, screen 0.58
        if (p == 1) {
            set key at screen 0.5, screen 0.10 center center vertical maxrows 3 Left reverse width 2
        } else { unset key }
        if (p == 2 && note ne "") { set label 104 note at screen 0.5, screen 0.025 center font ",9" }
        # the designs' names beside their marks, as labels (gnuplot 5.4
        # crashed drawing `with labels` from '+' when every point of an
        # element was undefined)
        do for [i = 1:n_t] {
            if (d_label[i] ne "") {
                eval sprintf("set label %d \"%s\" at first %.10g, first %.10g %s font ',9' boxed front", \
                    200 + i, d_label[i], d_a[i], p == 1 ? d_e[i] : d_l[i], \
                    x_frac(d_a[i]) > 0.8 ? "right offset -1.3, 0.6" : "left offset 1.3, 0.6")
            }
        }
        ycol = p == 1 ? "max_energy_j" : "max_latency_s"
        ccol = p == 1 ? "max_latency_s" : "max_energy_j"
        plot data using (val("area_mm2")):(val(ycol)):(val(ccol)) with points pt 7 ps 0.8 lc palette z notitle, \
             keyentry with points pt 7 ps 0.8 lc rgb "#31688e" title "Pareto front member (colour: the third objective)", \
             for [i = 1:n_t] '+' using (d_ok[i] ? d_a[i] : NaN):(p == 1 ? d_e[i] : d_l[i]) every ::0::0 \
                 with points pt d_pt(i) ps 2.0 lw 2 lc rgb paper_colour title (d_ok[i] ? d_name(i) : "")
        do for [i = 1:n_t] { eval sprintf("unset label %d", 200 + i) }
    }
    unset label 104
    unset multiplot
    unset output
}
