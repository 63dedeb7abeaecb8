#!/bin/sh
# 591-sweep-merge-cli: three shards of a sweep, merged by bin/sweep-merge,
# are byte for byte the whole sweep's main, per-workload, top-K and Pareto
# outputs (with several limits and --by, and with a node table), whatever
# the order of the parts; the help examples run; every inconsistency among
# the parts is refused with one line and leaves no output.
. t/lib/cli.sh
tool="$root/bin/sweep-merge"
sweep="$root/bin/sweep-space"
[ -x "$tool" ] && [ -x "$sweep" ] || skip_all "bin/sweep-merge not built (run make)"
G=t/data/ga-search
D=t/data/sweep
L="$G/small.csv $G/tiny.csv"

run --help >"$tmp/help"
ok $? "--help exits 0"
head -n 1 "$tmp/help" | grep -q '^sweep-merge: '
ok $? "--help starts with the one-line summary"
mkdir "$tmp/ex"
for f in t experiments; do ln -s "$root/$f" "$tmp/ex/$f"; done
sed -n '/^  \$ /,/[^\\]$/p' "$tmp/help" | sed 's/^  \$ //' >"$tmp/ex/examples.sh"
(cd "$tmp/ex" && PATH="$root/bin:$PATH" sh -e examples.sh >/dev/null 2>&1)
ok $? "the examples run as written"

# sweep_and_merge NAME SWEEP-OPTIONS...: the whole sweep and 3 shards into
# $tmp/NAME/, then the merge; the parts listed in a shuffled order
sweep_and_merge() {
    name=$1
    shift
    d="$tmp/$name"
    mkdir "$d"
    "$sweep" "$@" --top 3 "$d/whole-top.csv" --pareto "$d/whole-front.csv" \
        --per-workload "$d/whole-pw.csv" -o "$d/whole.csv" $L 2>"$d/whole-err"
    for i in 1 2 3; do
        "$sweep" "$@" --shard $i/3 --top 3 "$d/top$i.csv" \
            --pareto "$d/front$i.csv" --per-workload "$d/pw$i.csv" \
            -o "$d/main$i.csv" $L 2>/dev/null
    done
    parts="$d/front2.csv,$d/main3.csv,$d/top1.csv,$d/pw2.csv,$d/main1.csv"
    parts="$parts,$d/top3.csv,$d/front1.csv,$d/main2.csv,$d/top2.csv"
    parts="$parts,$d/front3.csv,$d/pw1.csv,$d/pw3.csv"
}

# merged WHAT MERGE-OPTIONS...: merge the parts of the last sweep_and_merge
# and compare every output with the whole sweep's
merged() {
    what=$1
    shift
    run "$@" --parts "$parts" --top "$d/top.csv" --pareto "$d/front.csv" \
        --per-workload "$d/pw.csv" -o "$d/merged.csv" $L 2>"$d/err"
    ok $? "$what: merge exits 0"
    for f in "" -top -front -pw; do
        m=$(echo "$f" | tr -d -)
        cmp -s "$d/whole$f.csv" "$d/${m:-merged}.csv"
        ok $? "$what: merged ${m:-main} output equals the whole sweep's"
    done
}

sweep_and_merge rram --space $G/space.csv --area-max 50,1,5 --by cols
merged "RRAM, 3 limits, --by cols" --space $G/space.csv
sed 's/^sweep-space: /sweep-merge: /' "$d/whole-err" | cmp -s - "$d/err" &&
    [ -s "$d/err" ]
ok $? "RRAM: the same infeasibility warning"
head -n 1 "$d/main2.csv" | grep -q ' shard=2/3$'
ok $? "a shard's comment line names it"
a=$(head -n 1 "$d/main1.csv" | sed 's/.*designs=\([0-9]*\).*/\1/')
b=$(head -n 1 "$d/main2.csv" | sed 's/.*designs=\([0-9]*\).*/\1/')
c=$(head -n 1 "$d/main3.csv" | sed 's/.*designs=\([0-9]*\).*/\1/')
[ $((a + b + c)) -eq 5184 ] && [ "$a" -gt 0 ] && [ "$b" -gt 0 ] && [ "$c" -gt 0 ]
ok $? "the shards split the 5184 designs ($a + $b + $c)"

sweep_and_merge sram --space $D/sram.csv --nodes experiments/nodes.csv \
    --area-max 30,5 --by tech_nm --pareto-objectives cost,edap
merged "SRAM with nodes" --space $D/sram.csv --nodes experiments/nodes.csv
SP="$tmp/sram"
P="$SP/main1.csv,$SP/main2.csv,$SP/main3.csv"

