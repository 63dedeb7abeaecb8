/* searchio.c: options, set-up, generation step and outputs of ga-search.
 * See searchio.h for the ownership rule. */
#include "searchio.h"
#include "cli.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ================================================================ options */

enum {
    OPT_SPACE = 256, OPT_OBJECTIVE, OPT_POP, OPT_SCHEDULE, OPT_AREA,
    OPT_HISTORY, OPT_EVALUATED, OPT_INIT_CAND,
    OPT_INIT_KEEP
};

/* Parse a positive integer option value. */
static int
positive(const char *opt, const char *arg, unsigned long *out)
{
    if (cli_parse_ulong(opt, arg, out) != IMC_OK)
        return IMC_EINPUT;
    if (*out == 0)
        return cli_usage_error("option '%s': got '%s', expected an integer "
                               ">= 1", opt, arg);
    return IMC_OK;
}

/* Add one layer table to the workload list. */
static int
add_layers(searchio_opts *o, const char *path)
{
    if (o->nlayers == SEARCH_MAX_WORKLOADS)
        return cli_usage_error("too many workloads (at most %d)",
                               SEARCH_MAX_WORKLOADS);
    o->layers[o->nlayers++] = path;
    return IMC_OK;
}

/* Handle one of ga-search's own options. */
static int
own_option(int opt, const char *arg, searchio_opts *o, int *gens_set)
{
    switch (opt) {
    case OPT_SPACE: o->space_path = arg; return IMC_OK;
    case 'w': return add_layers(o, arg);
    case 's': return cli_parse_ulong("--seed", arg, &o->seed);
    case OPT_POP:
        if (positive("--pop", arg, &o->pop) != IMC_OK)
            return IMC_EINPUT;
        return o->pop >= 2 ? IMC_OK
                           : cli_usage_error("option '--pop': got '%s', "
                                             "expected an integer >= 2", arg);
    case 'g': *gens_set = 1; return positive("--generations", arg,
                                             &o->generations);
    case OPT_INIT_CAND: return positive("--init-candidates", arg,
                                        &o->init_candidates);
    case OPT_INIT_KEEP: return positive("--init-keep", arg, &o->init_keep);
    case 'b': o->best = arg; return IMC_OK;
    case OPT_HISTORY: o->history = arg; return IMC_OK;
    case OPT_EVALUATED: o->evaluated = arg; return IMC_OK;
    case OPT_OBJECTIVE:
        return search_objective_parse(arg, &o->objective)
                   ? IMC_OK
                   : cli_usage_error("option '--objective': got '%s', "
                                     "expected joint, single, mean or all",
                                     arg);
    case OPT_SCHEDULE:
        if (strcmp(arg, "p1") == 0)
            o->schedule = SEARCHIO_P1;
        else if (strcmp(arg, "p2-phases") == 0)
            o->schedule = SEARCHIO_P2_PHASES;
        else
            return cli_usage_error("option '--schedule': got '%s', expected "
                                   "p1 or p2-phases", arg);
        return IMC_OK;
    case 'l':
    case COSTIO_OPT_RRAM:
    case COSTIO_OPT_SRAM:
        return costio_option(opt, arg, &o->model) == 1 ? IMC_OK : IMC_EINPUT;
    case OPT_AREA:
        if (!csvio_parse_double(arg, &o->area_max_mm2) ||
            !(o->area_max_mm2 > 0))
            return cli_usage_error("option '--area-max': got '%s', expected "
                                   "a number > 0 (mm2)", arg);
        return IMC_OK;
    default:
        return cli_usage_error("unexpected option");
    }
}

