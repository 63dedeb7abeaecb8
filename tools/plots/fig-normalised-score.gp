# fig-normalised-score.gp: P1's comparison per workload: the score
# E*L*A of the workload-specific design (1 by definition), of the
# largest-workload design and of the joint design, each normalised by the
# specific design's score.  Bars: best-of-seeds designs; whiskers: min to
# max over the per-seed replicates.  Log scale.
# Usage: gnuplot -c fig-normalised-score.gp summarise_seeds.csv out.png
# (input: tools/summarise-seeds.sh).
if (ARGC < 2) { print "usage: gnuplot -c fig-normalised-score.gp IN.csv OUT.png"; exit status 2 }
set terminal pngcairo size 800,500 font "sans,10" noenhanced
set output ARG2
set datafile separator comma
set style data histogram
set style histogram errorbars gap 1 lw 1
set style fill solid 0.8 border -1
set boxwidth 0.9
set logscale y
set yrange [0.5:*]
set ylabel "normalised score n_d(w) = score / score of w's specific design"
set xlabel "workload"
set key outside top center horizontal
set grid ytics
plot ARG1 using "n_specific":"n_specific":"n_specific":xtic(1) title "specific" lc rgb "#4d4d4d", \
     '' using "n_largest":"n_largest_min":"n_largest_max" title "largest workload" lc rgb "#d95f02", \
     '' using "n_joint":"n_joint_min":"n_joint_max" title "joint" lc rgb "#1b9e77"
