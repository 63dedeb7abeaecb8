# common.gp: what every figure script in tools/plots shares: the reading
# conventions, the colours and symbols, the header checks, the selection of
# rows by column name, the two output terminals and the "no data" panel.
# docs/figures.md describes the figures.
#
# A script loads it first, from its own directory:
#   load system("dirname '" . ARG0 . "'") . "/common.gp"
# and then either evaluates STD_ARGS (the workflow's call: DATA OUT.png
# OUT.svg [REPORTED|-] [SUBTITLE]) or sets data, out_png, out_svg, rep and
# subtitle itself.  Everything here only reads: the scripts decide what to
# draw.  The shell helpers (awk) only select rows and columns of the CSV
# files; every number drawn is read from them or is plotting arithmetic.

# Texts are UTF-8 (mm², ·, −), which the cairo and SVG terminals draw as
# such under gnuplot's default encoding, in any locale ("set encoding utf8"
# would warn under LC_ALL=C).
#
# The figure script's name, for messages (inside this file ARG0 names
# common.gp; a script sets script_name itself when it does not use
# STD_ARGS).
script_name = "common.gp"

# CSV tables of the C tools: comma-separated, '#' lines are comments, the
# first other line is the header (names are read from it even when a plot
# uses only expressions), an empty field is a missing value.
set datafile separator comma
set datafile commentschars "#"
set datafile columnheaders

# ------------------------------------------------------------ colours
# Okabe and Ito's colour-blind-safe palette (M. Okabe, K. Ito, "Color
# Universal Design", 2008), yellow last as it is faint on white; every line
# type also has its own point type and dash pattern, so that the series stay
# apart in greyscale.
array okabe[8] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", \
                  "#E69F00", "#56B4E9", "#000000", "#F0E442"]
array pt_fill[8] = [7, 5, 9, 11, 13, 15, 3, 2]
array pt_open[8] = [6, 4, 8, 10, 12, 14, 1, 2]
# gnuplot's dash types 1-5, then three patterns of its dash syntax.
array dashes[3] = ["__ ", "_ . ", "- -"]
do for [k = 1:8] {
    set linetype k lc rgb okabe[k] lw 1.5 pt pt_fill[k] ps 1.0
    if (k <= 5) { set linetype k dt k } else { set linetype k dt dashes[k - 5] }
}
# Marks that are not a series: the reference line (grey, dashed), the
# papers' numbers (black) and shaded bands.
ref_colour = "#555555"
paper_colour = "#000000"
band_colour = "#bbbbbb"
# The optimum marker: an asterisk-like star, distinct from every pt_fill
# and pt_open above.
pt_optimum = 3