/* Parse the command line; the contract is in searchio.h. */
int
searchio_parse(int argc, char **argv, const char *usage,
               searchio_opts *o)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, OPT_SPACE},
        {"objective", required_argument, 0, OPT_OBJECTIVE},
        {"workload-layers", required_argument, 0, 'w'},
        {"seed", required_argument, 0, 's'},
        {"pop", required_argument, 0, OPT_POP},
        {"generations", required_argument, 0, 'g'},
        {"schedule", required_argument, 0, OPT_SCHEDULE},
        {"init-candidates", required_argument, 0, OPT_INIT_CAND},
        {"init-keep", required_argument, 0, OPT_INIT_KEEP},
        {"area-max", required_argument, 0, OPT_AREA},
        COSTIO_LONGOPTS,
        {"best", required_argument, 0, 'b'},
        {"history", required_argument, 0, OPT_HISTORY},
        {"evaluated", required_argument, 0, OPT_EVALUATED},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    int opt, gens_set = 0;
    memset(o, 0, sizeof *o);
    /* Defaults: framework.md sections 1 and 5 (70 x 20 for P1, 70 x 10 per
     * phase and 1000 -> 500 initial designs for P2, A_constr = 800 mm2). */
    o->objective = SEARCH_JOINT;
    o->seed = 1;
    o->pop = 70;
    o->init_candidates = 1000;
    o->init_keep = 500;
    o->area_max_mm2 = 800;
    costio_opts_init(&o->model);
    while ((opt = getopt_long(argc, argv, "w:s:g:l:b:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option(opt, optarg, usage, &common))
            continue;
        if (own_option(opt, optarg, o, &gens_set) != IMC_OK)
            return IMC_EINPUT;
    }
    for (int i = optind; i < argc; i++)
        if (add_layers(o, argv[i]) != IMC_OK)
            return IMC_EINPUT;
    if (!gens_set)
        o->generations = o->schedule == SEARCHIO_P1 ? 20 : 10;
    if (!o->best)
        o->best = common.output;
    if (!o->space_path)
        return cli_usage_error("missing --space SPACE.csv");
    if (o->nlayers == 0)
        return cli_usage_error("missing layer table (LAYERS.csv)");
    if (o->objective == SEARCH_SINGLE && o->nlayers != 1)
        return cli_usage_error("objective 'single' takes one layer table, "
                               "got %zu", o->nlayers);
    if (o->init_keep > o->init_candidates)
        return cli_usage_error("--init-keep %lu exceeds --init-candidates "
                               "%lu", o->init_keep, o->init_candidates);
    return IMC_OK;
}

/* ================================================================ set-up */

/* Open the run; the contract is in searchio.h. */
int
searchio_open(searchio_run *r, const searchio_opts *o)
{
    memset(r, 0, sizeof *r);
    r->o = *o;
    int p2 = o->schedule == SEARCHIO_P2_PHASES;
    r->nphases = p2 ? GA_P2_PHASES : 1;
    r->gen_total = p2 ? 1 + GA_P2_PHASES * o->generations : o->generations;
    int st = space_read(o->space_path, &r->sp);
    for (size_t i = 0; st == IMC_OK && i < o->nlayers; i++) {
        st = net_read_table(o->layers[i], &r->nets[i]);
        r->nnets += st == IMC_OK;
    }
    if (st != IMC_OK)
        return st;
    int ng = space_ngenes(&r->sp);
    if (ng == 0)
        return imc_fail(o->space_path, 0, "every parameter has a single "
                        "value: nothing to search");
    int rram = r->sp.memory == DESIGN_RRAM;
    r->model = cost_model_load(rram ? o->model.constants_rram : NULL,
                               rram ? NULL : o->model.constants_sram);
    if (!r->model)
        return IMC_EINPUT;
    /* Evaluations can never exceed the batches asked, so this capacity
     * stores every one of them. */
    size_t cap = p2 ? o->init_keep + GA_P2_PHASES * o->generations * o->pop
                    : o->pop * o->generations;
    size_t batch = p2 && o->init_keep > o->pop ? o->init_keep : o->pop;
    r->prob = search_problem_alloc(&r->sp, r->model,
                                   (const net *const *)r->nets, r->nnets,
                                   o->objective, o->area_max_mm2, o->model.latency,
                                   cap);
    if (!r->prob)
        return IMC_EINPUT;
    r->ga = ga_alloc((size_t)ng, o->pop);
    r->rng = gsl_rng_alloc(gsl_rng_mt19937);
    r->v = malloc(batch * sizeof *r->v);
    r->s = malloc(batch * sizeof *r->s);
    r->idx = malloc(o->pop * sizeof *r->idx);
    r->genes = malloc(o->pop * (size_t)ng * sizeof *r->genes);
    if (!r->ga || !r->rng || !r->v || !r->s || !r->idx || !r->genes)
        return imc_fail(NULL, 0, "out of memory");
    /* The seed is explicit and recorded; never GSL_RNG_SEED. */
    gsl_rng_set(r->rng, o->seed);
    space_bounds(&r->sp, r->lo, r->hi);
    if (o->history) {
        if ((st = csvio_out_open(&r->hist, o->history)) != IMC_OK)
            return st;
        r->hist_open = 1;
        searchio_write_comment(r->hist.fp, o);
        fputs("generation,phase,evaluations,cache_hits,best_score,"
              "best_violation,n_feasible,mean_score\n", r->hist.fp);
    }
    r->progress = isatty(STDERR_FILENO);
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    return IMC_OK;
}

/* 1 when every workload fits on the design of res (capacity feasibility:
 * the rule the reference applies before simulating; the area is only
 * known after an evaluation, and P2 judges it when restarting). */
static int
fits_all(const search_result *res)
{
    for (size_t w = 0; w < res->nwork; w++)
        if (!res->fits[w])
            return 0;
    return 1;
}

/* P2's initial designs: distinct random designs that hold every workload,
 * up to init_candidates within 100 draws per candidate; topped up with
 * random distinct designs when fewer than init_keep fit; thinned to
 * init_keep by max-min Hamming distance (framework.md section 5). */
static int
initial_p2(searchio_run *r)
{
    size_t ng = (size_t)space_ngenes(&r->sp), want = r->o.init_candidates;
    size_t keep = r->o.init_keep, nc = 0;
    int *cand = malloc(want * ng * sizeof *cand);
    int *sel = malloc(keep * ng * sizeof *sel);
    size_t *pick = malloc(keep * sizeof *pick);
    if (!cand || !sel || !pick) {
        free(cand);
        free(sel);
        free(pick);
        return imc_fail(NULL, 0, "out of memory");
    }
    for (int pass = 0; pass < 2; pass++) {
        size_t goal = pass == 0 ? want : keep;
        for (size_t t = 0; nc < goal && t < 100 * goal; t++) {
            int *x = cand + nc * ng;
            for (size_t i = 0; i < ng; i++)
                x[i] = (int)gsl_rng_uniform_int(r->rng,
                                                (unsigned long)r->hi[i] + 1);
            search_result res;
            if (pass == 0 && (search_peek(r->prob, x, &res) != IMC_OK ||
                              !fits_all(&res)))
                continue;
            size_t j = 0;
            while (j < nc && memcmp(cand + j * ng, x, ng * sizeof *x) != 0)
                j++;
            nc += j == nc;
        }
    }
    if (keep > nc)
        keep = nc;
    int st = ga_thin_hamming(cand, nc, ng, keep, pick);
    for (size_t i = 0; st == IMC_OK && i < keep; i++)
        memcpy(sel + i * ng, cand + pick[i] * ng, ng * sizeof *sel);
    if (st == IMC_OK)
        st = ga_set_initial(r->ga, sel, keep);
    free(cand);
    free(sel);
    free(pick);
    return st == IMC_OK ? IMC_OK : imc_fail(NULL, 0, "out of memory");
}

/* Start a phase; the contract is in searchio.h. */
int
searchio_phase(searchio_run *r, size_t ph)
{
    int p2 = r->o.schedule == SEARCHIO_P2_PHASES;
    size_t ng = (size_t)space_ngenes(&r->sp);
    r->phase = ph;
    ga_set_params(r->ga, p2 ? &ga_params_p2[ph] : &ga_params_p1);
    if (ph == 0) {
        ga_set(r->ga, r->lo, r->hi, r->rng);
        r->gen_end = p2 ? 1 + r->o.generations : r->o.generations;
        return p2 ? initial_p2(r) : IMC_OK;
    }
    /* P2: restart from the best designs evaluated so far, feasible first
     * (search_best ranks by violation, then score) */
    size_t n = search_best(r->prob, r->o.pop, r->idx);
    for (size_t i = 0; i < n; i++) {
        const search_record *rec = search_record_at(r->prob, r->idx[i]);
        memcpy(r->genes + i * ng, rec->genes, ng * sizeof *r->genes);
        r->v[i] = rec->result.violation;
        r->s[i] = rec->result.score;
    }
    r->gen_end = 1 + (ph + 1) * r->o.generations;
    if (ga_restart(r->ga, r->genes, r->v, r->s, n) != IMC_OK)
        return imc_fail(NULL, 0, "no design evaluated before phase %zu",
                        ph + 1);
    return IMC_OK;
}

/* ================================================================ step */

/* Rewrite the progress line on stderr (terminals only). */
static void
progress(const searchio_run *r)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    double dt = (double)(t.tv_sec - r->t0.tv_sec) +
                1e-9 * (double)(t.tv_nsec - r->t0.tv_nsec);
    const searchio_row *w = &r->last;
    double per_eval = w->evaluations ? dt / (double)w->evaluations : 0;
    double left = per_eval * (double)((r->gen_total - w->generation) *
                                      r->o.pop);
    fprintf(stderr, "\r%s: generation %zu/%zu, %lu evaluations, best %.4g%s,"
            " about %.0f s left   ", imc_err_program(), w->generation,
            r->gen_total, w->evaluations, w->best_score,
            w->best_violation > 0 ? " (infeasible)" : "", left);
    fflush(stderr);
}

