# comparison-breakdown.gp: P1's comparison, where the chosen designs spend
# their energy and area: one panel per workload with the energy per
# inference of its own (specific) design, of the largest workload's design
# and of the joint design, each bar stacked by component
# (energy_<component>_j); and one panel of the chips' areas stacked by
# component (area_<component>_mm2), one bar per design.  Every bar is
# labelled with the table's total (energy_j, area_mm2).
#   gnuplot -c comparison-breakdown.gp BREAKDOWN.csv OUT.png OUT.svg \
#       [REPORTED.csv|-] [SUBTITLE]
# BREAKDOWN.csv: bin/cost-eval of each chosen design on every workload,
# stacked with a target column (each workload's own design under its name,
# joint, and the largest workload's design again as `largest`); columns
# read by name: target, workload, energy_j, area_mm2, the design columns
# and every energy_<component>_j and area_<component>_mm2 of the header.
# docs/figures.md.
load system("dirname '" . ARG0 . "'") . "/common.gp"
eval STD_ARGS
design_cols = "memory voltage_v bits_per_cell cycle_ns rows cols router_groups tiles_per_group macros_per_tile glb_mb tech_nm"
eval require(data, "target workload energy_j area_mm2 " . design_cols)

# ------------------------------------------------------------ components
# The components are the header's energy_<c>_j and area_<c>_mm2 columns
# (cost-eval's order).  comp_prog prints the header's line number, then
# the names of the columns matching re (suffix suf) that hold a value other
# than 0 in some row (a component that is 0 everywhere, e.g. the DRAM of
# an RRAM chip, is neither drawn nor keyed), then "|" and every matching
# name.
comp_prog = '/^#/ || /^[ \t]*$/ { next } { sub(/\r$/, "") } !h { h = NR; n = split($0, f, ","); for (i = 1; i <= n; i++) if (f[i] ~ re) { c = f[i]; sub(/^[a-z]+_/, "", c); sub(suf, "", c); name[i] = c; order[++m] = i }; next } { split($0, f, ","); for (k = 1; k <= m; k++) { v = f[order[k]]; if (v != "" && v != "0") nz[order[k]] = 1 } } END { printf "%d ", h; for (k = 1; k <= m; k++) if (order[k] in nz) printf "%s ", name[order[k]]; printf "| "; for (k = 1; k <= m; k++) printf "%s ", name[order[k]] }'
comps(pre, suf) = system(sprintf("awk -v re='^%s_.+_%s$' -v suf='_%s$' '%s' '%s'", \
    pre, suf, suf, comp_prog, data))
e_found = comps("energy", "j")
a_found = comps("area", "mm2")
# after(S, SEP): the words of S after SEP; before: those before it (without
# the leading line number).
after(s, sep) = s[strstrt(s, sep) + strlen(sep):]
before(s, sep) = s[strstrt(s, " ") + 1:strstrt(s, sep) - 1]
e_comps = after(e_found, "| ")
a_comps = after(a_found, "| ")
if (words(e_comps) == 0 || words(a_comps) == 0) {
    print sprintf("%s: %s:%s: no %s column (the figure needs energy_<component>_j and area_<component>_mm2 columns)", \
        script_name, data, word(e_found, 1), words(e_comps) == 0 ? "energy_<component>_j" : "area_<component>_mm2")
    exit status 2
}
e_draw = before(e_found, "|")
a_draw = before(a_found, "|")
ecol(c) = "energy_" . c . "_j"
acol(c) = "area_" . c . "_mm2"
# fits (cost-eval: 0 when an RRAM design cannot hold the workload's
# weights) is marked on the bar when the table has it.
has_fits = has_col(data, "fits")
fits_col = has_fits ? "fits" : "target"
# One colour per component name, energy's first (their order in the key,
# bottom of the stacks first).
all_draw = e_draw
do for [c in a_draw] { if (pos(c, all_draw) == 0) { all_draw = all_draw . c . " " } }
comp_colour(c) = okabe[(pos(c, all_draw) - 1) % 8 + 1]
# Stack bounds: the sum of the drawn components below c, and with it.
e_below(c) = sum [sb_k = 1:pos(c, e_draw) - 1] val(ecol(word(e_draw, sb_k)))
a_below(c) = sum [sb_k = 1:pos(c, a_draw) - 1] val(acol(word(a_draw, sb_k)))

# ------------------------------------------------------------ designs
# The designs: every target but `largest`, in the table's order; the
# largest workload's design is the workload target with the same design
# as the `largest` rows (its bar says so); without such a target the
# `largest` rows get their own bar.
dsel = "memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm"
targets = sel(data, "target", "")
workloads = sel(data, "workload", "")
lg_design = sel(data, dsel, "target=largest")
lg_name = ""
designs = ""
do for [t in targets] {
    if (t ne "largest") {
        designs = designs . t . " "
        if (lg_name eq "" && lg_design ne "" && t ne "joint" && sel(data, dsel, "target=" . t) eq lg_design) { lg_name = t }
    }
}
if (lg_design ne "" && lg_name eq "") { designs = designs . "largest " }
design_tic(t) = t eq "joint" ? "joint" : t eq "largest" ? "largest\nworkload's" : \
    (t eq lg_name ? t . "'s\n(largest)" : t . "'s")

# Bars of a workload panel: 1 its own design, 2 the largest workload's,
# 3 the joint design.
role_x(w) = strcol("workload") ne w ? NaN : strcol("target") eq w ? 1 : \
    strcol("target") eq "largest" ? 2 : strcol("target") eq "joint" ? 3 : NaN
