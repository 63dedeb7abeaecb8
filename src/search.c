/* search.c: the search objective over the cost model, and its cache. */
#include "search.h"
#include "err.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct search_eval_ws search_eval_ws;
static search_eval_ws *eval_ws_alloc(const space *s, const net *const *nets,
                                     size_t nnets, size_t designs);
static void eval_ws_free(search_eval_ws *w);

struct search_problem {
    space sp;                      /* copied */
    const cost_model *model;       /* borrowed */
    const net *nets[SEARCH_MAX_WORKLOADS]; /* borrowed */
    size_t nnets;
    search_objective obj;
    double area_max_mm2;
    cost_latency_mode mode;
    const nodes_table *nodes;      /* borrowed, NULL: none */
    long generation;               /* tag for new records */
    /* cache: records in evaluation order, and an open-addressing table of
     * (packed genes + 1) -> record index; 0 marks an empty slot */
    search_record *rec;
    size_t nrec, cap;
    uint64_t *keys;
    size_t *slot_rec;
    size_t mask;                   /* table size - 1 (a power of two) */
    unsigned long evaluations, hits, uncached;
    search_eval_ws *ws;            /* evaluation memos (search_peek too) */
};

/* ------------------------------------------------------------ objective */

static const char *const objective_names[] = {"single", "joint", "mean",
                                              "all",    "el_cost",
                                              "ela_cost"};
#define NOBJECTIVES 6

/* Parse an objective name; see search.h. */
int
search_objective_from_name(const char *s, search_objective *o)
{
    for (int i = 0; i < NOBJECTIVES; i++)
        if (strcmp(s, objective_names[i]) == 0) {
            *o = (search_objective)i;
            return IMC_OK;
        }
    return IMC_EINPUT;
}

/* The name of an objective; see search.h. */
const char *
search_objective_name(search_objective o)
{
    return objective_names[o];
}

/* Whether o needs a node table; see search.h. */
int
search_objective_needs_nodes_p(search_objective o)
{
    return o == SEARCH_EL_COST || o == SEARCH_ELA_COST;
}

/* Aggregate per-workload values; see search.h for the six formulas. */
double
search_score(search_objective o, size_t n, const double *E, const double *L,
             double area_mm2, double cost_factor)
{
    double e = E[0], l = L[0];
    switch (o) {
    case SEARCH_SINGLE:
        break;
    case SEARCH_JOINT:
    case SEARCH_EL_COST:
    case SEARCH_ELA_COST:
        for (size_t i = 1; i < n; i++) {
            e = E[i] > e ? E[i] : e;
            l = L[i] > l ? L[i] : l;
        }
        break;
    case SEARCH_MEAN:
        for (size_t i = 1; i < n; i++) {
            e += E[i];
            l += L[i];
        }
        e /= (double)n;
        l /= (double)n;
        break;
    case SEARCH_ALL:
        for (size_t i = 1; i < n; i++) {
            e *= E[i];
            l *= L[i];
        }
        break;
    }
    double cost = area_mm2 * cost_factor;
    if (o == SEARCH_EL_COST)
        return e * l * cost;
    if (o == SEARCH_ELA_COST)
        return e * l * area_mm2 * cost;
    return e * l * area_mm2;
}

/* The objectives without a cost factor; see search.h. */
double
search_aggregate(search_objective o, size_t n, const double *E,
                 const double *L, double area_mm2)
{
    return search_score(o, n, E, L, area_mm2, 1);
}

/* The constraint violation; see search.h for the definition. */
double
search_violation(double area_mm2, double area_max_mm2, size_t n,
                 const int *fits, const double *xbars_needed,
                 double xbars_avail)
{
    double v = area_mm2 > area_max_mm2 ? area_mm2 / area_max_mm2 - 1 : 0;
    for (size_t i = 0; i < n; i++) {
        if (fits[i])
            continue;
        double missing = xbars_needed[i] > xbars_avail
                             ? 1 - xbars_avail / xbars_needed[i]
                             : 0;
        v += 1 + missing;
    }
    return v;
}

/* The node term of the violation; see search.h for the definition. */
double
search_node_violation(const nodes_table *t, const design *d)
{
    const nodes_entry *e;
    if (!t || nodes_valid_p(t, d))
        return 0;
    if (nodes_find(t, d->tech_nm, &e) != IMC_OK)
        return 1;
    if (d->voltage_v < e->voltage_min_v)
        return 1 + (e->voltage_min_v - d->voltage_v) / e->voltage_min_v;
    return 1 + (d->voltage_v - e->voltage_max_v) / e->voltage_max_v;
}