/* One generation; the contract is in searchio.h. */
int
searchio_step(searchio_run *r)
{
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
    ga_tell(r->ga, r->v, r->s);
    searchio_row *w = &r->last;
    memset(w, 0, sizeof *w);
    w->generation = ga_generation(r->ga);
    w->phase = r->phase + 1;
    w->evaluations = search_evaluations(r->prob);
    w->cache_hits = search_cache_hits(r->prob);
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
    w->mean_score = w->n_feasible ? sum / (double)w->n_feasible : NAN;
    if (r->hist_open) {
        FILE *fp = r->hist.fp;
        fprintf(fp, "%zu,%zu,%lu,%lu,", w->generation, w->phase,
                w->evaluations, w->cache_hits);
        csvio_put_double(fp, w->best_score);
        fputc(',', fp);
        csvio_put_double(fp, w->best_violation);
        fprintf(fp, ",%zu,", w->n_feasible);
        /* no feasible member: an empty field, which readers treat as
         * missing, rather than "nan" */
        if (w->n_feasible)
            csvio_put_double(fp, w->mean_score);
        fputc('\n', fp);
    }
    if (r->progress)
        progress(r);
    return IMC_OK;
}

/* ================================================================ output */

/* The provenance comment; see searchio.h. */
void
searchio_write_comment(FILE *fp, const searchio_opts *o)
{
    fprintf(fp, "# ga-search seed=%lu rng=%s schedule=%s objective=%s "
            "pop=%lu generations=%lu", o->seed, gsl_rng_mt19937->name,
            o->schedule == SEARCHIO_P1 ? "p1" : "p2-phases",
            search_objective_name(o->objective), o->pop, o->generations);
    if (o->schedule == SEARCHIO_P2_PHASES)
        fprintf(fp, " init=%lu/%lu", o->init_candidates, o->init_keep);
    fprintf(fp, " area_max_mm2=%.10g latency=%s space=%s\n", o->area_max_mm2,
            o->model.latency == COST_LATENCY_REFERENCE ? "reference"
                                                       : "physical",
            o->space_path);
}

