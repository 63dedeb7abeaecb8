#!/bin/sh
# 510-parse-net-cli: bin/parse-net as a user runs it: help, exit codes, the
# exact stderr lines, no output left behind on failure, golden tables, and
# the shipped workloads: their totals equal docs/framework.md section 4 and their
# structural columns (op..macs) equal the reference's CiMLoop layer files
# (skipped when ../shared/reference/cimloop, or $IMC_CIMLOOP_DIR, is absent).
# Run from the project root.
set -u
LC_ALL=C
export LC_ALL
root=$(pwd)
bin=$root/bin/parse-net
data=$root/t/data
ref=${IMC_CIMLOOP_DIR:-$root/../shared/reference/cimloop}
[ -x "$bin" ] || { echo "1..0 # SKIP bin/parse-net not built"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 1

n=0
failed=0
ok() { # ok STATUS DESCRIPTION
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $n - $2"
    else
        echo "not ok $n - $2"
        failed=$((failed + 1))
    fi
}
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }

# run CODE DESCRIPTION CMD...: run CMD, check the exit code; stdout and
# stderr land in $tmp/out and $tmp/err.
run() {
    want=$1 desc=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    [ "$got" -eq "$want" ]
    ok $? "$desc: exit $want (got $got)"
}
# err_is TEXT DESCRIPTION: stderr is exactly TEXT.
err_is() {
    printf '%s\n' "$1" | cmp -s - "$tmp/err"
    st=$?
    ok $st "$2: stderr"
    [ $st -eq 0 ] || { echo "# expected: $1"; sed 's/^/# got:      /' "$tmp/err"; }
}
# nothing_left DESCRIPTION: the work directory holds no output files.
nothing_left() {
    left=$(ls -A "$tmp/w")
    [ -z "$left" ]
    ok $? "$1: no output left behind ($left)"
}
mkdir "$tmp/w"

# --- help and usage errors ------------------------------------------------
run 0 "--help" "$bin" --help
head -1 "$tmp/out" | grep -q '^parse-net: ' && grep -q '^Synopsis: parse-net ' "$tmp/out" &&
    grep -q '^Common options:' "$tmp/out" && grep -q '\$ parse-net ' "$tmp/out"
ok $? "--help: usage, examples and the common options on stdout"
[ ! -s "$tmp/err" ]
ok $? "--help: nothing on stderr"
run 0 "--version" "$bin" --version
grep -q '^parse-net (imc-codesign) ' "$tmp/out"
ok $? "--version: names the tool"
run 2 "no PATH" "$bin"
err_is "parse-net: missing PATH (a .net, .yaml, .onnx or NeuroSim file, or a CiMLoop directory)
Try 'parse-net --help'." "no PATH"
run 2 "two PATHs" "$bin" a.net b.net
err_is "parse-net: unexpected argument 'b.net' (one PATH only)
Try 'parse-net --help'." "two PATHs"
run 2 "unknown option" "$bin" --bogus "$data/parse-net/tiny.net"
err_is "parse-net: unrecognized option '--bogus'
Try 'parse-net --help'." "unknown option"
run 2 "-o without a file" "$bin" -o
err_is "parse-net: option requires an argument -- 'o'
Try 'parse-net --help'." "-o without a file"

