# imc-codesign build.  `make` builds bin/<tool> for every tools/<tool>/main.c
# over the static library libimc.a made from every src/*.c; `make check` runs
# the TAP suite in t/ with prove; `make reproduce` runs the whole study.
# docs/build.md explains every target.
CC      ?= cc
CFLAGS  ?= -std=c11 -O2 -g -Wall -Wextra -pedantic
PKG_CONFIG ?= pkg-config
# GSL and libyaml ship pkg-config files; libcsv does not (plain -lcsv).  The
# fallback is what the .pc files say on Debian 12, for a machine without
# pkg-config (tools/deps.sh installs it).
PKGS    = gsl yaml-0.1
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null || \
                echo -lgsl -lgslcblas -lm -lyaml)
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Isrc $(PKG_CFLAGS)
LDLIBS  = $(PKG_LIBS) -lcsv -lm -pthread
# header dependencies: every object gets a .d file naming the headers it
# read; -MP adds a target per header so a deleted header does not stop make
DEPFLAGS = -MMD -MP
WARN    = -Werror -Wshadow -Wfloat-equal -Wstrict-prototypes -Wmissing-prototypes
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all
SNAKEMAKE ?= snakemake
CORES   ?= 2
PREFIX  ?= /usr/local
DESTDIR ?=

# BUILD: where libraries, bin/ and the test programs go, with the objects
# under BUILD/obj/; empty (the default) builds in the tree, `make sanitize`
# uses build-san/.
BUILD   ?=
B       := $(if $(BUILD),$(BUILD)/,)
O       := $(if $(BUILD),$(BUILD)/obj/,)

LIB_SRC := $(wildcard src/*.c)
LIB_OBJ := $(addprefix $(O),$(LIB_SRC:.c=.o))
# tools/common: what the tools share around argv (options, help blocks,
# data paths); never part of libimc.
TOOLLIB_SRC := $(wildcard tools/common/*.c)
TOOLLIB_OBJ := $(addprefix $(O),$(TOOLLIB_SRC:.c=.o))
TOOLS   := $(notdir $(patsubst %/,%,$(dir $(wildcard tools/*/main.c))))
TOOL_SRC := $(foreach t,$(TOOLS),$(wildcard tools/$(t)/*.c))
TOOL_OBJ := $(addprefix $(O),$(TOOL_SRC:.c=.o))
BINS    := $(addprefix $(B)bin/,$(TOOLS))
# t/tap.c (the TAP library) and t/scratch.c (the readers' test helpers)
# are linked into every test program.
TEST_LIB := $(addprefix $(O),t/tap.o t/scratch.o)
TEST_C  := $(filter-out t/tap.c t/scratch.c,$(wildcard t/*.c))
TEST_T  := $(addprefix $(B),$(TEST_C:.c=.t))
ALL_OBJ := $(LIB_OBJ) $(TOOLLIB_OBJ) $(TOOL_OBJ) $(TEST_LIB) \
           $(addprefix $(O),$(TEST_C:.c=.o))

.PHONY: all check bench lint warnings reproduce deps clean install \
        uninstall sanitize
all: $(BINS) $(TEST_T)

$(B)libimc.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(B)libtools.a: $(TOOLLIB_OBJ)
	@mkdir -p $(@D)
	$(AR) rcs $@ $^

$(O)src/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

# tools/common and each tool's own files see the shared CLI header.
$(O)tools/%.o: tools/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Itools/common $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

# A tool is every .c file of its directory (main.c and its helpers).
.SECONDEXPANSION:
$(B)bin/%: $$(addprefix $(O),$$(subst .c,.o,$$(wildcard tools/$$*/*.c))) \
           $(B)libtools.a $(B)libimc.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(filter %.o,$^) $(B)libtools.a \
	    $(B)libimc.a $(LDLIBS)

$(O)t/%.o: t/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -It $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(B)t/%.t: $(O)t/%.o $(TEST_LIB) $(B)libimc.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(TEST_LIB) $(B)libimc.a $(LDLIBS)

-include $(ALL_OBJ:.o=.d)
# objects made on the way to a program are kept (no rebuild next time)
.SECONDARY:

# deps: install the Debian packages the toolkit needs (as root), or print the
# exact apt-get line and stop (as anyone else).
deps:
	@sh tools/deps.sh

check: deps all
	prove --exec '' t/*.t t/*.sh

warnings:
	$(MAKE) clean
	$(MAKE) all CFLAGS="-std=c11 -O2 -g -Wall -Wextra -pedantic $(WARN)"

# sanitize: everything rebuilt with AddressSanitizer and UBSan into
# build-san/ (the normal build is left alone), then the whole suite run
# there: build-san/ gets links to the tests' scripts and data and to the
# inputs the workflow reads, so every test finds bin/ and t/ as usual.
# Any sanitizer report aborts the program and fails its test.
SAN_LINKS = Snakefile rules experiments workloads tools report
# the toolkit's default reference_dir (README), for t/141's full check
REFERENCE_DIR ?= ../shared/reference/cimloop
sanitize: deps
	$(MAKE) BUILD=build-san CFLAGS="$(CFLAGS) $(SANITIZE)" \
	    LDFLAGS="$(LDFLAGS) $(SANITIZE)" all
	@for f in $(SAN_LINKS); do \
	    [ -e "$$f" ] || continue; \
	    [ -L "build-san/$$f" ] || rm -rf "build-san/$$f"; \
	    ln -sfn "$(CURDIR)/$$f" "build-san/$$f"; done
	@mkdir -p build-san/t
	@for f in t/*.sh t/lib t/data; do \
	    ln -sfn "$(CURDIR)/$$f" "build-san/$$f"; done
	cd build-san && \
	    IMC_CIMLOOP_DIR="$(abspath $(REFERENCE_DIR))" \
	    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	    UBSAN_OPTIONS=print_stacktrace=1 \
	    prove --exec '' t/*.t t/*.sh

# install: the tools to PREFIX/bin and the data they look up (constants,
# calibrated range, design spaces, networks) to PREFIX/share/imc-codesign/,
# where cli_data_path() finds them from PREFIX/bin.  DESTDIR for staging.
SHARE   = $(DESTDIR)$(PREFIX)/share/imc-codesign
install: $(BINS)
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/experiments/constants
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin
	install -m 644 experiments/constants/*.csv $(SHARE)/experiments/constants
	install -m 644 experiments/space-*.csv $(SHARE)/experiments
	find workloads -type f | while read -r f; do \
	    install -D -m 644 "$$f" "$(SHARE)/$$f" || exit 1; done

uninstall:
	rm -f $(addprefix $(DESTDIR)$(PREFIX)/bin/,$(TOOLS))
	rm -rf $(SHARE)

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
	rm -f src/*.o src/*.d tools/*/*.o tools/*/*.d t/*.o t/*.d t/*.t \
	    libimc.a libtools.a
	rm -rf bin build-san
