# fig-validation.gp: the cost model against CiMLoop for one metric, one
# log-log panel per workload (titled with its row count): every point a
# design the fit did not see (k-fold cross-validation by design), coloured
# and shaped by technology node (by bits per cell when every design has the
# same node, as RRAM's), the identity line, and an inset histogram of the
# relative error model / CiMLoop - 1 in percent.
#   gnuplot -c fig-validation.gp PREDICTIONS.csv OUT.png METRIC [OUT.svg]
# PREDICTIONS.csv: calibrate --predictions (columns memory, bits_per_cell,
# tech_nm, workload, ref_<metric>_<unit>, model_<metric>_<unit>, read by
# name); METRIC: energy, latency or area.  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
script_name = system("basename '" . ARG0 . "'")
if (ARGC < 3) {
    print sprintf("%s: usage: gnuplot -c %s PREDICTIONS.csv OUT.png METRIC [OUT.svg]", script_name, ARG0)
    exit status 2
}
data = ARG1
out_png = ARG2
metric = ARG3
out_svg = ARGC >= 4 ? ARG4 : ""
n_out = out_svg eq "" ? 1 : 2
if (metric ne "energy" && metric ne "latency" && metric ne "area") {
    print sprintf("%s: unknown metric '%s' (energy, latency or area)", script_name, metric)
    exit status 2
}
units = (metric eq "energy") ? "J" : (metric eq "latency") ? "s" : "mm²"
suffix = (metric eq "energy") ? "_j" : (metric eq "latency") ? "_s" : "_mm2"
c_ref = "ref_" . metric . suffix
c_model = "model_" . metric . suffix
eval require(data, "memory bits_per_cell tech_nm workload " . c_ref . " " . c_model)

# ------------------------------------------------------------ groups
# Colour by node when the designs span several, else by bits per cell;
# the groups in increasing order, coloured along viridis (S. van der Walt,
# N. Smith, matplotlib's default map: ordered, colour-blind-safe, and
# monotone in lightness, so it survives greyscale), cut before its faint
# yellow end.
memories = sel(data, "memory", "")
nodes = sel(data, "tech_nm", "")
g_col = words(nodes) > 1 ? "tech_nm" : "bits_per_cell"
sorted(l) = system("printf '%s\\n' " . l . " | sort -n | tr '\\n' ' '")
groups = words(sel(data, g_col, "")) > 0 ? sorted(sel(data, g_col, "")) : ""
n_g = words(groups)
g_name(i) = g_col eq "tech_nm" ? word(groups, i) . " nm" : word(groups, i) . " bit" . (word(groups, i) eq "1" ? "" : "s") . "/cell"
g_frac(i) = n_g > 1 ? (i - 1.0) / (n_g - 1) : 0
set palette defined (0 "#440154", 0.11 "#482878", 0.22 "#3e4989", 0.33 "#31688e", \
    0.44 "#26828e", 0.56 "#1f9e89", 0.67 "#35b779", 0.78 "#6ece58", 0.89 "#b5de2b")
set cbrange [0:0.89]
unset colorbox
array g_pt[8] = [7, 5, 9, 11, 13, 15, 3, 2]
in_group(i) = strcol(g_col) eq word(groups, i)
# The drawing order: the most numerous group first, so that it does not
# hide the others (a selection sort of the groups by their row counts).
array g_n[n_g > 0 ? n_g : 1]
array g_order[n_g > 0 ? n_g : 1]
do for [i = 1:n_g] {
    undefine STATS_records
    stats data using (in_group(i) ? 1 : NaN) nooutput
    g_n[i] = exists("STATS_records") ? STATS_records : 0
    g_order[i] = i
}
do for [i = 1:n_g] {
    do for [j = i + 1:n_g] {
        if (g_n[g_order[j]] > g_n[g_order[i]]) { t = g_order[i]; g_order[i] = g_order[j]; g_order[j] = t }
    }
}

# ------------------------------------------------------------ panels
workloads = sel(data, "workload", "")
n_w = words(workloads) > 0 ? words(workloads) : 1
rel_err(x) = column(c_ref) > 0 ? 100 * (column(c_model) / column(c_ref) - 1) : NaN
of_w(w) = strcol("workload") eq w
# Per workload: the relative errors of the rows that have both values
# ($E1, $E2, ...: smooth frequency counts within a run of defined points,
# so the rows are copied out first), their count, and the histogram's
# range and bin width: 25 bins from the lower quartile minus three
# interquartile ranges to the upper plus three (within the errors' range;
# errors beyond fall into the outer bins, and the inset says so), 0.1 %
# wide when every error is the same.
array rows[n_w]
array e_lo[n_w]
array e_hi[n_w]
array bin_w[n_w]
array v_lo[n_w]
array v_hi[n_w]
array tails[n_w]
do for [i = 1:n_w] {
    rows[i] = 0
    tails[i] = 0
    e_lo[i] = -1
    e_hi[i] = 1
    bin_w[i] = 0.1
    eval sprintf("set print $E%d; unset print", i)
    if (words(workloads) > 0) {
        eval sprintf("set table $E%d separator comma", i)
        plot data using (rel_err(0)):(1) with table \
            if (of_w(word(workloads, i)) && column(c_ref) > 0 && column(c_model) > 0)
        unset table
    }
    eval sprintf("n_e = |$E%d|", i)
    if (n_e > 0) {
        set datafile nocolumnheaders
        eval sprintf("stats $E%d using 1 nooutput", i)
        set datafile columnheaders
        rows[i] = STATS_records
        iqr = STATS_up_quartile - STATS_lo_quartile
        lo = STATS_lo_quartile - 3 * iqr
        hi = STATS_up_quartile + 3 * iqr
        lo = lo > STATS_min ? lo : STATS_min
        hi = hi < STATS_max ? hi : STATS_max
        tails[i] = lo > STATS_min || hi < STATS_max
        bin_w[i] = hi - lo > 1e-9 ? (hi - lo) / 25.0 : 0.1
        e_lo[i] = lo
        e_hi[i] = hi
        # both axes span the values of both columns, so that the
        # identity line is the diagonal
        stats data using (of_w(word(workloads, i)) && column(c_ref) > 0 && column(c_model) > 0 ? column(c_ref) : NaN):(column(c_model)) nooutput
        v_lo[i] = (STATS_min_x < STATS_min_y ? STATS_min_x : STATS_min_y) / 1.15
        v_hi[i] = (STATS_max_x > STATS_max_y ? STATS_max_x : STATS_max_y) * 1.15
    }
}
n_cols = n_w <= 2 ? n_w : n_w <= 4 ? 2 : n_w <= 9 ? 3 : 4
n_rows = int((n_w + n_cols - 1) / n_cols)
# Canvas in pixels: 440 x 400 a panel, 190 for the key, 70 for the title.
W = 440.0 * n_cols + 190
H = 400.0 * n_rows + 70
# The bin of error x (bin width w, centred on multiples of w), errors
# beyond [lo, hi] in the outermost bins.
clamp(x, lo, hi) = x < lo ? lo : x > hi ? hi : x
bin(x, w, lo, hi) = w * floor(clamp(x, lo, hi) / w + 0.5)

