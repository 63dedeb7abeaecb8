/* garun.c: one evolutionary search run (see garun.h). */
#include "garun.h"
#include "csvio.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

struct garun {
    schedule_opts sched;
    const cost_model *model;  /* borrowed, for garun_write_best's extras */
    cost_latency_mode mode;
    double area_max_mm2;
    search_problem *prob;
    ga *ga;
    gsl_rng *rng;
    unsigned long seed;
    int ngenes;
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    double *v, *s;            /* values of one batch (max batch) */
    size_t *idx;              /* ranking work space (pop) */
    int *genes;               /* initial / restart genes (max batch rows) */
    size_t phase;             /* phase in progress, 0-based */
    int started;
    garun_row *hist;          /* one row per generation (capacity below) */
    size_t nhist, caphist;
};

/* ------------------------------------------------------------ lifecycle */

garun *
garun_alloc(const space *s, const cost_model *model, const net *const *nets,
            size_t nnets, search_objective o, double area_max_mm2,
            cost_latency_mode mode, const schedule_opts *sched)
{
    if (schedule_check(sched) != IMC_OK)
        return NULL;
    int ng = space_ngenes(s);
    if (ng == 0) {
        imc_fail(NULL, 0, "every parameter of the space has a single value: "
                 "nothing to search");
        return NULL;
    }
    garun *r = calloc(1, sizeof *r);
    if (!r) {
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    r->sched = *sched;
    r->model = model;
    r->mode = mode;
    r->area_max_mm2 = area_max_mm2;
    r->ngenes = ng;
    /* The cache stores every design the schedule can ask for: never more
     * than the space holds. */
    size_t cap = schedule_max_requests(sched);
    size_t over = schedule_max_batch(sched);  /* the last batch overshoots */
    if (sched->max_evaluations && sched->max_evaluations + over < cap)
        cap = sched->max_evaluations + over;
    if (sched->max_requests && sched->max_requests + over < cap)
        cap = sched->max_requests + over;
    if ((double)cap > space_size(s))
        cap = (size_t)space_size(s);
    r->prob = search_problem_alloc(s, model, nets, nnets, o, area_max_mm2,
                                   mode, cap);
    if (!r->prob) {
        garun_free(r);
        return NULL;
    }
    size_t batch = schedule_max_batch(sched);
    r->caphist = schedule_total_generations(sched);
    r->ga = ga_alloc((size_t)ng, sched->pop);
    r->rng = gsl_rng_alloc(gsl_rng_mt19937);
    r->v = malloc(batch * sizeof *r->v);
    r->s = malloc(batch * sizeof *r->s);
    r->idx = malloc(sched->pop * sizeof *r->idx);
    r->genes = malloc(batch * (size_t)ng * sizeof *r->genes);
    r->hist = malloc(r->caphist * sizeof *r->hist);
    if (!r->ga || !r->rng || !r->v || !r->s || !r->idx || !r->genes ||
        !r->hist) {
        garun_free(r);
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    space_bounds(s, r->lo, r->hi);
    return r;
}

void
garun_set_nodes(garun *r, const nodes_table *t)
{
    search_problem_set_nodes(r->prob, t);
}

void
garun_free(garun *r)
{
    if (!r)
        return;
    search_problem_free(r->prob);
    ga_free(r->ga);
    if (r->rng)
        gsl_rng_free(r->rng);
    free(r->v);
    free(r->s);
    free(r->idx);
    free(r->genes);
    free(r->hist);
    free(r);
}

/* ------------------------------------------------------------ phases */

/* Start phase ph: its operators, and its population (a random one for the
 * first phase, for P2 replaced by the thinned random feasible designs; the
 * best designs evaluated so far for P2's later phases). */
static int
start_phase(garun *r, size_t ph)
{
    r->phase = ph;
    if (ga_set_params(r->ga, schedule_params(&r->sched, ph)) != IMC_OK)
        return imc_fail(NULL, 0, "internal error: bad GA operators");
    if (ph == 0) {
        if (ga_set(r->ga, r->lo, r->hi, r->rng) != IMC_OK)
            return imc_fail(NULL, 0, "internal error: bad gene bounds");
        if (r->sched.kind == SCHEDULE_P1)
            return IMC_OK;
        size_t n = 0;
        int st = schedule_initial_p2(&r->sched, r->prob, r->hi, r->rng,
                                     r->genes, &n);
        if (st == IMC_OK && ga_set_initial(r->ga, r->genes, n) != IMC_OK)
            st = imc_fail(NULL, 0, "out of memory (initial population)");
        return st;
    }
    size_t n = schedule_restart(&r->sched, r->prob, r->idx, r->genes, r->v,
                                r->s);
    if (ga_restart(r->ga, r->genes, r->v, r->s, n) != IMC_OK)
        return imc_fail(NULL, 0, "no design evaluated before phase %zu",
                        ph + 1);
    return IMC_OK;
}

int
garun_start(garun *r, unsigned long seed)
{
    /* a fresh problem state: empty cache and counters */
    search_problem *p = r->prob;
    search_reset(p);
    r->seed = seed;
    r->nhist = 0;
    r->started = 1;
    /* The seed is explicit and recorded; never GSL_RNG_SEED. */
    gsl_rng_set(r->rng, seed);
    return start_phase(r, 0);
}

int
garun_done_p(const garun *r)
{
    if (!r->started)
        return 1;
    if (r->nhist > 0) {
        const garun_row *w = &r->hist[r->nhist - 1];
        if (schedule_budget_spent_p(&r->sched, w->evaluations, w->requests))
            return 1;
    }
    size_t last = schedule_nphases(&r->sched) - 1;
    return r->phase == last &&
           ga_test(r->ga, schedule_phase_end(&r->sched, last)) != GA_CONTINUE;
}

/* ------------------------------------------------------------ step */

/* Append the history row of the generation just told. */
static void
record_row(garun *r)
{
    garun_row *w = &r->hist[r->nhist++];
    memset(w, 0, sizeof *w);
    w->generation = ga_generation(r->ga);
    w->phase = r->phase + 1;
    w->evaluations = search_evaluations(r->prob);
    w->cache_hits = search_cache_hits(r->prob);
    w->requests = w->evaluations + w->cache_hits;
    double sum = 0;
    for (size_t i = 0; i < ga_population(r->ga); i++) {
        const int *m;
        double v, s;
        ga_member(r->ga, i, &m, &v, &s);
        if (i == 0) {
            w->best_violation = v;
            w->best_score = s;
        }
        if (v <= 0) {
            w->n_feasible++;
            sum += s;
        }
    }
    w->mean_score = w->n_feasible ? sum / (double)w->n_feasible : 0;
}

int
garun_step(garun *r)
{
    if (garun_done_p(r))
        return imc_fail(NULL, 0, "internal error: step after the end");
    if (ga_test(r->ga, schedule_phase_end(&r->sched, r->phase)) !=
        GA_CONTINUE) {
        int st = start_phase(r, r->phase + 1);
        if (st != IMC_OK)
            return st;
    }
    ga_iterate(r->ga);
    const int *genes;
    size_t n = ga_ask(r->ga, &genes), ng = ga_ngenes(r->ga);
    search_set_generation(r->prob, (long)ga_generation(r->ga) + 1);
    for (size_t i = 0; i < n; i++) {
        search_result res;
        if (search_eval(r->prob, genes + i * ng, &res) != IMC_OK)
            return imc_fail(NULL, 0, "internal error: gene out of bounds");
        r->v[i] = res.violation;
        r->s[i] = res.score;
    }
    /* n may be 0 when every offspring duplicated the population: the
     * generation then passes without evaluations */
    if (ga_tell(r->ga, r->v, r->s) != IMC_OK)
        return imc_fail(NULL, 0, "internal error: GA refused the batch");
    if (r->nhist < r->caphist)
        record_row(r);
    return IMC_OK;
}

int
garun_run(garun *r, unsigned long seed)
{
    int st = garun_start(r, seed);
    while (st == IMC_OK && !garun_done_p(r))
        st = garun_step(r);
    return st;
}

/* ------------------------------------------------------------ accessors */

unsigned long garun_seed(const garun *r) { return r->seed; }
const schedule_opts *garun_schedule(const garun *r) { return &r->sched; }
const search_problem *garun_problem(const garun *r) { return r->prob; }

const garun_row *
garun_history(const garun *r, size_t *n)
{
    *n = r->nhist;
    return r->hist;
}

const search_record *
garun_best(const garun *r)
{
    size_t i;
    if (search_best(r->prob, 1, &i) == 0)
        return NULL;
    return search_record_at(r->prob, i);
}

int
garun_feasible_p(const garun *r)
{
    const search_record *b = garun_best(r);
    return b && !(b->result.violation > 0);
}

/* ------------------------------------------------------------ CSV rows */

void
garun_write_history_header(FILE *fp)
{
    fputs("seed,generation,phase,requests,evaluations,cache_hits,best_score,"
          "best_violation,n_feasible,mean_score\n", fp);
}

void
garun_write_history(FILE *fp, const garun *r)
{
    for (size_t i = 0; i < r->nhist; i++) {
        const garun_row *w = &r->hist[i];
        fprintf(fp, "%lu,%zu,%zu,%lu,%lu,%lu,", r->seed, w->generation,
                w->phase, w->requests, w->evaluations, w->cache_hits);
        csvio_put_double(fp, w->best_score);
        fputc(',', fp);
        csvio_put_double(fp, w->best_violation);
        fprintf(fp, ",%zu,", w->n_feasible);
        /* no feasible member: an empty field (missing), never "nan" */
        if (w->n_feasible)
            csvio_put_double(fp, w->mean_score);
        fputc('\n', fp);
    }
}

void
garun_write_best_header(FILE *fp)
{
    fputs("seed,", fp);
    design_write_header(fp);
    fputs(",workload,energy_j,latency_s,area_mm2,edap,score,violation,"
          "feasible,in_objective\n", fp);
}

/* One best-design row. */
static void
best_row(FILE *fp, const garun *r, const design *d, const char *workload,
         double e, double l, double a, const search_result *res,
         int feasible, int in_obj)
{
    fprintf(fp, "%lu,", r->seed);
    design_write(fp, d);
    fputc(',', fp);
    csvio_put_string(fp, workload);
    const double vals[] = {e, l, a, e * l * a, res->score, res->violation};
    for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
        fputc(',', fp);
        csvio_put_double(fp, vals[k]);
    }
    fprintf(fp, ",%d,%d\n", feasible, in_obj);
}

void
garun_write_best(FILE *fp, const garun *r, const net *const *extra,
                 size_t nextra)
{
    const search_record *rec = garun_best(r);
    if (!rec)
        return;
    const search_result *res = &rec->result;
    design d;
    space_decode(search_space(r->prob), rec->genes, &d);
    for (size_t w = 0; w < res->nwork; w++)
        best_row(fp, r, &d, search_workload(r->prob, w)->name,
                 res->energy_j[w], res->latency_s[w], res->area_mm2, res,
                 !(res->violation > 0), 1);
    for (size_t w = 0; w < nextra; w++) {
        cost_result c;
        cost_eval_net(r->model, &d, extra[w], r->mode, &c);
        /* this workload alone: held on chip and within the area limit */
        best_row(fp, r, &d, extra[w]->name, c.energy_j, c.latency_s,
                 c.area_mm2, res, c.fits && !(c.area_mm2 > r->area_max_mm2),
                 0);
    }
}

void
garun_write_evaluated_header(FILE *fp, const net *const *nets, size_t nnets)
{
    fputs("seed,evaluation,generation,", fp);
    design_write_header(fp);
    fputs(",area_mm2,violation,score,feasible", fp);
    for (size_t w = 0; w < nnets; w++)
        fprintf(fp, ",energy_j_%s", nets[w]->name);
    for (size_t w = 0; w < nnets; w++)
        fprintf(fp, ",latency_s_%s", nets[w]->name);
    fputc('\n', fp);
}

void
garun_write_evaluated(FILE *fp, const garun *r)
{
    const search_problem *p = r->prob;
    for (size_t i = 0; i < search_nrecords(p); i++) {
        const search_record *rec = search_record_at(p, i);
        const search_result *res = &rec->result;
        design d;
        space_decode(search_space(p), rec->genes, &d);
        fprintf(fp, "%lu,%zu,%ld,", r->seed, i + 1, rec->generation);
        design_write(fp, &d);
        const double vals[] = {res->area_mm2, res->violation, res->score};
        for (size_t k = 0; k < 3; k++) {
            fputc(',', fp);
            csvio_put_double(fp, vals[k]);
        }
        fprintf(fp, ",%d", !(res->violation > 0));
        for (size_t w = 0; w < res->nwork; w++) {
            fputc(',', fp);
            csvio_put_double(fp, res->energy_j[w]);
        }
        for (size_t w = 0; w < res->nwork; w++) {
            fputc(',', fp);
            csvio_put_double(fp, res->latency_s[w]);
        }
        fputc('\n', fp);
    }
}
