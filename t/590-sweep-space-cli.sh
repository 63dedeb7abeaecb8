#!/bin/sh
# 590-sweep-space-cli: bin/sweep-space's outputs (columns, row order,
# feasible=0 rows with empty fields and one warning line, --by, nodes),
# determinism over reruns, thread counts and --no-prune, the help
# examples, exit codes and exact error lines, and that a failed run leaves
# none of its outputs behind.
. t/lib/cli.sh
tool="$root/bin/sweep-space"
[ -x "$tool" ] || skip_all "bin/sweep-space not built (run make)"
G=t/data/ga-search
D=t/data/sweep
S="--space $G/space.csv --area-max 50"
L="$G/small.csv $G/tiny.csv"
DESIGN=memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,tiles_per_group,macros_per_tile,glb_mb,tech_nm

run --help >"$tmp/help"
ok $? "--help exits 0"
head -n 1 "$tmp/help" | grep -q '^sweep-space: '
ok $? "--help starts with the one-line summary"
# every example runs as written (from a directory that has the project's
# files, so the outputs they write land in $tmp)
mkdir "$tmp/ex"
for f in t experiments; do ln -s "$root/$f" "$tmp/ex/$f"; done
sed -n '/^  \$ /,/[^\\]$/p' "$tmp/help" | sed 's/^  \$ //' >"$tmp/ex/examples.sh"
[ "$(grep -c '^sweep-space' "$tmp/ex/examples.sh")" -eq 3 ]
ok $? "three examples in the help"
(cd "$tmp/ex" && PATH="$root/bin:$PATH" sh -e examples.sh >/dev/null 2>&1)
ok $? "the examples run as written"

run $S $L >"$tmp/a" 2>"$tmp/err"
ok $? "two workloads: exit 0"
[ ! -s "$tmp/err" ]
ok $? "nothing on stderr when every target is feasible"
head -n 1 "$tmp/a" | grep -qx '# sweep-space designs=5184 geometries=324 feasible_for_all=2272 skipped=0 area_max_mm2=50 latency=reference'
ok $? "comment line: counts and settings"
sed -n 2p "$tmp/a" | grep -qx "area_max_mm2,target,objective,feasible,score,area_mm2,min_area_mm2,$DESIGN"
ok $? "main columns"
cut -d, -f2,3 "$tmp/a" | tail -n +3 | tr '\n' ' ' |
    grep -qx 'small,single tiny,single joint,joint mean,mean all,all '
ok $? "targets in order"
run $S $L >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"
ok $? "byte-identical reruns"

# several limits, every output, 1 and 2 threads, with and without pruning
A="--space $G/space.csv --area-max 50,1,5 --top 3"
for v in "1" "2" "1 --no-prune"; do
    tag=$(echo "$v" | tr -d ' -')
    run $A "$tmp/top$tag.csv" --pareto "$tmp/front$tag.csv" \
        --pareto-objectives edap,area_mm2,latency_s:tiny --threads $v \
        --per-workload "$tmp/pw$tag.csv" -o "$tmp/main$tag.csv" $L \
        2>"$tmp/err$tag"
    ok $? "all outputs, --threads $v: exit 0"
done
same=0
for f in main top front pw err; do
    cmp -s "$tmp/${f}1.csv" "$tmp/${f}2.csv" 2>/dev/null || [ $f = err ] || same=1
    cmp -s "$tmp/${f}1.csv" "$tmp/${f}1noprune.csv" 2>/dev/null || [ $f = err ] || same=1