/* Score and violation of an evaluated design d (energies, latencies, area
 * and fits already in *r) under p's objective, constraint and nodes. */
static void
objective_of(const search_problem *p, const design *d, search_result *r)
{
    r->score = search_score(p->obj, p->nnets, r->energy_j, r->latency_s,
                            r->area_mm2, nodes_cost_factor(p->nodes, d));
    r->violation = search_violation(r->area_mm2, p->area_max_mm2, p->nnets,
                                    r->fits, r->xbars_needed,
                                    design_macros(d)) +
                   search_node_violation(p->nodes, d);
}

/* ------------------------------------------------------------ lifecycle */

/* Build a problem; the contract is in search.h. */
search_problem *
search_problem_alloc(const space *s, const cost_model *model,
                     const net *const *nets, size_t nnets, search_objective o,
                     double area_max_mm2, cost_latency_mode mode,
                     size_t max_records)
{
    if (nnets == 0 || nnets > SEARCH_MAX_WORKLOADS) {
        imc_fail(NULL, 0, "got %zu workloads, expected 1 to %d", nnets,
                 SEARCH_MAX_WORKLOADS);
        return NULL;
    }
    if (o == SEARCH_SINGLE && nnets != 1) {
        imc_fail(NULL, 0, "objective 'single' takes exactly one workload, "
                 "got %zu", nnets);
        return NULL;
    }
    if (!cost_model_has_p(model, s->memory)) {
        imc_fail(NULL, 0, "no cost-model constants loaded for %s",
                 design_memory_name(s->memory));
        return NULL;
    }
    if (!(area_max_mm2 > 0)) {
        imc_fail(NULL, 0, "area constraint: got %g mm2, expected > 0",
                 area_max_mm2);
        return NULL;
    }
    if (max_records > SEARCH_MAX_RECORDS) {
        imc_fail(NULL, 0, "a cache of %zu designs exceeds the limit of %lu "
                 "(reduce the population or the generations)", max_records,
                 (unsigned long)SEARCH_MAX_RECORDS);
        return NULL;
    }
    search_problem *p = calloc(1, sizeof *p);
    /* a table at most half full keeps linear probes short; max_records is
     * bounded above, so the doubling cannot overflow */
    size_t tsize = 16;
    while (tsize < 2 * max_records)
        tsize *= 2;
    if (p) {
        p->rec = malloc((max_records ? max_records : 1) * sizeof *p->rec);
        p->keys = calloc(tsize, sizeof *p->keys);
        p->slot_rec = malloc(tsize * sizeof *p->slot_rec);
    }
    if (p)
        p->ws = eval_ws_alloc(s, nets, nnets, max_records);
    if (!p || !p->rec || !p->keys || !p->slot_rec || !p->ws) {
        search_problem_free(p);
        imc_fail(NULL, 0, "out of memory (cache of %zu designs)",
                 max_records);
        return NULL;
    }
    p->sp = *s;
    p->model = model;
    for (size_t i = 0; i < nnets; i++)
        p->nets[i] = nets[i];
    p->nnets = nnets;
    p->obj = o;
    p->area_max_mm2 = area_max_mm2;
    p->mode = mode;
    p->cap = max_records;
    p->mask = tsize - 1;
    return p;
}

/* Use a node table from now on; see search.h. */
void
search_problem_set_nodes(search_problem *p, const nodes_table *t)
{
    p->nodes = t;
}

/* Forget every design evaluated; see search.h. */
void
search_reset(search_problem *p)
{
    memset(p->keys, 0, (p->mask + 1) * sizeof *p->keys);
    p->nrec = 0;
    p->evaluations = p->hits = p->uncached = 0;
    p->generation = 0;
}

/* Release a problem; NULL is a no-op. */
void
search_problem_free(search_problem *p)
{
    if (!p)
        return;
    free(p->rec);
    free(p->keys);
    free(p->slot_rec);
    eval_ws_free(p->ws);
    free(p);
}

/* ------------------------------------------------------------ evaluation */

/* Pack a gene vector into 64 bits: SPACE_GENE_BITS per gene, at most
 * DESIGN_NPARAM genes (60 bits), so equal keys mean equal vectors. */
static uint64_t
pack(const search_problem *p, const int *genes)
{
    uint64_t k = 0;
    for (int i = 0; i < p->sp.ngenes; i++)
        k = (k << SPACE_GENE_BITS) | (uint64_t)genes[i];
    return k;
}

/* splitmix64's finaliser: spreads the packed genes over the table. */
static size_t
hash(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return (size_t)x;
}

