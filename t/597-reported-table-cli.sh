#!/bin/sh
# 597-reported-table-cli: bin/reported-table: the papers' numbers of one
# experiment beside the reproduced values (per workload with an interval,
# min/max over workloads with where they occur, a number no table holds
# left empty, a reported number no map row covers still listed), and every
# refusal with exit 2 and one exact line.
tool="$(pwd)/bin/reported-table"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/reported-table not built (run make)"
D=t/data/reported-table
p=reported-table
R=experiments/paper-reported.csv
[ -r "$R" ] || skip_all "$R is absent"

run --experiment p1-core --kind comparison --reported $R --csv summary_reference=$D/summary.csv \
    --csv optimum_reference=$D/optimum.csv -o "$tmp/p1.csv" 2>"$tmp/err"
status=$?
ok $status "p1-core exits 0"
[ "$status" -eq 0 ] || sed 's/^/# /' "$tmp/err"
grep -q '^p1-core,P1,joint_vs_largest_gain,vgg16,36,percent,"relative gain 100 (1 - n_joint / n_largest), median of the per-seed replicates \[95 % CI\]",-2.5,-4,1.5,,' "$tmp/p1.csv"
ok $? "per-workload median with its interval"
grep -q '^p1-core,P1,joint_vs_largest_gain,mobilenet_v3,69,percent,"relative gain, exact optima",44,,,,' "$tmp/p1.csv"
ok $? "per-workload optimum value"
grep -q '^p1-core,P1,joint_vs_largest_gain,resnet18,36,percent,"relative gain, best-of-seeds designs",,,,,' "$tmp/p1.csv"
ok $? "a workload the tables do not hold: empty"
grep -q "^p1-core,P1,generalization_loss_max,,86,percent,loss: largest per-workload median,52,,,mobilenet_v3," "$tmp/p1.csv"
ok $? "max over workloads, with where it is"
grep -q '^p1-core,P1,generalization_loss_min,,17,percent,"loss, smallest over workloads, exact optima",8.5,,,vgg16,' "$tmp/p1.csv"
ok $? "min over workloads skips a missing value"
grep -q '^p1-core,P1,design_space_size,,1.9e7,configurations,not reproduced by this experiment,,,,,' "$tmp/p1.csv"
ok $? "a number no map row covers is still listed"
! grep -q ',P2,' "$tmp/p1.csv"
ok $? "only the experiment's own rows"

run --experiment p1-core --kind comparison --reported $R --map $D/kinds.csv \
    --csv summary_reference=$D/summary.csv -o "$tmp/k.csv"
ok $? "--kind: only that kind's rows and rows without a kind"
grep -c 'generalization_loss_max' "$tmp/k.csv" | grep -qx 2 && grep -q 'comparison: largest median,52,' "$tmp/k.csv" &&
    grep -q 'any kind: largest optimum,8.5,' "$tmp/k.csv"
ok $? "... the comparison's row and the row for any kind"
ok_program "without --kind every row applies" 2 \
    "$p: $D/kinds.csv:3: column 'alias': no --csv distribution=FILE given" \
    --experiment p1-core --reported $R --map $D/kinds.csv --csv summary_reference=$D/summary.csv
ok_program "bad reduce" 2 \
    "$p: $D/bad-reduce.csv:2: column 'reduce': got 'sometimes', expected one, min or max" \
    --experiment p1-core --reported $R --map $D/bad-reduce.csv --csv summary_reference=$D/summary.csv
ok_program "unknown alias" 2 \
    "$p: $D/bad-alias.csv:2: column 'alias': no --csv nosuch=FILE given" \
    --experiment p1-core --reported $R --map $D/bad-alias.csv --csv summary_reference=$D/summary.csv
ok_program "bad filter" 2 \
    "$p: $D/bad-where.csv:2: column 'where': got 'metric', expected COL=VALUE or COL!=VALUE" \
    --experiment p1-core --reported $R --map $D/bad-where.csv --csv summary_reference=$D/summary.csv
ok_program "several rows for reduce one" 2 \
    "$p: $D/ambiguous.csv:2: reduce 'one': 3 rows of $D/summary.csv match (workload 'vgg16')" \
    --experiment p1-core --reported $R --map $D/ambiguous.csv --csv summary_reference=$D/summary.csv
ok_program "no --experiment" 2 \
    "$p: missing --experiment TAG
Try '$p --help'." --csv a=$D/summary.csv
ok_program "not ALIAS=FILE" 2 \
    "$p: option '--csv': got 'x', expected ALIAS=FILE
Try '$p --help'." --experiment p1-core --csv x
done_testing
