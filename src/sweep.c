/* sweep.c: the exhaustive sweep (see sweep.h). */
#include "sweep.h"
#include "csvio.h"
#include "err.h"

#include <string.h>

/* Parameters that change the action counts, and those that do not. */
static const int geometry_params[] = {DESIGN_BPC, DESIGN_ROWS, DESIGN_COLS,
                                      DESIGN_GROUPS, DESIGN_TILES,
                                      DESIGN_MACROS};
static const int system_params[] = {DESIGN_VOLTAGE, DESIGN_GLB, DESIGN_TECH};
#define NGEOM 6
#define NSYS 3

/* Advance an odometer over the listed parameters; 0 when it wraps. */
static int
next(const space *s, const int *params, int n, int *idx)
{
    for (int i = n - 1; i >= 0; i--) {
        if (++idx[i] < s->nvalues[params[i]])
            return 1;
        idx[i] = 0;
    }
    return 0;
}

static void
apply(const space *s, const int *params, int n, const int *idx, design *d)
{
    for (int i = 0; i < n; i++)
        design_set_param(d, params[i], s->values[params[i]][idx[i]]);
}

static void
consider(sweep_best *b, const design *d, double score, double area)
{
    if (!b->found || score < b->score) {
        b->found = 1;
        b->d = *d;
        b->score = score;
        b->area_mm2 = area;
    }
}

int
sweep_run(const cost_model *m, const space *s, net *const *nets, size_t nn,
          cost_latency_mode mode, double area_max_mm2, sweep_result *out)
{
    if (nn == 0 || nn > SEARCH_MAX_WORKLOADS)
        return imc_fail(NULL, 0, "got %zu workloads, expected 1 to %d", nn,
                        SEARCH_MAX_WORKLOADS);
    if (!cost_model_has_p(m, s->memory))
        return imc_fail(NULL, 0, "no %s constants loaded",
                        design_memory_name(s->memory));
    memset(out, 0, sizeof *out);
    for (size_t w = 0; w < nn; w++) {
        snprintf(out->best[w].target, NET_NAME_MAX, "%s", nets[w]->name);
        out->best[w].objective = SEARCH_SINGLE;
    }
    out->ntargets = nn;
    if (nn > 1) {
        const search_objective agg[3] = {SEARCH_JOINT, SEARCH_MEAN,
                                         SEARCH_ALL};
        for (int k = 0; k < 3; k++) {
            sweep_best *b = &out->best[out->ntargets++];
            b->objective = agg[k];
            snprintf(b->target, NET_NAME_MAX, "%s",
                     search_objective_name(agg[k]));
        }
    }
    design d;
    memset(&d, 0, sizeof d);
    d.memory = s->memory;
    d.tech_nm = 32;
    int gi[NGEOM] = {0};
    cost_counts counts[SEARCH_MAX_WORKLOADS];
    int fits[SEARCH_MAX_WORKLOADS];
    double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS];
    int ncyc = s->nvalues[DESIGN_CYCLE];
    do {
        apply(s, geometry_params, NGEOM, gi, &d);
        int all_fit = 1;
        for (size_t w = 0; w < nn; w++) {
            cost_counts_net(&d, nets[w], &counts[w]);
            fits[w] = cost_counts_fit_p(&d, &counts[w]);
            all_fit &= fits[w];
        }
        out->geometries += 1;
        int si[NSYS] = {0};
        do {
            apply(s, system_params, NSYS, si, &d);
            out->designs += ncyc;
            double area = cost_area(m, &d, NULL);
            if (area > area_max_mm2)
                continue;
            for (size_t w = 0; w < nn; w++)
                E[w] = cost_energy(m, &d, &counts[w], NULL);
            for (int c = 0; c < ncyc; c++) {
                d.cycle_ns = s->values[DESIGN_CYCLE][c];
                for (size_t w = 0; w < nn; w++) {
                    L[w] = cost_latency(m, &d, &counts[w], mode);
                    if (fits[w])
                        consider(&out->best[w], &d, E[w] * L[w] * area,
                                 area);
                }
                if (!all_fit)
                    continue;
                out->feasible += 1;
                for (size_t t = nn; t < out->ntargets; t++)
                    consider(&out->best[t], &d,
                             search_aggregate(out->best[t].objective, nn, E,
                                              L, area), area);
            }
        } while (next(s, system_params, NSYS, si));
    } while (next(s, geometry_params, NGEOM, gi));
    return IMC_OK;
}

int
sweep_write(FILE *fp, const sweep_result *r)
{
    fprintf(fp, "# sweep-space designs=%.0f geometries=%.0f "
                "feasible_for_all=%.0f\n", r->designs, r->geometries,
            r->feasible);
    fputs("target,objective,found,score,area_mm2,", fp);
    design_write_header(fp);
    fputc('\n', fp);
    for (size_t t = 0; t < r->ntargets; t++) {
        const sweep_best *b = &r->best[t];
        csvio_put_string(fp, b->target);
        fprintf(fp, ",%s,%d,", search_objective_name(b->objective), b->found);
        csvio_put_double(fp, b->found ? b->score : 0);
        fputc(',', fp);
        csvio_put_double(fp, b->found ? b->area_mm2 : 0);
        fputc(',', fp);
        design_write(fp, &b->d);
        fputc('\n', fp);
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}
