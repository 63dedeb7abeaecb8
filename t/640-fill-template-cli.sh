#!/bin/sh
# 640-fill-template-cli: bin/fill-template on t/data/fill-template/: the
# golden report (every construct), byte-identical reruns, the help and its
# examples, usage errors, and every kind of bad input with its exact
# stderr line and no output left behind.  VALGRIND=1 runs it under
# valgrind.
tool="$(pwd)/bin/fill-template"
. t/lib/cli.sh
. t/lib/examples.sh
[ -x "$tool" ] || skip_all "bin/fill-template not built (run make)"

p=fill-template
D=t/data/fill-template
DATA="--csv s=$D/s.csv --csv k=$D/k.csv --csv one=$D/one.csv"

# --- the golden report ----------------------------------------------------
run $D/report.md.in $DATA --text "title=A test report" -o "$tmp/r.md"
ok $? "report: exit 0"
cmp -s $D/expected.md "$tmp/r.md"
ok $? "report matches the golden file (hand-checked)"
run $D/report.md.in $DATA --text "title=A test report" >"$tmp/r2.md"
cmp -s "$tmp/r.md" "$tmp/r2.md"
ok $? "stdout and a rerun are byte-identical"
run $D/report.md.in --csv s=$D/s.csv:metric=energy --csv k=$D/k.csv \
    --csv one=$D/one.csv --text title=T >"$tmp/r3.md"
grep -q '^Source: `t/data/fill-template/s.csv` (3 rows, 3 of them energy)' \
    "$tmp/r3.md"
ok $? "--csv FILE:COL=VAL keeps only the matching rows; {{@}} is the file"
grep -q '^No per-node rows.$' "$tmp/r3.md"
ok $? "the #else branch after the filter"

# --- help ------------------------------------------------------------------
run --help >"$tmp/help"
ok $? "--help: exit 0"
grep -q '^Usage: fill-template TEMPLATE' "$tmp/help" &&
    grep -q '^Common options:' "$tmp/help"
ok $? "--help: synopsis and the common options"
run_examples fill-template

# --- usage errors ------------------------------------------------------------
ok_program "no template" 2 "$p: missing TEMPLATE
Try '$p --help'." $DATA
ok_program "two templates" 2 "$p: unexpected argument 'b.md.in' (one TEMPLATE only)
Try '$p --help'." a.md.in b.md.in
ok_program "--csv without '='" 2 "$p: option '--csv': got 's.csv', expected NAME=VALUE
Try '$p --help'." $D/report.md.in --csv s.csv
ok_program "bad alias" 2 "$p: option '--csv': bad name '2s' (a letter or '_', then letters, digits or '_'; not table, if or else)
Try '$p --help'." $D/report.md.in --csv 2s=$D/s.csv
ok_program "tag word as alias" 2 "$p: option '--text': bad name 'table' (a letter or '_', then letters, digits or '_'; not table, if or else)
Try '$p --help'." $D/report.md.in --text table=x
ok_program "empty row filter" 2 "$p: option '--csv': empty selector
Try '$p --help'." $D/report.md.in --csv s=$D/s.csv:
ok_program "bad row filter" 2 "$p: option '--csv': 'metric' is not COL=VALUE or COL!=VALUE
Try '$p --help'." $D/report.md.in --csv s=$D/s.csv:metric
ok_program "unknown option" 2 "$p: unrecognized option '--bogus'
Try '$p --help'." --bogus $D/report.md.in

# --- bad input -------------------------------------------------------------
printf '{{s.rows[metric=area,tech_nm=7]}}\n' >"$tmp/ok.md.in"
ok_program "missing template" 2 \
    "$p: $tmp/absent.md.in: cannot open: No such file or directory" \
    "$tmp/absent.md.in" $DATA
ok_program "missing CSV file" 2 \
    "$p: $D/absent.csv:1: cannot open: No such file or directory" \
    "$tmp/ok.md.in" --csv s=$D/absent.csv
ok_program "alias twice" 2 "$p: CSV alias 's' given twice" \
    "$tmp/ok.md.in" $DATA --csv s=$D/k.csv
ok_program "filter on a missing column" 2 \
    "$p: $D/s.csv:1: missing column 'nope' (named in the row selector)" \
    "$tmp/ok.md.in" --csv s=$D/s.csv:nope=1

# one template per error: "template text~expected message after T:LINE: "
while IFS='~' read -r text msg; do
    printf 'line one\n%s\n' "$text" >"$tmp/bad.md.in"
    ok_program "template: $text" 2 "$p: $tmp/bad.md.in:2: $msg" \
        "$tmp/bad.md.in" $DATA --text title=T
done <<'CASES'
{{x.rows}}~unknown CSV alias 'x'
{{=nobody}}~unknown text alias 'nobody'
{{s.nope}}~'s' (t/data/fill-template/s.csv) has no column 'nope'
{{s.rows[metric=none]}}~no row of 's' (t/data/fill-template/s.csv) matches [metric=none]
{{s.rows[metric=energy]}}~3 rows of 's' match [metric=energy] (t/data/fill-template/s.csv:3 and t/data/fill-template/s.csv:4): a value needs exactly one
{{s.rows[tech_nm=7]|%.2x}}~bad format '%.2x' (expected %s, %d, %'d, %.Nf, %.Ng, %.Ne or %.N% with N from 0 to 17)
text {{s.rows[tech_nm=7]|%d}~unterminated tag: '{{' without '}}' on the same line
{{#if =title == T}}~{{#if}} without {{/if}}
CASES

printf '{{s.metric[tech_nm=7]|%%.1f}}\n' >"$tmp/num.md.in"
ok_program "text under a numeric format: the CSV's file:line" 2 \
    "$p: $D/s.csv:7: column 'metric': got 'area', expected a number (format '%.1f' at $tmp/num.md.in:1)" \
    "$tmp/num.md.in" $DATA
printf 'x {{s.note[metric=latency]}}\n' >"$tmp/inf.md.in"
ok_program "a non-finite field" 2 \
    "$p: $D/s.csv:9: column 'note': got 'inf', which is not a finite number (format '%s' at $tmp/inf.md.in:1)" \
    "$tmp/inf.md.in" $DATA
# nothing on stdout either when rendering fails part-way
printf 'first part\n{{s.rows[metric=none]}}\n' >"$tmp/late.md.in"
run "$tmp/late.md.in" $DATA >"$tmp/stdout" 2>/dev/null
[ $? -eq 2 ] && [ ! -s "$tmp/stdout" ]
ok $? "a failure part-way writes nothing to stdout"

# A text may stand inside another tag (here a selector value), and the
# extremes over the selected rows name their row.
printf '{{s.rows[metric={{=m}},workload=all,tech_nm=all]}} {{max:s.median[metric={{=m}}]|%%.4f}} at {{argmax:s.median[metric={{=m}}].tech_nm}}\n' >"$tmp/in.md.in"
run "$tmp/in.md.in" $DATA --text m=area >"$tmp/in.md"
printf '1234567 0.1416 at 7\n' >"$tmp/want.md"
cmp -s "$tmp/want.md" "$tmp/in.md"
ok $? "a text inside a selector; max: and argmax:"
done_testing
