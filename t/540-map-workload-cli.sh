#!/bin/sh
# 540-map-workload-cli: bin/map-workload as a user runs it: help, golden
# per-layer and summary tables on a tiny fixture (values checked by hand in
# t/140-map.c and below), exit codes, exact error lines, atomic output.
. t/lib/cli.sh
tool="$root/bin/map-workload"
[ -x "$tool" ] || skip_all "bin/map-workload not built (run make)"
D=t/data/map-workload

run --help >"$tmp/help"
ok $? "--help exits 0"
head -n 1 "$tmp/help" | grep -q '^map-workload: '
ok $? "--help starts with the one-line summary"
grep -q '^Usage: map-workload ' "$tmp/help" &&
    grep -q '^Common options:' "$tmp/help" && grep -q '^Exit status:' "$tmp/help"
ok $? "--help has the synopsis, common options and exit status"
run --version | grep -q '^map-workload (imc-codesign) '
ok $? "--version"

# Golden outputs.  RRAM row 1 (b = 2, 64x64, 1x2x6): conv needs 3x2 = 6
# crossbars at 0.75 utilisation; the reference puts C*R = 48 rows and Y*M =
# 64 columns, 12 macros, P = 2 over the tiles, 4*8 = 32 cycles of 2.5 ns;
# the 32 depthwise groups leave G = 3 temporal: invalid; 12 crossbars in
# all fit the 12 of the chip.
run -d $D/designs.csv $D/tiny.csv >"$tmp/out" 2>"$tmp/err"
ok $? "per-layer table: exit 0"
cmp -s $D/layers.csv "$tmp/out"
ok $? "per-layer table equals the golden file"
[ ! -s "$tmp/err" ]
ok $? "nothing on stderr"
run --summary -d $D/designs.csv $D/tiny.csv >"$tmp/out"
cmp -s $D/summary.csv "$tmp/out"
ok $? "--summary equals the golden file"
# SRAM row 2: Q stays serial and weight tiles run in sequence.
run --row 2 -d $D/designs.csv $D/tiny.csv >"$tmp/out"
cmp -s $D/layers-sram.csv "$tmp/out"
ok $? "--row 2 (SRAM) per-layer table equals the golden file"
run -s -r 2 -d $D/designs.csv $D/tiny.csv -o "$tmp/sum.csv"
cmp -s $D/summary-sram.csv "$tmp/sum.csv"
ok $? "-o writes the SRAM summary atomically"
run -d $D/designs.csv - <$D/tiny.csv | cmp -s $D/layers.csv -
ok $? "layer table from stdin"
run -d $D/designs.csv $D/tiny.csv >"$tmp/a"
run -d $D/designs.csv $D/tiny.csv >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"
ok $? "byte-identical reruns"

# Usage errors.
ok_program "no --design" 2 "map-workload: missing --design DESIGNS.csv
Try 'map-workload --help'." $D/tiny.csv
ok_program "no layer table" 2 "map-workload: missing layer table (LAYERS.csv)
Try 'map-workload --help'." -d $D/designs.csv
ok_program "two layer tables" 2 "map-workload: unexpected argument '$D/tiny.csv' (one LAYERS.csv only)
Try 'map-workload --help'." -d $D/designs.csv $D/tiny.csv $D/tiny.csv
ok_program "--row 0" 2 "map-workload: option '--row': got '0', expected an integer >= 1
Try 'map-workload --help'." -r 0 -d $D/designs.csv $D/tiny.csv
ok_program "--row x" 2 "map-workload: option '--row': got 'x', expected an integer >= 1
Try 'map-workload --help'." --row x -d $D/designs.csv $D/tiny.csv
ok_program "unknown option" 2 "map-workload: unrecognized option '--bogus'
Try 'map-workload --help'." --bogus -d $D/designs.csv $D/tiny.csv

# Bad input.
ok_program "--row past the end" 2 \
    "map-workload: $D/designs.csv:1: --row 3, but the file holds 2 designs" \
    -r 3 -d $D/designs.csv $D/tiny.csv
ok_program "missing designs file" 2 \
    "map-workload: $D/nope.csv:1: cannot open: No such file or directory" \
    -d $D/nope.csv $D/tiny.csv
ok_program "empty designs file" 2 \
    "map-workload: $D/empty.csv:1: empty file (expected a header row)" \
    -d $D/empty.csv $D/tiny.csv
ok_program "unknown memory" 2 \
    "map-workload: $D/bad-memory.csv:2: column 'memory': got 'PCM', expected RRAM or SRAM" \
    -d $D/bad-memory.csv $D/tiny.csv
ok_program "missing design column" 2 \
    "map-workload: $D/missing-col.csv:1: missing column 'macros_per_tile'" \
    -d $D/missing-col.csv $D/tiny.csv
ok_program "missing layer table" 2 \
    "map-workload: $D/nope.csv:1: cannot open: No such file or directory" \
    -d $D/designs.csv $D/nope.csv
ok_program "empty layer table" 2 \
    "map-workload: $D/empty.csv:1: empty file (expected a header row)" \
    -d $D/designs.csv $D/empty.csv
ok_program "unknown op" 2 \
    "map-workload: $D/bad-op.csv:3: column 'op': got 'pool', expected one of conv, dwconv, linear, matmul" \
    -d $D/designs.csv $D/bad-op.csv
ok_program "zero dimension" 2 \
    "map-workload: $D/zero-dim.csv:2: column 'M': got '0', expected an integer in [1, 1099511627776]" \
    -d $D/designs.csv $D/zero-dim.csv
done_testing
