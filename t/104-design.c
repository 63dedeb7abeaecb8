/* t/104-design.c: designs: derived quantities, parameters by index,
 * design_check at every physical limit, parsing and design_read_all with
 * every column error at file:line, the write-read round trip, and the
 * calibrated range: reading experiments/constants/calibrated-range.csv,
 * which parameters of a design lie outside it, their names, and every
 * error of a range file. */
#include "design.h"
#include "err.h"
#include "scratch.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char *HEADER =
    "memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,"
    "tiles_per_group,macros_per_tile,glb_mb,tech_nm\n";



/* A designs file of the header and one row; expect it refused. */
static void
bad_row(const char *row, const char *want, const char *what)
{
    char text[1024];
    snprintf(text, sizeof text, "%s%s\n", HEADER, row);
    scratch_put(text);
    design *d = (design *)1;
    size_t n = 9;
    scratch_clear();
    is_int(IMC_EINPUT, design_read_all(scratch_path(), &d, &n), "%s: refused", what);
    ok(d == NULL && n == 0, "%s: nothing returned", what);
    is_string(want, scratch_tail(), "%s: message", what);
}

/* Predicate: a and b are the same design, field by field (a struct
 * compare would see padding). */
static int
same_p(const design *a, const design *b)
{
    int same = a->memory == b->memory;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        same &= !(design_get_param(a, k) < design_get_param(b, k) ||
                  design_get_param(a, k) > design_get_param(b, k));
    return same;
}

/* A valid RRAM design (P2's space, docs/framework.md section 2.2). */
static design
sample(void)
{
    design d = {DESIGN_RRAM, 0.65, 3, 8, 64, 256, 1, 64, 128, 2, 32};
    return d;
}

static void
test_values(void)
{
    design d = sample();
    is_double(8192, design_macros(&d), 0, "1 x 64 x 128 = 8192 crossbars");
    /* 2 MiB = 2 * 2^20 * 8 bits over 2048-bit rows = 8192 rows */
    is_double(8192, design_glb_depth(&d), 0, "2 MB GLB: depth 8192");
    design_set_param(&d, DESIGN_ROWS, 127.6);
    is_int(128, d.rows, "set rounds an integer parameter");
    design_set_param(&d, DESIGN_VOLTAGE, 0.725);
    is_double(0.725, design_get_param(&d, DESIGN_VOLTAGE), 0,
              "voltage set and got back");
    ok(isnan(design_get_param(&d, DESIGN_NPARAM)), "an unknown index: NaN");
    int k = -1;
    is_int(IMC_OK, design_param_from_name("glb_mb", &k), "name lookup");
    is_int(DESIGN_GLB, k, "glb_mb is DESIGN_GLB");
    is_int(IMC_EINPUT, design_param_from_name("volts", &k), "unknown name");
    design_memory m;
    is_int(IMC_OK, design_memory_from_name("SRAM", &m), "SRAM");
    is_int(DESIGN_SRAM, m, "SRAM looked up");
    is_int(IMC_EINPUT, design_memory_from_name("sram", &m), "lower case "
           "is no memory type");
    is_string("RRAM", design_memory_name(DESIGN_RRAM), "RRAM's name");
}

