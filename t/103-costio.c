/* t/103-costio.c: cost-eval's batch writer on the tiny layer
 * (t/data/cost/tiny.csv: one linear layer, C = 4, M = 3, x_mean 0.4,
 * w_mean 0.5) and the design of t/190-cost.c, with the constants of
 * t/data/cost/consts-test.csv: the header column by column, and every
 * value against the hand computation below; the extrapolated column; two
 * workloads in design-major order; the per-layer table's shape; a design
 * whose memory type has no constants.
 *
 * Design: RRAM, 0.5 V, 8 bits per cell, 2 ns, 8x8 crossbars, 1 x 1 x 4
 * macros, 0.5 MB GLB, 32 nm.  The layer fits one crossbar (4 rows, 3
 * columns used); 12 bit-MACs (one slice), 255 * 0.4 = 102 pulses each.
 * Energy (J):
 *   cells    1e-15 (2 * 12*102 + (12 - 2) * 12*102*0.5)  = 8.568e-12
 *   drivers  0.5^2 1e-15 (100 * 12/3 + 0.5 * 4*102*8)     = 5.08e-13
 *   adc      0.5^2 1e-15 * 200 * 12/4                      = 1.5e-13
 *   router   0.1 pJ * 56 bits (4*8 in + 3*8 out)           = 5.6e-12
 *   buffers  0.01 pJ * 56                                  = 5.6e-13
 *   glb      1 pJ * 56 (depth 2048: the first entry)       = 5.6e-11
 *   total                                                  = 7.1386e-11
 * Area (mm^2), 4 macros:
 *   cells    4 * 0.05 * 64 um^2           = 1.28e-05
 *   adc      4 * 800 * 8 um^2             = 0.0256
 *   drivers  4 * 5 * 8 um^2 (no low-V K)  = 0.00016
 *   buffers  4 * 100 um^2                 = 0.0004
 *   router   1 * 0.02                     = 0.02
 *   glb      a_glb_0_5mb                  = 1
 *   total                                 = 1.0461728
 * Latency: one reference cycle of 2 ns.  Fits: 1 crossbar needed, 4 on
 * chip.  Outside the calibrated range (RRAM 32-512 rows and columns, 4-64
 * tiles): rows, cols, tiles_per_group. */
#include "consts.h"
#include "costio.h"
#include "csvio.h"
#include "err.h"
#include "scratch.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


static const char *WANT_HEADER =
    "memory,voltage_v,bits_per_cell,cycle_ns,rows,cols,router_groups,"
    "tiles_per_group,macros_per_tile,glb_mb,tech_nm,workload,energy_j,"
    "latency_s,area_mm2,fits,energy_cells_j,energy_adc_j,energy_drivers_j,"
    "energy_shiftadd_j,energy_buffers_j,energy_router_j,energy_glb_j,"
    "energy_dram_j,area_cells_mm2,area_adc_mm2,area_drivers_mm2,"
    "area_shiftadd_mm2,area_buffers_mm2,area_router_mm2,area_glb_mm2,"
    "area_dram_mm2,extrapolated";

/* The values of the comment above, column by column from energy_j on. */
static const struct {
    const char *col;
    double v;
} want[] = {
    {"energy_j", 7.1386e-11},       {"latency_s", 2e-9},
    {"area_mm2", 1.0461728},        {"fits", 1},
    {"energy_cells_j", 8.568e-12},  {"energy_adc_j", 1.5e-13},
    {"energy_drivers_j", 5.08e-13}, {"energy_shiftadd_j", 0},
    {"energy_buffers_j", 5.6e-13},  {"energy_router_j", 5.6e-12},
    {"energy_glb_j", 5.6e-11},      {"energy_dram_j", 0},
    {"area_cells_mm2", 1.28e-5},    {"area_adc_mm2", 0.0256},
    {"area_drivers_mm2", 1.6e-4},   {"area_shiftadd_mm2", 0},
    {"area_buffers_mm2", 4e-4},     {"area_router_mm2", 0.02},
    {"area_glb_mm2", 1},            {"area_dram_mm2", 0},
};

/* Open what a writer wrote to scratch_path(), to read it back. */
static csvio_reader *
reopen(void)
{
    csvio_reader *r = csvio_open(scratch_path());
    if (!r)
        bail("cannot read back %s: %s", scratch_path(), scratch_msg());
    return r;
}

