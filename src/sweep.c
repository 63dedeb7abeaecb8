/* sweep.c: the exhaustive sweep, its threads, its outputs and the merge of
 * shard outputs (see sweep.h). */
#include "sweep.h"
#include "csvio.h"
#include "err.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ================================================ layout and state */

/* Parameters that change the action counts, and those that do not
 * (cost.h), in enumeration order. */
#define NGEOM 6
#define NSYS 3
static const int geometry_params[NGEOM] = {DESIGN_BPC,    DESIGN_ROWS,
                                           DESIGN_COLS,   DESIGN_GROUPS,
                                           DESIGN_TILES,  DESIGN_MACROS};
static const int system_params[NSYS] = {DESIGN_VOLTAGE, DESIGN_GLB,
                                        DESIGN_TECH};

typedef struct target_def {
    char name[NET_NAME_MAX];  /* workload name, or the objective's */
    search_objective o;
    size_t w;                 /* single: the workload */
} target_def;

/* What one thread (or the merge) accumulates. */
typedef struct acc {
    sweep_counts n;
    sweep_best *best;     /* [group][sorted limit][target] */
    double *min_area;     /* [group][target], INFINITY: none yet */
    sweep_best *top;      /* [sorted limit][target][top_k] */
    size_t *ntop;         /* [sorted limit][target] */
    pareto_front *front;  /* NULL without Pareto objectives */
} acc;

struct sweep_result {
    sweep_config c;
    size_t ntargets;
    target_def tg[SWEEP_MAX_TARGETS];
    size_t ngroups;       /* 1 + values of the --by parameter */
    size_t nlim;
    double lim[SWEEP_MAX_LIMITS];  /* ascending */
    size_t pos[SWEEP_MAX_LIMITS];  /* config order -> ascending position */
    uint64_t ngeom, nsys, ncyc;
    double *sys_val;      /* [system][NSYS] parameter values */
    unsigned char *sys_valid;  /* in the node table's range */
    double *sys_factor;   /* the node's cost factor */
    uint64_t ninvalid;    /* systems outside the node table */
    acc a;                /* the combined result */
    pthread_mutex_t lock; /* progress */
    uint64_t done, total, shown;
};

/* One sweeping thread: its accumulators and workspace. */
typedef struct work {
    sweep_result *r;
    unsigned thread;
    acc a;
    design d;
    double *area;         /* [system] */
    int have_xbars;       /* xbars[] holds crossbar geometry xgeom's */
    uint64_t xgeom;
    double xbars[SEARCH_MAX_WORKLOADS];
    cost_counts counts[SEARCH_MAX_WORKLOADS];
    int fits[SEARCH_MAX_WORKLOADS];
    double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS];
    cost_plan *plan;      /* this thread's counting plan (cost.h) */
    cost_design_factors f; /* the design's energy and area factors,
                              recomputed only where voltage, buffer or
                              node changed */
} work;

/* Slot of (group, ascending limit position, target) in acc.best. */
static size_t
best_at(const sweep_result *r, size_t group, size_t lpos, size_t t)
{
    return (group * r->nlim + lpos) * r->ntargets + t;
}

/* List of (ascending limit position, target) in acc.top / acc.ntop. */
static size_t
list_at(const sweep_result *r, size_t lpos, size_t t)
{
    return lpos * r->ntargets + t;
}

/* (score, index) order: lower score first, then earlier design. */
static int
before(double s1, uint64_t i1, double s2, uint64_t i2)
{
    return s1 < s2 || (!(s1 > s2) && i1 < i2);
}

/* Empty accumulators for r's layout, with a front of front_cap designs
 * when r's config asks for one; IMC_OK or IMC_EINPUT after reporting
 * (release with acc_free either way). */
static int
acc_alloc(const sweep_result *r, acc *a, size_t front_cap)
{
    memset(a, 0, sizeof *a);
    size_t nb = r->ngroups * r->nlim * r->ntargets;
    size_t nm = r->ngroups * r->ntargets;
    size_t nl = r->nlim * r->ntargets;
    a->best = calloc(nb, sizeof *a->best);
    a->min_area = malloc(nm * sizeof *a->min_area);
    a->ntop = calloc(nl, sizeof *a->ntop);
    a->top = calloc(nl * (r->c.top_k ? r->c.top_k : 1), sizeof *a->top);
    if (!a->best || !a->min_area || !a->ntop || !a->top)
        return imc_fail(NULL, 0, "out of memory (sweep results)");
    if (r->c.npareto && !(a->front = pareto_alloc(r->c.npareto, front_cap)))
        return IMC_EINPUT;
    for (size_t i = 0; i < nm; i++)
        a->min_area[i] = INFINITY;
    return IMC_OK;
}

/* Release what acc_alloc allocated. */
static void
acc_free(acc *a)
{
    free(a->best);
    free(a->min_area);
    free(a->top);
    free(a->ntop);
    pareto_free(a->front);
}

/* ================================================ keeping the best */

/* Offer a design to the best of target t in a group, at every limit from
 * position j0 (the first limit >= its area) up; a limit it does not beat
 * is not beaten at any larger limit either (that best can only be better). */
static void
offer_best(const sweep_result *r, acc *a, size_t group, size_t j0, size_t t,
           double score, double area, uint64_t idx, const design *d)
{
    for (size_t j = j0; j < r->nlim; j++) {
        sweep_best *b = &a->best[best_at(r, group, j, t)];
        if (b->found && !before(score, idx, b->score, b->index))
            return;
        b->found = 1;
        b->score = score;
        b->area_mm2 = area;
        b->index = idx;
        b->d = *d;
    }
}

/* Insert into a sorted list of at most k; returns 1 when it entered. */
static int
list_insert(sweep_best *list, size_t *n, size_t k, double score,
            double area, uint64_t idx, const design *d)
{
    if (*n == k && !before(score, idx, list[k - 1].score, list[k - 1].index))
        return 0;
    size_t i = *n < k ? (*n)++ : k - 1;
    while (i > 0 && before(score, idx, list[i - 1].score, list[i - 1].index)) {
        list[i] = list[i - 1];
        i--;
    }
    list[i] = (sweep_best){1, score, area, idx, *d};
    return 1;
}

/* Offer a design to the top-K lists of target t from limit position j0 up
 * (as offer_best); returns 1 when it entered the list at j0. */
static int
offer_top(const sweep_result *r, acc *a, size_t j0, size_t t, double score,
          double area, uint64_t idx, const design *d)
{
    size_t k = r->c.top_k;
    int entered = 0;
    for (size_t j = j0; j < r->nlim; j++) {
        size_t at = list_at(r, j, t);
        if (!list_insert(&a->top[at * k], &a->ntop[at], k, score, area, idx,
                         d))
            break;
        entered |= j == j0;
    }
    return entered;
}

/* The Pareto objectives of a design feasible for every workload. */
static void
front_values(const sweep_result *r, const double *E, const double *L,
             double area, double factor, double *obj)
{
    size_t nn = r->c.nnets;
    for (size_t i = 0; i < r->c.npareto; i++) {
        const sweep_pobj *p = &r->c.pareto[i];
        double e = E[0], l = L[0];
        for (size_t w = 1; w < nn; w++) {
            e = E[w] > e ? E[w] : e;
            l = L[w] > l ? L[w] : l;
        }
        switch (p->kind) {
        case SWEEP_P_MAX_ENERGY: obj[i] = e; break;
        case SWEEP_P_MAX_LATENCY: obj[i] = l; break;
        case SWEEP_P_AREA: obj[i] = area; break;
        case SWEEP_P_EDAP:
            obj[i] = search_score(SEARCH_JOINT, nn, E, L, area, factor);
            break;
        case SWEEP_P_COST: obj[i] = area * factor; break;
        case SWEEP_P_ENERGY: obj[i] = E[p->workload]; break;
        case SWEEP_P_LATENCY: obj[i] = L[p->workload]; break;
        }
    }
}

/* The score of target t from per-workload values. */
static double
target_score(const sweep_result *r, size_t t, const double *E,
             const double *L, double area, double factor)
{
    const target_def *tg = &r->tg[t];
    if (tg->o == SEARCH_SINGLE)
        return search_score(SEARCH_SINGLE, 1, &E[tg->w], &L[tg->w], area,
                            factor);
    return search_score(tg->o, r->c.nnets, E, L, area, factor);
}

/* ================================================ the sweep loop */

