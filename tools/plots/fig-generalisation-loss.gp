# fig-generalisation-loss.gp: the generalisation loss of the joint design
# per workload, 100 (n_joint(w) - 1) %: how much worse the joint design's
# score E*L*A is than the workload-specific design's.  Bars: best-of-seeds
# designs; whiskers: min to max over the per-seed replicates.
# Usage: gnuplot -c fig-generalisation-loss.gp summarise_seeds.csv out.png
# (input: tools/summarise-seeds.sh).
if (ARGC < 2) { print "usage: gnuplot -c fig-generalisation-loss.gp IN.csv OUT.png"; exit status 2 }
set terminal pngcairo size 800,500 font "sans,10" noenhanced
set output ARG2
set datafile separator comma
set style data histogram
set style histogram errorbars gap 2 lw 1
set style fill solid 0.8 border -1
set boxwidth 0.8
set ylabel "generalisation loss of the joint design (%)"
set xlabel "workload"
set key outside top center horizontal
set offsets 0, 0, graph 0.08, 0
set yrange [*<0 : 0<*]
set grid ytics
set xzeroaxis lt -1
plot ARG1 using "loss_joint_pct":"loss_joint_pct_min":"loss_joint_pct_max":xtic(1) title "joint vs specific" lc rgb "#1b9e77"
