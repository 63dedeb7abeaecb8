/* t/190-cost.c: the cost model against hand-computed counts, energy,
 * latency and area for a tiny layer on a tiny design (derivation in the
 * comments), the constants reader's error paths, and the fast paths
 * against the plain ones, bit for bit: cost_design_factors (fresh and
 * updated one parameter at a time), the GLB values kept per model, and
 * cost_plan counts on random networks. */
#include "consts.h"
#include "cost.h"
#include "design.h"
#include "err.h"
#include "random-net.h"
#include "tap.h"

#include <gsl/gsl_rng.h>

#include <math.h>
#include <stddef.h>
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


/* Bitwise equality of two doubles (the fast paths promise the same bits,
 * not values within a tolerance). */
static int
same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* A random value of a list. */
static double
pick(gsl_rng *r, const double *v, size_t n)
{
    return v[gsl_rng_uniform_int(r, n)];
}

/* A random design of memory mem over wide ranges (nodes 7 .. 45, voltages
 * below and above every threshold, GLB sizes on and off the table). */
static design
random_design(gsl_rng *r, design_memory mem)
{
    static const double volts[] = {0.3, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7,
                                   0.75, 0.8, 0.85, 1.1};
    static const double nodes[] = {7, 10, 14, 22, 32, 45};
    static const double glbs[] = {0.5, 1, 2, 3, 4, 8, 16, 32, 64, 100, 128,
                                  256};
    static const double sizes[] = {16, 32, 64, 128, 256, 512};
    static const double fan[] = {1, 2, 4, 6, 8, 16, 32, 64};
    design d;
    memset(&d, 0, sizeof d);
    d.memory = mem;
    d.voltage_v = pick(r, volts, 11);
    d.bits_per_cell = mem == DESIGN_SRAM ? 1 : 1 + (long)gsl_rng_uniform_int(r, 8);
    d.cycle_ns = 1 + (double)gsl_rng_uniform_int(r, 10);
    d.rows = (long)pick(r, sizes, 6);
    d.cols = (long)pick(r, sizes, 6);
    d.router_groups = (long)pick(r, fan, 8);
    d.tiles_per_group = (long)pick(r, fan, 8);
    d.macros_per_tile = (long)pick(r, fan, 8);
    d.glb_mb = pick(r, glbs, 12);
    d.tech_nm = (long)pick(r, nodes, 6);
    return d;
}

/* Random counts: every field positive, magnitudes like a network's. */
static void
random_counts(gsl_rng *r, cost_counts *c)
{
    double *f[] = {&c->cell_pulses, &c->cell_pulses_w, &c->row_acts,
                   &c->row_on_cols, &c->conversions, &c->act_bits,
                   &c->refetch_in_bits, &c->refetch_out_bits,
                   &c->weight_bits, &c->replica_bits, &c->cycles_ref,
                   &c->pulses_phys, &c->write_rows_phys, &c->xbars_needed,
                   &c->dyn_write_cells, &c->dyn_write_cells_w};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        *f[i] = exp(2 + 20 * gsl_rng_uniform(r));
    c->mappable = 1;
}

/* cost_energy_with / cost_area_with against cost_energy / cost_area: fresh
 * factors per design, and one struct updated along a walk that changes one
 * parameter at a time (what a sweep does), for both memory types. */
static void
test_factors(gsl_rng *r, const cost_model *m)
{
    long bad_fresh = 0, bad_walk = 0;
    for (int mem = 0; mem < 2; mem++) {
        cost_design_factors walk;
        cost_design_factors_clear(&walk);
        design d = random_design(r, (design_memory)mem);
        for (int i = 0; i < 3000; i++) {
            design e = random_design(r, (design_memory)mem);
            /* change one parameter of d, or all of them */
            switch (gsl_rng_uniform_int(r, 5)) {
            case 0: d.voltage_v = e.voltage_v; break;
            case 1: d.tech_nm = e.tech_nm; break;
            case 2: d.glb_mb = e.glb_mb; break;
            case 3: d.cols = e.cols; d.rows = e.rows; break;
            default: d = e;
            }
            cost_counts c;
            random_counts(r, &c);
            double ce[COST_NCOMP], ca[COST_NCOMP], fe[COST_NCOMP],
                fa[COST_NCOMP];
            double e0 = cost_energy(m, &d, &c, ce);
            double a0 = cost_area(m, &d, ca);
            cost_design_factors f;
            cost_design_factors_clear(&f);
            cost_design_factors_update(m, &d, &f);
            double e1 = cost_energy_with(m, &d, &f, &c, fe);
            double a1 = cost_area_with(m, &d, &f, fa);
            int ok1 = same(e0, e1) && same(a0, a1) &&
                      memcmp(ce, fe, sizeof ce) == 0 &&
                      memcmp(ca, fa, sizeof ca) == 0;
            cost_design_factors_update(m, &d, &walk);
            int ok2 = same(e0, cost_energy_with(m, &d, &walk, &c, NULL)) &&
                      same(a0, cost_area_with(m, &d, &walk, NULL));
            bad_fresh += !ok1;
            bad_walk += !ok2;
        }
    }
    is_int(0, bad_fresh, "factors: fresh factors give cost_energy and "
           "cost_area bit for bit (6000 designs)");
    is_int(0, bad_walk, "factors: updated one parameter at a time, too");
}

/* The GLB energy and area the model keeps for the table's depths are
 * consts.c's interpolation; off the table it interpolates. */