ok_program "no --parts" 2 "sweep-merge: need --space SPACE.csv, --parts LIST and a layer table
Try 'sweep-merge --help'." --space $D/sram.csv $L
ok_program "empty --parts" 2 "sweep-merge: option '--parts': no files
Try 'sweep-merge --help'." --space $D/sram.csv --parts , $L
ok_program "node table missing" 2 "sweep-merge: $SP/main1.csv:1: swept with a node table: give it to the merge too" \
    --space $D/sram.csv --parts "$P" $L
N="--space $D/sram.csv --nodes experiments/nodes.csv"
ok_program "a shard missing" 2 "sweep-merge: got 2 of the 3 shards' main outputs" \
    $N --parts "$SP/main1.csv,$SP/main3.csv" $L
ok_program "a shard twice" 2 "sweep-merge: $SP/main1.csv:1: a second main output of shard 1/3 (first: $SP/main1.csv)" \
    $N --parts "$P,$SP/main1.csv" $L
ok_program "top-K of one shard missing" 2 "sweep-merge: got 1 of the 3 shards' top-K outputs" \
    $N --parts "$P,$SP/top2.csv" $L
ok_program "--top without top-K parts" 2 "sweep-merge: --top needs the shards' top-K outputs in --parts
Try 'sweep-merge --help'." $N --parts "$P" --top "$tmp/t.csv" $L
ok_program "a whole sweep's output" 2 "sweep-merge: $SP/whole.csv:1: not a shard's output (no shard=I/N)" \
    $N --parts "$P,$SP/whole.csv" $L
ok_program "not a sweep output" 2 "sweep-merge: $G/small.csv:1: not a sweep-space output (expected a first line '# sweep-space ...')" \
    $N --parts "$G/small.csv" $L
ok_program "parts of another sweep" 2 "sweep-merge: $tmp/rram/main1.csv:1: settings differ from those of $SP/main1.csv" \
    $N --parts "$P,$tmp/rram/main1.csv" $L
ok_program "another latency model" 2 "sweep-merge: $SP/main1.csv:1: swept with latency reference, merged with physical" \
    $N --latency physical --parts "$P" $L
ok_program "another space" 2 "sweep-merge: the main outputs cover 1152 designs, the space has 5184" \
    --space $G/space.csv --nodes experiments/nodes.csv --parts "$P" $L
sed 's/^5,small,/5,large,/' "$SP/main2.csv" >"$tmp/bad-target.csv"
line=$(grep -n '^5,large,' "$tmp/bad-target.csv" | head -n 1 | cut -d: -f1)
ok_program "a row of an unknown target" 2 "sweep-merge: $tmp/bad-target.csv:$line: column 'target': got 'large', not a target of this sweep" \
    $N --parts "$SP/main1.csv,$tmp/bad-target.csv,$SP/main3.csv" $L
sed '3d' "$SP/main2.csv" >"$tmp/short.csv"
ok_program "a row missing" 2 "sweep-merge: $tmp/short.csv: 1 of the 42 (limit, target, by_value) rows are missing" \
    $N --parts "$SP/main1.csv,$tmp/short.csv,$SP/main3.csv" $L
awk -F, -v OFS=, 'NR > 2 && $4 == 1 && !done { $14 = 64; done = 1 } 1' "$SP/main2.csv" >"$tmp/bad-design.csv"
line=$(awk -F, 'NR > 2 && $14 == 64 { print NR; exit }' "$tmp/bad-design.csv")
ok_program "a design outside the space" 2 "sweep-merge: $tmp/bad-design.csv:$line: column 'router_groups': got 64, not a value of the space" \
    $N --parts "$SP/main1.csv,$tmp/bad-design.csv,$SP/main3.csv" $L
# rows is the slowest geometry parameter of sram.csv: its 3 values are the
# 3 blocks of 16 geometries, one per shard
awk -F, -v OFS=, 'NR > 2 && $4 == 1 && !done { done = 1; $12 = $12 == 16 ? 64 : 16 } 1' "$SP/main2.csv" >"$tmp/moved.csv"
line=$(awk -F, 'NR > 2 && $4 == 1 { print NR; exit }' "$tmp/moved.csv")
ok_program "a design of another shard" 2 "sweep-merge: $tmp/moved.csv:$line: the design is not in shard 2/3" \
    $N --parts "$SP/main1.csv,$tmp/moved.csv,$SP/main3.csv" $L
done_testing