# --- own format ---------------------------------------------------------
run 0 "tiny.net to stdout" "$bin" "$data/parse-net/tiny.net"
cmp -s "$data/parse-net/tiny.csv" "$tmp/out"
ok $? "tiny.net: stdout equals the golden table"
run 0 "tiny.net -o" "$bin" -o "$tmp/w/tiny.csv" "$data/parse-net/tiny.net"
cmp -s "$data/parse-net/tiny.csv" "$tmp/w/tiny.csv" && [ ! -s "$tmp/out" ]
ok $? "tiny.net -o: file equals the golden table, stdout empty"
[ "$(ls -A "$tmp/w")" = tiny.csv ]
ok $? "tiny.net -o: no temporary file left"
rm -f "$tmp/w/tiny.csv"
run 0 "stdin" sh -c "'$bin' - < '$data/parse-net/tiny.net'"
cmp -s "$data/parse-net/tiny.csv" "$tmp/out"
ok $? "stdin: same table"
run 2 "bad line" "$bin" -o "$tmp/w/bad.csv" "$data/parse-net/bad-kernel.net"
err_is "parse-net: $data/parse-net/bad-kernel.net:3: 'conv': option 'k': got '0', expected an integer from 1 to 1000000" "bad line"
nothing_left "bad line"
printf 'input 8 8 3\nconv c1 8\nsoftmax\n' >"$tmp/unknown.net"
run 2 "unknown statement from stdin" sh -c "'$bin' -o '$tmp/w/x.csv' - < '$tmp/unknown.net'"
err_is "parse-net: <stdin>:3: unknown statement 'softmax' (expected input, conv, dwconv, fc, linear, matmul, pool, apool, gap, se, save, from, add, concat, tokens or reshape)" "unknown statement from stdin"
nothing_left "unknown statement"
: >"$tmp/empty.net"
run 2 "empty file" "$bin" -o "$tmp/w/x.csv" "$tmp/empty.net"
err_is "parse-net: $tmp/empty.net:1: empty file (expected 'input H W C' and layers)" "empty file"
nothing_left "empty file"
run 2 "missing file" "$bin" -o "$tmp/w/x.csv" "$tmp/none.net"
err_is "parse-net: $tmp/none.net:1: cannot open: No such file or directory" "missing file"
nothing_left "missing file"
run 2 "unwritable output" "$bin" -o "$tmp/no/dir/x.csv" "$data/parse-net/tiny.net"
err_is "parse-net: $tmp/no/dir/x.csv: cannot write: No such file or directory" "unwritable output"
if [ -w /dev/full ]; then
    run 2 "full disk" sh -c "'$bin' '$data/parse-net/tiny.net' > /dev/full"
    err_is "parse-net: error writing output: No space left on device" "full disk"
else
    skip "no /dev/full"
    skip "no /dev/full"
fi

# --- CiMLoop directories --------------------------------------------------
run 0 "CiMLoop fixture directory" "$bin" "$data/cimloop/tiny"
cmp -s "$data/parse-net/tiny-cimloop.csv" "$tmp/out"
ok $? "CiMLoop fixture: stdout equals the golden table"
run 2 "CiMLoop bad directory" "$bin" -o "$tmp/w/x.csv" "$data/cimloop/bad"
err_is "parse-net: $data/cimloop/bad/allzero.yaml:6: histogram 'Inputs': all bins are 0" "CiMLoop bad directory"
nothing_left "CiMLoop bad directory"
mkdir "$tmp/nolayers"
run 2 "directory without layers" "$bin" "$tmp/nolayers"
err_is "parse-net: $tmp/nolayers: no *.yaml layer files in the directory" "directory without layers"

# --- plain Timeloop problem, NeuroSim files, --format ----------------------
run 0 "single problem file" "$bin" "$data/cimloop/plain/alexnet_conv2.yaml"
cut -d, -f1-12,22 "$tmp/out" | tail -1 | grep -qx 'alexnet_conv2,conv,64,192,5,5,27,27,1,1,307200,223948800,0'
ok $? "single problem file: one conv row, 64*192*5*5 = 307200 weights"
ns=$data/parse-net/neurosim
# totals: name rows weights macs, computed by hand from the rows ('same'
# padding: P = ceil(IFM / stride); a kernel covering the map is linear).
vgg8_w=$((3*128*9 + 128*128*9 + 128*256*9 + 256*256*9 + 256*512*9 + 512*512*9 + 8192*1024 + 1024*10))
vgg8_m=$((3*128*9*32*32 + 128*128*9*32*32 + 128*256*9*16*16 + 256*256*9*16*16 + 256*512*9*8*8 + 512*512*9*8*8 + 8192*1024 + 1024*10))
# ResNet-18 (ImageNet): stem, 4 stages of two basic blocks, 3 downsamples, fc
r18_w=$((3*64*49 + 4*64*64*9 + 64*128*9 + 3*128*128*9 + 64*128 + 128*256*9 + 3*256*256*9 + 128*256 + 256*512*9 + 3*512*512*9 + 256*512 + 512*1000))
r18_m=$((3*64*49*112*112 + 4*64*64*9*56*56 + (64*128*9 + 3*128*128*9 + 64*128)*28*28 + (128*256*9 + 3*256*256*9 + 128*256)*14*14 + (256*512*9 + 3*512*512*9 + 256*512)*7*7 + 512*1000))
for spec in "NetWork_VGG8 8 $vgg8_w $vgg8_m" "NetWork_ResNet18 21 $r18_w $r18_m"; do
    set -- $spec
    run 0 "NeuroSim $1 (auto-detected)" "$bin" -o "$tmp/w/ns.csv" "$ns/$1.csv"
    got=$(awk -F, 'NR > 1 { w += $11; m += $12; k++ } END { printf "%d %.0f %.0f", k, w, m }' "$tmp/w/ns.csv")
    [ "$got" = "$2 $3 $4" ]
    ok $? "NeuroSim $1: $2 rows, $3 weights, $4 MACs (got $got)"
    rm -f "$tmp/w/ns.csv"