/* design_check at every limit (docs/build.md, "Valid input ranges"). */
static void
test_check(void)
{
    static const struct {
        int k;
        double bad, edge;          /* refused, and accepted at the limit */
        const char *want;
    } c[] = {
        {DESIGN_VOLTAGE, 0, 5, "f:7: column 'voltage_v': got 0, expected a "
                               "number in (0, 5] V"},
        {DESIGN_VOLTAGE, 5.01, 1e-3, "f:7: column 'voltage_v': got 5.01, "
                                     "expected a number in (0, 5] V"},
        {DESIGN_BPC, 9, 8, "f:7: column 'bits_per_cell': got 9, expected an "
                           "integer in [1, 8]"},
        {DESIGN_BPC, 0, 1, "f:7: column 'bits_per_cell': got 0, expected an "
                           "integer in [1, 8]"},
        {DESIGN_CYCLE, -1, 1e6, "f:7: column 'cycle_ns': got -1, expected a "
                                "number in (0, 1e+06] ns"},
        {DESIGN_CYCLE, 1.5e6, 1e-6, "f:7: column 'cycle_ns': got 1500000, "
                                    "expected a number in (0, 1e+06] ns"},
        {DESIGN_ROWS, 0, 1, "f:7: column 'rows': got 0, expected an integer "
                            "in [1, 16777216]"},
        {DESIGN_COLS, 16777217, 16777216, "f:7: column 'cols': got 16777217, "
                                          "expected an integer in [1, "
                                          "16777216]"},
        {DESIGN_GROUPS, -4, 1, "f:7: column 'router_groups': got -4, "
                               "expected an integer in [1, 16777216]"},
        {DESIGN_TILES, 0, 1, "f:7: column 'tiles_per_group': got 0, "
                             "expected an integer in [1, 16777216]"},
        {DESIGN_MACROS, 0, 1, "f:7: column 'macros_per_tile': got 0, "
                              "expected an integer in [1, 16777216]"},
        {DESIGN_GLB, 0, 1048576, "f:7: column 'glb_mb': got 0, expected a "
                                 "number in (0, 1.04858e+06] MB"},
        {DESIGN_GLB, 2e6, 1e-3, "f:7: column 'glb_mb': got 2000000, expected "
                                "a number in (0, 1.04858e+06] MB"},
        {DESIGN_TECH, 2, 3, "f:7: column 'tech_nm': got 2, expected an "
                            "integer in [3, 1000]"},
        {DESIGN_TECH, 1001, 1000, "f:7: column 'tech_nm': got 1001, expected "
                                  "an integer in [3, 1000]"},
    };
    design d = sample();
    is_int(IMC_OK, design_check(&d, "f", 7), "the sample design is valid");
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        design x = sample();
        design_set_param(&x, c[i].k, c[i].bad);
        scratch_clear();
        is_int(IMC_EINPUT, design_check(&x, "f", 7), "%s = %g refused",
               design_param_names[c[i].k], c[i].bad);
        is_string(c[i].want, scratch_msg(), "%s = %g: message",
                  design_param_names[c[i].k], c[i].bad);
        design_set_param(&x, c[i].k, c[i].edge);
        is_int(IMC_OK, design_check(&x, "f", 7), "%s = %g accepted",
               design_param_names[c[i].k], c[i].edge);
    }
    d.memory = DESIGN_SRAM;
    is_int(IMC_EINPUT, design_check(&d, "f", 7), "SRAM with 3 bits");
    is_string("f:7: column 'bits_per_cell': got 3, but an SRAM cell holds 1 "
              "bit", scratch_msg(), "SRAM message");
}

static void
test_read(void)
{
    char text[2048];
    snprintf(text, sizeof text,
             "# a comment\n"
             "memory,glb_mb,voltage_v,bits_per_cell,cycle_ns,rows,cols,"
             "router_groups,tiles_per_group,macros_per_tile,note\n"
             "RRAM,2,0.65,3,8,64,256,1,64,128,\"no tech_nm: 32 nm\"\n"
             "SRAM,0.5,1.1,1,1,16,512,32,2,2,x\n");
    scratch_put(text);
    design *d = NULL;
    size_t n = 0;
    is_int(IMC_OK, design_read_all(scratch_path(), &d, &n), "read two designs");
    is_int(2, (long)n, "two");
    design want = sample();
    ok(n == 2 && same_p(&d[0], &want),
       "columns in any order, an extra one ignored, tech_nm 32 by default");
    ok(n == 2 && d[1].memory == DESIGN_SRAM && d[1].cols == 512 &&
       d[1].glb_mb > 0.49 && d[1].glb_mb < 0.51, "the SRAM design");

    /* write and read back */
    FILE *fp = fopen(scratch_path(), "w");
    design_write_header(fp);
    fputc('\n', fp);
    for (size_t i = 0; i < n; i++) {
        design_write(fp, &d[i]);
        fputc('\n', fp);
    }
    fclose(fp);
    design *e = NULL;
    size_t m = 0;
    is_int(IMC_OK, design_read_all(scratch_path(), &e, &m), "read what was written");
    ok(m == n && same_p(&d[0], &e[0]) && same_p(&d[1], &e[1]),
       "round trip exact");
    fp = fopen(scratch_path(), "r");
    char line[256] = "";
    fgets(line, sizeof line, fp);
    fgets(line, sizeof line, fp);
    fclose(fp);
    is_string("RRAM,0.65,3,8,64,256,1,64,128,2,32\n", line,
              "design_write's text");
    free(d);
    free(e);
}