# ------------------------------------------------------------ reading
# One awk program, three modes (mode=check, sel, header); it splits CSV
# lines with double-quoted fields and maps header names to fields.
#   check: the error message for FILE when it cannot be read, has no
#          header, or lacks one of the space-separated names; else nothing.
#   sel:   the distinct non-empty values (in order of first appearance,
#          space-separated) of the comma-separated columns out (joined by
#          "/") over the rows matching conds ("col=value;col=value"; an empty
#          value matches an empty field).
awk_prog = \
  'function csv(s, f,   n, i, c, q, v) { n = 0; v = ""; q = 0;' . \
  ' for (i = 1; i <= length(s); i++) { c = substr(s, i, 1);' . \
  ' if (q) { if (c == "\"") { if (substr(s, i + 1, 1) == "\"") { v = v c; i++ }' . \
  ' else q = 0 } else v = v c }' . \
  ' else if (c == "\"") q = 1; else if (c == ",") { f[++n] = v; v = "" }' . \
  ' else v = v c } f[++n] = v; return n }' . \
  ' BEGIN { qt = sprintf("%c", 39); nc = split(conds, cs, ";");' . \
  ' for (k = 1; k <= nc; k++) { e = index(cs[k], "=");' . \
  ' ck[k] = substr(cs[k], 1, e - 1); cv[k] = substr(cs[k], e + 1) }' . \
  ' no = split(out, os, ","); if ((getline t < file) < 0) { bad = 1; exit }' . \
  ' close(file) }' . \
  ' { sub(/\r$/, "") } /^#/ || /^[ \t]*$/ { next }' . \
  ' !h { h = 1; hl = NR; nh = csv($0, H); for (i = 1; i <= nh; i++) ix[H[i]] = i;' . \
  ' if (mode != "sel") exit; for (k = 1; k <= no; k++) if (!(os[k] in ix)) exit;' . \
  ' for (k = 1; k <= nc; k++) if (!(ck[k] in ix)) exit; next }' . \
  ' { csv($0, F); for (k = 1; k <= nc; k++) if (F[ix[ck[k]]] != cv[k]) next;' . \
  ' v = ""; for (k = 1; k <= no; k++) { x = F[ix[os[k]]]; if (x == "") next;' . \
  ' v = v (k > 1 ? "/" : "") x } if (!(v in seen)) { seen[v] = 1; printf "%s ", v } }' . \
  ' END { if (mode != "check") exit; if (bad) { printf "%s: cannot open", file; exit }' . \
  ' if (!h) { printf "%s:1: no header line", file; exit }' . \
  ' nn = split(names, ns, " "); m = ""; nm = 0; all = "";' . \
  ' for (k = 1; k <= nn; k++) { all = all (k > 1 ? ", " : "") ns[k];' . \
  ' if (!(ns[k] in ix)) { m = m (nm++ ? ", " : "") qt ns[k] qt } }' . \
  ' if (nm) printf "%s:%d: missing column%s %s (the figure needs %s)",' . \
  ' file, hl, (nm > 1 ? "s" : ""), m, all }'
awk_run(file, mode, out, conds, names) = system(sprintf( \
    "awk -v mode='%s' -v out='%s' -v conds='%s' -v names='%s' -v file='%s' '%s' '%s'", \
    mode, out, conds, names, file, awk_prog, file))

# sel(FILE, COLS, CONDS): distinct values, see awk_prog.
sel(file, cols, conds) = awk_run(file, "sel", cols, conds, "")
# check(FILE, NAMES): the error message, or "" when FILE has every column.
check(file, names) = awk_run(file, "check", "", "", names)
# has_col(FILE, NAME): 1 when FILE's header names the column.
has_col(file, name) = check(file, name) eq "" ? 1 : 0
# require(FILE, NAMES): a command (for eval) that stops the script with
# exit status 2 and one line on stderr when check fails; else "".
require(file, names) = (req_msg = check(file, names), \
    req_msg eq "" ? "" : sprintf("print \"%s: %s\"; exit status 2", \
                                 script_name, req_msg))

# The position of s in the space-separated list l (0 when absent).
pos(s, l) = sum [pos_k = 1:words(l)] (word(l, pos_k) eq s ? pos_k : 0)
# l's words joined by ", ".
commas(l) = words(l) == 0 ? "" : word(l, 1) . commas_rest(l, 2)
commas_rest(l, k) = k > words(l) ? "" : ", " . word(l, k) . commas_rest(l, k + 1)
# A value read from a table as text, as a number (NaN when empty).
num(s) = s eq "" ? NaN : s + 0
# The value of column c in the current row, NaN when the field is empty.
val(c) = strcol(c) eq "" ? NaN : column(c)

# ------------------------------------------------------------ the papers
# rep is the papers' table (experiments/paper-reported.csv) or "" when
# the caller passed "-".  reported(SRC, QUANTITY, WORKLOAD): its value as
# text ("" when absent); WORKLOAD "" for a quantity of no one workload.
reported(src, q, w) = rep eq "" ? "" : \
    word(sel(rep, "value", sprintf("source=%s;quantity=%s;workload=%s", src, q, w)), 1)

# ------------------------------------------------------------ arguments
# The workflow's call: DATA OUT.png OUT.svg [REPORTED|-] [SUBTITLE].
STD_ARGS = "\
script_name = system('basename ' . ARG0); \
if (ARGC < 3) { \
    print sprintf('%s: usage: gnuplot -c %s DATA.csv OUT.png OUT.svg [REPORTED.csv|-] [SUBTITLE]', script_name, ARG0); \
    exit status 2 }; \
data = ARG1; out_png = ARG2; out_svg = ARG3; n_out = 2; \
rep = (ARGC >= 4 && ARG4 ne '-') ? ARG4 : ''; \
subtitle = ARGC >= 5 ? ARG5 : ''; \
eval require(data, ''); \
if (rep ne '') { eval require(rep, 'source quantity workload value') }"

