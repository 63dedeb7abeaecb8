/* bench.c: the cost-model throughput loop, through the search's evaluator
 * (see bench.h). */
#include "bench.h"
#include "err.h"
#include "search.h"

#include <math.h>
#include <time.h>

static double
now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Evaluate ndesigns random designs; see bench.h. */
int
bench_cost(const cost_model *m, const space *s, net *const *nets,
           size_t nnets, size_t ndesigns, cost_latency_mode mode,
           gsl_rng *rng, bench_result *out)
{
    int genes[DESIGN_NPARAM];
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    int ng = space_ngenes(s);
    space_bounds(s, lo, hi);
    if (!cost_model_has_p(m, s->memory))
        return imc_fail(NULL, 0, "no %s constants loaded",
                        design_memory_name(s->memory));
    /* the objective and area limit do not change the per-workload values
     * summed below; no design cache (search_peek) */
    search_problem *p = search_problem_alloc(
        s, m, (const net *const *)nets, nnets,
        nnets == 1 ? SEARCH_SINGLE : SEARCH_JOINT, 800, mode, 0);
    if (!p)
        return IMC_EINPUT;
    double layers = 0;
    for (size_t w = 0; w < nnets; w++)
        layers += (double)nets[w]->n;
    double sum = 0, t0 = now_s();
    for (size_t i = 0; i < ndesigns; i++) {
        search_result r;
        for (int g = 0; g < ng; g++)
            genes[g] = (int)gsl_rng_uniform_int(rng, (unsigned long)hi[g] + 1);
        search_peek(p, genes, &r);
        for (size_t w = 0; w < nnets; w++)
            sum += log(r.energy_j[w] * r.latency_s[w] * r.area_mm2);
    }
    out->seconds = now_s() - t0;
    search_problem_free(p);
    out->designs = (double)ndesigns;
    out->evaluations = (double)ndesigns * (double)nnets;
    out->layer_evals = (double)ndesigns * layers;
    out->checksum = sum;
    return IMC_OK;
}
