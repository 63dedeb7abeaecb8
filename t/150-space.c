/* 150-space: design spaces read from CSV: the four experiment spaces have
 * the sizes of docs/framework.md section 2.2, genes decode and encode, and
 * every kind of bad file is reported at file:line. */
#include "err.h"
#include "space.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/imc-space-XXXXXX";
static char path[256];

static void
quiet(const char *msg)
{
    (void)msg;
}

static const char *HEAD = "parameter,values\nmemory,RRAM\n";
static const char *REST =
    "voltage_v,0.5 0.85\nbits_per_cell,1 2 4\ncycle_ns,10\nrows,64 128\n"
    "cols,64 128\nrouter_groups,4\ntiles_per_group,8\nmacros_per_tile,16\n"
    "glb_mb,0.5 2\n";

/* Write text to the scratch file; return its path. */
static const char *
put(const char *text)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        bail("cannot write %s", path);
    fputs(text, fp);
    fclose(fp);
    return path;
}

/* Expect space_read to fail on text with "path:line: msg". */
static void
bad(const char *text, long line, const char *msg, const char *what)
{
    space s;
    char want[512];
    if (line > 0)
        snprintf(want, sizeof want, "%s:%ld: %s", path, line, msg);
    else
        snprintf(want, sizeof want, "%s: %s", path, msg);
    int st = space_read(put(text), &s);
    is_int(IMC_EINPUT, st, "%s: status", what);
    is_string(want, imc_err_last(), "%s: message", what);
}

static void
test_files(void)
{
    static const struct {
        const char *file;
        double size;
        int ngenes;
        design_memory mem;
    } f[] = {
        {"experiments/space-rram-p2.csv", 12096000, 9, DESIGN_RRAM},
        {"experiments/space-rram-p1.csv", 16934400, 9, DESIGN_RRAM},
        {"experiments/space-sram-4.csv", 1512000, 8, DESIGN_SRAM},
        {"experiments/space-sram-9.csv", 4064256, 8, DESIGN_SRAM},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        space s;
        is_int(IMC_OK, space_read(f[i].file, &s), "%s reads", f[i].file);
        is_double(f[i].size, space_size(&s), 0, "%s: %.0f designs",
                  f[i].file, f[i].size);
        is_int(f[i].ngenes, space_ngenes(&s), "%s: %d genes", f[i].file,
               f[i].ngenes);
        is_int(f[i].mem, s.memory, "%s: memory", f[i].file);
    }
}

static void
test_decode(void)
{
    space s;
    design d;
    space_read("experiments/space-rram-p2.csv", &s);
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    space_bounds(&s, lo, hi);
    /* genes: voltage bpc cycle rows cols groups tiles macros glb */
    const double want_hi[9] = {7, 7, 5, 4, 4, 5, 4, 5, 6};
    int same = 1;
    for (int i = 0; i < 9; i++)
        same &= lo[i] <= 0 && lo[i] >= 0 && hi[i] <= want_hi[i] &&
                hi[i] >= want_hi[i];
    ok(same, "bounds of P2's RRAM space: 0 .. (7 7 5 4 4 5 4 5 6)");
    const int g[9] = {3, 2, 4, 1, 3, 0, 4, 5, 2};
    is_int(IMC_OK, space_decode(&s, g, &d), "decode");
    ok(d.memory == DESIGN_RRAM && d.bits_per_cell == 3 && d.rows == 64 &&
       d.cols == 256 && d.router_groups == 1 && d.tiles_per_group == 64 &&
       d.macros_per_tile == 128 && d.tech_nm == 32,
       "decoded integers: 3 bits, 64 x 256, 1 x 64 x 128, 32 nm");
    is_double(0.65, d.voltage_v, 1e-12, "decoded voltage 0.65 V");
    is_double(8, d.cycle_ns, 1e-12, "decoded cycle 8 ns");
    is_double(2, d.glb_mb, 1e-12, "decoded buffer 2 MB");
    int back[9];
    is_int(IMC_OK, space_encode(&s, &d, back), "encode");
    ok(memcmp(back, g, sizeof g) == 0, "encode inverts decode");
    d.rows = 48;
    is_int(IMC_EINPUT, space_encode(&s, &d, back), "encode: 48 rows are "
           "not in the space");
    int out[9] = {3, 2, 4, 1, 5, 0, 4, 5, 2};
    is_int(IMC_EINPUT, space_decode(&s, out, &d), "decode: gene 5 of cols "
           "(5 values) is out of bounds");
    out[4] = -1;
    is_int(IMC_EINPUT, space_decode(&s, out, &d), "decode: gene -1");

    space t;
    char text[1024];
    snprintf(text, sizeof text, "%s%s", HEAD, REST);
    is_int(IMC_OK, space_read(put(text), &t), "a small space without tech_nm");
    is_int(5, space_ngenes(&t), "fixed parameters carry no gene");
    is_double(48, space_size(&t), 0, "2 x 3 x 2 x 2 x 2 = 48 designs");
    const int g4[5] = {1, 2, 0, 1, 0};
    space_decode(&t, g4, &d);
    ok(d.tech_nm == 32 && d.bits_per_cell == 4 && d.rows == 64 &&
       d.cols == 128 && d.router_groups == 4 && d.glb_mb > 0.49 &&
       d.glb_mb < 0.51, "fixed values fill the other parameters");
}

