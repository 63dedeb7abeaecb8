# fig-joint-vs-largest-gain.gp: the gain of the joint design over the
# largest-workload design per workload, in both definitions: as the
# reference computes it, 100 (n_largest - n_joint) (a difference of scores
# normalised by the specific design), and as a relative reduction of the
# score, 100 (1 - n_joint / n_largest).  Bars: best-of-seeds designs;
# whiskers: min to max over the per-seed replicates.
# Usage: gnuplot -c fig-joint-vs-largest-gain.gp summarise_seeds.csv out.png
# (input: tools/summarise-seeds.sh).
if (ARGC < 2) { print "usage: gnuplot -c fig-joint-vs-largest-gain.gp IN.csv OUT.png"; exit status 2 }
set terminal pngcairo size 800,500 font "sans,10" noenhanced
set output ARG2
set datafile separator comma
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set ylabel "gain of joint over largest-workload design (%)"
set xlabel "workload"
set key outside top center horizontal
set offsets 0, 0, graph 0.08, 0
set yrange [*<0 : 0<*]
set grid ytics
set xzeroaxis lt -1
plot ARG1 using "gain_diff_pct":"gain_diff_pct_min":"gain_diff_pct_max":xtic(1) title "100 (n_largest - n_joint)  [reference]" lc rgb "#7570b3", \
     '' using "gain_rel_pct":"gain_rel_pct_min":"gain_rel_pct_max" title "100 (1 - n_joint / n_largest)  [relative]" lc rgb "#e7298a"