/* ---------------------------------------------------------- evaluator
 *
 * What evaluate() reuses from one design to the next, none of which
 * changes a result: the nets' cost_plan (memoised mappings), the design
 * factors of energy and area (recomputed only where the design changed),
 * and a cache of action counts per geometry (cost.h: counts depend only on
 * bits per cell, rows, cols, router groups, tiles and macros; the memory
 * type is the space's), which answers every design that differs from an
 * earlier one in voltage, cycle time, buffer size or node alone.  The
 * count cache is direct-mapped: SEARCH_GEOMETRIES slots (fewer for many
 * workloads, so it stays within SEARCH_COUNTS_BYTES), each holding every
 * workload's counts; a new geometry takes its slot over.
 */

#define SEARCH_GEOMETRIES 4096             /* count-cache slots at most */
#define SEARCH_COUNTS_BYTES (4UL << 20)    /* count-cache memory at most */

/* The geometry parameters, in the order of the count cache's key. */
static const int geometry_params[] = {DESIGN_BPC, DESIGN_ROWS, DESIGN_COLS,
                                      DESIGN_GROUPS, DESIGN_TILES,
                                      DESIGN_MACROS};
#define NGEOMETRY (sizeof geometry_params / sizeof geometry_params[0])

struct search_eval_ws {
    cost_plan *plan;
    cost_design_factors factors;
    int gene_of[DESIGN_NPARAM];  /* param -> gene index, -1 when fixed */
    size_t slots;                /* count-cache slots, a power of two */
    uint64_t *key;               /* [slots]: geometry key + 1, 0 empty */
    cost_counts *counts;         /* [slots * nnets] */
};

static void
eval_ws_free(search_eval_ws *w)
{
    if (!w)
        return;
    cost_plan_free(w->plan);
    free(w->key);
    free(w->counts);
    free(w);
}

/* The evaluator of nets[0..nnets-1] over space s for about `designs`
 * distinct designs (0: many); NULL when memory runs out. */
static search_eval_ws *
eval_ws_alloc(const space *s, const net *const *nets, size_t nnets,
              size_t designs)
{
    search_eval_ws *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    /* twice the designs to come, within the bounds above */
    w->slots = SEARCH_GEOMETRIES;
    while (w->slots > 16 &&
           (w->slots * nnets * sizeof *w->counts > SEARCH_COUNTS_BYTES ||
            (designs > 0 && w->slots / 2 >= 2 * designs)))
        w->slots /= 2;
    w->plan = cost_plan_alloc(nets, nnets, (double)designs);
    w->key = calloc(w->slots, sizeof *w->key);
    w->counts = malloc(w->slots * nnets * sizeof *w->counts);
    if (!w->plan || !w->key || !w->counts) {
        eval_ws_free(w);
        return NULL;
    }
    cost_design_factors_clear(&w->factors);
    for (int k = 0; k < DESIGN_NPARAM; k++)
        w->gene_of[k] = -1;
    for (int i = 0; i < s->ngenes; i++)
        w->gene_of[s->gene_param[i]] = i;
    return w;
}

/* The counts of every workload of p on design d, whose genes are genes:
 * from the count cache, or computed (cost_plan_counts) and stored. */
static const cost_counts *
eval_counts(const search_problem *p, const int *genes, const design *d)
{
    search_eval_ws *w = p->ws;
    uint64_t key = 0;
    for (size_t k = 0; k < NGEOMETRY; k++) {
        int g = w->gene_of[geometry_params[k]];
        key = key << SPACE_GENE_BITS | (uint64_t)(g < 0 ? 0 : genes[g]);
    }
    key += 1;
    size_t slot = hash(key) & (w->slots - 1);
    cost_counts *c = &w->counts[slot * p->nnets];
    if (w->key[slot] != key) {
        for (size_t i = 0; i < p->nnets; i++)
            cost_plan_counts(w->plan, i, d, &c[i]);
        w->key[slot] = key;
    }
    return c;
}

/* Evaluate every workload on the design of genes, without the design
 * cache (through the evaluator's memos: the same values as cost_eval_net
 * per workload, bit for bit). */
static int
evaluate(const search_problem *p, const int *genes, search_result *r)
{
    design d;
    if (space_decode(&p->sp, genes, &d) != IMC_OK)
        return IMC_EINPUT;
    const cost_counts *c = eval_counts(p, genes, &d);
    cost_design_factors *f = &p->ws->factors;
    cost_design_factors_update(p->model, &d, f);
    r->nwork = p->nnets;
    r->area_mm2 = cost_area_with(p->model, &d, f, NULL);
    for (size_t i = 0; i < p->nnets; i++) {
        r->energy_j[i] = cost_energy_with(p->model, &d, f, &c[i], NULL);
        r->latency_s[i] = cost_latency(p->model, &d, &c[i], p->mode);
        r->xbars_needed[i] = c[i].xbars_needed;
        r->fits[i] = cost_counts_fit_p(&d, &c[i]);
    }
    objective_of(p, &d, r);
    return IMC_OK;
}