done
[ "$r18_w $r18_m" = "11678912 1814073344" ]
ok $? "NeuroSim's ResNet-18 has torchvision's totals"
run 0 "NeuroSim DenseNet40 with --format" "$bin" --format neurosim "$ns/NetWork_DenseNet40.csv"
grep -c ',linear,' "$tmp/out" | grep -qx 1 && grep -q '^NetWork_DenseNet40_40,linear,132,10,1,1,1,1,1,1,1320,1320,' "$tmp/out"
ok $? "NeuroSim DenseNet40: 40 rows, the last one the 132 -> 10 classifier"
awk -F, 'NR > 1 && $2 == "conv" && $7 != $8 { bad = 1 } END { exit bad }' "$tmp/out"
ok $? "NeuroSim DenseNet40: square outputs"
printf '4,4,512,4,4,1024,0,1\n1,1,8192,1,1,1024,0\n' >"$tmp/fc-ns.csv"
run 0 "NeuroSim fully connected rows, both spellings" "$bin" "$tmp/fc-ns.csv"
[ "$(cut -d, -f2-12 "$tmp/out" | tail -n +2 | sort -u)" = "linear,8192,1024,1,1,1,1,1,1,8388608,8388608" ]
ok $? "NeuroSim: kernel = map and a flattened 1x1 row give the same linear row"
printf '32,32,3,3,3,x,0,1\n' >"$tmp/bad-ns.csv"
run 2 "NeuroSim bad value" "$bin" -f neurosim -o "$tmp/w/x.csv" "$tmp/bad-ns.csv"
err_is "parse-net: $tmp/bad-ns.csv:1: column 6 (output channels): got 'x', expected an integer from 1 to 1099511627776" "NeuroSim bad value"
nothing_left "NeuroSim bad value"
printf '32,32,3,3,3,8,0,1\n32,32,3,3\n' >"$tmp/short-ns.csv"
run 2 "NeuroSim short row" "$bin" -o "$tmp/w/x.csv" "$tmp/short-ns.csv"
err_is "parse-net: $tmp/short-ns.csv:2: expected 8 comma-separated integers (IFM H, IFM W, channels, kernel H, kernel W, outputs, pooling flag, stride; V1.0 files leave out the stride), got 4 fields" "NeuroSim short row"
printf '32,32,3,3,3,8,2,1\n' >"$tmp/pool-ns.csv"
run 2 "NeuroSim pooling flag" "$bin" -o "$tmp/w/x.csv" "$tmp/pool-ns.csv"
err_is "parse-net: $tmp/pool-ns.csv:1: column 7 (pooling flag): got '2', expected an integer from 0 to 1" "NeuroSim pooling flag"
printf '3,3,8,5,5,8,0,1\n' >"$tmp/kernel-ns.csv"
run 2 "NeuroSim kernel larger than the map" "$bin" -o "$tmp/w/x.csv" "$tmp/kernel-ns.csv"
err_is "parse-net: $tmp/kernel-ns.csv:1: 5x5 kernel larger than the 3x3 input map" "NeuroSim kernel larger than the map"
run 2 "unknown --format" "$bin" --format caffe "$ns/NetWork_VGG8.csv"
err_is "parse-net: option '--format': got 'caffe', expected auto, net, cimloop, onnx or neurosim
Try 'parse-net --help'." "unknown --format"
run 2 "NeuroSim file read as .net" "$bin" --format net "$ns/NetWork_VGG8.csv"
err_is "parse-net: $ns/NetWork_VGG8.csv:1: unknown statement '32,32,3,3,3,128,0' (expected input, conv, dwconv, fc, linear, matmul, pool, apool, gap, se, save, from, add, concat, tokens or reshape)" "NeuroSim file read as .net"

# --- help examples run as written -------------------------------------------
"$bin" --help | sed -n 's/^  \$ //p' >"$tmp/examples"
[ -s "$tmp/examples" ]
ok $? "--help has examples"
(cd "$root" && mkdir -p results && while read -r line; do
    eval "bin/$line" >/dev/null || exit 1
done <"$tmp/examples")
ok $? "every --help example runs from the project root"