/* Set the system parameters of system s on d. */
static void
set_system(const sweep_result *r, uint64_t s, design *d)
{
    for (int k = 0; k < NSYS; k++)
        design_set_param(d, system_params[k], r->sys_val[s * NSYS + k]);
}

/* The index among the --by values of the design of geometry indices gi,
 * system s and cycle cc: its group, 0 without --by. */
static size_t
group_of(const sweep_result *r, const int *gi, uint64_t s, uint64_t cc)
{
    int by = r->c.by;
    if (by < 0)
        return 0;
    if (by == DESIGN_CYCLE)
        return 1 + (size_t)cc;
    for (int k = 0; k < NGEOM; k++)
        if (geometry_params[k] == by)
            return 1 + (size_t)gi[k];
    const space *sp = r->c.space;
    uint64_t rest = s;
    for (int k = NSYS - 1; k >= 0; k--) {
        uint64_t nv = (uint64_t)sp->nvalues[system_params[k]];
        if (system_params[k] == by)
            return 1 + (size_t)(rest % nv);
        rest /= nv;
    }
    return 0;
}

/* Predicate: a design of area a could lower some group's min_area of
 * target t (a bound over every group, so never wrongly false). */
static int
could_lower_p(const sweep_result *r, const acc *a, size_t t, double area)
{
    for (size_t g = 0; g < r->ngroups; g++)
        if (area < a->min_area[g * r->ntargets + t])
            return 1;
    return 0;
}

/* Lower the min_area of target t overall and in its group to area. */
static void
lower_min_area(const sweep_result *r, acc *a, size_t group, size_t t,
               double area)
{
    double *m0 = &a->min_area[t], *mg = &a->min_area[group * r->ntargets + t];
    *m0 = area < *m0 ? area : *m0;
    *mg = area < *mg ? area : *mg;
}

/* Record system s's contribution to min_area (every cycle time shares
 * the area; with --by cycle_ns each is a group of its own). */
static void
system_min_area(const sweep_result *r, work *w, const int *gi, uint64_t s,
                int all_fit, double area)
{
    uint64_t ng = r->c.by == DESIGN_CYCLE ? r->ncyc : 1;
    for (uint64_t cc = 0; cc < ng; cc++) {
        size_t g = group_of(r, gi, s, cc);
        for (size_t t = 0; t < r->ntargets; t++) {
            const target_def *tg = &r->tg[t];
            if (tg->o == SEARCH_SINGLE ? w->fits[tg->w] : all_fit)
                lower_min_area(r, &w->a, g, t, area);
        }
    }
}

/* Offer every cycle time of system s (area within the largest limit) to
 * the targets, top-K lists and front. */
static void
sweep_system(const sweep_result *r, work *w, const int *gi, uint64_t g,
             uint64_t s, int all_fit, double area)
{
    const sweep_config *c = &r->c;
    const space *sp = c->space;
    size_t nn = c->nnets, j0 = 0;
    while (r->lim[j0] < area)
        j0++;
    if (all_fit)
        w->a.n.feasible += r->ncyc;
    cost_design_factors_update(c->model, &w->d, &w->f);
    for (size_t k = 0; k < nn; k++)
        if (w->fits[k])
            w->E[k] = cost_energy_with(c->model, &w->d, &w->f,
                                       &w->counts[k], NULL);
    double factor = r->sys_factor[s];
    for (uint64_t cc = 0; cc < r->ncyc; cc++) {
        w->d.cycle_ns = sp->values[DESIGN_CYCLE][cc];
        uint64_t idx = (g * r->nsys + s) * r->ncyc + cc;
        size_t grp = group_of(r, gi, s, cc);
        for (size_t k = 0; k < nn; k++)
            if (w->fits[k])
                w->L[k] = cost_latency(c->model, &w->d, &w->counts[k],
                                       c->mode);
        int entered = 0;
        for (size_t t = 0; t < r->ntargets; t++) {
            const target_def *tg = &r->tg[t];
            if (!(tg->o == SEARCH_SINGLE ? w->fits[tg->w] : all_fit))
                continue;
            double score = target_score(r, t, w->E, w->L, area, factor);
            if (!isfinite(score))
                continue;
            offer_best(r, &w->a, 0, j0, t, score, area, idx, &w->d);
            if (grp)
                offer_best(r, &w->a, grp, j0, t, score, area, idx, &w->d);
            if (c->top_k)
                entered |= offer_top(r, &w->a, j0, t, score, area, idx,
                                     &w->d);
        }
        if (c->npareto && all_fit && (cc == 0 || !c->prune)) {
            double obj[SWEEP_MAX_POBJ];
            front_values(r, w->E, w->L, area, factor, obj);
            pareto_offer(w->a.front, obj, idx, &w->d);
        }
        /* later cycle times score no lower and come later (sweep.h) */
        if (c->prune && c->by != DESIGN_CYCLE && !entered)
            break;
    }
}

/* Sweep every design of geometry g. */
static void
sweep_geometry(work *w, uint64_t g)
{
    const sweep_result *r = w->r;
    const sweep_config *c = &r->c;
    const space *sp = c->space;
    size_t nn = c->nnets;
    int sram = sp->memory == DESIGN_SRAM;
    int gi[NGEOM];
    uint64_t rest = g;
    for (int k = NGEOM - 1; k >= 0; k--) {
        uint64_t nv = (uint64_t)sp->nvalues[geometry_params[k]];
        gi[k] = (int)(rest % nv);
        rest /= nv;
        design_set_param(&w->d, geometry_params[k],
                         sp->values[geometry_params[k]][gi[k]]);
    }
    w->a.n.geometries++;
    w->a.n.designs += r->nsys * r->ncyc;
    w->a.n.skipped += r->ninvalid * r->ncyc;
    /* Crossbars one copy of the weights needs: the physical mapping
     * depends on the crossbar geometry alone (map.h), so once per
     * (bits_per_cell, rows, cols), the outer geometry parameters. */
    uint64_t xgeom = g / ((uint64_t)sp->nvalues[DESIGN_GROUPS] *
                          (uint64_t)sp->nvalues[DESIGN_TILES] *
                          (uint64_t)sp->nvalues[DESIGN_MACROS]);
    if (!sram && c->prune && (!w->have_xbars || w->xgeom != xgeom)) {
        for (size_t k = 0; k < nn; k++)
            map_net_fits_p(&w->d, c->nets[k], &w->xbars[k]);
        w->xgeom = xgeom;
        w->have_xbars = 1;
    }
    /* SRAM streams its weights: it always fits (cost_counts_fit_p); RRAM
     * needs its crossbars (map_net_fits_p's test) */
    int xfit[SEARCH_MAX_WORKLOADS], any = 0, all = 1;
    for (size_t k = 0; k < nn; k++) {
        xfit[k] = sram || !c->prune || w->xbars[k] <= design_macros(&w->d);
        any |= xfit[k];
        all &= xfit[k];
    }
    if (c->prune && !any)
        return;
    double min_a = INFINITY;
    for (uint64_t s = 0; s < r->nsys; s++) {
        if (!r->sys_valid[s])
            continue;
        set_system(r, s, &w->d);
        cost_design_factors_update(c->model, &w->d, &w->f);
        w->area[s] = cost_area_with(c->model, &w->d, &w->f, NULL);
        min_a = w->area[s] < min_a ? w->area[s] : min_a;
    }
    int area_ok = min_a <= r->lim[r->nlim - 1];
    int lower_agg = 0;
    for (size_t t = nn; t < r->ntargets; t++)
        lower_agg |= could_lower_p(r, &w->a, t, min_a);
    int need_all = all && (!c->prune || area_ok || (!sram && lower_agg));
    int all_fit = 1;
    for (size_t k = 0; k < nn; k++) {
        int need = xfit[k] && (!c->prune || area_ok ||
                               (!sram && could_lower_p(r, &w->a, k, min_a)));
        if (need || need_all) {
            cost_plan_counts(w->plan, k, &w->d, &w->counts[k]);
            w->fits[k] = cost_counts_fit_p(&w->d, &w->counts[k]);
        } else {
            w->fits[k] = sram;
        }
        all_fit &= w->fits[k];
    }
    for (uint64_t s = 0; s < r->nsys; s++) {
        if (!r->sys_valid[s])
            continue;
        double area = w->area[s];
        set_system(r, s, &w->d);
        system_min_area(r, w, gi, s, all_fit, area);
        if (area <= r->lim[r->nlim - 1])
            sweep_system(r, w, gi, g, s, all_fit, area);
    }
}

