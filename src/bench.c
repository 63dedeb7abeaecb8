/* bench.c: the cost-model throughput loop. */
#include "bench.h"
#include "err.h"

#include <math.h>
#include <time.h>

static double
now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

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
    double layers = 0;
    for (size_t w = 0; w < nnets; w++)
        layers += (double)nets[w]->n;
    cost_plan *plan = cost_plan_alloc((const net *const *)nets, nnets);
    double sum = 0, t0 = now_s();
    for (size_t i = 0; i < ndesigns; i++) {
        design d;
        for (int g = 0; g < ng; g++)
            genes[g] = (int)gsl_rng_uniform_int(rng, (unsigned long)hi[g] + 1);
        space_decode(s, genes, &d);
        for (size_t w = 0; w < nnets; w++) {
            cost_result r;
            cost_counts c;
            cost_plan_counts(plan, w, &d, &c);
            r.energy_j = cost_energy(m, &d, &c, NULL);
            r.latency_s = cost_latency(m, &d, &c, mode);
            r.area_mm2 = cost_area(m, &d, NULL);
            sum += log(r.energy_j * r.latency_s * r.area_mm2);
        }
    }
    out->seconds = now_s() - t0;
    cost_plan_free(plan);
    out->designs = (double)ndesigns;
    out->evaluations = (double)ndesigns * (double)nnets;
    out->layer_evals = (double)ndesigns * layers;
    out->checksum = sum;
    return IMC_OK;
}