/* The best design, one row per workload; see searchio.h. */
void
searchio_write_best(FILE *fp, const searchio_run *r)
{
    size_t i;
    searchio_write_comment(fp, &r->o);
    design_write_header(fp);
    fputs(",workload,energy_j,latency_s,area_mm2,edap,score,violation\n",
          fp);
    if (search_best(r->prob, 1, &i) == 0)
        return;
    const search_record *rec = search_record_at(r->prob, i);
    const search_result *res = &rec->result;
    design d;
    space_decode(&r->sp, rec->genes, &d);
    for (size_t w = 0; w < res->nwork; w++) {
        design_write(fp, &d);
        fputc(',', fp);
        csvio_put_string(fp, r->nets[w]->name);
        const double vals[] = {res->energy_j[w], res->latency_s[w],
                               res->area_mm2,
                               res->energy_j[w] * res->latency_s[w] *
                                   res->area_mm2,
                               res->score, res->violation};
        for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) {
            fputc(',', fp);
            csvio_put_double(fp, vals[k]);
        }
        fputc('\n', fp);
    }
}

/* Every design evaluated, in evaluation order; see searchio.h. */
void
searchio_write_evaluated(FILE *fp, const searchio_run *r)
{
    searchio_write_comment(fp, &r->o);
    fputs("evaluation,generation,", fp);
    design_write_header(fp);
    fputs(",area_mm2,violation,score\n", fp);
    for (size_t i = 0; i < search_nrecords(r->prob); i++) {
        const search_record *rec = search_record_at(r->prob, i);
        design d;
        space_decode(&r->sp, rec->genes, &d);
        fprintf(fp, "%zu,%ld,", i + 1, rec->generation);
        design_write(fp, &d);
        fputc(',', fp);
        csvio_put_double(fp, rec->result.area_mm2);
        fputc(',', fp);
        csvio_put_double(fp, rec->result.violation);
        fputc(',', fp);
        csvio_put_double(fp, rec->result.score);
        fputc('\n', fp);
    }
}

