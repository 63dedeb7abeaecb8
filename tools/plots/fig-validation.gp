# fig-validation.gp: the cost model against CiMLoop, one log-log panel per
# workload, for one metric; every point is a design the fit did not see
# (k-fold cross-validation by design).
#   gnuplot -c fig-validation.gp PREDICTIONS.csv OUT.png METRIC
# PREDICTIONS.csv: calibrate --predictions (columns ..., workload,
# ref_<metric>, model_<metric>, ...); METRIC: energy, latency or area.
in = ARG1
out = ARG2
metric = ARG3
units = (metric eq "energy") ? "J" : (metric eq "latency") ? "s" : "mm^2"
suffix = (metric eq "energy") ? "_j" : (metric eq "latency") ? "_s" : "_mm2"

set datafile separator ","
set datafile commentschars "#"
# Column numbers and the workload list come from the header, so the script
# does not hard-code the file's layout.
col(name) = int(system(sprintf("head -n 1 '%s' | tr ',' '\\n' | grep -nx '%s' | cut -d: -f1", in, name)))
cw = col("workload")
cr = col("ref_" . metric . suffix)
cm = col("model_" . metric . suffix)
workloads = system(sprintf("tail -n +2 '%s' | cut -d, -f%d | awk '!seen[$0]++' | tr '\\n' ' '", in, cw))
n = words(workloads)
ncols = (n <= 4) ? n : 3
nrows = int((n + ncols - 1) / ncols)

set terminal pngcairo size 420*ncols, 380*nrows font "sans,9" noenhanced
set output out
set multiplot layout nrows, ncols title sprintf("%s: model vs CiMLoop (held-out designs)", metric)
set logscale xy
set format x "%.0e"
set format y "%.0e"
set xlabel sprintf("CiMLoop %s (%s)", metric, units)
set ylabel sprintf("model %s (%s)", metric, units)
set key top left
set grid
do for [i = 1:n] {
    w = word(workloads, i)
    set title w
    plot in using (strcol(cw) eq w ? column(cr) : 1/0):(column(cm)) \
            with points pt 7 ps 0.4 lc rgb "#1f77b4" title "design", \
         x with lines lc rgb "#d62728" dt 2 title "y = x"
}
unset multiplot
