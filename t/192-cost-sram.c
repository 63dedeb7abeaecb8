/* t/192-cost-sram.c: the SRAM energy branch of src/cost.c worked out by
 * hand, so that any change to its numbers shows.  Constants:
 * t/data/cost-sram/consts.csv (round figures); network:
 * t/data/cost-sram/two-layers.csv, two linear layers with x_mean 0.4 and
 * w_mean 0.5 (255 * 0.4 = 102 pulses per read):
 *   a: C = 16, M = 2 (32 weights, 32 MACs)    b: C = 4, M = 16 (64, 64)
 * Design: SRAM, 0.8 V, 1 bit per cell, 2 ns, 8x8 crossbars, 1 x 1 x 2
 * macros, 0.5 MB GLB (depth 2048), at 32 nm and again at 8 nm.
 *
 * Mapping (map_reference, SRAM): a weight takes Y = 8 one-bit slices.
 *   a: rows take C: 16 > 8, the greedy search gives C 8 (residual 2);
 *      columns take Y 8, M 1 (residual M 2); the 2 macros take M 2.
 *      Residuals C 2: in_tiles = 2, out_tiles = 1; cycles 2.
 *      rows_used 8, cols_used 8, p_spatial 1.
 *   b: rows take all of C = 4; columns Y 8 (residual M 16); the macros
 *      take M 2 (residual 8).  in_tiles = 1, out_tiles = 8; cycles 8.
 *      rows_used 4, cols_used 8, p_spatial 1.
 * Counts (cost_counts_layer), bit-MACs = MACs * 8 slices: a 256, b 512:
 *   cell_pulses    256*102 + 512*102                    = 78336
 *   cell_pulses_w  78336 * w_mean_1 0.5                 = 39168
 *   row_acts       256/8 + 512/8                        = 96
 *   row_on_cols    (32 + 64) * 102 * 8 columns          = 78336
 *   conversions    256/8 + 512/4                        = 160
 *   act_bits       a 16*8 in + 2*8 out, b 4*8 + 16*8    = 304
 *   refetch_in     b: 32 input bits * (8 - 1)           = 224
 *   refetch_out    a: 16 output bits * (2 - 1)          = 16
 *   weight_bits = replica_bits  (32 + 64) * 8           = 768
 *   cycles_ref     2 + 8                                = 10
 *
 * Energy at 32 nm (cost_energy; every node factor is 1):
 *   cells   cell_scale 2 * 1e-15 (0.5 * 78336 + (1.5 - 0.5) * 39168)
 *           = 1.56672e-10
 *   low-V factor 1 + sigma 0.1 / (0.8 - vt 0.4)^alpha 2 = 1.625;
 *   periphery per fJ: 0.8^2 * 1.625 * 1e-15 = 1.04e-15
 *   drivers, rows: 1.04e-15 (e_row 100 * 96 + e_rowon 0.5 * 78336)
 *           = 1.04e-15 * 48768 = 5.071872e-11
 *   drivers, upsizing: K = lowv_a_k 32 / 0.4^2 = 200 um^2, over 8 columns
 *           25 um^2; 0.64e-15 * 25 * (c_up_on 2 * 78336/8 + c_up_wr 4 *
 *           768/8) = 0.64e-15 * 25 * 19968 = 3.19488e-10
 *   drivers, weight writes: 1e-15 * e_write 1000 * 0.64 * (0.8 - write_vt
 *           0.3)^2 * 768 = 1.2288e-10
 *   drivers = 5.071872e-11 + 3.19488e-10 + 1.2288e-10 = 4.9308672e-10
 *   adc     1.04e-15 * 200 * 160                       = 3.328e-11
 *   shiftadd 1e-15 * 10 * 160                          = 1.6e-12
 *   dram    1e-12 * 8 pJ * reload 1.5 * 768            = 9.216e-09
 *   router  304 * 0.1 pJ                               = 3.04e-11
 *   glb     304 * 1 pJ (depth 2048)                    = 3.04e-10
 *   buffers 304 * 0.01 pJ + (2 pJ * 224 + 3 pJ * 16)   = 4.9904e-10
 *   total                                              = 1.073407872e-08
 *
 * At 8 nm: log2(8/32) = -2, so lowv_vt = 0.4 - 2 * 0.05 = 0.3 and write_vt
 * = 0.3 - 2 * 0.05 = 0.2; periphery factor (8/32)^1 = 0.25; buffers and
 * router (8/32)^2 = 0.0625; FinFET (<= 14 nm) write factor 2 * (14/8)^2 =
 * 6.125.
 *   low-V factor 1 + 0.1 / 0.5^2 = 1.4; periphery 0.64 * 1.4 * 0.25e-15
 *           = 0.224e-15
 *   drivers, rows: 0.224e-15 * 48768 = 1.0924032e-11
 *   drivers, upsizing: K = 32 / 0.25 = 128 um^2, 16 per column;
 *           0.64 * 0.25e-15 * 16 * 19968 = 5.111808e-11
 *   drivers, writes: 0.25 * 6.125 * 1e-15 * 1000 * 0.64 * 0.6^2 * 768
 *           = 2.709504e-10
 *   drivers = 3.32992512e-10
 *   cells 1.56672e-10 (no node factor); adc 0.224e-15 * 32000 = 7.168e-12;
 *   shiftadd 0.25e-15 * 1600 = 4e-13; dram 9.216e-09;
 *   router 0.0625 * 3.04e-11 = 1.9e-12; glb 0.0625 * 3.04e-10 = 1.9e-11;
 *   buffers 0.0625 * (3.04e-12 + 4.96e-10) = 3.119e-11
 *   total = 9.765322512e-09
 */