static void
test_batch(const cost_model *m, const design_range *g, net *tiny)
{
    design d = {DESIGN_RRAM, 0.5, 8, 2.0, 8, 8, 1, 1, 4, 0.5, 32};
    FILE *fp = fopen(scratch_path(), "w");
    net *nets[1] = {tiny};
    is_int(IMC_OK, costio_write_batch(fp, m, g, "d.csv", &d, 1, nets, 1,
                                      COST_LATENCY_REFERENCE), "write");
    fclose(fp);

    fp = fopen(scratch_path(), "r");
    char line[2048] = "";
    fgets(line, sizeof line, fp);
    line[strcspn(line, "\n")] = '\0';
    is_string(WANT_HEADER, line, "header: the fixed columns, then "
              "extrapolated last");
    fgets(line, sizeof line, fp);
    fclose(fp);
    is_string("RRAM,0.5,8,2,8,8,1,1,4,0.5,32,tiny,7.1386e-11,2e-09,1.0461728,"
              "1,8.568e-12,1.5e-13,5.08e-13,0,5.6e-13,5.6e-12,5.6e-11,0,"
              "1.28e-05,0.0256,0.00016,0,0.0004,0.02,1,0,"
              "rows;cols;tiles_per_group\n", line, "the row, as text");

    csvio_reader *r = reopen();
    ok(csvio_read(r) == IMC_OK, "one row");
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int c = csvio_col(r, want[i].col);
        double v = -1;
        ok(c >= 0 && csvio_get_double(r, (size_t)c, &v) == IMC_OK,
           "%s present", want[i].col);
        is_rel(want[i].v, v, 1e-9, "%s = %g", want[i].col, want[i].v);
    }
    is_string("tiny", csvio_field(r, (size_t)csvio_col(r, "workload")),
              "workload: the layer table's base name");
    is_int(IMC_EOF, csvio_read(r), "nothing more");
    csvio_close(r);
}

static void
test_two(const cost_model *m, const design_range *g, net *tiny)
{
    /* inside the calibrated range: 64x64, 4 x 8 x 16 */
    design d[2] = {{DESIGN_RRAM, 0.5, 8, 2.0, 64, 64, 4, 8, 16, 0.5, 32},
                   {DESIGN_RRAM, 0.8, 4, 1.0, 8, 8, 1, 1, 4, 64, 32}};
    net *other = net_alloc("other");
    net_push(other, &tiny->layers[0]);
    net *nets[2] = {tiny, other};
    FILE *fp = fopen(scratch_path(), "w");
    is_int(IMC_OK, costio_write_batch(fp, m, g, "d.csv", d, 2, nets, 2,
                                      COST_LATENCY_REFERENCE), "two by two");
    fclose(fp);
    csvio_reader *r = reopen();
    int cw = csvio_col(r, "workload"), cx = csvio_col(r, "extrapolated");
    const char *order[4][2] = {{"tiny", ""}, {"other", ""},
                               {"tiny", "rows;cols;tiles_per_group;glb_mb"},
                               {"other", "rows;cols;tiles_per_group;glb_mb"}};
    for (int i = 0; i < 4; i++) {
        ok(csvio_read(r) == IMC_OK, "row %d", i + 1);
        is_string(order[i][0], csvio_field(r, (size_t)cw),
                  "row %d: workload %s (design-major)", i + 1, order[i][0]);
        is_string(order[i][1], csvio_field(r, (size_t)cx),
                  "row %d: extrapolated '%s'", i + 1, order[i][1]);
    }
    csvio_close(r);

    /* per layer: one row per design, workload and layer */
    cost_layer scratch[1];
    fp = fopen(scratch_path(), "w");
    is_int(IMC_OK, costio_write_layers(fp, m, g, "d.csv", d, 2, nets, 2,
                                       COST_LATENCY_REFERENCE, scratch),
           "per layer");
    fclose(fp);
    r = reopen();
    int rows = 0;
    while (csvio_read(r) == IMC_OK)
        rows++;
    is_int(4, rows, "2 designs x 2 workloads x 1 layer");
    is_string("extrapolated", csvio_colname(r, csvio_ncols(r) - 1),
              "per layer: extrapolated last too");
    ok(csvio_col(r, "layer") >= 0 && csvio_col(r, "valid") >= 0,
       "per layer: layer and mapping columns");
    csvio_close(r);
    net_free(other);

    /* an SRAM design without SRAM constants: refused at its line */
    design s[2] = {d[0], {DESIGN_SRAM, 0.7, 1, 4, 16, 16, 1, 2, 2, 1, 22}};
    fp = fopen(scratch_path(), "w");
    scratch_clear();
    is_int(IMC_EINPUT, costio_write_batch(fp, m, g, "d.csv", s, 2, nets, 1,
                                          COST_LATENCY_REFERENCE),
           "no SRAM constants");
    fclose(fp);
    is_string("d.csv:3: no SRAM constants loaded for this design", scratch_msg(),
              "message at the design's line");
}

int
main(void)
{
    plan(65);
    scratch_init();
    char file[512];
    snprintf(file, sizeof file, "%s/cost/consts-test.csv", tap_data());
    cost_model *m = cost_model_load(file, NULL);
    snprintf(file, sizeof file, "%s/cost/tiny.csv", tap_data());
    net *tiny = NULL;
    design_range g;
    if (!m || net_read_table(file, &tiny) != IMC_OK ||
        design_range_read("experiments/constants/calibrated-range.csv", &g))
        bail("cannot load the fixtures: %s", scratch_msg());
    test_batch(m, &g, tiny);
    test_two(m, &g, tiny);
    net_free(tiny);
    cost_model_free(m);
    scratch_done();
    return 0;
}