static void
test_errors(void)
{
    char text[2048];
    space s;
    snprintf(path, sizeof path, "%s/missing.csv", dir);
    unlink(path);
    is_int(IMC_EINPUT, space_read(path, &s), "missing file");
    ok(strstr(imc_err_last(), "cannot open") != NULL, "missing file: "
       "message '%s'", imc_err_last());
    snprintf(path, sizeof path, "%s/space.csv", dir);

    bad("", 1, "empty file (expected a header row)", "empty file");
    bad("param,values\nmemory,RRAM\n", 1, "missing column 'parameter'",
        "wrong header");
    snprintf(text, sizeof text, "%svolts,0.5\n%s", HEAD, REST);
    bad(text, 3, "column 'parameter': got 'volts', expected memory or a "
        "design parameter (voltage_v, ..., tech_nm)", "unknown parameter");
    snprintf(text, sizeof text, "%s%srows,32\n", HEAD, REST);
    bad(text, 12, "parameter 'rows' appears twice (first on line 6)",
        "repeated parameter");
    snprintf(text, sizeof text, "parameter,values\nmemory,PCM\n%s", REST);
    bad(text, 2, "parameter 'memory': got 'PCM', expected RRAM or SRAM",
        "unknown memory");
    snprintf(text, sizeof text, "%s%s", HEAD,
             "voltage_v,0.5 0.85\nbits_per_cell,1 2 4\ncycle_ns,10\n"
             "rows,128 64\n");
    bad(text, 6, "parameter 'rows': got '64' after 128, expected strictly "
        "increasing values", "decreasing values");
    snprintf(text, sizeof text, "%svoltage_v,0.5 0.5x\n", HEAD);
    bad(text, 3, "parameter 'voltage_v': got '0.5x', expected a number",
        "not a number");
    snprintf(text, sizeof text, "%svoltage_v,0.5\nrows,32 48.5\n", HEAD);
    bad(text, 4, "parameter 'rows': got '48.5', expected an integer",
        "fractional rows");
    snprintf(text, sizeof text, "%svoltage_v,  \n", HEAD);
    bad(text, 3, "parameter 'voltage_v': no values (expected numbers "
        "separated by spaces)", "empty list");
    snprintf(text, sizeof text, "%s%s", HEAD,
             "voltage_v,0.5 0.85\nbits_per_cell,1 2 4\ncycle_ns,10\n");
    bad(text, 5, "missing parameter 'rows'", "missing parameter");
    snprintf(text, sizeof text, "parameter,values\n%s", REST);
    bad(text, 10, "missing parameter 'memory'", "missing memory");
    snprintf(text, sizeof text, "parameter,values\nmemory,SRAM\n%s", REST);
    bad(text, 4, "column 'bits_per_cell': got 2, but an SRAM cell holds 1 "
        "bit", "SRAM with 2 bits per cell");
    snprintf(text, sizeof text, "%s%s%s", HEAD,
             "voltage_v,0.5 0.85\nbits_per_cell,0 1\n", strstr(REST, "cycle_ns"));
    bad(text, 4, "column 'bits_per_cell': got 0, expected an integer in "
        "[1, 8]",
        "0 bits per cell");
    snprintf(text, sizeof text, "%s%s", HEAD, "rows,1 2 3 4 5 6 7 8 9 10 11 "
             "12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 "
             "33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 "
             "54 55 56 57 58 59 60 61 62 63 64 65\n");
    bad(text, 3, "parameter 'rows': more than 64 values", "65 values");
    snprintf(text, sizeof text, "%s%s", HEAD, "rows,\"1 2\nglb_mb,1\n");
    bad(text, 4, "malformed CSV (unterminated quote)", "broken quote");
    unlink(path);
}

int
main(void)
{
    plan(63);
    if (!mkdtemp(dir))
        bail("cannot make a scratch directory");
    snprintf(path, sizeof path, "%s/space.csv", dir);
    imc_err_set_handler(quiet);
    test_files();
    test_decode();
    test_errors();
    rmdir(dir);
    return 0;
}