/* Report progress after a block of designs. */
static void
progress(sweep_result *r, uint64_t designs)
{
    if (!r->c.progress)
        return;
    pthread_mutex_lock(&r->lock);
    r->done += designs;
    /* at most a thousand calls in all */
    if (r->done == r->total || r->done - r->shown >= r->total / 1000) {
        r->shown = r->done;
        r->c.progress(r->c.progress_arg, r->done, r->total);
    }
    pthread_mutex_unlock(&r->lock);
}

/* One thread: the blocks of its shard that fall to it (sweep.h). */
static void *
worker(void *arg)
{
    work *w = arg;
    sweep_result *r = w->r;
    const sweep_config *c = &r->c;
    uint64_t stride = (uint64_t)c->nshards * c->threads;
    for (uint64_t b = c->shard + (uint64_t)c->nshards * w->thread;
         b * SWEEP_BLOCK < r->ngeom; b += stride) {
        uint64_t g0 = b * SWEEP_BLOCK, g1 = g0 + SWEEP_BLOCK;
        g1 = g1 < r->ngeom ? g1 : r->ngeom;
        for (uint64_t g = g0; g < g1; g++)
            sweep_geometry(w, g);
        progress(r, (g1 - g0) * r->nsys * r->ncyc);
    }
    return NULL;
}

/* ================================================ combining results */

/* Fold accumulator src into dst: sums, minima by (score, index), merged
 * top-K lists, and the front of the union. */
static void
acc_merge(const sweep_result *r, acc *dst, const acc *src)
{
    dst->n.designs += src->n.designs;
    dst->n.geometries += src->n.geometries;
    dst->n.feasible += src->n.feasible;
    dst->n.skipped += src->n.skipped;
    size_t nb = r->ngroups * r->nlim * r->ntargets;
    for (size_t i = 0; i < nb; i++) {
        const sweep_best *s = &src->best[i];
        sweep_best *d = &dst->best[i];
        if (s->found &&
            (!d->found || before(s->score, s->index, d->score, d->index)))
            *d = *s;
    }
    for (size_t i = 0; i < r->ngroups * r->ntargets; i++)
        if (src->min_area[i] < dst->min_area[i])
            dst->min_area[i] = src->min_area[i];
    size_t k = r->c.top_k;
    for (size_t i = 0; k && i < r->nlim * r->ntargets; i++)
        for (size_t j = 0; j < src->ntop[i]; j++) {
            const sweep_best *s = &src->top[i * k + j];
            list_insert(&dst->top[i * k], &dst->ntop[i], k, s->score,
                        s->area_mm2, s->index, &s->d);
        }
    if (src->front)
        pareto_merge(dst->front, src->front);
}

/* ================================================ setting up */

/* Parse a Pareto objective name; see sweep.h. */
int
sweep_pobj_from_name(const char *name, net *const *nets, size_t nn,
                     sweep_pobj *o)
{
    static const char *const plain[] = {"max_energy_j", "max_latency_s",
                                        "area_mm2", "edap", "cost"};
    for (int i = 0; i < 5; i++)
        if (strcmp(name, plain[i]) == 0) {
            *o = (sweep_pobj){(sweep_pkind)i, 0};
            return IMC_OK;
        }
    static const char *const per[] = {"energy_j:", "latency_s:"};
    for (int i = 0; i < 2; i++) {
        size_t len = strlen(per[i]);
        if (strncmp(name, per[i], len) != 0)
            continue;
        for (size_t w = 0; w < nn; w++)
            if (strcmp(name + len, nets[w]->name) == 0) {
                *o = (sweep_pobj){i ? SWEEP_P_LATENCY : SWEEP_P_ENERGY, w};
                return IMC_OK;
            }
    }
    return IMC_EINPUT;
}

/* The name of Pareto objective o, as sweep_pobj_from_name reads it. */
static void
pobj_name(const sweep_config *c, const sweep_pobj *o, char *buf, size_t n)
{
    static const char *const names[] = {"max_energy_j", "max_latency_s",
                                        "area_mm2",     "edap",
                                        "cost",         "energy_j:",
                                        "latency_s:"};
    snprintf(buf, n, "%s%s", names[o->kind],
             o->kind >= SWEEP_P_ENERGY ? c->nets[o->workload]->name : "");
}

/* Defaults; see sweep.h. */
void
sweep_config_init(sweep_config *c, const cost_model *m, const space *s,
                  net *const *nets, size_t nn)
{
    memset(c, 0, sizeof *c);
    c->model = m;
    c->space = s;
    c->nets = nets;
    c->nnets = nn;
    c->mode = COST_LATENCY_REFERENCE;
    c->nlimits = 1;
    /* the reference's constraint, 8 cm^2 (docs/framework.md section 1.2) */
    c->area_max_mm2[0] = 800;
    c->by = -1;
    c->pareto_max = SWEEP_PARETO_MAX;
    c->prune = 1;
    c->threads = 1;
    c->nshards = 1;
}

/* Check a config against sweep.h's contract. */
static int
check_config(const sweep_config *c)
{
    if (c->nnets == 0 || c->nnets > SEARCH_MAX_WORKLOADS)
        return imc_fail(NULL, 0, "got %zu workloads, expected 1 to %d",
                        c->nnets, SEARCH_MAX_WORKLOADS);
    if (!cost_model_has_p(c->model, c->space->memory))
        return imc_fail(NULL, 0, "no %s constants loaded",
                        design_memory_name(c->space->memory));
    if (c->nlimits == 0 || c->nlimits > SWEEP_MAX_LIMITS)
        return imc_fail(NULL, 0, "got %zu area limits, expected 1 to %d",
                        c->nlimits, SWEEP_MAX_LIMITS);
    for (size_t i = 0; i < c->nlimits; i++) {
        if (!(c->area_max_mm2[i] > 0) || !isfinite(c->area_max_mm2[i]))
            return imc_fail(NULL, 0, "area limit %g mm2: expected a number "
                            "> 0", c->area_max_mm2[i]);
        for (size_t j = 0; j < i; j++)
            if (!(c->area_max_mm2[i] < c->area_max_mm2[j] ||
                  c->area_max_mm2[i] > c->area_max_mm2[j]))
                return imc_fail(NULL, 0, "area limit %g mm2 given twice",
                                c->area_max_mm2[i]);
    }
    if (c->by < -1 || c->by >= DESIGN_NPARAM)
        return imc_fail(NULL, 0, "no design parameter %d", c->by);
    if (c->top_k > SWEEP_MAX_TOP)
        return imc_fail(NULL, 0, "top %zu: expected at most %d designs",
                        c->top_k, SWEEP_MAX_TOP);
    if (c->npareto > SWEEP_MAX_POBJ || (c->npareto && c->pareto_max == 0))
        return imc_fail(NULL, 0, "Pareto front: got %zu objectives and a "
                        "bound of %zu, expected 1 to %d and >= 1",
                        c->npareto, c->pareto_max, SWEEP_MAX_POBJ);
    for (size_t i = 0; i < c->npareto; i++) {
        if (c->pareto[i].kind == SWEEP_P_COST && !c->nodes)
            return imc_fail(NULL, 0, "Pareto objective 'cost' needs a node "
                            "table");
        if (c->pareto[i].kind >= SWEEP_P_ENERGY &&
            c->pareto[i].workload >= c->nnets)
            return imc_fail(NULL, 0, "Pareto objective: no workload %zu",
                            c->pareto[i].workload);
    }
    if (c->threads < 1 || c->threads > SWEEP_MAX_THREADS)
        return imc_fail(NULL, 0, "got %u threads, expected 1 to %d",
                        c->threads, SWEEP_MAX_THREADS);
    if (c->nshards < 1 || c->shard >= c->nshards)
        return imc_fail(NULL, 0, "shard %lu of %lu: expected 1 to %lu",
                        c->shard + 1, c->nshards, c->nshards);
    return IMC_OK;
}

/* Targets, limits, groups and per-system tables of a new result for
 * config c (already checked).  *out is NULL on failure. */
