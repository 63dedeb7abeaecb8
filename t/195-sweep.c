/* t/195-sweep.c: the exhaustive sweep against brute force (cost_eval_net
 * on every design in enumeration order, nothing reused or pruned): the
 * best design per (group, limit, target), min_area, the top-K lists and
 * the Pareto front, for RRAM and SRAM spaces, both latency modes, several
 * area limits, --by on a geometry, a system and the cycle parameter, and a
 * node table.  Pruned and unpruned sweeps and 1, 2 and 3 threads write
 * byte-identical outputs; every config error is reported. */
#include "err.h"
#include "sweep.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

/* ------------------------------------------------------------ brute force */

typedef struct brute {
    size_t nt, ng, nl, k;
    sweep_best best[32 * 4 * 8];     /* [group][limit][target] */
    double min_area[32 * 8];         /* [group][target] */
    sweep_best top[4 * 8 * 8];       /* [limit][target][k] */
    size_t ntop[4 * 8];
    pareto_member *front;
    size_t nfront;
} brute;

/* Design number i of space s in the sweep's enumeration order. */
static void
design_at(const space *s, unsigned long i, design *d)
{
    static const int order[DESIGN_NPARAM] = {
        DESIGN_BPC,     DESIGN_ROWS,  DESIGN_COLS,   DESIGN_GROUPS,
        DESIGN_TILES,   DESIGN_MACROS, DESIGN_VOLTAGE, DESIGN_GLB,
        DESIGN_TECH,    DESIGN_CYCLE};
    memset(d, 0, sizeof *d);
    d->memory = s->memory;
    for (int k = DESIGN_NPARAM - 1; k >= 0; k--) {
        int p = order[k], n = s->nvalues[p];
        design_set_param(d, p, s->values[p][i % (unsigned long)n]);
        i /= (unsigned long)n;
    }
}

static int
earlier(double s1, uint64_t i1, const sweep_best *b)
{
    return !b->found || s1 < b->score || (!(s1 > b->score) && i1 < b->index);
}

static void
insert(sweep_best *list, size_t *n, size_t k, double score, double area,
       uint64_t idx, const design *d)
{
    if (*n == k && !earlier(score, idx, &list[k - 1]))
        return;
    size_t i = *n < k ? (*n)++ : k - 1;
    while (i > 0 && earlier(score, idx, &list[i - 1])) {
        list[i] = list[i - 1];
        i--;
    }
    list[i] = (sweep_best){1, score, area, idx, *d};
}

static int
dominates(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] > b[i])
            return 0;
    return 1;
}

