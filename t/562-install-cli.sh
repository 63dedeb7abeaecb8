#!/bin/sh
# 562-install-cli: `make install PREFIX=...` puts the tools in PREFIX/bin
# and the data they look up under PREFIX/share/imc-codesign/, and the
# installed tools find that data from any directory: cost-eval its
# constants and calibrated range, calibrate its starting constants.
# DESTDIR stages an install; `make uninstall` removes it again.
tool=make
. t/lib/cli.sh
[ -f "$root/Makefile" ] || skip_all "no Makefile here (an out-of-tree build)"
command -v make >/dev/null 2>&1 || skip_all "make is not installed"
[ -x "$root/bin/cost-eval" ] || skip_all "bin/cost-eval not built (run make)"

# a make of its own, not a part of the one running the tests
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make -s -C "$root" "$@"; }

P="$tmp/prefix"
S="$P/share/imc-codesign"
mk install PREFIX="$P" >"$tmp/install.log" 2>&1
ok $? "make install PREFIX=$P"
for t in calibrate cost-eval ga-search map-workload parse-net sweep-space; do
    [ -x "$P/bin/$t" ]
    ok $? "bin/$t installed"
done
for f in experiments/constants/rram.csv experiments/constants/sram.csv \
         experiments/constants/calibrated-range.csv \
         experiments/space-rram-p2.csv experiments/space-sram-4.csv \
         workloads/vgg16.net workloads/README.md; do
    cmp -s "$root/$f" "$S/$f"
    ok $? "$f installed under share/imc-codesign"
done

# From another directory, with nothing but absolute paths to the inputs.
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 1
"$P/bin/parse-net" "$S/workloads/vgg16.net" -o vgg16.csv 2>err
ok $? "installed parse-net reads an installed network"
"$P/bin/cost-eval" --designs "$root/t/data/cost-eval/designs.csv" vgg16.csv \
    >out.csv 2>err
ok $? "installed cost-eval runs from another directory"
[ ! -s err ] && [ "$(wc -l <out.csv)" -eq 3 ]
ok $? "it found its constants and calibrated range (2 rows, no message)"
"$root/bin/cost-eval" --designs "$root/t/data/cost-eval/designs.csv" \
    --constants-rram "$root/experiments/constants/rram.csv" \
    --constants-sram "$root/experiments/constants/sram.csv" \
    --calibrated-range "$root/experiments/constants/calibrated-range.csv" \
    vgg16.csv | cmp -s - out.csv
ok $? "the same numbers as the checkout's tools with the checkout's data"
"$P/bin/calibrate" --memory RRAM --reference "$root/t/data/calibrate/reference.csv" \
    --layers "$root/t/data/cost" -o fit.csv 2>err
ok $? "installed calibrate finds its default starting constants"
cd "$root" || exit 1

mk uninstall PREFIX="$P" >>"$tmp/install.log" 2>&1
ok $? "make uninstall"
[ ! -e "$P/bin/cost-eval" ] && [ ! -e "$S" ]
ok $? "tools and data removed"

mk install DESTDIR="$tmp/stage" PREFIX=/opt/imc >>"$tmp/install.log" 2>&1
ok $? "make install DESTDIR=... PREFIX=/opt/imc"
[ -x "$tmp/stage/opt/imc/bin/cost-eval" ] &&
    [ -f "$tmp/stage/opt/imc/share/imc-codesign/experiments/constants/rram.csv" ]
ok $? "staged under DESTDIR"
[ "$failed" -eq 0 ] || sed 's/^/# /' "$tmp/install.log"
done_testing
