/* t/102-consts.c: the constants file: reading t/data/cost/consts-test.csv,
 * the write-read round trip, every error path of the reader at file:line
 * (bands included), the band predicate at its edges, and the GLB table's
 * log-log interpolation against hand-computed values. */
#include "consts.h"
#include "csvio.h"
#include "err.h"
#include "scratch.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char good[16384];   /* the test constants file as text */



/* The good file with the line starting `prefix,` replaced by `line` (NULL:
 * removed), or with `line` appended when prefix is NULL. */
static void
put_edited(const char *prefix, const char *line)
{
    char text[sizeof good + 512];
    text[0] = '\0';
    size_t plen = prefix ? strlen(prefix) : 0;
    for (const char *p = good; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p + 1) : strlen(p);
        if (prefix && strncmp(p, prefix, plen) == 0 && p[plen] == ',') {
            if (line)
                strcat(strcat(text, line), "\n");
        } else {
            strncat(text, p, len);
        }
        p += len;
    }
    if (!prefix)
        strcat(strcat(text, line), "\n");
    scratch_put(text);
}

/* Expect consts_read to refuse the file at path with message want. */
static void
refused(const char *want, const char *what)
{
    consts c;
    scratch_clear();
    is_int(IMC_EINPUT, consts_read(scratch_path(), &c), "%s: refused", what);
    is_string(want, scratch_tail(), "%s: message", what);
}

static void
test_read_write(void)
{
    char src[512];
    snprintf(src, sizeof src, "%s/cost/consts-test.csv", tap_data());
    FILE *fp = fopen(src, "r");
    size_t n = fp ? fread(good, 1, sizeof good - 1, fp) : 0;
    good[n] = '\0';
    if (fp)
        fclose(fp);
    consts c;
    if (consts_read(src, &c) != IMC_OK)
        bail("cannot read %s: %s", src, scratch_msg());
    is_double(100, c.v[CONSTS_e_row_fj], 0, "e_row_fj = 100");
    is_int(1, c.fit[CONSTS_e_row_fj], "e_row_fj is free");
    is_double(0.05, c.v[CONSTS_a_cell_um2], 0, "a_cell_um2 = 0.05");
    is_double(12.8, c.v[CONSTS_dram_gbps], 0, "last constant read");
    /* \u00a7 is the section sign, as the file writes it in UTF-8 */
    is_string("docs/cost-model.md \u00a75.1, \u00a710.2 [NS-cell]: "
              "NeuroSim 1T1R read, off state (900 kOhm + 195 kOhm access), "
              "0.5 V, 10 ns pulse",
              c.source[CONSTS_e_cell_lo_fj],
              "a quoted source with commas kept whole");
    is_int(CONSTS_lowv_vt, consts_index("lowv_vt"), "consts_index");
    is_int(-1, consts_index("bogus"), "consts_index of an unknown name");
    is_string("fJ/V^2", consts_units[CONSTS_e_adc_fj], "units table");

    /* round trip: what consts_write prints reads back the same */
    c.v[CONSTS_e_adc_fj] = 123.456;
    c.start[CONSTS_e_adc_fj] = 0.000123456;
    c.fit[CONSTS_e_adc_fj] = 1;
    snprintf(c.source[CONSTS_e_adc_fj], sizeof c.source[0],
             "a \"quoted\", comma'd source");
    csvio_out out;
    csvio_out_open(&out, scratch_path());
    is_int(IMC_OK, consts_write(out.fp, &c), "write");
    is_int(IMC_OK, csvio_out_commit(&out), "commit");
    consts back;
    is_int(IMC_OK, consts_read(scratch_path(), &back), "read back");
    int same = 1;
    for (int k = 0; k < CONSTS_N; k++)
        same &= fabs(back.v[k] - c.v[k]) <= 1e-6 * fabs(c.v[k]) &&
                fabs(back.start[k] - c.start[k]) <= 1e-6 * fabs(c.start[k]) &&
                back.fit[k] == c.fit[k] &&
                strcmp(back.source[k], c.source[k]) == 0;
    ok(same, "every value, start, fit and source survives (6 digits)");
    is_double(123.456, back.v[CONSTS_e_adc_fj], 0, "123.456 exactly");
    is_string("a \"quoted\", comma'd source", back.source[CONSTS_e_adc_fj],
              "quotes and commas in a source");
}

