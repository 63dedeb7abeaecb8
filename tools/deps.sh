#!/bin/sh
# deps.sh: check that everything the toolkit needs to build, test and run
# its workflow is installed (`make deps`; `make check` runs it first).
# `deps.sh --ci` also wants valgrind, for .ci/run's memory-checked run of the
# CLI tests (VALGRIND=1, docs/build.md).
#
# Needs: a C compiler (cc/gcc), make, pkg-config, the GSL, libcsv and
# libyaml headers and libraries, gnuplot, snakemake and prove.  When all
# are there it prints nothing and exits 0.  Otherwise it lists what is
# missing on stderr and, as root, installs the Debian packages that
# provide them (apt-get); as anyone else it prints the exact apt-get line
# to run and exits 1.
set -eu
LC_ALL=C
export LC_ALL

PACKAGES="snakemake libgsl-dev libcsv-dev libyaml-dev gnuplot-nox pkg-config protobuf-c-compiler libprotobuf-c-dev libonnx-dev libonnx-testdata"
COMMANDS="make pkg-config gnuplot snakemake prove"
case "${1:-}" in
--ci)
    PACKAGES="$PACKAGES valgrind"
    COMMANDS="$COMMANDS valgrind"
    ;;
"") ;;
*)
    echo "deps: unknown argument '$1' (expected nothing or --ci)" >&2
    exit 2
    ;;
esac
CC=${CC:-cc}

# missing: the list of what is absent, filled by the checks below.
missing=
lack() { missing="${missing:+$missing, }$1"; }

check_commands() {
    command -v "$CC" >/dev/null 2>&1 || lack "C compiler ($CC)"
    for c in $COMMANDS; do
        command -v "$c" >/dev/null 2>&1 || lack "$c"
    done
}

# Compile and link a program that uses every header and library, so a
# header without its library (or the reverse) is caught too.
check_libraries() {
    command -v "$CC" >/dev/null 2>&1 || return 0
    dir=$(mktemp -d)
    cat >"$dir/t.c" <<'EOF'
#include <csv.h>
#include <gsl/gsl_rng.h>
#include <protobuf-c/protobuf-c.h>
#include <yaml.h>
int main(void)
{
    struct csv_parser p;
    yaml_parser_t y;
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    csv_init(&p, 0);
    yaml_parser_initialize(&y);
    yaml_parser_delete(&y);
    (void)protobuf_c_version();
    csv_free(&p);
    gsl_rng_free(r);
    return 0;
}
EOF
    # ONNX import: protoc-c generates the decoder from libonnx-dev's proto
    command -v protoc-c >/dev/null 2>&1 || lack "protoc-c"
    [ -f /usr/include/onnx/onnx.proto ] || lack "onnx.proto (libonnx-dev)"
    for h in gsl/gsl_rng.h csv.h yaml.h protobuf-c/protobuf-c.h; do
        printf '#include <%s>\n' "$h" >"$dir/h.c"
        "$CC" -E "$dir/h.c" >/dev/null 2>&1 || lack "header $h"
    done
    "$CC" -o "$dir/t" "$dir/t.c" -lgsl -lgslcblas -lcsv -lyaml \
        -lprotobuf-c -lm >/dev/null 2>&1 ||
        lack "libraries (-lgsl -lgslcblas -lcsv -lyaml -lprotobuf-c)"
    rm -rf "$dir"
}

check_commands
check_libraries
[ -z "$missing" ] && exit 0

echo "deps: missing: $missing" >&2
if [ "$(id -u 2>/dev/null || echo unknown)" != 0 ]; then
    echo "deps: as root, run:" >&2
    echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES" >&2
    exit 1
fi
echo "deps: installing $PACKAGES" >&2
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $PACKAGES

# Check again: anything still missing is not provided by those packages.
missing=
check_commands
check_libraries
if [ -n "$missing" ]; then
    echo "deps: still missing after apt-get: $missing" >&2
    exit 1
fi
