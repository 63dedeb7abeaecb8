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
