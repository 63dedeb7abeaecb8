#!/bin/sh
# 595-bench-cost-cli: bin/bench-cost's output shape, its deterministic
# checksum (the work done does not depend on timing), and bad input.
. t/lib/cli.sh
tool="$root/bin/bench-cost"
[ -x "$tool" ] || skip_all "bin/bench-cost not built (run make)"
G=t/data/ga-search

run -n 200 --seed 3 --space $G/space.csv $G/small.csv $G/tiny.csv >"$tmp/a"
ok $? "200 designs: exit 0"
head -n 1 "$tmp/a" | grep -qx "# bench-cost seed=3 rng=mt19937 designs=200 latency=reference space=$G/space.csv"
ok $? "provenance line: seed, generator, designs, latency mode, space"
sed -n 2p "$tmp/a" | grep -qx 'designs,workloads,seconds,designs_per_s,layer_evals_per_s,checksum'
ok $? "header"
run -n 200 --seed 3 --space $G/space.csv $G/small.csv $G/tiny.csv >"$tmp/b"
[ "$(tail -n 1 "$tmp/a" | cut -d, -f1,2,6)" = "$(tail -n 1 "$tmp/b" | cut -d, -f1,2,6)" ]
ok $? "same seed, same designs: same checksum"
# The checksum is the sum of log(E*L*A) over designs and workloads; the
# evaluator's memos must not change a bit of it: the value below is the one
# plain per-design evaluation (cost_eval_net) gave before they existed.
run -n 2000 --seed 11 --space experiments/space-rram-p2.csv $G/small.csv \
    $G/tiny.csv >"$tmp/c"
ok $? "2000 designs of P2's space: exit 0"
[ "$(tail -n 1 "$tmp/c" | cut -d, -f6)" = "$(cat t/data/bench-cost/checksum-p2-seed11.txt)" ]
ok $? "checksum as without the memos"
run -n 0 --space $G/space.csv $G/small.csv >"$tmp/d"
tail -n 1 "$tmp/d" | grep -q 'nan\|inf'
ok $((!$?)) "no designs: rates 0, never nan or inf"
ok_program "no space" 2 "bench-cost: need --space SPACE.csv and a layer table
Try 'bench-cost --help'." $G/small.csv
ok_program "bad --designs" 2 "bench-cost: option '--designs': got 'many', expected an integer >= 0
Try 'bench-cost --help'." -n many --space $G/space.csv $G/small.csv
ok_program "bad space" 2 \
    "bench-cost: $G/bad-order.csv:6: parameter 'rows': got '32' after 128, expected strictly increasing values" \
    --space $G/bad-order.csv $G/small.csv
set -- $(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do echo $G/tiny.csv; done)
ok_program "17 workloads" 2 "bench-cost: got 17 workloads, expected 1 to 16" \
    -n 10 --space $G/space.csv "$@"
done_testing