/* Every design, evaluated from scratch, against config c's targets. */
static void
brute_force(const sweep_config *c, const sweep_result *r, brute *b)
{
    const space *s = c->space;
    size_t nn = c->nnets;
    memset(b, 0, sizeof *b);
    b->nt = sweep_ntargets(r);
    b->ng = sweep_ngroups(r);
    b->nl = c->nlimits;
    b->k = c->top_k;
    for (size_t i = 0; i < 32 * 8; i++)
        b->min_area[i] = INFINITY;
    double total = space_size(s);
    b->front = malloc((size_t)total * sizeof *b->front);
    for (unsigned long i = 0; i < (unsigned long)total; i++) {
        design d;
        design_at(s, i, &d);
        if (c->nodes && !nodes_valid_p(c->nodes, &d))
            continue;
        double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], A = 0;
        int fits[SEARCH_MAX_WORKLOADS], all = 1;
        for (size_t w = 0; w < nn; w++) {
            cost_result cr;
            cost_eval_net(c->model, &d, c->nets[w], c->mode, &cr);
            E[w] = cr.energy_j;
            L[w] = cr.latency_s;
            A = cr.area_mm2;
            fits[w] = cr.fits;
            all &= cr.fits;
        }
        double f = nodes_cost_factor(c->nodes, &d);
        size_t g = 0;
        if (c->by >= 0)
            for (int v = 0; v < s->nvalues[c->by]; v++)
                if (!(design_get_param(&d, c->by) < s->values[c->by][v] ||
                      design_get_param(&d, c->by) > s->values[c->by][v]))
                    g = 1 + (size_t)v;
        for (size_t t = 0; t < b->nt; t++) {
            search_objective o = sweep_target_objective(r, t);
            if (!(o == SEARCH_SINGLE ? fits[t] : all))
                continue;
            double score = o == SEARCH_SINGLE
                               ? search_score(o, 1, &E[t], &L[t], A, f)
                               : search_score(o, nn, E, L, A, f);
            size_t gs[2] = {0, g};
            for (int k = 0; k < (g ? 2 : 1); k++) {
                double *m = &b->min_area[gs[k] * b->nt + t];
                *m = A < *m ? A : *m;
            }
            for (size_t l = 0; l < b->nl; l++) {
                if (A > c->area_max_mm2[l])
                    continue;
                for (int k = 0; k < (g ? 2 : 1); k++) {
                    sweep_best *x = &b->best[(gs[k] * b->nl + l) * b->nt + t];
                    if (earlier(score, i, x))
                        *x = (sweep_best){1, score, A, i, d};
                }
                if (b->k)
                    insert(&b->top[(l * b->nt + t) * b->k],
                           &b->ntop[l * b->nt + t], b->k, score, A, i, &d);
            }
        }
        double amax = 0;
        for (size_t l = 0; l < b->nl; l++)
            amax = fmax(amax, c->area_max_mm2[l]);
        if (!c->npareto || !all || A > amax)
            continue;
        /* the front of the designs so far: O(n^2), independent of sweep.c */
        double obj[SWEEP_MAX_POBJ] = {0};
        for (size_t p = 0; p < c->npareto; p++) {
            double e = E[0], l = L[0];
            for (size_t w = 1; w < nn; w++) {
                e = fmax(e, E[w]);
                l = fmax(l, L[w]);
            }
            const sweep_pobj *po = &c->pareto[p];
            obj[p] = po->kind == SWEEP_P_MAX_ENERGY  ? e
                     : po->kind == SWEEP_P_MAX_LATENCY ? l
                     : po->kind == SWEEP_P_AREA       ? A
                     : po->kind == SWEEP_P_EDAP
                         ? search_score(SEARCH_JOINT, nn, E, L, A, f)
                     : po->kind == SWEEP_P_COST   ? A * f
                     : po->kind == SWEEP_P_ENERGY ? E[po->workload]
                                                  : L[po->workload];
        }
        int dominated = 0;
        for (size_t m = 0; m < b->nfront && !dominated; m++)
            dominated = dominates(b->front[m].obj, obj, c->npareto);
        if (dominated)
            continue;
        size_t keep = 0;
        for (size_t m = 0; m < b->nfront; m++)
            if (!dominates(obj, b->front[m].obj, c->npareto))
                b->front[keep++] = b->front[m];
        b->nfront = keep;
        pareto_member *m = &b->front[b->nfront++];
        memcpy(m->obj, obj, sizeof obj);
        m->index = i;
        m->d = d;
    }
}

/* ------------------------------------------------------------ comparing */

static int
same_best(const sweep_best *a, const sweep_best *b)
{
    if (a->found != b->found)
        return 0;
    return !a->found ||
           (a->index == b->index && fabs(a->score / b->score - 1) < 1e-12);
}

/* Compare a sweep with brute force: the number of mismatches. */
static int
compare(const sweep_config *c, const sweep_result *r, const brute *b,
        int *found)
{
    int bad = 0;
    *found = 0;
    for (size_t g = 0; g < b->ng; g++)
        for (size_t t = 0; t < b->nt; t++) {
            double a, want = b->min_area[g * b->nt + t];
            int st = sweep_result_min_area(r, g, t, &a);
            bad += st == IMC_OK ? !(fabs(a - want) <= 1e-12 * want)
                                : isfinite(want);
            for (size_t l = 0; l < b->nl; l++) {
                const sweep_best *x = sweep_result_best(r, g, l, t);
                *found += x->found;
                bad += !same_best(x, &b->best[(g * b->nl + l) * b->nt + t]);
            }
        }
    for (size_t l = 0; l < b->nl && c->top_k; l++)
        for (size_t t = 0; t < b->nt; t++) {
            size_t n;
            const sweep_best *list = sweep_result_top(r, l, t, &n);
            bad += n != b->ntop[l * b->nt + t];
            for (size_t i = 0; i < n && n == b->ntop[l * b->nt + t]; i++)
                bad += !same_best(&list[i], &b->top[(l * b->nt + t) * b->k +
                                                    i]);
        }
    const pareto_front *f = sweep_result_front(r);
    size_t nf = f ? pareto_size(f) : 0;
    bad += nf != b->nfront;
    for (size_t i = 0; i < nf; i++) {
        int in = 0;
        for (size_t j = 0; j < b->nfront && !in; j++)
            in = pareto_at(f, i)->index == b->front[j].index;
        bad += !in;
        bad += i > 0 && pareto_at(f, i - 1)->obj[0] > pareto_at(f, i)->obj[0];
    }
    return bad;
}