#include "consts.h"
#include "cost.h"
#include "err.h"
#include "tap.h"

#include <stdio.h>

/* The relative tolerance the hand values are held to. */
#define REL 1e-12

static const char *const comp_what[COST_NCOMP] = {
    "cells", "adc", "drivers", "shiftadd", "buffers", "router", "glb",
    "dram"};

static void
check_energy(const cost_model *m, const design *d, const net *n,
             const double want[COST_NCOMP], double total, const char *at)
{
    cost_counts c;
    cost_counts_net(d, n, &c);
    double comp[COST_NCOMP];
    double e = cost_energy(m, d, &c, comp);
    for (int i = 0; i < COST_NCOMP; i++)
        is_rel(want[i], comp[i], REL, "%s: %s energy %g J", at, comp_what[i],
               want[i]);
    is_rel(total, e, REL, "%s: cost_energy total %g J", at, total);
    cost_result r;
    cost_eval_net(m, d, n, COST_LATENCY_REFERENCE, &r);
    is_rel(total, r.energy_j, REL, "%s: cost_eval_net energy", at);
    is_int(1, r.fits, "%s: SRAM always fits (weights streamed)", at);
}

int
main(void)
{
    plan(34);
    char path[512];
    snprintf(path, sizeof path, "%s/cost-sram/consts.csv", tap_data());
    cost_model *m = cost_model_load(NULL, path);
    snprintf(path, sizeof path, "%s/cost-sram/two-layers.csv", tap_data());
    net *n = NULL;
    if (!m || net_read_table(path, &n) != IMC_OK)
        bail("cannot load the fixtures: %s", imc_err_last());

    design d = {DESIGN_SRAM, 0.8, 1, 2.0, 8, 8, 1, 1, 2, 0.5, 32};
    cost_counts c;
    cost_counts_net(&d, n, &c);
    is_double(78336, c.cell_pulses, 0, "cell pulses");
    is_double(39168, c.cell_pulses_w, 0, "weighted cell pulses");
    is_double(96, c.row_acts, 0, "row activations");
    is_double(78336, c.row_on_cols, 0, "row ON pulses x columns");
    is_double(160, c.conversions, 0, "conversions");
    is_double(304, c.act_bits, 0, "activation bits");
    is_double(224, c.refetch_in_bits, 0, "inputs re-read (layer b)");
    is_double(16, c.refetch_out_bits, 0, "partial sums moved (layer a)");
    is_double(768, c.weight_bits, 0, "weight bits");
    is_double(768, c.replica_bits, 0, "replica bits (no replication)");
    is_double(10, c.cycles_ref, 0, "reference cycles 2 + 8");
    is_rel(2e-8, cost_latency(m, &d, &c, COST_LATENCY_REFERENCE), REL,
           "reference latency 10 cycles of 2 ns");

    const double at32[COST_NCOMP] = {1.56672e-10, 3.328e-11, 4.9308672e-10,
                                     1.6e-12,     4.9904e-10, 3.04e-11,
                                     3.04e-10,    9.216e-9};
    check_energy(m, &d, n, at32, 1.073407872e-08, "32 nm");
    d.tech_nm = 8;
    const double at8[COST_NCOMP] = {1.56672e-10, 7.168e-12, 3.32992512e-10,
                                    4e-13,       3.119e-11, 1.9e-12,
                                    1.9e-11,     9.216e-9};
    check_energy(m, &d, n, at8, 9.765322512e-09, "8 nm");
    net_free(n);
    cost_model_free(m);
    return 0;
}