static void
test_errors(void)
{
    consts c;
    char want[256];
    snprintf(want, sizeof want, "%s.none", scratch_path());
    is_int(IMC_EINPUT, consts_read(want, &c), "missing file");
    ok(strstr(scratch_msg(), ".none:1: cannot open: No such file") != NULL,
       "missing file: message at line 1 (%s)", scratch_msg());
    scratch_put("");
    refused(":1: empty file (expected a header row)", "empty file");
    scratch_put("name,value,unit,start,source\n");
    refused(":1: missing column 'fit'", "missing column");
    scratch_put("name,unit,fit,source\n");
    refused(":1: missing column 'value'", "two missing: the first");
    scratch_put("name,value,unit,fit,start,source\n");
    refused(":1: missing constant 'e_cell_lo_fj'", "header only");

    put_edited(NULL, "bogus,1,fJ,0,1,x");
    refused(":58: column 'name': unknown constant 'bogus'", "unknown name");
    put_edited(NULL, "e_row_fj,1,fJ/V^2,0,1,again");
    refused(":58: constant 'e_row_fj' appears twice (first on line 5)",
            "duplicate");
    put_edited("e_row_fj", "e_row_fj,1,pJ,0,1,x");
    refused(":5: constant 'e_row_fj': unit 'pJ', expected 'fJ/V^2'",
            "wrong unit");
    put_edited("e_row_fj", "e_row_fj,1e,fJ/V^2,0,1,x");
    refused(":5: column 'value': got '1e', expected a number", "bad value");
    put_edited("e_row_fj", "e_row_fj,inf,fJ/V^2,0,1,x");
    refused(":5: column 'value': got 'inf', expected a number",
            "infinite energy");
    put_edited("e_row_fj", "e_row_fj,nan,fJ/V^2,0,1,x");
    refused(":5: column 'value': got 'nan', expected a number", "NaN");
    put_edited("e_row_fj", "e_row_fj,1,fJ/V^2,2,1,x");
    refused(":5: column 'fit': got '2', expected an integer in [0, 1]",
            "fit 2");
    put_edited("e_row_fj", "e_row_fj,1,fJ/V^2,0,one,x");
    refused(":5: column 'start': got 'one', expected a number", "bad start");
    put_edited("e_row_fj", ",1,fJ/V^2,0,1,x");
    refused(":5: column 'name': got '', expected at least 1 character",
            "empty name");
    put_edited("a_cell_um2", "a_cell_um2,-1e9,um^2,0,0.05,x");
    refused(":37: column 'value': got '-1e9' for constant 'a_cell_um2', "
            "expected a number in (0, 10000] um^2", "negative area");
    put_edited("a_cell_um2", "a_cell_um2,0,um^2,0,0.05,x");
    refused(":37: column 'value': got '0' for constant 'a_cell_um2', "
            "expected a number in (0, 10000] um^2", "a cell without area");
    put_edited("e_adc_fj", "e_adc_fj,2e6,fJ/V^2,0,200,x");
    refused(":7: column 'value': got '2e6' for constant 'e_adc_fj', "
            "expected a number in [0, 1e+06] fJ/V^2", "energy 1000x too big");
    put_edited("e_adc_fj", "e_adc_fj,200,fJ/V^2,0,-1,x");
    refused(":7: column 'start': got '-1' for constant 'e_adc_fj', "
            "expected a number in [0, 1e+06] fJ/V^2", "negative start");
    put_edited("tech_e_exp", "tech_e_exp,11,1,0,1,x");
    refused(":49: column 'value': got '11' for constant 'tech_e_exp', "
            "expected a number in [0, 10] 1", "exponent out of its band");
    put_edited("lowv_vt_slope", "lowv_vt_slope,-1.5,V,0,0,x");
    refused(":11: column 'value': got '-1.5' for constant 'lowv_vt_slope', "
            "expected a number in [-1, 1] V", "slope below -1 V");
    put_edited("dram_gbps", "dram_gbps,0,GB/s,0,12.8,x");
    refused(":55: column 'value': got '0' for constant 'dram_gbps', "
            "expected a number in (0, 1e+06] GB/s", "zero bandwidth");
    put_edited("pulses_per_read", "pulses_per_read,0.5,1,0,255,x");
    refused(":54: column 'value': got '0.5' for constant 'pulses_per_read', "
            "expected a number in [1, 1e+06] 1", "half a pulse");
    put_edited("e_row_fj", NULL);
    refused(":56: missing constant 'e_row_fj'", "missing constant");
    char longline[400];
    snprintf(longline, sizeof longline, "e_row_fj,1,fJ/V^2,0,1,%0160d", 0);
    put_edited("e_row_fj", longline);
    refused(":5: column 'source': got '"
            "0000000000000000000000000000000000000000000000000000000000000000"
            "0000000000000000000000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000', expected 0 to 159 characters",
            "source too long");
    put_edited("e_row_fj", "e_row_fj,1,fJ/V^2,0,1");
    refused(":5: expected 6 fields as in the header, got 5", "short row");
}