/* All four outputs of a result, concatenated into a malloc'd string. */
static char *
outputs(const sweep_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    sweep_write(fp, r);
    sweep_write_per_workload(fp, r);
    sweep_write_top(fp, r);
    sweep_write_pareto(fp, r);
    fclose(fp);
    return buf;
}

/* Sweep c, check it against brute force, and check that no pruning and
 * other thread counts write the same bytes. */
static void
check(const char *what, sweep_config *c)
{
    sweep_result *r;
    if (sweep_run(c, &r) != IMC_OK)
        bail("%s: %s", what, msg);
    sweep_counts n;
    sweep_result_counts(r, &n);
    is_rel(space_size(c->space), (double)n.designs, 0,
           "%s: every design enumerated", what);
    brute b;
    brute_force(c, r, &b);
    int found;
    is_int(0, compare(c, r, &b, &found), "%s: bests, min_area, top-K and "
           "front equal brute force", what);
    ok(found > 0, "%s: %d (group, limit, target) optima found", what, found);
    char *want = outputs(r);
    int same = 1;
    sweep_config v = *c;
    for (int k = 0; k < 3; k++) {
        v.prune = k != 0;
        v.threads = (unsigned)(k + 1);
        sweep_result *u;
        if (sweep_run(&v, &u) != IMC_OK)
            bail("%s: %s", what, msg);
        char *got = outputs(u);
        same &= strcmp(want, got) == 0;
        free(got);
        sweep_result_free(u);
    }
    ok(same, "%s: unpruned on 1 thread, pruned on 2 and 3 threads: the "
       "same bytes", what);
    free(want);
    free(b.front);
    sweep_result_free(r);
}

/* ------------------------------------------------------------ errors */

static void
refuses(sweep_config *c, const char *want, const char *what)
{
    sweep_result *r = (sweep_result *)c;
    is_int(IMC_EINPUT, sweep_run(c, &r), "%s: refused", what);
    ok(r == NULL, "%s: no result", what);
    is_string(want, msg, "%s: message", what);
}