static int
result_alloc(const sweep_config *c, sweep_result **out)
{
    sweep_result *r = calloc(1, sizeof *r);
    *out = NULL;
    if (!r)
        return imc_fail(NULL, 0, "out of memory (sweep results)");
    pthread_mutex_init(&r->lock, NULL);
    r->c = *c;
    const space *sp = c->space;
    for (size_t w = 0; w < c->nnets; w++)
        r->tg[r->ntargets++] = (target_def){"", SEARCH_SINGLE, w};
    for (size_t w = 0; w < c->nnets; w++)
        snprintf(r->tg[w].name, NET_NAME_MAX, "%s", c->nets[w]->name);
    search_objective agg[5] = {SEARCH_JOINT, SEARCH_MEAN, SEARCH_ALL,
                               SEARCH_EL_COST, SEARCH_ELA_COST};
    for (int k = c->nnets > 1 ? 0 : 3; k < (c->nodes ? 5 : 3); k++) {
        target_def *t = &r->tg[r->ntargets++];
        t->o = agg[k];
        snprintf(t->name, NET_NAME_MAX, "%s", search_objective_name(agg[k]));
    }
    r->ngroups = 1 + (c->by >= 0 ? (size_t)sp->nvalues[c->by] : 0);
    r->nlim = c->nlimits;
    for (size_t i = 0; i < r->nlim; i++) {
        size_t p = 0;
        for (size_t j = 0; j < r->nlim; j++)
            p += c->area_max_mm2[j] < c->area_max_mm2[i];
        r->pos[i] = p;
        r->lim[p] = c->area_max_mm2[i];
    }
    r->ngeom = r->nsys = 1;
    for (int k = 0; k < NGEOM; k++)
        r->ngeom *= (uint64_t)sp->nvalues[geometry_params[k]];
    for (int k = 0; k < NSYS; k++)
        r->nsys *= (uint64_t)sp->nvalues[system_params[k]];
    r->ncyc = (uint64_t)sp->nvalues[DESIGN_CYCLE];
    r->sys_val = malloc(r->nsys * NSYS * sizeof *r->sys_val);
    r->sys_valid = malloc(r->nsys);
    r->sys_factor = malloc(r->nsys * sizeof *r->sys_factor);
    if (!r->sys_val || !r->sys_valid || !r->sys_factor) {
        sweep_result_free(r);
        return imc_fail(NULL, 0, "out of memory (sweep results)");
    }
    design d;
    memset(&d, 0, sizeof d);
    for (uint64_t s = 0; s < r->nsys; s++) {
        uint64_t rest = s;
        for (int k = NSYS - 1; k >= 0; k--) {
            uint64_t nv = (uint64_t)sp->nvalues[system_params[k]];
            r->sys_val[s * NSYS + k] = sp->values[system_params[k]][rest % nv];
            rest /= nv;
        }
        set_system(r, s, &d);
        r->sys_valid[s] = !c->nodes || nodes_valid_p(c->nodes, &d);
        r->sys_factor[s] = nodes_cost_factor(c->nodes, &d);
        r->ninvalid += !r->sys_valid[s];
    }
    *out = r;
    return IMC_OK;
}

/* Geometries of shard `shard` of n under the block partition. */
static uint64_t
shard_geometries(uint64_t ngeom, unsigned long shard, unsigned long n)
{
    uint64_t full = ngeom / SWEEP_BLOCK, rem = ngeom % SWEEP_BLOCK;
    uint64_t g = (full / n + (shard < full % n)) * SWEEP_BLOCK;
    return g + (full % n == shard ? rem : 0);
}

/* The designs of config c's part; see sweep.h. */
uint64_t
sweep_part_designs(const sweep_config *c)
{
    const space *sp = c->space;
    uint64_t ngeom = 1, rest = 1;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        int geom = 0;
        for (int i = 0; i < NGEOM; i++)
            geom |= geometry_params[i] == k;
        *(geom ? &ngeom : &rest) *= (uint64_t)sp->nvalues[k];
    }
    return shard_geometries(ngeom, c->nshards > 0 ? c->shard : 0,
                            c->nshards > 0 ? c->nshards : 1) * rest;
}

/* Sort the front and turn an overflow into an error. */
static int
finish(sweep_result *r)
{
    if (!r->a.front)
        return IMC_OK;
    if (pareto_overflow_p(r->a.front))
        return imc_fail(NULL, 0, "the Pareto front holds more than %zu "
                        "designs, its bound (docs/sweep.md)",
                        pareto_capacity(r->a.front));
    pareto_sort(r->a.front);
    return IMC_OK;
}