static void
test_bands(void)
{
    ok(consts_in_band_p(CONSTS_a_macro_um2, 0), "0 is in [0, ...]");
    ok(!consts_in_band_p(CONSTS_a_cell_um2, 0), "0 is not in (0, ...]");
    ok(consts_in_band_p(CONSTS_a_cell_um2, 1e4), "the top is included");
    ok(!consts_in_band_p(CONSTS_a_cell_um2, 1e4 * (1 + 1e-15)),
       "just above the top is not");
    ok(!consts_in_band_p(CONSTS_e_row_fj, NAN), "NaN is in no band");
    ok(!consts_in_band_p(CONSTS_e_row_fj, INFINITY), "nor is infinity");
    ok(consts_in_band_p(CONSTS_write_vt_slope, -1), "-1 V slope allowed");
    int all = 1;
    for (int k = 0; k < CONSTS_N; k++)
        all &= consts_bands[k].lo < consts_bands[k].hi;
    ok(all, "every band is a proper interval");
}

/* The GLB table: depths 2048 (0.5 MB) ... 524288 (128 MB); between two
 * depths, log-log: e(d) = e0 * (e1 / e0)^t with t = log(d/d0)/log(d1/d0). */
static void
test_glb(void)
{
    consts c;
    memset(&c, 0, sizeof c);
    for (int i = 0; i < CONSTS_NGLB; i++) {
        c.v[CONSTS_e_glb_0_5mb + i] = 1 << i;      /* 1, 2, 4, ... 256 */
        c.v[CONSTS_a_glb_0_5mb + i] = 10.0 * (i + 1);
    }
    is_double(1, consts_glb_energy_pj(&c, 1024), 0, "below the table: "
              "the first entry");
    is_double(256, consts_glb_energy_pj(&c, 1e9), 0, "above: the last");
    is_double(2, consts_glb_energy_pj(&c, 4096), 1e-12, "at a depth: its "
              "entry");
    /* half way (in log) between 2048 -> 1 and 4096 -> 2: sqrt(2) */
    is_double(1.4142135623730951, consts_glb_energy_pj(&c, 2048 * sqrt(2.0)),
              1e-12, "log-log between two depths: sqrt(2)");
    /* areas 10 and 20 at 2048 and 4096; depth 3072: t = log2(1.5) =
     * 0.5849625007, area = 10 * 2^t = 15 exactly (as 2^log2(1.5) = 1.5) */
    is_double(15, consts_glb_area_mm2(&c, 3072), 1e-12, "area at 3072: 15");
    c.v[CONSTS_e_glb_0_5mb] = 0;
    /* a zero entry: linear in t instead: 0 + 0.5 * (2 - 0) = 1 */
    is_double(1, consts_glb_energy_pj(&c, 2048 * sqrt(2.0)), 1e-12,
              "with a zero end: linear in log depth");
}

int
main(void)
{
    plan(78);
    scratch_init();
    test_read_write();
    test_errors();
    test_bands();
    test_glb();
    scratch_done();
    return 0;
}