static void
errors(const cost_model *m, const space *s, net *const *nets,
       const nodes_table *nodes)
{
    sweep_config c;
    sweep_config_init(&c, m, s, nets, 0);
    refuses(&c, "got 0 workloads, expected 1 to 16", "no workload");
    sweep_config_init(&c, m, s, nets, 2);
    c.nlimits = 2;
    c.area_max_mm2[1] = 800;
    refuses(&c, "area limit 800 mm2 given twice", "repeated limit");
    c.area_max_mm2[1] = -1;
    refuses(&c, "area limit -1 mm2: expected a number > 0", "bad limit");
    sweep_config_init(&c, m, s, nets, 2);
    c.top_k = SWEEP_MAX_TOP + 1;
    refuses(&c, "top 1001: expected at most 1000 designs", "top-K");
    sweep_config_init(&c, m, s, nets, 2);
    c.npareto = 1;
    c.pareto[0].kind = SWEEP_P_COST;
    refuses(&c, "Pareto objective 'cost' needs a node table", "cost");
    c.pareto[0] = (sweep_pobj){SWEEP_P_ENERGY, 2};
    refuses(&c, "Pareto objective: no workload 2", "workload");
    sweep_config_init(&c, m, s, nets, 2);
    c.threads = 0;
    refuses(&c, "got 0 threads, expected 1 to 64", "threads");
    sweep_config_init(&c, m, s, nets, 2);
    c.shard = 3;
    c.nshards = 3;
    refuses(&c, "shard 4 of 3: expected 1 to 3", "shard");
    sweep_config_init(&c, m, s, nets, 2);
    c.by = DESIGN_NPARAM;
    refuses(&c, "no design parameter 10", "by");
    /* a space of 3 * 64^5 * 16 designs: refused before any work, unless forced
     * (not run here) */
    space big = *s;
    for (int k = DESIGN_ROWS; k <= DESIGN_MACROS; k++) {
        big.nvalues[k] = SPACE_MAX_VALUES;
        for (int i = 0; i < SPACE_MAX_VALUES; i++)
            big.values[k][i] = i + 1;
    }
    sweep_config_init(&c, m, &big, nets, 2);
    refuses(&c, "51539607552 designs to sweep, above the limit of "
            "1000000000 (sweep a shard, or force it)", "size limit");
    c.nshards = 100;
    is_int(515396096, (long)sweep_part_designs(&c), "a shard's designs");
    sweep_config_init(&c, m, s, nets, 2);
    c.npareto = 2;
    c.pareto[1].kind = SWEEP_P_MAX_LATENCY;
    c.pareto_max = 1;
    refuses(&c, "the Pareto front holds more than 1 designs, its bound "
            "(docs/sweep.md)", "front bound");
    c.pareto_max = 1000;
    c.nodes = nodes;
    sweep_result *r;
    is_int(IMC_OK, sweep_run(&c, &r), "a bound the front stays within");
    sweep_result_free(r);
    sweep_pobj o;
    ok(sweep_pobj_from_name("latency_s:tiny", nets, 2, &o) == IMC_OK &&
       o.kind == SWEEP_P_LATENCY && o.workload == 1, "latency_s:tiny");
    ok(sweep_pobj_from_name("energy_j:huge", nets, 2, &o) == IMC_EINPUT &&
       sweep_pobj_from_name("area", nets, 2, &o) == IMC_EINPUT,
       "unknown objective names");
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(capture);
    cost_model *m = cost_model_load("experiments/constants/rram.csv",
                                    "experiments/constants/sram.csv");
    net *nets[2];
    space rram, sram;
    nodes_table nodes;
    if (!m || net_read_table("t/data/ga-search/small.csv", &nets[0]) ||
        net_read_table("t/data/ga-search/tiny.csv", &nets[1]) ||
        space_read("t/data/ga-search/space.csv", &rram) ||
        space_read("t/data/sweep/sram.csv", &sram) ||
        nodes_read("experiments/nodes.csv", &nodes))
        bail("fixtures: %s", msg);
    sweep_config c;
    sweep_config_init(&c, m, &rram, nets, 2);
    c.nlimits = 3;
    c.area_max_mm2[0] = 50;
    c.area_max_mm2[1] = 3;
    c.area_max_mm2[2] = 1;
    c.top_k = 4;
    c.npareto = 3;
    c.pareto[0].kind = SWEEP_P_MAX_ENERGY;
    c.pareto[1].kind = SWEEP_P_MAX_LATENCY;
    c.pareto[2].kind = SWEEP_P_AREA;
    check("RRAM reference, 3 limits, top 4, front", &c);
    c.mode = COST_LATENCY_PHYSICAL;
    c.by = DESIGN_MACROS;
    c.pareto[2] = (sweep_pobj){SWEEP_P_LATENCY, 1};
    check("RRAM physical, by macros_per_tile", &c);
    c.by = DESIGN_CYCLE;
    c.top_k = 0;
    check("RRAM physical, by cycle_ns, no top-K", &c);
    sweep_config_init(&c, m, &rram, nets, 1);
    c.area_max_mm2[0] = 5;
    c.by = DESIGN_VOLTAGE;
    c.top_k = 2;
    check("RRAM, one workload, by voltage_v", &c);
    sweep_config_init(&c, m, &sram, nets, 2);
    c.nlimits = 2;
    c.area_max_mm2[0] = 30;
    c.area_max_mm2[1] = 4;
    c.nodes = &nodes;
    c.by = DESIGN_TECH;
    c.top_k = 3;
    c.npareto = 3;
    c.pareto[0].kind = SWEEP_P_EDAP;
    c.pareto[1].kind = SWEEP_P_COST;
    c.pareto[2] = (sweep_pobj){SWEEP_P_ENERGY, 0};
    check("SRAM, nodes, by tech_nm, el_cost and ela_cost", &c);
    sweep_result *r;
    sweep_run(&c, &r);
    sweep_counts n;
    sweep_result_counts(r, &n);
    /* 22 nm allows 0.65 .. 1.00 V: voltage 0.60 is skipped there */
    is_int((long)space_size(&sram) / 6, (long)n.skipped, "designs outside "
           "the node table skipped");
    is_int(7, (long)sweep_ntargets(r), "targets: 2 workloads, joint, mean, "
           "all, el_cost, ela_cost");
    is_string("ela_cost", sweep_target_name(r, 6), "ela_cost last");
    char line[4096];
    is_int(0, (long)sweep_infeasible(r, line, sizeof line), "all feasible");
    sweep_result_free(r);
    c.nlimits = 1;
    c.area_max_mm2[0] = 0.001;
    sweep_run(&c, &r);
    is_int(21, (long)sweep_infeasible(r, line, sizeof line),
           "an impossible limit: every pair infeasible");
    is_string("no design meets the constraints for 7 of 7 (limit, target) "
              "pairs: 0.001 mm2 (small, tiny, joint, mean, all, el_cost, "
              "ela_cost); no design for 14 of 14 (tech_nm, limit, target) "
              "triples", line, "the warning line");
    sweep_result_free(r);
    errors(m, &rram, nets, &nodes);
    cost_model_free(m);
    net_free(nets[0]);
    net_free(nets[1]);
    return 0;
}