static void
test_read_errors(void)
{
    scratch_put(HEADER);
    design *d;
    size_t n;
    is_int(IMC_EINPUT, design_read_all(scratch_path(), &d, &n), "no designs");
    is_string(":1: no designs (expected at least one row after the header)",
              scratch_tail(), "no-designs message");
    scratch_put("memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,"
        "tiles_per_group,glb_mb\n");
    is_int(IMC_EINPUT, design_read_all(scratch_path(), &d, &n), "missing column");
    is_string(":1: missing column 'macros_per_tile'", scratch_tail(),
              "the first missing column only");
    bad_row("PCM,0.65,3,8,64,256,1,64,128,2,32",
            ":2: column 'memory': got 'PCM', expected RRAM or SRAM", "memory");
    bad_row("RRAM,x,3,8,64,256,1,64,128,2,32",
            ":2: column 'voltage_v': got 'x', expected a number", "voltage");
    bad_row("RRAM,-0.5,3,8,64,256,1,64,128,2,32",
            ":2: column 'voltage_v': got -0.5, expected a number in (0, 5] V",
            "negative voltage");
    bad_row("RRAM,0.65,3,8,64.5,256,1,64,128,2,32",
            ":2: column 'rows': got '64.5', expected an integer in [1, "
            "16777216]", "fractional rows");
    bad_row("RRAM,0.65,3,8,64,256,1,64,1e2,2,32",
            ":2: column 'macros_per_tile': got '1e2', expected an integer in "
            "[1, 16777216]", "a count in exponent form");
    bad_row("RRAM,0.65,9,8,64,256,1,64,128,2,32",
            ":2: column 'bits_per_cell': got '9', expected an integer in "
            "[1, 8]", "9 bits per cell");
    bad_row("RRAM,0.65,3,0,64,256,1,64,128,2,32",
            ":2: column 'cycle_ns': got 0, expected a number in (0, 1e+06] ns",
            "zero cycle");
    bad_row("RRAM,0.65,3,8,64,256,1,64,128,inf,32",
            ":2: column 'glb_mb': got 'inf', expected a number", "infinite GLB");
    bad_row("RRAM,0.65,3,8,64,256,1,64,128,2,2",
            ":2: column 'tech_nm': got '2', expected an integer in [3, 1000]",
            "2 nm");
    bad_row("SRAM,0.65,2,8,64,256,1,64,128,2,32",
            ":2: column 'bits_per_cell': got 2, but an SRAM cell holds 1 bit",
            "SRAM with 2 bits");
    bad_row("RRAM,0.65,3,8,64,256,1,64,128,2",
            ":2: expected 11 fields as in the header, got 10", "short row");

    /* design_find_cols + design_parse, as record-by-record readers use */
    char text[1024];
    snprintf(text, sizeof text, "%sRRAM,0.65,3,8,64,256,1,64,128,2,32\n"
             "RRAM,0.65,3,8,64,256,1,64,128,2,0\n", HEADER);
    scratch_put(text);
    csvio_reader *r = csvio_open(scratch_path());
    design_cols dc;
    design x;
    is_int(IMC_OK, design_find_cols(r, &dc), "find the design columns");
    csvio_read(r);
    is_int(IMC_OK, design_parse(r, &dc, &x), "parse a record");
    design want = sample();
    ok(same_p(&x, &want), "parsed as written");
    csvio_read(r);
    is_int(IMC_EINPUT, design_parse(r, &dc, &x), "a bad record");
    is_string(":3: column 'tech_nm': got '0', expected an integer in [3, "
              "1000]", scratch_tail(), "at its line");
    csvio_close(r);
}