# with_sub(TITLE): TITLE and the caller's subtitle, on a second line.
with_sub(t) = subtitle eq "" ? t : t . "\n" . subtitle

# ------------------------------------------------------------ output
# open_out(K, W, H): a command (for eval) opening output K (1: the PNG,
# 2: the SVG) at W x H pixels; a script draws for [k = 1:n_out], n_out
# being 1 when there is no SVG to write.
open_out(k, w, h) = k == 1 ? \
    sprintf("set terminal pngcairo size %d,%d font 'sans,10' noenhanced; set output '%s'", \
            w, h, out_png) : \
    sprintf("set terminal svg size %d,%d font 'sans,10' noenhanced background rgb 'white'; set output '%s'", \
            w, h, out_svg)

# NODATA: draws the current panel as an empty frame saying "no data"
# (keeping its title), for a table or panel without a value to draw.
NODATA = "\
unset logscale; unset key; set xrange [0:1]; set yrange [0:1]; \
unset xtics; unset ytics; unset x2tics; unset y2tics; \
set label 101 'no data' at graph 0.5, graph 0.5 center font ',14'; \
plot 2 notitle; \
unset label 101; set xtics; set ytics; set autoscale"

# ------------------------------------------------------------ categories
# cat_xtics(L): a command (for eval) putting the words of L as tic labels
# at x = 1, 2, ... and the x range around them.
cat_xtics(l) = sprintf("set xtics (%s) nomirror; set xrange [0.4:%g]", \
    cat_tics_from(l, 1), words(l) + 0.6)
cat_tics_from(l, k) = k > words(l) ? "" : \
    sprintf("%s\"%s\" %d", k > 1 ? ", " : "", word(l, k), k) . cat_tics_from(l, k + 1)

# ------------------------------------------------------------ intervals
# ci_plot(0): per category (ci_x, a list of values of column ci_xcol) and
# series (ci_svals, values of column ci_scol), side by side: the median
# with its interval [ci_lo, ci_hi] (drawn at the median alone where the
# interval is missing), and markers for the best (when ci_best, a little
# to the left) and the exact optimum (when ci_opt, a little to the right)
# of the same row.  Rows are those where
# ci_keep(0) holds; ci_title(i) names series i.  Append further plot elements with
#   eval ci_plot(0) . ", ..."
ci_n(x) = words(ci_svals)
ci_dx(x) = 0.7 / ci_n(0)
ci_xpos(i) = pos(strcol(ci_xcol), ci_x) + (i - (ci_n(0) + 1) / 2.0) * ci_dx(0)
ci_row(i) = strcol(ci_scol) eq word(ci_svals, i) && ci_keep(0)
ci_or(c, d) = strcol(c) eq "" ? d : column(c)
ci_keep(x) = 1
ci_best = 0
ci_opt = 0
ci_med = "for [i = 1:ci_n(0)] ci_file using (ci_xpos(i)):(ci_row(i) ? val('median') : NaN):(ci_row(i) ? ci_or('ci_lo', val('median')) : NaN):(ci_row(i) ? ci_or('ci_hi', val('median')) : NaN) with yerrorbars lt i dt 1 pt pt_fill[i] ps 1.2 title ci_title(i) . ': median, bootstrap CI'"
ci_bst = "for [i = 1:ci_n(0)] ci_file using (ci_xpos(i) - 0.25 * ci_dx(0)):(ci_row(i) ? val('best') : NaN) with points lt i pt pt_open[i] ps 1.8 title ci_title(i) . ': best of seeds'"
ci_opm = "for [i = 1:ci_n(0)] ci_file using (ci_xpos(i) + 0.25 * ci_dx(0)):(ci_row(i) ? val('optimum') : NaN) with points lt i pt pt_optimum ps 2.2 lw 2 title ci_title(i) . ': exact optimum'"
# (a function, so that ci_best and ci_opt are read when it is used)
ci_plot(x) = "plot " . ci_med . (ci_best ? ", " . ci_bst : "") . (ci_opt ? ", " . ci_opm : "")
# ci_has_data(CONDS): 1 when a row matching CONDS has a value to draw.
ci_has_data(conds) = (sel(ci_file, "median", conds) . \
    (ci_best ? sel(ci_file, "best", conds) : "") . \
    (ci_opt ? sel(ci_file, "optimum", conds) : "")) ne ""