done
cmp -s "$tmp/err1" "$tmp/err2" && cmp -s "$tmp/err1" "$tmp/err1noprune" || same=1
ok $same "1 thread, 2 threads and --no-prune: the same bytes in every output"
cut -d, -f1 "$tmp/main1.csv" | tail -n +3 | uniq | tr '\n' ' ' | grep -qx '50 1 5 '
ok $? "limits in the order given"
printf '%s\n' "sweep-space: warning: no design meets the constraints for 5 of 15 (limit, target) pairs: 1 mm2 (small, tiny, joint, mean, all)" >"$tmp/want"
cmp -s "$tmp/want" "$tmp/err1"
ok $? "one warning line names the infeasible pairs"
grep -c '^1,.*,0,,,[0-9.e+-]*,,,,,,,,,,,$' "$tmp/main1.csv" | grep -qx 5
ok $? "feasible=0 rows: empty score, area and design, min_area given"
! grep -qi 'nan\|inf' "$tmp/main1.csv" "$tmp/pw1.csv" "$tmp/top1.csv" "$tmp/front1.csv"
ok $? "no nan or inf anywhere"
sed -n 2p "$tmp/pw1.csv" | grep -qx "area_max_mm2,target,objective,$DESIGN,workload,energy_j,latency_s,area_mm2,edap,score,violation,feasible,in_objective"
ok $? "per-workload columns"
[ "$(tail -n +3 "$tmp/pw1.csv" | wc -l)" -eq 30 ]
ok $? "per-workload: a row per (limit, target, workload)"
awk -F, 'NR > 2 && $1 == 50 && $2 == "small" && $15 == "tiny" { print $23 }' "$tmp/pw1.csv" | grep -qx 0
ok $? "per-workload: in_objective=0 for the other workload of a single target"
sed -n 2p "$tmp/top1.csv" | grep -qx "area_max_mm2,target,objective,rank,score,area_mm2,$DESIGN"
ok $? "top-K columns"
awk -F, 'NR > 2 { n[$1 "," $2]++ } END { for (k in n) if (n[k] != 3) exit 1 }' "$tmp/top1.csv"
ok $? "top-K: 3 rows for every feasible (limit, target)"
head -n 2 "$tmp/front1.csv" | tail -n 1 | grep -qx "edap,area_mm2,latency_s_tiny,$DESIGN"
ok $? "Pareto columns: the objectives, then the design"
head -n 1 "$tmp/front1.csv" | grep -q '^# sweep-space pareto=edap,area_mm2,latency_s:tiny members=[1-9]'
ok $? "Pareto comment line: objectives and members"

run --space $G/space.csv --area-max 50,1,5 $G/small.csv --top 3 "$tmp/topc.csv" \
    $G/tiny.csv -o "$tmp/mainc.csv" 2>/dev/null &&
    cmp -s "$tmp/top1.csv" "$tmp/topc.csv" && cmp -s "$tmp/main1.csv" "$tmp/mainc.csv"
ok $? "--top K FILE between the layer tables: the same outputs"

# --by with a node table
run --space $D/sram.csv --nodes experiments/nodes.csv --by tech_nm \
    --area-max 30 -o "$tmp/by.csv" --per-workload "$tmp/bypw.csv" $L
ok $? "--by tech_nm --nodes: exit 0"
head -n 1 "$tmp/by.csv" | grep -q ' skipped=192 .* by=tech_nm nodes=yes$'
ok $? "designs outside their node's range skipped, settings recorded"
sed -n 2p "$tmp/by.csv" | grep -q ",tech_nm,by_value,cost_mm2$"
ok $? "by_value, then (with a node table) cost_mm2 last"
awk -F, 'NR > 2 { print $(NF - 1) }' "$tmp/by.csv" | uniq -c | awk '{ print $1 "x" $2 }' | tr '\n' ' ' | grep -qx '7x 7x22 7x32 '
ok $? "overall rows (empty by_value), then 7 rows per node"
awk -F, 'NR > 2 && $4 == 1 && $NF == "" { bad = 1 } END { exit bad }' "$tmp/by.csv"
ok $? "every feasible row has a cost"
cut -d, -f2 "$tmp/by.csv" | tail -n 2 | tr '\n' ' ' | grep -qx 'el_cost ela_cost '
ok $? "el_cost and ela_cost targets last"
[ "$(tail -n +3 "$tmp/bypw.csv" | wc -l)" -eq 42 ] && sed -n 2p "$tmp/bypw.csv" | grep -q ',by_value$'
ok $? "per-workload rows per node too"

