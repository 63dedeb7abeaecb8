# comparison-layers.gp: P1's comparison, the joint design layer by layer:
# one panel per workload, the layers in network order (x: the layer's
# index in its table), the energy per layer as bars (log scale, left axis)
# and the latency per layer as a line (log scale, right axis); below, a
# strip with the array utilisation of each layer (0 to 1), where a layer
# whose reference mapping is invalid (valid = 0) is marked.
#   gnuplot -c comparison-layers.gp LAYERS.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# LAYERS.csv: bin/cost-eval --per-layer of the joint design on every
# workload (columns read by name: workload, layer, energy_j, latency_s,
# utilization; valid when present).  docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
eval require(data, "workload layer energy_j latency_s utilization")

workloads = sel(data, "workload", "")
n_w = words(workloads)
has_valid = has_col(data, "valid")
# The layer's index within its workload, counting the rows of workload w
# from the first row of the table on (the counter restarts there).
at_w(w) = ($0 == 0 ? lx_n = 0 : 0, strcol("workload") eq w ? (lx_n = lx_n + 1) : NaN)
# Per workload, the number of rows (for the x range and tic spacing).
array n_layers[n_w > 0 ? n_w : 1]
do for [i = 1:n_w] {
    stats data using (strcol("workload") eq word(workloads, i) ? 1 : NaN) nooutput
    n_layers[i] = STATS_records
}
x_step(n) = n <= 16 ? 1 : n <= 40 ? 2 : n <= 100 ? 5 : 10
# Ranges of both log axes over all workloads (a factor 2 of margin), so
# that the panels compare.
if (n_w > 0 && sel(data, "energy_j", "") ne "") {
    stats data using (val("energy_j") > 0 ? val("energy_j") : NaN) nooutput
    e_lo = STATS_min / 2
    e_hi = STATS_max * 2
}
if (n_w > 0 && sel(data, "latency_s", "") ne "") {
    stats data using (val("latency_s") > 0 ? val("latency_s") : NaN) nooutput
    l_lo = STATS_min / 2
    l_hi = STATS_max * 2
}
c_energy = okabe[1]
c_latency = okabe[2]
c_util = okabe[3]
c_invalid = okabe[4]

row_px = 350
width = 1100.0
height = 140.0 + row_px * (n_w > 0 ? n_w : 1)
# Screen boxes of workload i's energy panel and utilisation strip.
top_of(i) = 1 - (120 + row_px * (i - 1) + 30) / height
mid_of(i) = 1 - (120 + row_px * (i - 1) + 30 + 190) / height
strip_top(i) = mid_of(i) - 8 / height
strip_bot(i) = mid_of(i) - 78 / height
set_box(t, b) = sprintf("set lmargin at screen %g; set rmargin at screen %g; set tmargin at screen %g; set bmargin at screen %g", \
    90 / width, 1 - 100 / width, t, b)

do for [k = 1:n_out] {
    eval open_out(k, width, height)
    if (n_w == 0) {
        set title with_sub("The joint design layer by layer")
        eval NODATA
        unset output
        continue
    }
    set multiplot title with_sub("The joint design layer by layer: energy, latency and array utilisation")
    do for [i = 1:n_w] {
        w = word(workloads, i)
        n = n_layers[i]
        # -------- energy and latency
        eval set_box(top_of(i), mid_of(i))
        set title sprintf("%s (%d layers)", w, n) offset 0, -0.3
        set xrange [0.4 : n + 0.6]
        set xtics x_step(n) format "" nomirror
        set mxtics x_step(n) > 1 ? x_step(n) : 1
        unset x2tics
        set xlabel ""
        set grid ytics
        if (sel(data, "energy_j", "workload=" . w) eq "" && sel(data, "latency_s", "workload=" . w) eq "") {
            eval NODATA
        } else {
            set logscale y
            set logscale y2
            set yrange [e_lo : e_hi]
            set y2range [l_lo : l_hi]
            set format y "%.0s %cJ"
            set format y2 "%.0s %cs"
            set ytics autofreq nomirror
            set y2tics autofreq
            set ylabel "energy per layer"
            set y2label "latency per layer"
            if (i == 1) {
                set key at screen 0.5, screen 1 - 88 / height center center horizontal maxcols 2 width 1 Left reverse
            } else { unset key }
            plot data using (at_w(w)):(val("energy_j") > 0 ? val("energy_j") : NaN):(0.38) \
                     with boxes lc rgb c_energy dt 1 fs solid 0.75 noborder title "energy (bars, left axis)", \
                 data using (at_w(w)):(val("latency_s") > 0 ? val("latency_s") : NaN) axes x1y2 \
                     with linespoints lc rgb c_latency dt 1 lw 1.5 pt 7 ps 0.55 title "latency (line, right axis)", \
                 keyentry with boxes lc rgb c_util dt 1 fs solid 0.75 noborder title "array utilisation (strip)", \
                 keyentry with points lc rgb c_invalid pt 2 ps 1.2 lw 2 \
                     title "reference mapping invalid (valid = 0)"
            unset logscale y
            unset logscale y2
            unset y2tics
            unset y2label
        }
        # -------- utilisation strip
        unset title
        unset key
        eval set_box(strip_top(i), strip_bot(i))
        set xtics x_step(n) format "%g" nomirror
        set xlabel "layer (index in network order)" offset 0, 0.6
        set yrange [0 : 1.15]
        set ytics ("0" 0, "0.5" 0.5, "1" 1) nomirror
        set format y "%g"
        set ylabel "utilisation"
        set grid ytics
        if (sel(data, "utilization", "workload=" . w) eq "") {
            set label 103 "no utilisation data" at graph 0.5, graph 0.5 center
            plot -1 notitle
            unset label 103
        } else {
            plot data using (at_w(w)):(val("utilization")):(0.38) \
                     with boxes lc rgb c_util dt 1 fs solid 0.75 noborder notitle, \
                 data using (at_w(w)):(has_valid && strcol(has_valid ? "valid" : "layer") eq "0" ? 1.07 : NaN) \
                     with points lc rgb c_invalid pt 2 ps 1.2 lw 2 notitle
        }
        set xlabel ""
    }
    unset multiplot
    unset output
}