static void
test_glb(const cost_model *m)
{
    const consts *k = cost_model_consts(m, DESIGN_SRAM);
    design d = {DESIGN_SRAM, 0.7, 1, 1, 64, 64, 2, 2, 2, 8, 32};
    cost_counts c;
    memset(&c, 0, sizeof c);
    c.act_bits = 1e6;
    long bad = 0;
    for (double mb = 0.25; mb <= 256; mb *= 1.5) {
        d.glb_mb = mb;
        double comp[COST_NCOMP], area[COST_NCOMP];
        cost_energy(m, &d, &c, comp);
        cost_area(m, &d, area);
        double depth = design_glb_depth(&d);
        bad += !same(comp[COST_GLB],
                     c.act_bits * 1e-12 * 1 * consts_glb_energy_pj(k, depth));
        bad += !same(area[COST_GLB], consts_glb_area_mm2(k, depth) * 1);
    }
    for (int i = 0; i < CONSTS_NGLB; i++) {
        d.glb_mb = consts_glb_depths[i] / 4096;
        double comp[COST_NCOMP];
        cost_energy(m, &d, &c, comp);
        bad += !same(comp[COST_GLB],
                     c.act_bits * 1e-12 * consts_glb_energy_pj(
                                              k, consts_glb_depths[i]));
    }
    is_int(0, bad, "GLB: the model's table values are consts.c's");
}

/* cost_plan_counts against cost_counts_net, every field bit for bit, on
 * three random networks over 2000 random designs of both memory types. */
static void
test_plan(gsl_rng *r)
{
    net *nets[3] = {random_net(r, "a", 40, 600, 7, 120),
                    random_net(r, "b", 7, 600, 7, 120),
                    random_net(r, "c", 90, 600, 7, 120)};
    cost_plan *p = cost_plan_alloc((const net *const *)nets, 3, 0);
    if (!p)
        bail("out of memory");
    long bad = 0;
    for (int i = 0; i < 2000; i++) {
        design d = random_design(r, i % 2 ? DESIGN_SRAM : DESIGN_RRAM);
        for (size_t w = 0; w < 3; w++) {
            cost_counts a, b;
            cost_counts_net(&d, nets[w], &a);
            cost_plan_counts(p, w, &d, &b);
            bad += memcmp(&a, &b, offsetof(cost_counts, mappable)) != 0 ||
                   a.mappable != b.mappable;
        }
    }
    is_int(0, bad, "plan: counts of 3 random networks on 2000 designs "
           "equal cost_counts_net's");
    cost_plan_free(p);
    cost_plan_free(NULL);
    ok(1, "plan: freeing NULL is a no-op");
    for (int w = 0; w < 3; w++)
        net_free(nets[w]);
}

/* SRAM writes every layer's weights at every inference, so a dynamic
 * operand costs what a resident one does, bit for bit
 * (docs/cost-model.md 4.1). */
static void
test_sram_dynamic(const cost_model *m)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cost/tiny.csv", tap_data());
    net *n;
    if (net_read_table(path, &n) != IMC_OK)
        bail("cannot read %s: %s", path, msg);
    design d = {DESIGN_SRAM, 0.8, 1, 2.0, 8, 8, 1, 1, 4, 0.5, 32};
    cost_result plain, dyn;
    cost_eval_net(m, &d, n, COST_LATENCY_PHYSICAL, &plain);
    n->layers[0].dynamic = 1;
    cost_eval_net(m, &d, n, COST_LATENCY_PHYSICAL, &dyn);
    ok(same(plain.energy_j, dyn.energy_j) &&
           same(plain.latency_s, dyn.latency_s),
       "SRAM: a dynamic operand costs what a resident one does");
    net_free(n);
}

int
main(void)
{
    plan(32 + 7 + 2 + 1 + 1 + 2);
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

    /* The same layer as a dynamic operand (a matmul's activation): its
     * 12 cells (one replica, one slice each) are programmed at every
     * inference, 0.183 pJ off state + (0.99 - 0.183) pJ * w_mean_8 0.5 on
     * top, = 7.038 pJ; physical mode writes the 8 rows first, 16 ns. */
    is_double(0, c.dyn_write_cells, 0, "no dynamic layer: no cell writes");
    n->layers[0].dynamic = 1;
    cost_counts cd;
    cost_counts_net(&d, n, &cd);
    is_double(12, cd.dyn_write_cells, 1e-12, "dynamic: 12 cells written");
    is_double(6, cd.dyn_write_cells_w, 1e-12, "weighted by w_mean_8 = 0.5");
    double compd[COST_NCOMP];
    cost_energy(m, &d, &cd, compd);
    is_double(8568e-15 + 7.038e-12, compd[COST_CELLS], 1e-20,
              "dynamic: cell energy + 7.038 pJ of writes");
    is_double(comp[COST_DRIVERS], compd[COST_DRIVERS], 0,
              "dynamic: drivers unchanged");
    is_rel(2e-9, cost_latency(m, &d, &cd, COST_LATENCY_REFERENCE), 1e-12,
           "dynamic: reference latency unchanged (the reference charges "
           "no writes)");
    is_rel(526e-9, cost_latency(m, &d, &cd, COST_LATENCY_PHYSICAL), 1e-12,
           "dynamic: physical latency 510 ns + 8 rows of 2 ns");
    n->layers[0].dynamic = 0;

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

    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    cost_model *real = cost_model_load("experiments/constants/rram.csv",
                                       "experiments/constants/sram.csv");
    if (!rng || !real)
        bail("cannot load experiments/constants: %s", msg);
    gsl_rng_set(rng, 190);
    test_sram_dynamic(real);
    test_factors(rng, real);
    test_glb(real);
    test_plan(rng);
    cost_model_free(real);
    gsl_rng_free(rng);
    return 0;
}
