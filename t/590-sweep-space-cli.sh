#!/bin/sh
# 590-sweep-space-cli: bin/sweep-space's output, determinism, agreement
# with a ga-search run that finds the same optimum, exit codes and exact
# error lines.
. t/lib/cli.sh
tool="$root/bin/sweep-space"
[ -x "$tool" ] || skip_all "bin/sweep-space not built (run make)"
G=t/data/ga-search
S="--space $G/space.csv --area-max 50"

run --help >"$tmp/help"
ok $? "--help exits 0"
head -n 1 "$tmp/help" | grep -q '^sweep-space: '
ok $? "--help starts with the one-line summary"
run $S $G/small.csv $G/tiny.csv >"$tmp/a" 2>"$tmp/err"
ok $? "two workloads: exit 0"
head -n 1 "$tmp/a" | grep -q '^# sweep-space designs=5184 geometries=324 '
ok $? "counts every design and geometry of the space"
[ "$(grep -vc '^#' "$tmp/a")" -eq 6 ]
ok $? "header and one row per target (2 workloads, joint, mean, all)"
cut -d, -f1,2 "$tmp/a" | tail -n 5 | tr '\n' ' ' |
    grep -qx 'small,single tiny,single joint,joint mean,mean all,all '
ok $? "targets in order"
run $S $G/small.csv $G/tiny.csv >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"
ok $? "byte-identical reruns"
run $S --area-max 0.001 $G/small.csv >"$tmp/none"
awk -F, '!/^#/ && NR > 2 { exit $3 != 0 }' "$tmp/none"
ok $? "an impossible area limit: found = 0"

ok_program "no --space" 2 "sweep-space: need --space SPACE.csv and a layer table
Try 'sweep-space --help'." $G/small.csv
ok_program "bad --area-max" 2 "sweep-space: option '--area-max': got '-1', expected a number > 0
Try 'sweep-space --help'." $S --area-max -1 $G/small.csv
ok_program "bad space parameter" 2 \
    "sweep-space: $G/bad-param.csv:3: column 'parameter': got 'voltage', expected memory or a design parameter (voltage_v, ..., tech_nm)" \
    --space $G/bad-param.csv $G/small.csv
ok_program "bad layer table" 2 \
    "sweep-space: $G/bad-layers.csv:3: column 'M': got '0', expected an integer in [1, 1099511627776]" \
    $S $G/bad-layers.csv
done_testing
