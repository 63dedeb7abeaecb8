#!/bin/sh
# 596-stack-tables-cli: bin/stack-tables: labels, order, quoting, comment
# lines dropped, and every refusal (different header, label column already
# present, bad argument) with exit 2, one exact line and no output.
tool="$(pwd)/bin/stack-tables"
. t/lib/cli.sh
[ -x "$tool" ] || skip_all "bin/stack-tables not built (run make)"
D=t/data/stack-tables
p=stack-tables

run --column case one=$D/a.csv two=$D/b.csv -o "$tmp/s.csv"
ok $? "two tables stacked"
printf 'case,limit,value\none,100,1.5\none,200,2.5\ntwo,300,"x,y"\n' >"$tmp/want"
cmp -s "$tmp/want" "$tmp/s.csv"
ok $? "labels first, rows in order, quoting kept, comments dropped"

ok_program "different header" 2 \
    "$p: $D/c.csv:1: header differs from $D/a.csv's: every table must have the same columns in the same order" \
    --column case one=$D/a.csv two=$D/c.csv
ok_program "label column exists" 2 \
    "$p: $D/a.csv:1: column 'limit' exists already: choose another label column" \
    --column limit one=$D/a.csv
ok_program "not LABEL=FILE" 2 \
    "$p: got '$D/a.csv', expected LABEL=FILE
Try '$p --help'." --column case $D/a.csv
ok_program "no --column" 2 \
    "$p: missing --column NAME
Try '$p --help'." one=$D/a.csv
ok_program "missing file" 2 \
    "$p: $D/nope.csv:1: cannot open: No such file or directory" \
    --column case one=$D/nope.csv
done_testing