/* Run the sweep; the contract is in sweep.h. */
int
sweep_run(const sweep_config *c, sweep_result **out)
{
    *out = NULL;
    sweep_result *r;
    int st = check_config(c);
    if (st == IMC_OK)
        st = result_alloc(c, &r);
    if (st != IMC_OK)
        return st;
    r->total = sweep_part_designs(c);
    if (!c->force && (double)r->total > SWEEP_MAX_DESIGNS) {
        uint64_t total = r->total; /* r is freed before the message is built */
        sweep_result_free(r);
        return imc_fail(NULL, 0, "%" PRIu64 " designs to sweep, above the "
                        "limit of %.0f (sweep a shard, or force it)",
                        total, SWEEP_MAX_DESIGNS);
    }
    work *w = calloc(c->threads, sizeof *w);
    pthread_t *tid = calloc(c->threads, sizeof *tid);
    st = w && tid ? acc_alloc(r, &r->a, c->npareto ? c->pareto_max : 0)
                  : imc_fail(NULL, 0, "out of memory (sweep threads)");
    unsigned nw = 0;
    for (; st == IMC_OK && nw < c->threads; nw++) {
        w[nw].r = r;
        w[nw].thread = nw;
        w[nw].d.memory = c->space->memory;
        w[nw].area = malloc(r->nsys * sizeof *w[nw].area);
        w[nw].plan = cost_plan_alloc((const net *const *)c->nets, c->nnets,
                                     (double)r->total / c->threads);
        cost_design_factors_clear(&w[nw].f);
        st = acc_alloc(r, &w[nw].a, c->npareto ? c->pareto_max : 0);
        if (st == IMC_OK && (!w[nw].area || !w[nw].plan))
            st = imc_fail(NULL, 0, "out of memory (sweep threads)");
    }
    unsigned started = 0;
    for (; st == IMC_OK && started < c->threads; started++)
        if (pthread_create(&tid[started], NULL, worker, &w[started]) != 0)
            st = imc_fail(NULL, 0, "cannot start sweep thread %u",
                          started + 1);
    for (unsigned i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    for (unsigned i = 0; st == IMC_OK && i < nw; i++)
        acc_merge(r, &r->a, &w[i].a);
    for (unsigned i = 0; w && i < nw; i++) {
        acc_free(&w[i].a);
        free(w[i].area);
        cost_plan_free(w[i].plan);
    }
    free(w);
    free(tid);
    if (st == IMC_OK)
        st = finish(r);
    if (st != IMC_OK) {
        sweep_result_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

/* Release a result; NULL is a no-op. */
void
sweep_result_free(sweep_result *r)
{
    if (!r)
        return;
    acc_free(&r->a);
    free(r->sys_val);
    free(r->sys_valid);
    free(r->sys_factor);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

/* ================================================ accessors */

/* Number of targets. */
size_t
sweep_ntargets(const sweep_result *r)
{
    return r->ntargets;
}

/* Target t's name: a workload's, or its objective's. */
const char *
sweep_target_name(const sweep_result *r, size_t t)
{
    return r->tg[t].name;
}

/* Target t's objective. */
search_objective
sweep_target_objective(const sweep_result *r, size_t t)
{
    return r->tg[t].o;
}

/* Number of groups: 1 + values of the --by parameter. */
size_t
sweep_ngroups(const sweep_result *r)
{
    return r->ngroups;
}

/* The config of the sweep (limits and settings; a merge's own). */
const sweep_config *
sweep_result_config(const sweep_result *r)
{
    return &r->c;
}

/* The counts of the designs swept. */
void
sweep_result_counts(const sweep_result *r, sweep_counts *out)
{
    *out = r->a.n;
}

/* The best of (group, limit in config order, target). */
const sweep_best *
sweep_result_best(const sweep_result *r, size_t group, size_t limit,
                  size_t target)
{
    return &r->a.best[best_at(r, group, r->pos[limit], target)];
}

/* min_area of (group, target); see sweep.h. */
int
sweep_result_min_area(const sweep_result *r, size_t group, size_t target,
                      double *area_mm2)
{
    double a = r->a.min_area[group * r->ntargets + target];
    if (!isfinite(a))
        return IMC_EOF;
    *area_mm2 = a;
    return IMC_OK;
}

/* The top-K list of (limit in config order, target). */
const sweep_best *
sweep_result_top(const sweep_result *r, size_t limit, size_t target,
                 size_t *n)
{
    size_t at = list_at(r, r->pos[limit], target);
    *n = r->a.ntop[at];
    return &r->a.top[at * (r->c.top_k ? r->c.top_k : 1)];
}

/* The Pareto front in output order, or NULL. */
const pareto_front *
sweep_result_front(const sweep_result *r)
{
    return r->a.front;
}

/* ================================================ writing */

/* The settings every output's comment line records after its own keys. */
static void
put_settings(FILE *fp, const sweep_result *r)
{
    const sweep_config *c = &r->c;
    fputs(" area_max_mm2=", fp);
    for (size_t i = 0; i < c->nlimits; i++) {
        if (i)
            fputc(',', fp);
        csvio_put_double(fp, c->area_max_mm2[i]);
    }
    fprintf(fp, " latency=%s", cost_latency_name(c->mode));
    if (c->by >= 0)
        fprintf(fp, " by=%s", design_param_names[c->by]);
    if (c->nodes)
        fputs(" nodes=yes", fp);
    if (c->nshards > 1)
        fprintf(fp, " shard=%lu/%lu", c->shard + 1, c->nshards);
    fputc('\n', fp);
}

/* The empty design columns of a row without a design. */
static void
put_no_design(FILE *fp)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        fputc(',', fp);
}

/* A number field after a comma. */
static void
put_num(FILE *fp, double v)
{
    fputc(',', fp);
    csvio_put_double(fp, v);
}

/* The value of group g's --by parameter, after a comma (empty for 0). */
static void
put_by_value(FILE *fp, const sweep_result *r, size_t g)
{
    if (r->c.by < 0)
        return;
    fputc(',', fp);
    if (g)
        csvio_put_double(fp, r->c.space->values[r->c.by][g - 1]);
}

/* "limit,target,objective" of a row. */
static void
put_key(FILE *fp, const sweep_result *r, size_t li, size_t t)
{
    csvio_put_double(fp, r->c.area_max_mm2[li]);
    fputc(',', fp);
    csvio_put_string(fp, r->tg[t].name);
    fprintf(fp, ",%s", search_objective_name(r->tg[t].o));
}

/* The main output; see sweep.h. */
int
sweep_write(FILE *fp, const sweep_result *r)
{
    const sweep_counts *n = &r->a.n;
    fprintf(fp, "# sweep-space designs=%" PRIu64 " geometries=%" PRIu64
            " feasible_for_all=%" PRIu64 " skipped=%" PRIu64, n->designs,
            n->geometries, n->feasible, n->skipped);
    put_settings(fp, r);
    fputs("area_max_mm2,target,objective,feasible,score,area_mm2,"
          "min_area_mm2,", fp);
    design_write_header(fp);
    fputs(r->c.by >= 0 ? ",by_value" : "", fp);
    /* with a node table, the optimum's cost: area x its node's factor
     * (mm2 at 32 nm prices), the quantity el_cost and ela_cost weigh */
    fputs(r->c.nodes ? ",cost_mm2\n" : "\n", fp);
    for (size_t g = 0; g < r->ngroups; g++)
        for (size_t li = 0; li < r->nlim; li++)
            for (size_t t = 0; t < r->ntargets; t++) {
                const sweep_best *b = sweep_result_best(r, g, li, t);
                double min_a;
                put_key(fp, r, li, t);
                fprintf(fp, ",%d,", b->found);
                if (b->found)
                    csvio_put_double(fp, b->score);
                fputc(',', fp);
                if (b->found)
                    csvio_put_double(fp, b->area_mm2);
                fputc(',', fp);
                if (sweep_result_min_area(r, g, t, &min_a) == IMC_OK)
                    csvio_put_double(fp, min_a);
                fputc(',', fp);
                if (b->found)
                    design_write(fp, &b->d);
                else
                    put_no_design(fp);
                put_by_value(fp, r, g);
                if (r->c.nodes) {
                    fputc(',', fp);
                    if (b->found)
                        csvio_put_double(fp, b->area_mm2 *
                                         nodes_cost_factor(r->c.nodes,
                                                           &b->d));
                }
                fputc('\n', fp);
            }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* Evaluate design d on every workload from scratch, as the sweep does. */
static void
evaluate(const sweep_result *r, const design *d, double *E, double *L,
         int *fits, double *area)
{
    const sweep_config *c = &r->c;
    for (size_t w = 0; w < c->nnets; w++) {
        cost_counts k;
        cost_counts_net(d, c->nets[w], &k);
        fits[w] = cost_counts_fit_p(d, &k);
        E[w] = cost_energy(c->model, d, &k, NULL);
        L[w] = cost_latency(c->model, d, &k, c->mode);
    }
    *area = cost_area(c->model, d, NULL);
}

/* The rows of one (group, limit, target) in the per-workload output. */
static void
put_per_workload(FILE *fp, const sweep_result *r, size_t g, size_t li,
                 size_t t)
{
    const sweep_config *c = &r->c;
    const sweep_best *b = sweep_result_best(r, g, li, t);
    double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], A = 0;
    int fits[SEARCH_MAX_WORKLOADS] = {0};
    if (b->found)
        evaluate(r, &b->d, E, L, fits, &A);
    for (size_t w = 0; w < c->nnets; w++) {
        int in_obj = r->tg[t].o != SEARCH_SINGLE || r->tg[t].w == w;
        put_key(fp, r, li, t);
        fputc(',', fp);
        if (b->found)
            design_write(fp, &b->d);
        else
            put_no_design(fp);
        fputc(',', fp);
        csvio_put_string(fp, c->nets[w]->name);
        if (b->found) {
            const double v[] = {E[w], L[w], A, E[w] * L[w] * A, b->score, 0};
            for (int k = 0; k < 6; k++)
                put_num(fp, v[k]);
        } else {
            fputs(",,,,,,", fp);
        }
        fprintf(fp, ",%d,%d", b->found && fits[w], in_obj);
        put_by_value(fp, r, g);
        fputc('\n', fp);
    }
}

/* The per-workload output; see sweep.h. */
int
sweep_write_per_workload(FILE *fp, const sweep_result *r)
{
    fputs("# sweep-space per-workload", fp);
    put_settings(fp, r);
    fputs("area_max_mm2,target,objective,", fp);
    design_write_header(fp);
    fputs(",workload,energy_j,latency_s,area_mm2,edap,score,violation,"
          "feasible,in_objective", fp);
    fputs(r->c.by >= 0 ? ",by_value\n" : "\n", fp);
    for (size_t g = 0; g < r->ngroups; g++)
        for (size_t li = 0; li < r->nlim; li++)
            for (size_t t = 0; t < r->ntargets; t++)
                put_per_workload(fp, r, g, li, t);
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* The top-K output; see sweep.h. */
int
sweep_write_top(FILE *fp, const sweep_result *r)
{
    fprintf(fp, "# sweep-space top=%zu", r->c.top_k);
    put_settings(fp, r);
    fputs("area_max_mm2,target,objective,rank,score,area_mm2,", fp);
    design_write_header(fp);
    fputc('\n', fp);
    for (size_t li = 0; li < r->nlim; li++)
        for (size_t t = 0; t < r->ntargets; t++) {
            size_t n;
            const sweep_best *list = sweep_result_top(r, li, t, &n);
            for (size_t i = 0; i < n; i++) {
                put_key(fp, r, li, t);
                fprintf(fp, ",%zu", i + 1);
                put_num(fp, list[i].score);
                put_num(fp, list[i].area_mm2);
                fputc(',', fp);
                design_write(fp, &list[i].d);
                fputc('\n', fp);
            }
        }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* The Pareto output; see sweep.h. */
int
sweep_write_pareto(FILE *fp, const sweep_result *r)
{
    const sweep_config *c = &r->c;
    char name[NET_NAME_MAX + 16];
    fputs("# sweep-space pareto=", fp);
    for (size_t i = 0; i < c->npareto; i++) {
        pobj_name(c, &c->pareto[i], name, sizeof name);
        fprintf(fp, "%s%s", i ? "," : "", name);
    }
    size_t nf = r->a.front ? pareto_size(r->a.front) : 0;
    fprintf(fp, " members=%zu", nf);
    put_settings(fp, r);
    for (size_t i = 0; i < c->npareto; i++) {
        pobj_name(c, &c->pareto[i], name, sizeof name);
        /* energy_j:vgg16 as a column: energy_j_vgg16 */
        char *colon = strchr(name, ':');
        if (colon)
            *colon = '_';
        csvio_put_string(fp, name);
        fputc(',', fp);
    }
    design_write_header(fp);
    fputc('\n', fp);
    for (size_t m = 0; m < nf; m++) {
        const pareto_member *p = pareto_at(r->a.front, m);
        for (size_t i = 0; i < c->npareto; i++) {
            csvio_put_double(fp, p->obj[i]);
            fputc(',', fp);
        }
        design_write(fp, &p->d);
        fputc('\n', fp);
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* Append printf-style text to msg (size bytes in all), keeping it
 * terminated and cutting it with "..." when full. */
static void
append(char *msg, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void
append(char *msg, size_t size, const char *fmt, ...)
{
    size_t len = strlen(msg);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg + len, size - len, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n >= size - len && size > 4)
        memcpy(msg + size - 4, "...", 4);
}

/* The infeasible (limit, target) pairs; see sweep.h. */
size_t
sweep_infeasible(const sweep_result *r, char *msg, size_t size)
{
    size_t none = 0, more = 0;
    char list[4096] = "";
    for (size_t li = 0; li < r->nlim; li++) {
        int first = 1;
        for (size_t t = 0; t < r->ntargets; t++) {
            if (sweep_result_best(r, 0, li, t)->found)
                continue;
            none++;
            if (first)
                append(list, sizeof list, "%s%.10g mm2 (", none > 1 ? ", "
                       : "", r->c.area_max_mm2[li]);
            append(list, sizeof list, "%s%s", first ? "" : ", ",
                   r->tg[t].name);
            first = 0;
        }
        if (!first)
            append(list, sizeof list, ")");
    }
    for (size_t g = 1; g < r->ngroups; g++)
        for (size_t li = 0; li < r->nlim; li++)
            for (size_t t = 0; t < r->ntargets; t++)
                more += !sweep_result_best(r, g, li, t)->found;
    msg[0] = '\0';
    if (none)
        append(msg, size, "no design meets the constraints for %zu of %zu "
               "(limit, target) pairs: %s", none, r->nlim * r->ntargets,
               list);
    if (more)
        append(msg, size, "%sno design for %zu of %zu (%s, limit, target) "
               "triples", none ? "; " : "", more,
               (r->ngroups - 1) * r->nlim * r->ntargets,
               design_param_names[r->c.by]);
    return none + more;
}

/* ================================================ merging shard outputs */

enum { PART_MAIN, PART_PER_WORKLOAD, PART_TOP, PART_PARETO, NKINDS };
static const char *const kind_names[NKINDS] = {"main", "per-workload",
                                               "top-K", "Pareto"};

/* What a part's comment line says. */
typedef struct part {
    const char *path;
    int kind;
    unsigned long shard, nshards;  /* shard is 1-based here, as written */
    sweep_counts n;
    size_t top_k, members;
    char pareto[1024];     /* objective names, comma-separated */
    char limits[1024], latency[32], by[32];
    int nodes;
} part;

/* Parse an unsigned count token value. */
static int
parse_u64(const char *v, uint64_t *out)
{
    char *end;
    if (*v < '0' || *v > '9')
        return IMC_EINPUT;
    unsigned long long x = strtoull(v, &end, 10);
    *out = x;
    return *end ? IMC_EINPUT : IMC_OK;
}

/* One key=value token of a comment line into *p. */
static int
part_token(part *p, const char *tok)
{
    const char *eq = strchr(tok, '=');
    if (!eq)
        return strcmp(tok, "per-workload") == 0
                   ? (p->kind = PART_PER_WORKLOAD, IMC_OK)
                   : IMC_EINPUT;
    size_t kl = (size_t)(eq - tok);
    const char *v = eq + 1;
    uint64_t u;
    static const char *const counts[] = {"designs", "geometries",
                                         "feasible_for_all", "skipped"};
    uint64_t *cv[] = {&p->n.designs, &p->n.geometries, &p->n.feasible,
                      &p->n.skipped};
    for (int i = 0; i < 4; i++)
        if (strlen(counts[i]) == kl && strncmp(tok, counts[i], kl) == 0)
            return parse_u64(v, cv[i]);
    struct { const char *key; char *buf; size_t n; } text[] = {
        {"area_max_mm2", p->limits, sizeof p->limits},
        {"latency", p->latency, sizeof p->latency},
        {"by", p->by, sizeof p->by},
        {"pareto", p->pareto, sizeof p->pareto}};
    for (int i = 0; i < 4; i++)
        if (strlen(text[i].key) == kl && strncmp(tok, text[i].key, kl) == 0) {
            if (i == 3)
                p->kind = PART_PARETO;
            return strlen(v) < text[i].n
                       ? (snprintf(text[i].buf, text[i].n, "%s", v), IMC_OK)
                       : IMC_EINPUT;
        }
    if (strncmp(tok, "top=", 4) == 0) {
        p->kind = PART_TOP;
        return parse_u64(v, &u) == IMC_OK && (p->top_k = (size_t)u) == u
                   ? IMC_OK : IMC_EINPUT;
    }
    if (strncmp(tok, "members=", 8) == 0)
        return parse_u64(v, &u) == IMC_OK && (p->members = (size_t)u) == u
                   ? IMC_OK : IMC_EINPUT;
    if (strcmp(tok, "nodes=yes") == 0)
        return p->nodes = 1, IMC_OK;
    if (strncmp(tok, "shard=", 6) == 0) {
        char *end;
        p->shard = strtoul(v, &end, 10);
        if (*end != '/')
            return IMC_EINPUT;
        p->nshards = strtoul(end + 1, &end, 10);
        return *end || p->shard < 1 || p->shard > p->nshards ? IMC_EINPUT
                                                              : IMC_OK;
    }
    return IMC_EINPUT;
}

/* Read the comment line of part `path` into *p. */
static int
part_read_head(const char *path, part *p)
{
    memset(p, 0, sizeof *p);
    p->path = path;
    FILE *fp = fopen(path, "r");
    if (!fp)
        return imc_fail(path, 0, "cannot open: %s", strerror(errno));
    char line[8192];
    int got = fgets(line, sizeof line, fp) != NULL;
    fclose(fp);
    size_t len = got ? strlen(line) : 0;
    if (len && line[len - 1] == '\n')
        line[--len] = '\0';
    char *save = NULL;
    char *tok = got ? strtok_r(line, " ", &save) : NULL;
    char *tool = tok ? strtok_r(NULL, " ", &save) : NULL;
    if (!tok || strcmp(tok, "#") != 0 || !tool ||
        strcmp(tool, "sweep-space") != 0)
        return imc_fail(path, 1, "not a sweep-space output (expected a "
                        "first line '# sweep-space ...')");
    while ((tok = strtok_r(NULL, " ", &save)))
        if (part_token(p, tok) != IMC_OK)
            return imc_fail(path, 1, "unreadable setting '%s'", tok);
    if (!p->nshards)
        return imc_fail(path, 1, "not a shard's output (no shard=I/N)");
    return IMC_OK;
}

/* Predicate: parts a and b come from the same sweep settings. */
static int
same_settings_p(const part *a, const part *b)
{
    return a->nshards == b->nshards && strcmp(a->limits, b->limits) == 0 &&
           strcmp(a->latency, b->latency) == 0 &&
           strcmp(a->by, b->by) == 0 && a->nodes == b->nodes;
}

/* Check the parts cover every shard once per kind and agree. */
static int
check_parts(const part *p, size_t n, const sweep_config *c)
{
    unsigned long ns = p[0].nshards;
    for (size_t i = 0; i < n; i++) {
        if (!same_settings_p(&p[i], &p[0]))
            return imc_fail(p[i].path, 1, "settings differ from those of "
                            "%s", p[0].path);
        for (size_t j = 0; j < i; j++) {
            if (p[j].kind != p[i].kind)
                continue;
            if (p[j].shard == p[i].shard)
                return imc_fail(p[i].path, 1, "a second %s output of shard "
                                "%lu/%lu (first: %s)", kind_names[p[i].kind],
                                p[i].shard, ns, p[j].path);
            if (p[j].top_k != p[i].top_k ||
                strcmp(p[j].pareto, p[i].pareto) != 0)
                return imc_fail(p[i].path, 1, "settings differ from those "
                                "of %s", p[j].path);
        }
    }
    for (int k = 0; k < NKINDS; k++) {
        size_t have = 0;
        for (size_t i = 0; i < n; i++)
            have += p[i].kind == k;
        if ((have || k == PART_MAIN) && have != ns)
            return imc_fail(NULL, 0, "got %zu of the %lu shards' %s outputs",
                            have, ns, kind_names[k]);
    }
    if (strcmp(p[0].latency, cost_latency_name(c->mode)) != 0)
        return imc_fail(p[0].path, 1, "swept with latency %s, merged with "
                        "%s", p[0].latency, cost_latency_name(c->mode));
    if (p[0].nodes != (c->nodes != NULL))
        return imc_fail(p[0].path, 1, p[0].nodes
                        ? "swept with a node table: give it to the merge too"
                        : "swept without a node table: merge without one");
    return IMC_OK;
}

/* The merged sweep's config: c's problem, the parts' settings. */
static int
merged_config(const part *p, size_t n, const sweep_config *c,
              sweep_config *m)
{
    *m = *c;
    m->nlimits = 0;
    m->by = -1;
    m->top_k = 0;
    m->npareto = 0;
    m->threads = 1;
    m->shard = 0;
    m->nshards = 1;
    m->pareto_max = 1;
    char buf[1024], *save = NULL;
    snprintf(buf, sizeof buf, "%s", p[0].limits);
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        if (m->nlimits == SWEEP_MAX_LIMITS ||
            csvio_to_double(t, &m->area_max_mm2[m->nlimits++]) != IMC_OK)
            return imc_fail(p[0].path, 1, "unreadable area_max_mm2 '%s'",
                            p[0].limits);
    }
    for (int k = 0; p[0].by[0] && k < DESIGN_NPARAM; k++)
        if (strcmp(p[0].by, design_param_names[k]) == 0)
            m->by = k;
    if (p[0].by[0] && m->by < 0)
        return imc_fail(p[0].path, 1, "by=%s: no such design parameter",
                        p[0].by);
    for (size_t i = 0; i < n; i++) {
        if (p[i].kind == PART_TOP)
            m->top_k = p[i].top_k;
        if (p[i].kind == PART_PARETO)
            m->pareto_max += p[i].members;
        if (p[i].kind != PART_PARETO || m->npareto)
            continue;
        snprintf(buf, sizeof buf, "%s", p[i].pareto);
        for (char *t = strtok_r(buf, ",", &save); t;
             t = strtok_r(NULL, ",", &save))
            if (m->npareto == SWEEP_MAX_POBJ ||
                sweep_pobj_from_name(t, c->nets, c->nnets,
                                     &m->pareto[m->npareto++]) != IMC_OK)
                return imc_fail(p[i].path, 1, "Pareto objective '%s' is not "
                                "one of this merge's", t);
    }
    return IMC_OK;
}

/* Index of value v among parameter k's values (space_encode's relative
 * tolerance), or -1. */
static int
value_index(const space *sp, int k, double v)
{
    for (int i = 0; i < sp->nvalues[k]; i++)
        if (fabs(v - sp->values[k][i]) <= 1e-9 * fabs(sp->values[k][i]))
            return i;
    return -1;
}

/* A design read from part `pt`: snapped to the space's values, numbered,
 * checked to lie in the part's shard, and evaluated again. */
typedef struct cand {
    design d;
    uint64_t idx;
    double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], area, factor;
    int fits[SEARCH_MAX_WORKLOADS], all_fit, valid;
    int vi[DESIGN_NPARAM];  /* value index per parameter */
} cand;

static int
read_cand(const sweep_result *r, const csvio_reader *rd,
          const design_cols *dc, const part *pt, cand *x)
{
    const space *sp = r->c.space;
    if (design_parse(rd, dc, &x->d) != IMC_OK)
        return IMC_EINPUT;
    if (x->d.memory != sp->memory)
        return csvio_fail(rd, "column 'memory': got '%s', the space is %s",
                          design_memory_name(x->d.memory),
                          design_memory_name(sp->memory));
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        x->vi[k] = value_index(sp, k, design_get_param(&x->d, k));
        if (x->vi[k] < 0)
            return csvio_fail(rd, "column '%s': got %.10g, not a value of "
                              "the space", design_param_names[k],
                              design_get_param(&x->d, k));
        design_set_param(&x->d, k, sp->values[k][x->vi[k]]);
    }
    uint64_t g = 0, s = 0;
    for (int k = 0; k < NGEOM; k++)
        g = g * (uint64_t)sp->nvalues[geometry_params[k]] +
            (uint64_t)x->vi[geometry_params[k]];
    for (int k = 0; k < NSYS; k++)
        s = s * (uint64_t)sp->nvalues[system_params[k]] +
            (uint64_t)x->vi[system_params[k]];
    x->idx = (g * r->nsys + s) * r->ncyc + (uint64_t)x->vi[DESIGN_CYCLE];
    if ((g / SWEEP_BLOCK) % pt->nshards != pt->shard - 1)
        return csvio_fail(rd, "the design is not in shard %lu/%lu",
                          pt->shard, pt->nshards);
    evaluate(r, &x->d, x->E, x->L, x->fits, &x->area);
    x->all_fit = 1;
    for (size_t w = 0; w < r->c.nnets; w++)
        x->all_fit &= x->fits[w];
    x->valid = r->sys_valid[s];
    x->factor = r->sys_factor[s];
    return IMC_OK;
}

/* The (limit, target) of a row: indices into the config's limits and the
 * targets, or a reported error. */
static int
row_key(const sweep_result *r, const csvio_reader *rd, const int *col,
        size_t *li, size_t *t)
{
    double a;
    if (csvio_get_double(rd, (size_t)col[0], &a) != IMC_OK)
        return IMC_EINPUT;
    for (*li = 0; *li < r->nlim; (*li)++)
        if (!(a < r->c.area_max_mm2[*li] || a > r->c.area_max_mm2[*li]))
            break;
    if (*li == r->nlim)
        return csvio_fail(rd, "column 'area_max_mm2': got '%s', not a limit "
                          "of this sweep", csvio_field(rd, (size_t)col[0]));
    const char *name = csvio_field(rd, (size_t)col[1]);
    for (*t = 0; *t < r->ntargets; (*t)++)
        if (strcmp(name, r->tg[*t].name) == 0)
            break;
    if (*t == r->ntargets)
        return csvio_fail(rd, "column 'target': got '%s', not a target of "
                          "this sweep", name);
    return IMC_OK;
}

/* Check that candidate x is feasible for target t (SIZE_MAX: for every
 * workload, as a front member) under the area limit a; reports and
 * returns IMC_EINPUT when it is not. */
static int
check_feasible(const sweep_result *r, const csvio_reader *rd, const cand *x,
               double a, size_t t)
{
    const target_def *tg = t == SIZE_MAX ? NULL : &r->tg[t];
    int fits = tg && tg->o == SEARCH_SINGLE ? x->fits[tg->w] : x->all_fit;
    if (!fits || !x->valid || x->area > a)
        return csvio_fail(rd, "the design is not feasible for %s under "
                          "%.10g mm2 with this merge's model and workloads",
                          tg ? tg->name : "every workload", a);
    return IMC_OK;
}

/* The group of a main row from its by_value column. */
static int
row_group(const sweep_result *r, const csvio_reader *rd, int col,
          size_t *g)
{
    *g = 0;
    if (col < 0 || !csvio_field(rd, (size_t)col)[0])
        return IMC_OK;
    double v;
    if (csvio_get_double(rd, (size_t)col, &v) != IMC_OK)
        return IMC_EINPUT;
    int i = value_index(r->c.space, r->c.by, v);
    if (i < 0)
        return csvio_fail(rd, "column 'by_value': got '%s', not a value of "
                          "%s", csvio_field(rd, (size_t)col),
                          design_param_names[r->c.by]);
    *g = 1 + (size_t)i;
    return IMC_OK;
}

/* Fold one row of a main part into r; seen[] marks the slots read. */
static int
merge_main_row(sweep_result *r, const csvio_reader *rd, const int *col,
               const design_cols *dc, const part *pt, unsigned char *seen)
{
    size_t li, t, g;
    long feasible;
    if (row_key(r, rd, col, &li, &t) != IMC_OK ||
        row_group(r, rd, col[4], &g) != IMC_OK ||
        csvio_get_long(rd, (size_t)col[2], 0, 1, &feasible) != IMC_OK)
        return IMC_EINPUT;
    size_t at = best_at(r, g, r->pos[li], t);
    if (seen[at]++)
        return csvio_fail(rd, "a second row for this (limit, target%s)",
                          r->c.by >= 0 ? ", by_value" : "");
    if (csvio_field(rd, (size_t)col[3])[0]) {
        double a, *m = &r->a.min_area[g * r->ntargets + t];
        if (csvio_get_positive(rd, (size_t)col[3], &a) != IMC_OK)
            return IMC_EINPUT;
        *m = a < *m ? a : *m;
    }
    if (!feasible)
        return IMC_OK;
    cand x;
    if (read_cand(r, rd, dc, pt, &x) != IMC_OK ||
        check_feasible(r, rd, &x, r->c.area_max_mm2[li], t) != IMC_OK)
        return IMC_EINPUT;
    if (g && g != 1 + (size_t)x.vi[r->c.by])
        return csvio_fail(rd, "column 'by_value': the design has %s %.10g",
                          design_param_names[r->c.by],
                          design_get_param(&x.d, r->c.by));
    double score = target_score(r, t, x.E, x.L, x.area, x.factor);
    sweep_best *b = &r->a.best[at];
    if (!b->found || before(score, x.idx, b->score, b->index))
        *b = (sweep_best){1, score, x.area, x.idx, x.d};
    return IMC_OK;
}

/* Fold one row of a top-K or Pareto part into r. */
static int
merge_list_row(sweep_result *r, const csvio_reader *rd, const int *col,
               const design_cols *dc, const part *pt)
{
    size_t li = 0, t = 0;
    cand x;
    if (pt->kind == PART_TOP && row_key(r, rd, col, &li, &t) != IMC_OK)
        return IMC_EINPUT;
    if (read_cand(r, rd, dc, pt, &x) != IMC_OK)
        return IMC_EINPUT;
    if (pt->kind == PART_PARETO) {
        if (check_feasible(r, rd, &x, r->lim[r->nlim - 1], SIZE_MAX) !=
            IMC_OK)
            return IMC_EINPUT;
        double obj[SWEEP_MAX_POBJ];
        front_values(r, x.E, x.L, x.area, x.factor, obj);
        pareto_offer(r->a.front, obj, x.idx, &x.d);
        return IMC_OK;
    }
    if (check_feasible(r, rd, &x, r->c.area_max_mm2[li], t) != IMC_OK)
        return IMC_EINPUT;
    size_t at = list_at(r, r->pos[li], t), k = r->c.top_k;
    list_insert(&r->a.top[at * k], &r->a.ntop[at], k,
                target_score(r, t, x.E, x.L, x.area, x.factor), x.area,
                x.idx, &x.d);
    return IMC_OK;
}

/* Fold part pt's rows into r. */
static int
merge_part(sweep_result *r, const part *pt, unsigned char *seen)
{
    if (pt->kind == PART_PER_WORKLOAD)
        return IMC_OK;
    csvio_reader *rd = csvio_open(pt->path);
    if (!rd)
        return IMC_EINPUT;
    static const char *const names[] = {"area_max_mm2", "target",
                                        "feasible", "min_area_mm2"};
    int col[5] = {-1, -1, -1, -1, -1};
    design_cols dc;
    int st = design_find_cols(rd, &dc);
    if (st == IMC_OK && pt->kind != PART_PARETO)
        st = csvio_require_all(rd, names, pt->kind == PART_MAIN ? 4 : 2,
                               col);
    if (st == IMC_OK && pt->kind == PART_MAIN && r->c.by >= 0)
        st = (col[4] = csvio_require(rd, "by_value")) < 0 ? IMC_EINPUT
                                                          : IMC_OK;
    int got = IMC_OK;
    while (st == IMC_OK && (got = csvio_read(rd)) == IMC_OK)
        st = pt->kind == PART_MAIN
                 ? merge_main_row(r, rd, col, &dc, pt, seen)
                 : merge_list_row(r, rd, col, &dc, pt);
    if (st == IMC_OK && got != IMC_EOF)
        st = IMC_EINPUT;
    size_t nb = r->ngroups * r->nlim * r->ntargets, missing = 0;
    for (size_t i = 0; pt->kind == PART_MAIN && i < nb; i++)
        missing += !seen[i];
    if (st == IMC_OK && missing)
        st = imc_fail(csvio_path(rd), 0, "%zu of the %zu (limit, target%s) "
                      "rows are missing", missing, nb,
                      r->c.by >= 0 ? ", by_value" : "");
    csvio_close(rd);
    return st;
}

/* Merge shard outputs; the contract is in sweep.h. */
int
sweep_merge(const sweep_config *c, const char *const *paths, size_t n,
            sweep_result **out)
{
    *out = NULL;
    part *p = calloc(n ? n : 1, sizeof *p);
    if (!p)
        return imc_fail(NULL, 0, "out of memory (sweep parts)");
    int st = n ? IMC_OK : imc_fail(NULL, 0, "no parts to merge");
    for (size_t i = 0; st == IMC_OK && i < n; i++)
        st = part_read_head(paths[i], &p[i]);
    sweep_config mc;
    sweep_result *r = NULL;
    if (st == IMC_OK && (st = check_parts(p, n, c)) == IMC_OK &&
        (st = merged_config(p, n, c, &mc)) == IMC_OK &&
        (st = check_config(&mc)) == IMC_OK &&
        (st = result_alloc(&mc, &r)) == IMC_OK)
        st = acc_alloc(r, &r->a, mc.pareto_max);
    size_t nb = r ? r->ngroups * r->nlim * r->ntargets : 1;
    unsigned char *seen = malloc(nb);
    if (st == IMC_OK && !seen)
        st = imc_fail(NULL, 0, "out of memory (sweep parts)");
    for (size_t i = 0; st == IMC_OK && i < n; i++)
        if (p[i].kind == PART_MAIN) {
            sweep_counts *t = &r->a.n;
            t->designs += p[i].n.designs;
            t->geometries += p[i].n.geometries;
            t->feasible += p[i].n.feasible;
            t->skipped += p[i].n.skipped;
        }
    double whole = space_size(c->space);
    if (st == IMC_OK && ((double)r->a.n.designs < whole ||
                         (double)r->a.n.designs > whole))
        st = imc_fail(NULL, 0, "the main outputs cover %" PRIu64 " designs, "
                      "the space has %.0f", r->a.n.designs, whole);
    for (size_t i = 0; st == IMC_OK && i < n; i++) {
        memset(seen, 0, nb);
        st = merge_part(r, &p[i], seen);
    }
    if (st == IMC_OK)
        st = finish(r);
    free(seen);
    free(p);
    if (st != IMC_OK) {
        sweep_result_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

/* ================================================ files */

/* Write the outputs asked for; see sweep.h. */
int
sweep_write_files(const sweep_result *r, const sweep_paths *p, FILE *warn)
{
    typedef int writer(FILE *, const sweep_result *);
    const char *path[4] = {p->main, p->per_workload, p->top, p->pareto};
    writer *fn[4] = {sweep_write, sweep_write_per_workload, sweep_write_top,
                     sweep_write_pareto};
    csvio_out out[4];
    csvio_out *open_outs[4];
    size_t n = 0;
    int st = IMC_OK;
    for (int i = 0; i < 4 && st == IMC_OK; i++) {
        if (i > 0 && !path[i])
            continue;
        if ((st = csvio_out_open(&out[n], path[i])) != IMC_OK)
            break;
        open_outs[n] = &out[n];
        /* a write error shows at commit, which reports it */
        fn[i](out[n].fp, r);
        n++;
    }
    if (st != IMC_OK) {
        for (size_t i = 0; i < n; i++)
            csvio_out_abort(&out[i]);
        return st;
    }
    if ((st = csvio_out_commit_all(open_outs, n)) != IMC_OK)
        return st;
    char msg[4096];
    if (sweep_infeasible(r, msg, sizeof msg))
        fprintf(warn, "%s: warning: %s\n", imc_err_program(), msg);
    return IMC_OK;
}

/* Read a sweep's inputs; see sweep.h. */
int
sweep_inputs_read(sweep_inputs *in, const char *space_path,
                  const char *nodes_path, char *const *layers, size_t n)
{
    memset(in, 0, sizeof *in);
    int st = space_read(space_path, &in->space);
    if (st == IMC_OK && nodes_path)
        st = nodes_read(nodes_path, &in->nodes);
    in->has_nodes = nodes_path != NULL;
    if (st == IMC_OK && (st = net_read_tables(layers, n, &in->nets)) ==
                            IMC_OK)
        in->nnets = n;
    return st;
}

/* Release a sweep's workloads; see sweep.h. */
void
sweep_inputs_free(sweep_inputs *in)
{
    net_free_all(in->nets, in->nnets);
    cost_model_free(in->model);
    in->nets = NULL;
    in->nnets = 0;
    in->model = NULL;
}