# --- shipped workloads ----------------------------------------------------
# own-file weights macs reference-directory: the P1 four (totals as in
# docs/framework.md) and the five extra networks of P2's 9-workload study.
for spec in "alexnet 61090496 714188480 alexnet" \
            "vgg16 138344128 15470264320 vgg16" \
            "resnet18 11678912 1814073344 resnet18" \
            "mobilenet_v3 5451272 216589760 mobilenet_v3" \
            "resnet50_wide 48037856 7491643904 resnet50" \
            "densenet201 19783872 4291365888 densenet201" \
            "mobilebert 20821080 2817118560 mobilebert" \
            "vision_transformer 86909484 16855904784 vision_transformer" \
            "gpt2_medium 355419136 90515439616 gpt2_medium"; do
    set -- $spec
    net=$1
    run 0 "$net.net" "$bin" -o "$tmp/$net.csv" "$root/workloads/$net.net"
    totals=$(awk -F, 'NR > 1 { w += $11; m += $12 }
                      END { printf "%.0f %.0f", w, m }' "$tmp/$net.csv")
    [ "$totals" = "$2 $3" ]
    ok $? "$net.net: totals $2 weights, $3 MACs (got $totals)"
    "$bin" "$root/workloads/$net.net" | cmp -s - "$tmp/$net.csv"
    ok $? "$net.net: output is deterministic"
    if [ -d "$ref/workloads/$4" ]; then
        "$bin" -o "$tmp/$net-ref.csv" "$ref/workloads/$4"
        cut -d, -f2-12 "$tmp/$net.csv" >"$tmp/own.cols"
        cut -d, -f2-12 "$tmp/$net-ref.csv" >"$tmp/ref.cols"
        cmp -s "$tmp/own.cols" "$tmp/ref.cols"
        ok $? "$net.net: op,C,M,R,S,P,Q,stride,groups,weights,macs equal the reference's $4 layer files"
        [ $? -eq 0 ] || diff "$tmp/own.cols" "$tmp/ref.cols" | sed 's/^/# /' | head -20
        cut -d, -f22 "$tmp/$net.csv" >"$tmp/own.dyn"
        cut -d, -f22 "$tmp/$net-ref.csv" >"$tmp/ref.dyn"
        cmp -s "$tmp/own.dyn" "$tmp/ref.dyn"
        ok $? "$net.net: dynamic column equals the reference's"
    else
        skip "$ref/workloads/$4 absent"
        skip "$ref/workloads/$4 absent"
    fi
done
awk -F, 'NR > 1 && $2 == "matmul" { m++; if ($22 != 1) bad = 1 }
         NR > 1 && $2 != "matmul" && $22 != 0 { bad = 1 }
         END { exit bad || m != 24 * 2 }' "$tmp/gpt2_medium.csv"
ok $? "gpt2_medium.net: 48 matmul rows, all dynamic, every other row resident"
run 0 "resnet50.net" "$bin" -o "$tmp/resnet50.csv" "$root/workloads/resnet50.net"
totals=$(awk -F, 'NR > 1 { w += $11; m += $12 } END { printf "%.0f %.0f", w, m }' "$tmp/resnet50.csv")
[ "$totals" = "25502912 4089184256" ]
ok $? "resnet50.net: torchvision totals (got $totals)"

# The defaults of layers without histograms (net_stats_default, the x_mean
# and w_mean_* columns of any .net row) are the medians over the reference's
# layers that tools/layer-stats-medians.sh prints, to the 4 decimals the
# defaults are stored with (tolerance 5e-5).
if [ -d "$ref/workloads" ]; then
    BIN=$root/bin sh "$root/tools/layer-stats-medians.sh" "$ref" >"$tmp/medians.csv" 2>"$tmp/err"
    ok $? "layer-stats-medians.sh runs on $ref"
    head -2 "$tmp/alexnet.csv" | tail -1 | cut -d, -f13-21 | tr , '\n' >"$tmp/defaults"
    grep -v '^#' "$tmp/medians.csv" | awk -F, 'NR > 1 { print $4 }' >"$tmp/medians"
    paste -d' ' "$tmp/defaults" "$tmp/medians" |
        awk 'NF != 2 || ($1 - $2 > 5e-5 || $2 - $1 > 5e-5) { bad = 1 } END { exit bad || NR != 9 }'
    ok $? "net_stats_default equals the 9 medians of layer-stats-medians.sh"
else
    skip "$ref/workloads absent"
    skip "$ref/workloads absent"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
