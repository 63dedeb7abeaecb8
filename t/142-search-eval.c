/* 142-search-eval: the search's evaluator (search.c: cost_plan mappings,
 * per-design factors, per-geometry count cache) against plain
 * cost_eval_net calls, bit for bit, on random networks and random designs
 * of P2's RRAM space and the 9-workload SRAM space.  The designs come in
 * runs that keep the geometry and change voltage, cycle time or buffer
 * size (count-cache hits), between jumps to new geometries (misses, and
 * with 36,000 geometries against at most 4,096 slots, slots taken over). */
#include "cost.h"
#include "err.h"
#include "random-net.h"
#include "search.h"
#include "space.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <string.h>

#define NNETS 3

static int
same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* search_peek on 3000 designs of the space at path against cost_eval_net
 * per workload; returns the designs that differ. */
static long
compare_space(gsl_rng *r, const char *path, const cost_model *m,
              net *const *nets, cost_latency_mode mode)
{
    space s;
    if (space_read(path, &s) != IMC_OK)
        bail("cannot read %s", path);
    search_problem *p = search_problem_alloc(
        &s, m, (const net *const *)nets, NNETS, SEARCH_JOINT, 800, mode, 0);
    if (!p)
        bail("cannot build a problem on %s", path);
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    int genes[DESIGN_NPARAM], ng = space_ngenes(&s);
    space_bounds(&s, lo, hi);
    long bad = 0;
    for (int i = 0; i < 3000; i++) {
        if (i % 4 == 0) /* a new design, most likely a new geometry */
            for (int g = 0; g < ng; g++)
                genes[g] = (int)gsl_rng_uniform_int(r, (unsigned long)hi[g] + 1);
        else /* same geometry: another voltage, cycle time or GLB */
            for (int g = 0; g < ng; g++) {
                int k = s.gene_param[g];
                if (k == DESIGN_VOLTAGE || k == DESIGN_CYCLE ||
                    k == DESIGN_GLB)
                    genes[g] = (int)gsl_rng_uniform_int(
                        r, (unsigned long)hi[g] + 1);
            }
        search_result got;
        design d;
        if (search_peek(p, genes, &got) != IMC_OK ||
            space_decode(&s, genes, &d) != IMC_OK)
            bail("genes out of bounds");
        int ok1 = got.nwork == NNETS;
        for (size_t w = 0; w < NNETS; w++) {
            cost_result c;
            cost_eval_net(m, &d, nets[w], mode, &c);
            ok1 &= same(c.energy_j, got.energy_j[w]) &&
                   same(c.latency_s, got.latency_s[w]) &&
                   same(c.area_mm2, got.area_mm2) &&
                   same(c.xbars_needed, got.xbars_needed[w]) &&
                   c.fits == got.fits[w];
        }
        if (!ok1 && bad++ < 3)
            diag("%s: design %d differs", path, i);
    }
    search_problem_free(p);
    return bad;
}

int
main(void)
{
    plan(4);
    cost_model *m = cost_model_load("experiments/constants/rram.csv",
                                    "experiments/constants/sram.csv");
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!m || !r)
        bail("cannot load experiments/constants");
    gsl_rng_set(r, 142);
    net *nets[NNETS] = {random_net(r, "a", 30, 300, 5, 60),
                        random_net(r, "b", 6, 300, 5, 60),
                        random_net(r, "c", 60, 300, 5, 60)};
    is_int(0, compare_space(r, "experiments/space-rram-p2.csv", m, nets,
                            COST_LATENCY_REFERENCE),
           "RRAM P2 space, reference latency: the evaluator is "
           "cost_eval_net bit for bit");
    is_int(0, compare_space(r, "experiments/space-rram-p2.csv", m, nets,
                            COST_LATENCY_PHYSICAL),
           "RRAM P2 space, physical latency");
    is_int(0, compare_space(r, "experiments/space-sram-9.csv", m, nets,
                            COST_LATENCY_REFERENCE),
           "SRAM 9-workload space, reference latency");
    is_int(0, compare_space(r, "experiments/space-sram-9.csv", m, nets,
                            COST_LATENCY_PHYSICAL),
           "SRAM 9-workload space, physical latency");
    for (int w = 0; w < NNETS; w++)
        net_free(nets[w]);
    gsl_rng_free(r);
    cost_model_free(m);
    return 0;
}
