/* t/190-cost.c: the cost model against hand-computed counts, energy,
 * latency and area for a tiny layer on a tiny design (derivation in the
 * comments), and the constants reader's error paths. */
#include "consts.h"
#include "cost.h"
#include "err.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

static int
bad_consts(const char *body, const char *expect, const char *what)
{
    char path[] = "/tmp/imc-consts-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    fputs(body, fp);
    fclose(fp);
    consts c;
    msg[0] = '\0';
    int st = consts_read(path, &c);
    remove(path);
    char *colon = strchr(msg, ':');  /* drop the temporary file name */
    ok(st == IMC_EINPUT, "%s: refused", what);
    return is_string(expect, colon ? colon + 1 : msg, "%s: message", what);
}

int
main(void)
{
    plan(32);
    imc_err_set_handler(capture);
    char path[512];
    snprintf(path, sizeof path, "%s/cost/consts-test.csv", tap_data());
    cost_model *m = cost_model_load(path, NULL);
    if (!m)
        bail("cannot load %s: %s", path, msg);
    snprintf(path, sizeof path, "%s/cost/tiny.csv", tap_data());
    net *n;
    if (net_read_table(path, &n) != IMC_OK)
        bail("cannot read %s: %s", path, msg);

    /* RRAM, 8 bits per cell, 8x8 crossbars, 4 macros, 0.5 V, 2 ns. */
    design d = {DESIGN_RRAM, 0.5, 8, 2.0, 8, 8, 1, 1, 4, 0.5, 32};
    cost_counts c;
    cost_counts_net(&d, n, &c);
    /* C = 4 fits the 8 rows, M = 3 the 8 columns: r_u = 4, c_u = 3;
     * bit-MACs = 12 * ceil(8/8) = 12; pulses per read 255 * 0.4 = 102. */
    is_double(1224, c.cell_pulses, 1e-9, "cell pulses = 12 * 102");
    is_double(612, c.cell_pulses_w, 1e-9, "weighted by w_mean_8 = 0.5");
    is_double(4, c.row_acts, 1e-12, "row activations = 12 / c_u 3");
    is_double(3264, c.row_on_cols, 1e-9, "row ON x cols = 4 * 102 * 8");
    is_double(3, c.conversions, 1e-12, "conversions = 12 / r_u 4");
    is_double(56, c.act_bits, 1e-12, "activation bits = 4*8 in + 3*8 out");
    is_double(96, c.weight_bits, 1e-12, "weight bits = 12 * 8");
    is_double(1, c.cycles_ref, 1e-12, "one reference cycle");
    is_double(1, c.xbars_needed, 1e-12, "one crossbar holds the weights");
    ok(c.mappable, "reference mapping valid");

    double comp[COST_NCOMP];
    double e = cost_energy(m, &d, &c, comp);
    /* cells 2*1224 + (12-2)*612 = 8568 fJ; drivers 0.25*(100*4 + 0.5*3264)
     * = 508 fJ; ADC 0.25*200*3 = 150 fJ; router 0.1*56, buffers 0.01*56,
     * GLB 1*56 pJ. */
    is_double(8568e-15, comp[COST_CELLS], 1e-20, "cell energy");
    is_double(508e-15, comp[COST_DRIVERS], 1e-20, "driver energy");
    is_double(150e-15, comp[COST_ADC], 1e-20, "ADC energy");
    is_double(5.6e-12, comp[COST_ROUTER], 1e-20, "router energy");
    is_double(0.56e-12, comp[COST_BUFFERS], 1e-20, "buffer energy");
    is_double(56e-12, comp[COST_GLB], 1e-20, "GLB energy");
    is_double(0, comp[COST_DRAM], 1e-30, "no DRAM for RRAM");
    is_rel(71.386e-12, e, 1e-12, "total energy 71.386 pJ");

    /* per macro 100 + 800*8 + 5*8 + 0.05*64 = 6543.2 um^2, 4 macros;
     * router 0.02 mm^2, GLB 1 mm^2 */
    double area[COST_NCOMP];
    is_rel(1.0461728, cost_area(m, &d, area), 1e-12, "area 1.0461728 mm^2");
    is_rel(4 * 3.2e-6, area[COST_CELLS], 1e-12, "cell area");
    is_rel(4 * 6400e-6, area[COST_ADC], 1e-12, "column periphery area");

    is_rel(2e-9, cost_latency(m, &d, &c, COST_LATENCY_REFERENCE), 1e-12,
           "reference latency: 1 cycle of 2 ns");
    /* 1 crossbar needed, 4 on chip: 4 replicas, 1 output position, so one
     * read of 255 pulses of 2 ns */
    is_rel(510e-9, cost_latency(m, &d, &c, COST_LATENCY_PHYSICAL), 1e-12,
           "physical latency: 255 pulses of 2 ns");

    cost_result r;
    cost_eval_net(m, &d, n, COST_LATENCY_REFERENCE, &r);
    is_rel(e, r.energy_j, 1e-12, "cost_eval_net energy = cost_energy");
    ok(r.fits, "fits");
    d.macros_per_tile = 1;
    d.cols = 2;      /* 3 columns need 2 crossbars now, the chip has 1 */
    cost_eval_net(m, &d, n, COST_LATENCY_REFERENCE, &r);
    ok(!r.fits, "2 crossbars needed, 1 on chip: does not fit");

    bad_consts("name,value,unit,fit,start,source\nbogus,1,fJ,0,1,x\n",
               "2: column 'name': unknown constant 'bogus'", "unknown name");
    bad_consts("name,value,unit,fit,start,source\ne_row_fj,1,pJ,0,1,x\n",
               "2: constant 'e_row_fj': unit 'pJ', expected 'fJ/V^2'",
               "wrong unit");
    bad_consts("name,value,unit,fit,start,source\n",
               "1: missing constant 'e_cell_lo_fj'", "missing constant");
    cost_model_free(m);
    net_free(n);
    return 0;
}
