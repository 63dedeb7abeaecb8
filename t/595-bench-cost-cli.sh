#!/bin/sh
# 595-bench-cost-cli: bin/bench-cost's output shape, its deterministic
# checksum (the work done does not depend on timing), and bad input.
. t/lib/cli.sh
tool="$root/bin/bench-cost"
[ -x "$tool" ] || skip_all "bin/bench-cost not built (run make)"
G=t/data/ga-search

run -n 200 --seed 3 --space $G/space.csv $G/small.csv $G/tiny.csv >"$tmp/a"
ok $? "200 designs: exit 0"
head -n 1 "$tmp/a" | grep -qx 'designs,workloads,seconds,designs_per_s,layer_evals_per_s,checksum'
ok $? "header"
run -n 200 --seed 3 --space $G/space.csv $G/small.csv $G/tiny.csv >"$tmp/b"
[ "$(cut -d, -f1,2,6 "$tmp/a")" = "$(cut -d, -f1,2,6 "$tmp/b")" ]
ok $? "same seed, same designs: same checksum"
ok_program "no space" 2 "bench-cost: need --space SPACE.csv and a layer table
Try 'bench-cost --help'." $G/small.csv
ok_program "bad --designs" 2 "bench-cost: option '--designs': got 'many', expected an integer >= 0
Try 'bench-cost --help'." -n many --space $G/space.csv $G/small.csv
ok_program "bad space" 2 \
    "bench-cost: $G/bad-order.csv:6: parameter 'rows': got '32' after 128, expected strictly increasing values" \
    --space $G/bad-order.csv $G/small.csv
done_testing
