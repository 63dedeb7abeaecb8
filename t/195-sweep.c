/* t/195-sweep.c: the exhaustive sweep, which reuses action counts across
 * designs of one geometry, finds the same optimum scores as brute force
 * (cost_eval_net on every design, no reuse), for RRAM and SRAM spaces and
 * both latency modes; and its design really has the score it reports. */
#include "err.h"
#include "sweep.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

/* Brute force over every gene vector of s: the best score per target. */
static void
brute(const cost_model *m, const space *s, net *const *nets, size_t nn,
      cost_latency_mode mode, double area_max, double *best, size_t nt)
{
    int genes[DESIGN_NPARAM] = {0};
    int ng = space_ngenes(s);
    for (size_t t = 0; t < nt; t++)
        best[t] = INFINITY;
    for (;;) {
        design d;
        space_decode(s, genes, &d);
        double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], A = 0;
        int all = 1, fits[SEARCH_MAX_WORKLOADS];
        for (size_t w = 0; w < nn; w++) {
            cost_result r;
            cost_eval_net(m, &d, nets[w], mode, &r);
            E[w] = r.energy_j;
            L[w] = r.latency_s;
            A = r.area_mm2;
            fits[w] = r.fits;
            all &= r.fits;
        }
        if (A <= area_max) {
            for (size_t w = 0; w < nn; w++)
                if (fits[w])
                    best[w] = fmin(best[w], E[w] * L[w] * A);
            const search_objective agg[3] = {SEARCH_JOINT, SEARCH_MEAN,
                                             SEARCH_ALL};
            for (int k = 0; all && nn > 1 && k < 3; k++)
                best[nn + (size_t)k] = fmin(best[nn + (size_t)k],
                                            search_aggregate(agg[k], nn, E,
                                                             L, A));
        }
        int i = ng - 1;
        while (i >= 0 && ++genes[i] >= s->nvalues[s->gene_param[i]])
            genes[i--] = 0;
        if (i < 0)
            break;
    }
}

static void
check(const char *what, const cost_model *m, const char *space_path,
      net *const *nets, size_t nn, cost_latency_mode mode, double area_max)
{
    space s;
    if (space_read(space_path, &s) != IMC_OK)
        bail("%s", msg);
    sweep_result r;
    is_int(IMC_OK, sweep_run(m, &s, nets, nn, mode, area_max, &r),
           "%s: sweep runs", what);
    is_rel(space_size(&s), r.designs, 0, "%s: every design enumerated",
           what);
    double best[SWEEP_MAX_TARGETS];
    brute(m, &s, nets, nn, mode, area_max, best, r.ntargets);
    int found = 0, same = 1, real = 1;
    for (size_t t = 0; t < r.ntargets; t++) {
        if (!r.best[t].found) {
            same &= isinf(best[t]);
            continue;
        }
        found++;
        same &= fabs(r.best[t].score / best[t] - 1) < 1e-12;
        /* the reported design has the reported score */
        double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], A = 0;
        for (size_t w = 0; w < nn; w++) {
            cost_result c;
            cost_eval_net(m, &r.best[t].d, nets[w], mode, &c);
            E[w] = c.energy_j;
            L[w] = c.latency_s;
            A = c.area_mm2;
        }
        size_t w = t < nn ? t : 0;
        double score = t < nn ? E[w] * L[w] * A
                              : search_aggregate(r.best[t].objective, nn, E,
                                                 L, A);
        real &= fabs(score / r.best[t].score - 1) < 1e-12;
    }
    ok(found > 0, "%s: %d targets have a feasible design", what, found);
    ok(same, "%s: optimum scores equal brute force", what);
    ok(real, "%s: each reported design re-evaluates to its score", what);
}

int
main(void)
{
    plan(17);
    imc_err_set_handler(capture);
    cost_model *m = cost_model_load("experiments/constants/rram.csv",
                                    "experiments/constants/sram.csv");
    net *nets[2];
    if (!m || net_read_table("t/data/ga-search/small.csv", &nets[0]) ||
        net_read_table("t/data/ga-search/tiny.csv", &nets[1]))
        bail("fixtures: %s", msg);
    check("RRAM reference", m, "t/data/ga-search/space.csv", nets, 2,
          COST_LATENCY_REFERENCE, 50);
    check("RRAM physical", m, "t/data/ga-search/space.csv", nets, 2,
          COST_LATENCY_PHYSICAL, 50);
    check("SRAM, two nodes", m, "t/data/sweep/sram.csv", nets, 2,
          COST_LATENCY_REFERENCE, 30);
    space s;
    space_read("t/data/ga-search/space.csv", &s);
    sweep_result r;
    is_int(IMC_EINPUT, sweep_run(m, &s, nets, 0, COST_LATENCY_REFERENCE, 50,
                                 &r), "no workload refused");
    is_string("got 0 workloads, expected 1 to 16", msg, "message");
    cost_model_free(m);
    net_free(nets[0]);
    net_free(nets[1]);
    return 0;
}