# ------------------------------------------------------------ log axes
# log_tics(AX, MULTS): a command (for eval) making axis AX (x or y)
# logarithmic with tics at MULTS (a list such as "1 2 5") times the powers
# of ten, for ranges of a few decades where gnuplot would label only the
# powers.  LOG_Y_125: the y axis so, at 1, 1.5, 2, 3, 5 and 7.
log_tics(ax, mults) = sprintf("set logscale %s; set format %s '%%g'; set %stics (1); do for [lg_e = -9:9] { do for [lg_m in '%s'] { set %stics add (lg_m * 10.0**lg_e) } }; set m%stics 10", ax, ax, ax, mults, ax, ax)
LOG_Y_125 = log_tics("y", "1 1.5 2 3 5 7")

# ------------------------------------------------------------ convergence
# CONV_PLOT: convergence curves of the groups cv_groups (values of column
# cv_gcol) over the rows where cv_keep(0) holds: per group the p25-p75
# band (transparent) and the median line of best/optimum against the
# evaluations, and the line at 1 (the exact optimum).  cv_title(i) names
# group i.  Rows with an empty ratio (no feasible best yet) leave a gap.
cv_row(i) = strcol(cv_gcol) eq word(cv_groups, i) && cv_keep(0)
cv_keep(x) = 1
cv_title(i) = word(cv_groups, i)
CONV_PLOT = "plot \
  for [i = 1:words(cv_groups)] cv_file using (cv_row(i) ? column('evaluations') : NaN):(val('p25_ratio')):(val('p75_ratio')) with filledcurves lt i fs transparent solid 0.15 noborder notitle, \
  for [i = 1:words(cv_groups)] cv_file using (cv_row(i) ? column('evaluations') : NaN):(val('median_ratio')) with linespoints lt i ps 0.9 title cv_title(i), \
  keyentry with filledcurves lc rgb band_colour fs solid 0.5 noborder title 'p25–p75 over seeds', \
  1 with lines lc rgb ref_colour dt 2 lw 1.5 title 'exact optimum (ratio 1)'"
# CONV_AXES: the axes of CONV_PLOT.
CONV_AXES = "eval log_tics('x', '1 2 5'); set xlabel 'distinct designs evaluated'; \
  eval LOG_Y_125; set ylabel 'best score so far / exact optimum'; \
  set autoscale noextend; set offsets graph 0.02, graph 0.02, graph 0.04, graph 0.04; set grid xtics ytics"
# cv_has_data(CONDS): 1 when a row matching CONDS has a median ratio.
cv_has_data(conds) = sel(cv_file, "median_ratio", conds) ne ""

# ------------------------------------------------------------ panels
# Multi-panel figures keep the right-hand strip of the canvas (from
# screen panel_right) for one key, drawn by the first panel that has data:
#   eval "set multiplot layout R, C margins " . panel_margins(0) . ...
#   ... eval PANEL_KEY before each panel's plot
panel_right = 0.80
panel_margins(x) = sprintf("0.07, %g, 0.12, 0.86", panel_right)
key_drawn = 0
# panel_at(X0, X1, B): a command (for eval) placing the next panel of a
# multiplot between X0 and X1 and above B (screen coordinates), for panels
# of unequal widths.
panel_at(x0, x1, b) = sprintf("set lmargin at screen %g; set rmargin at screen %g; set bmargin at screen %g; set tmargin at screen 0.86", x0, x1, b)
PANEL_KEY = "if (key_drawn) { unset key } else { \
  set key at screen panel_right + 0.015, screen 0.5 left center vertical Left reverse; \
  key_drawn = 1 }"
