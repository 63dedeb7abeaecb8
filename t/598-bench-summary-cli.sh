#!/bin/sh
# 598-bench-summary-cli: bin/bench-summary, the figure lines of
# tools/bench.sh from its runs table: medians of odd and even counts
# (computed by hand below), the duration end_s - start_s in milliseconds,
# the speedup of a rate (this/base) and of a time (base/this), the order
# of first appearance, atomic -o, and every refusal with exit 2, one exact
# line and no output left behind.
tool="$(pwd)/bin/bench-summary"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/bench-summary not built (run make)"
D=t/data/bench-summary
p=bench-summary
H=figure,unit,side,value,start_s,end_s

# table NAME: a runs table $tmp/NAME.csv, the header and then stdin.
table() {
    { echo "$H"; cat; } >"$tmp/$1.csv"
}
# lines_are DESC NAME EXPECTED: bench-summary $tmp/NAME.csv writes exactly
# EXPECTED (lines joined by newlines) and nothing on stderr.
lines_are() {
    status=0
    run "$tmp/$2.csv" -o "$tmp/got" 2>"$tmp/err" || status=$?
    printf '%s\n' "$3" >"$tmp/want"
    [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/want" "$tmp/got"
    ok $? "$1"
    cmp -s "$tmp/want" "$tmp/got" || sed 's/^/# got: /' "$tmp/got" "$tmp/err"
}

# --- the fixture, both sides.  design_evals_per_s: this 209114.8,
# 214806.3, 215530.0 (sorted) -> 214806.3; base 29877.9, 30146.1, 31002.4
# -> 30146.1; a rate, so this/base = 214806.3 / 30146.1 = 7.1255 -> 7.13x.
# sweep_rram_p2_s: this 1.418 and 1.420 s -> (1.418 + 1.420) / 2 = 1.419;
# base 1.340 and 1.336 -> 1.338; a time, so base/this = 1.338 / 1.419 =
# 0.9429 -> 0.94x.
run $D/runs.csv >"$tmp/fixture" 2>"$tmp/err"
ok $? "the fixture: exit 0"
printf '%s\n' "design_evals_per_s 214806.3 30146.1 designs/s 7.13x" \
    "sweep_rram_p2_s 1.419 1.338 s 0.94x" >"$tmp/want_fixture"
cmp -s "$tmp/want_fixture" "$tmp/fixture" && [ ! -s "$tmp/err" ]
ok $? "the fixture: medians and speedups by hand, on stdout"

# --- this side only: `name value unit`
# rate_odd: 3 runs -> the middle one as given (215530.0 keeps its '.0');
# rate_even: (214000.3 + 214806.3) / 2 = 214403.3, six digits -> 214403;
# rate_whole: (100 + 300) / 2 = 200, an integer -> 200;
# time_odd: 2.250, 0.500 and 1.500 s -> 1.500 ("%.3f" of the run);
# time_even: 0.0754 -> 0.075 and 0.0764 -> 0.076 (each run in ms), so
# (0.075 + 0.076) / 2 = 0.0755 (without the rounding it would be 0.0759);
# time_one: 7.5 - 5.25 = 2.25 -> 2.250.
table this <<'EOF'
rate_odd_per_s,designs/s,this,215530.0,,
rate_even_per_s,designs/s,this,214806.3,,
rate_odd_per_s,designs/s,this,215531.5,,
rate_whole_per_s,designs/s,this,300,,
rate_even_per_s,designs/s,this,214000.3,,
rate_whole_per_s,designs/s,this,100,,
rate_odd_per_s,designs/s,this,209114.8,,
time_odd_s,s,this,,10,12.25
time_even_s,s,this,,0,0.0754
time_odd_s,s,this,,20,20.5
time_even_s,s,this,,1,1.0764
time_odd_s,s,this,,30,31.5
time_one_s,s,this,,5.25,7.5
EOF
lines_are "this side only: medians of odd and even counts, durations" this \
"rate_odd_per_s 215530.0 designs/s
rate_even_per_s 214403 designs/s
rate_whole_per_s 200 designs/s
time_odd_s 1.500 s
time_even_s 0.0755 s
time_one_s 2.250 s"

# --- the speedup, both directions and both ways round.  A rate: this/base,
# 100 / 400 = 0.25x.  A time: base/this, 2.5 / 1 = 2.50x.  Figures in order
# of first appearance, a base row first included; the sides interleaved in
# any order; counts may differ between sides (base_s: 3 runs: 2.000,
# 2.500, 3.000 -> 2.500; this: 1 run of 1.000).
table sides <<'EOF'
slow_s,s,base,,0,3
slow_s,s,this,,100,101
slow_s,s,base,,0,2.5
fast_per_s,designs/s,this,100,,
fast_per_s,designs/s,base,400,,
slow_s,s,base,,0,2
EOF
lines_are "speedup: base/this for a time, this/base for a rate" sides \
"slow_s 1.000 2.500 s 2.50x
fast_per_s 100 400 designs/s 0.25x"

# a ratio of 0 is printed (a rate of 0 designs/s on this side)
table zero_num <<'EOF'
r_per_s,designs/s,this,0,,
r_per_s,designs/s,base,5,,
EOF
lines_are "a zero numerator: 0.00x" zero_num "r_per_s 0 5 designs/s 0.00x"

# stdin and -o: the file is written atomically, nothing on stdout
status=0
run - -o "$tmp/o.txt" <$D/runs.csv >"$tmp/stdout" 2>"$tmp/err" || status=$?
[ "$status" -eq 0 ] && cmp -s "$tmp/want_fixture" "$tmp/o.txt" && [ ! -s "$tmp/stdout" ]
ok $? "stdin in, -o FILE out, nothing on stdout"
ls "$tmp"/o.txt?* >/dev/null 2>&1
[ $? -ne 0 ]
ok $? "-o: no temporary left beside the output"
table bad_value <<'EOF'
a_s,s,this,x,,
EOF
echo "old" >"$tmp/keep.txt"
run "$tmp/bad_value.csv" -o "$tmp/keep.txt" 2>/dev/null
[ $? -eq 2 ] && [ "$(cat "$tmp/keep.txt")" = old ] &&
    ! ls "$tmp"/keep.txt?* >/dev/null 2>&1
ok $? "-o: a failing run leaves an existing output as it was"

# --- refusals
B=$tmp
echo "figure,unit,side,value,start_s" >"$tmp/nocol.csv"
ok_program "missing column" 2 "$p: $B/nocol.csv:1: missing column 'end_s'" \
    "$tmp/nocol.csv"
ok_program "missing file" 2 \
    "$p: $D/nope.csv:1: cannot open: No such file or directory" $D/nope.csv
ok_program "no argument" 2 "$p: expected one RUNS.csv, got 0 files
Try '$p --help'."
ok_program "two arguments" 2 "$p: expected one RUNS.csv, got 2 files
Try '$p --help'." $D/runs.csv $D/runs.csv
table empty </dev/null
ok_program "no runs" 2 \
    "$p: $B/empty.csv:1: no runs (expected rows after the header)" \
    "$tmp/empty.csv"
ok_program "value not a number" 2 \
    "$p: $B/bad_value.csv:2: column 'value': got 'x', expected a number >= 0" \
    "$tmp/bad_value.csv"
printf '%s\n' "a_per_s,designs/s,this,-1,," | table negative
ok_program "negative value" 2 \
    "$p: $B/negative.csv:2: column 'value': got '-1', expected a number >= 0" \
    "$tmp/negative.csv"
printf '%s\n' "a_per_s,designs/s,this,5,," "a_per_s,designs/s,this,0x10,," |
    table hex
ok_program "value not a plain decimal (not printable as it is)" 2 \
    "$p: $B/hex.csv:3: column 'value': got '0x10', expected a number >= 0" \
    "$tmp/hex.csv"
printf '%s\n' "a_s,s,this,,1,2" "a_s,s,this,,1,nan" | table bad_time
ok_program "time not a number" 2 \
    "$p: $B/bad_time.csv:3: column 'end_s': got 'nan', expected a time in seconds >= 0" \
    "$tmp/bad_time.csv"
printf '%s\n' "a_s,s,this,,-3,2" | table neg_time
ok_program "negative time" 2 \
    "$p: $B/neg_time.csv:2: column 'start_s': got '-3', expected a time in seconds >= 0" \
    "$tmp/neg_time.csv"
printf '%s\n' "a_s,s,this,,7.5,5.25" | table backwards
ok_program "end before start" 2 \
    "$p: $B/backwards.csv:2: end_s '5.25' is before start_s '7.5'" \
    "$tmp/backwards.csv"
printf '%s\n' "a_s,s,this,3,1,2" | table both
ok_program "a value and times" 2 \
    "$p: $B/both.csv:2: expected value, or start_s and end_s, not both" \
    "$tmp/both.csv"
printf '%s\n' "a_s,s,this,,1," | table half
ok_program "a start without an end" 2 \
    "$p: $B/half.csv:2: expected value, or start_s and end_s" "$tmp/half.csv"
printf '%s\n' "a_s,s,this,,," | table neither
ok_program "neither value nor times" 2 \
    "$p: $B/neither.csv:2: expected value, or start_s and end_s" \
    "$tmp/neither.csv"
printf '%s\n' "a_s,s,that,,1,2" | table side
ok_program "side not this or base" 2 \
    "$p: $B/side.csv:2: column 'side': got 'that', expected this or base" \
    "$tmp/side.csv"
printf '%s\n' "a s,s,this,,1,2" | table name
ok_program "figure name with a space" 2 \
    "$p: $B/name.csv:2: column 'figure': got 'a s', expected a name without spaces" \
    "$tmp/name.csv"
printf '%s\n' "a_s,,this,,1,2" | table unit
ok_program "empty unit" 2 \
    "$p: $B/unit.csv:2: column 'unit': got '', expected a name without spaces" \
    "$tmp/unit.csv"
printf '%s\n' "a_s,s,this,,1,2" "a_s,ms,base,,1,2" | table units
ok_program "units differ within a figure" 2 \
    "$p: $B/units.csv:3: figure 'a_s': unit 'ms', but 's' on line 2" \
    "$tmp/units.csv"
printf '%s\n' "a_s,s,this,4,," "a_s,s,this,,1,2" | table kinds
ok_program "value runs and timed runs in one figure" 2 \
    "$p: $B/kinds.csv:3: figure 'a_s': a timed run, but a value run on line 2" \
    "$tmp/kinds.csv"
printf '%s\n' "a_s,s,this,,1,2" "a_s,s,base,,1,2" "b_s,s,this,,1,2" |
    table some_base
ok_program "base runs for some figures only" 2 \
    "$p: $B/some_base.csv:4: figure 'b_s' has no base runs, but figure 'a_s' has" \
    "$tmp/some_base.csv"
printf '%s\n' "a_s,s,base,,1,2" | table base_only
ok_program "base runs without this runs" 2 \
    "$p: $B/base_only.csv:2: figure 'a_s' has base runs but no this runs" \
    "$tmp/base_only.csv"
printf '%s\n' "r_per_s,designs/s,this,5,," "r_per_s,designs/s,base,0.0,," |
    table zero_rate
ok_program "a rate of 0 on the base side" 2 \
    "$p: $B/zero_rate.csv:2: figure 'r_per_s': the median of its base runs is 0, so it has no speedup" \
    "$tmp/zero_rate.csv"
# 10.0001 - 10 = 0.0001 s, 0.000 in milliseconds
printf '%s\n' "t_s,s,this,,10,10.0001" "t_s,s,base,,0,1" | table zero_time
ok_program "a time of 0.000 s on this side" 2 \
    "$p: $B/zero_time.csv:2: figure 't_s': the median of its this runs is 0, so it has no speedup" \
    "$tmp/zero_time.csv"
printf '%s\n' "r_per_s,designs/s,this,1e308,," "r_per_s,designs/s,base,1e-10,," |
    table huge
ok_program "a speedup beyond the doubles" 2 \
    "$p: $B/huge.csv:2: figure 'r_per_s': the speedup 1e308/1e-10 is not finite" \
    "$tmp/huge.csv"
printf '%s\n' "a_s,s,this,,1" | table fields
ok_program "a row with too few fields" 2 \
    "$p: $B/fields.csv:2: expected 6 fields as in the header, got 5" \
    "$tmp/fields.csv"
done_testing
