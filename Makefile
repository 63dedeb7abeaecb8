# imc-codesign build.  `make` builds bin/<tool> for every tools/<tool>/main.c
# over the static library libimc.a made from every src/*.c; `make check` runs
# the TAP suite in t/ with prove; `make reproduce` runs the whole study.
CC      ?= cc
CFLAGS  ?= -std=c11 -O2 -g -Wall -Wextra -pedantic
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Isrc
LDLIBS  = -lgsl -lgslcblas -lcsv -lyaml -lm -pthread
WARN    = -Werror -Wshadow -Wfloat-equal -Wstrict-prototypes -Wmissing-prototypes
SNAKEMAKE ?= snakemake
CORES   ?= 2

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(LIB_SRC:.c=.o)
# tools/common: what the tools share around argv (options, help blocks,
# data paths); never part of libimc.
TOOLLIB_SRC := $(wildcard tools/common/*.c)
TOOLLIB_OBJ := $(TOOLLIB_SRC:.c=.o)
TOOLS   := $(notdir $(patsubst %/,%,$(dir $(wildcard tools/*/main.c))))
BINS    := $(addprefix bin/,$(TOOLS))
TEST_C  := $(wildcard t/*.c)
TEST_T  := $(filter-out t/tap.t,$(TEST_C:.c=.t))

.PHONY: all check bench lint warnings reproduce deps clean
all: $(BINS) $(TEST_T)

libimc.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

libtools.a: $(TOOLLIB_OBJ)
	$(AR) rcs $@ $^

src/%.o: src/%.c $(wildcard src/*.h)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

tools/common/%.o: tools/common/%.c $(wildcard tools/common/*.h src/*.h)
	$(CC) $(CPPFLAGS) -Itools/common $(CFLAGS) -c -o $@ $<

# A tool is every .c file of its directory (main.c and its helpers).
.SECONDEXPANSION:
bin/%: $$(wildcard tools/%/*.c tools/%/*.h) libtools.a libimc.a
	@mkdir -p bin
	$(CC) $(CPPFLAGS) -Itools/common $(CFLAGS) -o $@ \
	    $(wildcard tools/$*/*.c) libtools.a libimc.a $(LDLIBS)

t/tap.o: t/tap.c t/tap.h
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

t/%.t: t/%.c t/tap.o libimc.a
	$(CC) $(CPPFLAGS) -It $(CFLAGS) -o $@ $< t/tap.o libimc.a $(LDLIBS)

# deps: install the Debian packages the toolkit needs (as root), or print the
# exact apt-get line and stop (as anyone else).
deps:
	@sh tools/deps.sh

check: deps all
	prove --exec '' t/*.t t/*.sh

warnings:
	$(MAKE) clean
	$(MAKE) all CFLAGS="-std=c11 -O2 -g -Wall -Wextra -pedantic $(WARN)"

bench: all
	sh tools/bench.sh

# ---- perf: benchmarks and the native build (tools/bench.sh) ----
# `make bench-compare BASE=<rev>`: tools/bench.sh's figures for this
# checkout and for <rev> (built in a temporary copy), measured turn about in
# one run, side by side -> results/bench/compare.txt.
# `make NATIVE=1 ...` (after `make clean`) compiles for this machine's CPU
# (-O3 -march=native): the same results (ISO C keeps floating-point
# contraction off), binaries that may not run on another x86-64.
.PHONY: bench-compare
bench-compare: all
	@test -n "$(BASE)" || { echo "make bench-compare: set BASE=<git revision>" >&2; exit 2; }
	sh tools/bench.sh --base "$(BASE)"
ifeq ($(NATIVE),1)
CFLAGS += -O3 -march=native
endif
# ---- end perf ----

# lint: snakemake's linter, minus its advice to give every rule a conda
# environment (the toolkit's dependencies are Debian packages, tools/deps.sh);
# any other lint fails the target.
lint:
	@$(SNAKEMAKE) --lint --configfile experiments/paper.yaml >lint.out 2>&1 || true
	@if grep '^ *\* ' lint.out | grep -v 'conda environment' >/dev/null; then \
	    cat lint.out; rm -f lint.out; exit 1; fi; rm -f lint.out; echo "lint: ok"

reproduce: deps all
	$(SNAKEMAKE) -c$(CORES) --configfile experiments/paper.yaml

clean:
	rm -f src/*.o tools/common/*.o t/*.o t/*.t libimc.a libtools.a
	rm -rf bin
