# fig-ga-convergence.gp: convergence of every search of one latency mode.
# x: generation; y: the best score so far relative to the search's final
# best (log scale, ends at 1); one line per search (target and seed),
# coloured by target.  Gaps: generations whose best design was infeasible.
# Usage: gnuplot -c fig-ga-convergence.gp collect_history.csv out.png
# (input: tools/collect-history.sh; searches separated by blank lines).
if (ARGC < 2) { print "usage: gnuplot -c fig-ga-convergence.gp IN.csv OUT.png"; exit status 2 }
set terminal pngcairo size 800,500 font "sans,10" noenhanced
set output ARG2
set datafile separator comma
# Colour-blind-safe colours (ColorBrewer Dark2), one per target.
array dark2[8] = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]
do for [k = 1:8] { set linetype k lc rgb dark2[k] }
set datafile missing "NaN"
# The target names, in colour order, for the key.
targets = system(sprintf("awk -F, 'NR > 1 && NF && !seen[$1]++ { printf \"%%s \", $1 }' '%s'", ARG1))
# Integer generation tics, about ten of them.
stats ARG1 using "generation" nooutput
xstep = ceil(STATS_max / 10.0)
xstep = xstep < 1 ? 1 : xstep
set xtics xstep
set logscale y
set xlabel "generation"
set ylabel "best score / final best score"
set key outside right top
set grid
plot ARG1 using "generation":"relative":"target_index" with lines lc variable lw 1.2 notitle, \
     for [k = 1:words(targets)] NaN with lines lc k lw 2 title word(targets, k)