# errors: one line, exit 2, nothing left behind
ok_program "no --space" 2 "sweep-space: need --space SPACE.csv and a layer table
Try 'sweep-space --help'." $G/small.csv
ok_program "bad --area-max" 2 "sweep-space: option '--area-max': got '-1', expected a number > 0
Try 'sweep-space --help'." $S --area-max -1 $G/small.csv
ok_program "repeated limit" 2 "sweep-space: option '--area-max': 50 is listed twice
Try 'sweep-space --help'." --space $G/space.csv --area-max 50,10,50 $G/small.csv
ok_program "empty limit list" 2 "sweep-space: option '--area-max': got ',', expected numbers > 0
Try 'sweep-space --help'." --space $G/space.csv --area-max , $G/small.csv
ok_program "bad --by" 2 "sweep-space: option '--by': got 'node', expected a design parameter (voltage_v, ..., tech_nm)
Try 'sweep-space --help'." $S --by node $G/small.csv
ok_program "bad --threads" 2 "sweep-space: option '--threads': got '65', expected 1 to 64
Try 'sweep-space --help'." $S --threads 65 $G/small.csv
ok_program "bad --shard" 2 "sweep-space: option '--shard': got '3/2', expected I/N with 1 <= I <= N
Try 'sweep-space --help'." $S --shard 3/2 $G/small.csv
ok_program "bad --top" 2 "sweep-space: option '--top': got '0', expected an integer >= 1
Try 'sweep-space --help'." $S --top 0 "$tmp/t.csv" $G/small.csv
ok_program "--top without FILE" 2 "sweep-space: option '--top': expected K and a FILE
Try 'sweep-space --help'." $S $G/small.csv --top 3
ok_program "unknown Pareto objective" 2 "sweep-space: option '--pareto-objectives': got 'energy_j:vgg16', expected max_energy_j, max_latency_s, area_mm2, edap, cost, energy_j:WORKLOAD or latency_s:WORKLOAD
Try 'sweep-space --help'." $S --pareto "$tmp/p.csv" --pareto-objectives area_mm2,energy_j:vgg16 $G/small.csv
ok_program "cost without --nodes" 2 "sweep-space: option '--pareto-objectives': 'cost' needs --nodes
Try 'sweep-space --help'." $S --pareto "$tmp/p.csv" --pareto-objectives cost,edap $G/small.csv
ok_program "bad space parameter" 2 \
    "sweep-space: $G/bad-param.csv:3: column 'parameter': got 'voltage', expected memory or a design parameter (voltage_v, ..., tech_nm)" \
    --space $G/bad-param.csv $G/small.csv
ok_program "bad layer table" 2 \
    "sweep-space: $G/bad-layers.csv:3: column 'M': got '0', expected an integer in [1, 1099511627776]" \
    $S $G/bad-layers.csv
ok_program "bad node table" 2 \
    "sweep-space: $D/bad-nodes.csv:3: column 'voltage_min_v': got '0.8', above voltage_max_v '0.5'" \
    --space $D/sram.csv --nodes $D/bad-nodes.csv $G/small.csv
ok_program "a space above 1e9 designs" 2 \
    "sweep-space: 1073741824 designs to sweep, above the limit of 1000000000 (sweep a shard, or force it)" \
    --space $D/huge.csv $G/small.csv

# a failure after the sweep leaves none of the outputs
rm -f "$tmp"/o-*
run $S --pareto "$tmp/o-front.csv" --pareto-max 1 --top 2 "$tmp/o-top.csv" \
    --per-workload "$tmp/o-pw.csv" -o "$tmp/o-main.csv" $L 2>"$tmp/err"
[ $? -eq 2 ]
ok $? "a Pareto front above --pareto-max: exit 2"
printf '%s\n' "sweep-space: the Pareto front holds more than 1 designs, its bound (docs/sweep.md)" | cmp -s - "$tmp/err"
ok $? "... with one line saying so"
! ls "$tmp"/o-* >/dev/null 2>&1
ok $? "... and no output of any kind left"
run $S --top 2 "$tmp/o-top.csv" -o "$tmp/no/such/dir.csv" $L 2>/dev/null
[ $? -eq 2 ] && ! ls "$tmp"/o-* >/dev/null 2>&1
ok $? "an unwritable output: exit 2, the other outputs not left either"
done_testing
