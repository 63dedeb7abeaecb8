#!/bin/sh
# bench.sh: `make bench`: throughput of the cost model, the search's inner
# loop, on the four P1 workloads (layer tables from workloads/*.net).
# Timings vary with the machine; the checksum column must not.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for w in vgg16 resnet18 alexnet mobilenet_v3; do
    bin/parse-net "workloads/$w.net" -o "$tmp/$w.csv"
done
L="$tmp/vgg16.csv $tmp/resnet18.csv $tmp/alexnet.csv $tmp/mobilenet_v3.csv"
printf 'space,latency,'
bin/bench-cost --space experiments/space-rram-p2.csv -n 1 $L | head -n 1
for space in rram-p2 sram-4; do
    for mode in reference physical; do
        printf '%s,%s,' "$space" "$mode"
        bin/bench-cost --space "experiments/space-$space.csv" \
            --latency "$mode" -n 20000 --seed 1 $L | tail -n 1
    done
done
# The exhaustive sweep: every design of the space, counts reused per
# crossbar geometry (the roadmap's target is 1e6 designs per second).
echo
echo "sweep,latency,designs,seconds,designs_per_s"
for space in rram-p2 sram-4; do
    for mode in reference physical; do
        t0=$(date +%s.%N)
        bin/sweep-space --space "experiments/space-$space.csv" \
            --latency "$mode" $L -o "$tmp/sweep.csv"
        t1=$(date +%s.%N)
        head -n 1 "$tmp/sweep.csv" | awk -v s="$space" -v m="$mode" \
            -v t="$t0" -v u="$t1" '{ split($3, kv, "="); n = kv[2];
            printf "%s,%s,%s,%.3f,%.0f\n", s, m, n, u - t, n / (u - t) }'
    done
done