/* Write, commit or discard, and release; see searchio.h. */
int
searchio_finish(searchio_run *r, int st)
{
    csvio_out best = {0}, ev = {0};
    int best_open = 0, ev_open = 0;
    if (r->progress && r->last.generation)
        fputc('\n', stderr);
    if (st == IMC_OK && r->o.evaluated &&
        (st = csvio_out_open(&ev, r->o.evaluated)) == IMC_OK) {
        ev_open = 1;
        searchio_write_evaluated(ev.fp, r);
    }
    if (st == IMC_OK && (st = csvio_out_open(&best, r->o.best)) == IMC_OK) {
        best_open = 1;
        searchio_write_best(best.fp, r);
    }
    /* commit only when everything was written; the best design last, so
     * its presence marks a complete run */
    if (st == IMC_OK && r->hist_open && (st = csvio_out_commit(&r->hist)) ==
        IMC_OK)
        r->hist_open = 0;
    if (st == IMC_OK && ev_open && (st = csvio_out_commit(&ev)) == IMC_OK)
        ev_open = 0;
    if (st == IMC_OK && best_open && (st = csvio_out_commit(&best)) ==
        IMC_OK)
        best_open = 0;
    if (r->hist_open)
        csvio_out_abort(&r->hist);
    if (ev_open)
        csvio_out_abort(&ev);
    if (best_open)
        csvio_out_abort(&best);
    for (size_t i = 0; i < r->nnets; i++)
        net_free(r->nets[i]);
    search_problem_free(r->prob);
    cost_model_free(r->model);
    ga_free(r->ga);
    if (r->rng)
        gsl_rng_free(r->rng);
    free(r->v);
    free(r->s);
    free(r->idx);
    free(r->genes);
    memset(r, 0, sizeof *r);
    return st;
}