do for [k = 1:n_out] {
    eval open_out(k, W, H)
    set multiplot title sprintf("%s%s: model against CiMLoop, held-out designs (colour: %s)", \
        memories, metric, g_col eq "tech_nm" ? "technology node" : "bits per cell")
    do for [i = 1:n_w] {
        w = word(workloads, i)
        x0 = 440.0 * ((i - 1) % n_cols)
        y1 = H - 70 - 400.0 * int((i - 1) / n_cols)
        set lmargin at screen (x0 + 75) / W
        set rmargin at screen (x0 + 425) / W
        set tmargin at screen (y1 - 28) / H
        set bmargin at screen (y1 - 345) / H
        set title (w eq "" ? "" : sprintf("%s (n = %d)", w, rows[i]))
        set xlabel sprintf("CiMLoop %s (%s)", metric, units)
        set ylabel sprintf("model %s (%s)", metric, units)
        set grid xtics ytics
        unset object 2
        if (i == 1) {
            set key at screen 440.0 * n_cols / W + 0.01, screen 0.5 left center vertical Left reverse
            set label 103 "insets: histogram of\nmodel / CiMLoop − 1 (%);\n* errors beyond three\ninterquartile ranges\nin the outer bins" \
                at screen 440.0 * n_cols / W + 0.01, screen 0.5 - 0.03 * (n_g + 2) * 400 / H left font ",9"
        } else { unset key; unset label 103 }
        if (rows[i] == 0) { eval NODATA } else {
            eval log_tics("x", "1 2 5")
            eval log_tics("y", "1 2 5")
            set xrange [v_lo[i] : v_hi[i]]
            set yrange [v_lo[i] : v_hi[i]]
            plot for [o = 1:n_g] data using (of_w(w) && in_group(g_order[o]) ? column(c_ref) : NaN):(column(c_model)) \
                     with points pt g_pt[(g_order[o] - 1) % 8 + 1] ps 0.45 lc palette frac g_frac(g_order[o]) notitle, \
                 for [g = 1:n_g] keyentry with points pt g_pt[(g - 1) % 8 + 1] ps 1.2 lc palette frac g_frac(g) title g_name(g), \
                 x with lines lc rgb "#000000" dt 2 lw 1.2 title "model = CiMLoop"
            # The inset: the relative errors' histogram, on a white ground
            # over the panel's lower right.
            unset label 103
            unset logscale
            unset key
            unset grid
            set lmargin at screen (x0 + 270) / W
            set rmargin at screen (x0 + 418) / W
            set tmargin at screen (y1 - 228) / H
            set bmargin at screen (y1 - 318) / H
            set object 2 rect from graph -0.28, graph -0.45 to graph 1.03, graph 1.2 \
                fc rgb "white" fs solid 1.0 noborder behind
            set title "model / CiMLoop − 1 (%)" . (tails[i] ? " *" : "") font ",8" offset 0, -0.6
            unset xlabel
            set ylabel ""
            set format x "%g"
            set format y "%g"
            set xtics autofreq font ",7" offset 0, 0.4
            set ytics autofreq font ",7" offset 0.6, 0
            set mxtics default
            set mytics default
            set autoscale
            set xrange [bin(e_lo[i], bin_w[i], e_lo[i], e_hi[i]) - bin_w[i] : bin(e_hi[i], bin_w[i], e_lo[i], e_hi[i]) + bin_w[i]]
            set yrange [0 : *]
            set style fill solid 0.7 noborder
            set boxwidth bin_w[i] absolute
            set datafile nocolumnheaders
            eval sprintf("plot $E%d using (bin($1, bin_w[i], e_lo[i], e_hi[i])):(1) smooth frequency with boxes lc rgb '#555555' notitle", i)
            set datafile columnheaders
            set title font ",10" offset 0, 0
            set xtics font ",10" offset 0, 0
            set ytics font ",10" offset 0, 0
            set grid xtics ytics
        }
    }
    unset multiplot
    unset output
}