/* Check genes against the space bounds. */
static int
in_bounds(const search_problem *p, const int *genes)
{
    for (int i = 0; i < p->sp.ngenes; i++)
        if (genes[i] < 0 || genes[i] >= p->sp.nvalues[p->sp.gene_param[i]])
            return 0;
    return 1;
}

/* Evaluate through the cache; the contract is in search.h. */
int
search_eval(search_problem *p, const int *genes, search_result *r)
{
    if (!in_bounds(p, genes))
        return IMC_EINPUT;
    uint64_t key = pack(p, genes) + 1;
    size_t slot = hash(key) & p->mask;
    while (p->keys[slot] && p->keys[slot] != key)
        slot = (slot + 1) & p->mask;
    if (p->keys[slot]) {
        *r = p->rec[p->slot_rec[slot]].result;
        p->hits++;
        return IMC_OK;
    }
    if (evaluate(p, genes, r) != IMC_OK)
        return IMC_EINPUT;
    p->evaluations++;
    if (p->nrec == p->cap) {
        p->uncached++;
        return IMC_OK;
    }
    search_record *rec = &p->rec[p->nrec];
    memset(rec->genes, 0, sizeof rec->genes);
    memcpy(rec->genes, genes, (size_t)p->sp.ngenes * sizeof *genes);
    rec->generation = p->generation;
    rec->result = *r;
    p->keys[slot] = key;
    p->slot_rec[slot] = p->nrec++;
    return IMC_OK;
}

/* Evaluate without the cache; see search.h. */
int
search_peek(const search_problem *p, const int *genes, search_result *r)
{
    if (!in_bounds(p, genes))
        return IMC_EINPUT;
    return evaluate(p, genes, r);
}

/* ------------------------------------------------------------ accessors */

/* Tag later records; see search.h. */
void
search_set_generation(search_problem *p, long g)
{
    p->generation = g;
}

/* The space searched (a copy owned by the problem). */
const space *
search_space(const search_problem *p)
{
    return &p->sp;
}

/* The number of workloads. */
size_t
search_nworkloads(const search_problem *p)
{
    return p->nnets;
}

/* Workload i (borrowed from the caller of search_problem_alloc). */
const net *
search_workload(const search_problem *p, size_t i)
{
    return p->nets[i];
}

/* The objective in use. */
search_objective
search_get_objective(const search_problem *p)
{
    return p->obj;
}

/* Distinct designs evaluated so far. */
unsigned long
search_evaluations(const search_problem *p)
{
    return p->evaluations;
}

/* Lookups answered from the cache so far. */
unsigned long
search_cache_hits(const search_problem *p)
{
    return p->hits;
}

/* Evaluations not stored because the cache was full. */
unsigned long
search_uncached(const search_problem *p)
{
    return p->uncached;
}

/* Stored records. */
size_t
search_nrecords(const search_problem *p)
{
    return p->nrec;
}

/* Record i, 0 <= i < search_nrecords(p). */
const search_record *
search_record_at(const search_problem *p, size_t i)
{
    return &p->rec[i];
}

/* Rank order: violation, then score (NaN last), then evaluation order. */
static int
better(const search_record *a, size_t ia, const search_record *b, size_t ib)
{
    double va = a->result.violation, vb = b->result.violation;
    double sa = isnan(a->result.score) ? INFINITY : a->result.score;
    double sb = isnan(b->result.score) ? INFINITY : b->result.score;
    if (va < vb || va > vb)
        return va < vb;
    if (sa < sb || sa > sb)
        return sa < sb;
    return ia < ib;
}

/* The n best records by insertion into a sorted list of n; see search.h. */
size_t
search_best(search_problem *p, size_t n, size_t *idx)
{
    size_t m = 0;
    for (size_t i = 0; i < p->nrec && n > 0; i++) {
        if (m == n && !better(&p->rec[i], i, &p->rec[idx[m - 1]], idx[m - 1]))
            continue;
        size_t j = m < n ? m++ : n - 1;
        while (j > 0 && better(&p->rec[i], i, &p->rec[idx[j - 1]],
                               idx[j - 1])) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    return m;
}