# Bars of the area panel: one row per design (its first workload's).
first_w = word(workloads, 1)
area_x(x) = strcol("workload") ne first_w ? NaN : \
    (strcol("target") eq "largest" && lg_name ne "") ? NaN : pos(strcol("target"), designs)
half = 0.32
# eng3(V): V with an SI prefix to three significant digits (e.g. "524 u",
# "1.77 m").
eng3(v) = (e3_m = real(gprintf("%s", v)), \
    gprintf(e3_m >= 99.95 ? "%.0s %c" : e3_m >= 9.995 ? "%.1s %c" : "%.2s %c", v))

# ------------------------------------------------------------ layout
# The workload panels in rows of up to four, then a row with the area
# panel (its width grows with the number of designs) and the key.
n_w = words(workloads)
n_d = words(designs)
n_cols = n_w < 4 ? n_w : 4
n_rows = (n_w + 3) / 4 + 1
pw = 250
area_w = 90 + 85 * n_d
key_px = 340
width = 60.0 + (pw * n_cols > area_w + key_px ? pw * n_cols : area_w + key_px)
height = 100.0 + 340 * n_rows
# box(x0, x1, row): a command placing the next panel between x0 and x1
# (pixels) in row `row` (from 0).
box(x0, x1, r) = sprintf("set lmargin at screen %g; set rmargin at screen %g; set tmargin at screen %g; set bmargin at screen %g", \
    x0 / width, x1 / width, 1 - (90 + 340 * r) / height, 1 - (90 + 340 * r + 250) / height)
panel_box(p) = box(60 + pw * ((p - 1) % 4) + 55, 60 + pw * ((p - 1) % 4 + 1) - 15, (p - 1) / 4)
set style textbox opaque noborder

do for [k = 1:n_out] {
    eval open_out(k, width, height)
    if (n_w == 0) {
        set title with_sub("Energy and area of the chosen designs by component")
        eval NODATA
        unset output
        continue
    }
    set multiplot title with_sub("Energy per inference and chip area of the chosen designs, by component")
    set style fill solid 0.9 border lc rgb "#333333"
    set grid ytics
    set key off
    set xrange [0.4:3.6]
    set yrange [0:*]
    set offsets 0, 0, graph 0.12, 0
    do for [p = 1:n_w] {
        w = word(workloads, p)
        eval panel_box(p)
        set title "on " . w
        set ylabel (p - 1) % 4 == 0 ? "energy per inference" : ""
        set format y "%.1s %cJ"
        set xtics ("own" 1, "largest" 2, "joint" 3) nomirror
        if (sel(data, "energy_j", "workload=" . w) eq "" || e_draw eq "") { eval NODATA } else {
            plot for [c in e_draw] data using (role_x(w)):(e_below(c) + val(ecol(c)) / 2):(role_x(w) - half):(role_x(w) + half):(e_below(c)):(e_below(c) + val(ecol(c))) \
                     with boxxyerror lc rgb comp_colour(c) dt 1 notitle, \
                 data using (role_x(w)):(val("energy_j")):(eng3(val("energy_j")) . "J") \
                     with labels offset 0, 0.7 font ",8" notitle, \
                 data using (role_x(w)):(has_fits && strcol(fits_col) eq "0" ? val("energy_j") : NaN):("does not\nfit") \
                     with labels offset 0, 2.2 font ",8" tc rgb okabe[2] notitle
        }
    }
    eval box(60 + 55, 60 + area_w - 15, n_rows - 1)
    set title "chip area"
    set ylabel "area (mm²)"
    set format y "%g"
    set xrange [0.4 : words(designs) + 0.6]
    set xtics () nomirror
    do for [i = 1:words(designs)] { set xtics add (design_tic(word(designs, i)) i) }
    if (sel(data, "area_mm2", "") eq "" || a_draw eq "") { eval NODATA } else {
        plot for [c in a_draw] data using (area_x(0)):(a_below(c) + val(acol(c)) / 2):(area_x(0) - half):(area_x(0) + half):(a_below(c)):(a_below(c) + val(acol(c))) \
                 with boxxyerror lc rgb comp_colour(c) dt 1 notitle, \
             data using (area_x(0)):(val("area_mm2")):(sprintf("%.1f", val("area_mm2"))) \
                 with labels offset 0, 0.7 font ",9" notitle
    }
    # The key, for both kinds of panel: every drawn component, the top of
    # the stacks first.
    set key at screen (60 + area_w + 10) / width, screen 1 - (90 + 340 * (n_rows - 1) + 125) / height left center vertical Left reverse \
        title "component (stacked\nfrom the bottom up)"
    unset title
    unset xtics
    unset ytics
    unset grid
    set label 102 "bars on each workload:\n  own: the workload's own design\n  largest: the largest workload's" . \
        (lg_name ne "" ? " (" . lg_name . "'s)" : "") . "\n  joint: the joint design" \
        at screen (60 + area_w + 10) / width, screen 1 - (90 + 340 * (n_rows - 1) + 250) / height left front
    unset border
    set xrange [0:1]
    set yrange [0:1]
    set lmargin at screen 0
    set rmargin at screen 0.001
    set tmargin at screen 0.9
    set bmargin at screen 0.1
    if (words(all_draw) == 0) { unset key; plot -1 notitle } else {
        plot -1 notitle, for [j = words(all_draw):1:-1] keyentry with boxes lc rgb comp_colour(word(all_draw, j)) dt 1 \
                 title word(all_draw, j)
    }
    unset label 102
    set border
    set xtics
    set ytics
    unset multiplot
    unset output
}