static void
test_range(void)
{
    design_range g;
    is_int(IMC_OK, design_range_read("experiments/constants/"
                                     "calibrated-range.csv", &g),
           "the shipped calibrated range reads");
    design d = sample();
    is_int(0, (long)design_range_outside(&g, &d), "P2's RRAM design: inside");
    d.voltage_v = 0.45;
    d.tiles_per_group = 128;
    d.tech_nm = 22;
    unsigned mask = design_range_outside(&g, &d);
    is_int((1 << DESIGN_VOLTAGE) | (1 << DESIGN_TILES) | (1 << DESIGN_TECH),
           (long)mask, "0.45 V, 128 tiles, 22 nm RRAM: outside");
    char names[DESIGN_RANGE_NAMES_MAX];
    is_int(IMC_OK, design_range_names(mask, names, sizeof names), "names");
    is_string("voltage_v;tiles_per_group;tech_nm", names, "joined by ';'");
    is_int(IMC_OK, design_range_names(0, names, sizeof names), "no names");
    is_string("", names, "empty inside the range");
    char small[8];
    is_int(IMC_EINPUT, design_range_names(mask, small, sizeof small),
           "too small a buffer");
    is_int(IMC_OK, design_range_names((1u << DESIGN_NPARAM) - 1, names,
                                      sizeof names), "all ten names fit");
    /* SRAM: the voltage band moves with the node */
    design s = {DESIGN_SRAM, 1.05, 1, 2, 64, 64, 4, 8, 16, 8, 45};
    is_int(0, (long)design_range_outside(&g, &s), "SRAM 1.05 V at 45 nm: in");
    s.tech_nm = 7;
    is_int(1 << DESIGN_VOLTAGE, (long)design_range_outside(&g, &s),
           "1.05 V at 7 nm: outside (7 nm's band is 0.45-0.8 V)");
    s.tech_nm = 28;
    is_int(0, (long)design_range_outside(&g, &s),
           "28 nm, no band of its own: the general 0.45-1.1 V");
    s.tech_nm = 5;
    s.voltage_v = 0.5;
    is_int(1 << DESIGN_TECH, (long)design_range_outside(&g, &s),
           "5 nm: outside 7-45 nm");
    s.tech_nm = 32;
    s.rows = 8;
    s.glb_mb = 256;
    is_int((1 << DESIGN_ROWS) | (1 << DESIGN_GLB),
           (long)design_range_outside(&g, &s), "8 rows, 256 MB: outside");
    s.rows = 16;
    s.glb_mb = 128.0000000001;
    is_int(0, (long)design_range_outside(&g, &s),
           "the edge with decimal noise is inside");
}

/* The shipped range file with one line replaced (prefix NULL: appended). */
static void
bad_range(const char *text, const char *want, const char *what)
{
    design_range g;
    scratch_put(text);
    scratch_clear();
    is_int(IMC_EINPUT, design_range_read(scratch_path(), &g), "%s: refused", what);
    is_string(want, scratch_tail(), "%s: message", what);
}

static void
test_range_errors(void)
{
    const char *h = "memory,tech_nm,parameter,min,max\n";
    char text[4096];
    bad_range("memory,parameter,min,max\n", ":1: missing column 'tech_nm'",
              "missing column");
    snprintf(text, sizeof text, "%sPCM,,rows,1,2\n", h);
    bad_range(text, ":2: column 'memory': got 'PCM', expected RRAM or SRAM",
              "unknown memory");
    snprintf(text, sizeof text, "%sRRAM,x,rows,1,2\n", h);
    bad_range(text, ":2: column 'tech_nm': got 'x', expected empty (every "
              "node) or an integer in [3, 1000]", "bad node");
    snprintf(text, sizeof text, "%sRRAM,,row,1,2\n", h);
    bad_range(text, ":2: column 'parameter': got 'row', expected a design "
              "parameter (voltage_v, ..., tech_nm)", "unknown parameter");
    snprintf(text, sizeof text, "%sRRAM,,rows,64,32\n", h);
    bad_range(text, ":2: parameter 'rows': min 64 > max 32", "min > max");
    snprintf(text, sizeof text, "%sRRAM,,voltage_v,0,1\n", h);
    bad_range(text, ":2: parameter 'voltage_v': band [0, 1] outside the "
              "physical limits (0, 5]", "band outside the limits");
    snprintf(text, sizeof text, "%sRRAM,,rows,1,2\nRRAM,,rows,1,4\n", h);
    bad_range(text, ":3: parameter 'rows' of RRAM appears twice (first on "
              "line 2)", "a band twice");
    snprintf(text, sizeof text, "%sSRAM,7,voltage_v,0.4,1\n"
             "SRAM,7,voltage_v,0.4,1\n", h);
    bad_range(text, ":3: parameter 'voltage_v' of SRAM at 7 nm appears "
              "twice", "a node band twice");
    snprintf(text, sizeof text, "%sRRAM,,rows,1,2\n", h);
    bad_range(text, ":2: missing band of parameter 'voltage_v' for RRAM (a "
              "row with an empty tech_nm)", "missing bands");
}

int
main(void)
{
    plan(142);
    scratch_init();
    test_values();
    test_check();
    test_read();
    test_read_errors();
    test_range();
    test_range_errors();
    scratch_done();
    return 0;
}
