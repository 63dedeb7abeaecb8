/* schedule.c: P1's and P2's schedules (see schedule.h). */
#include "schedule.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

void
schedule_defaults(schedule_opts *o, schedule_kind kind)
{
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->pop = 70;
    o->generations = kind == SCHEDULE_P1 ? 20 : 10;
    o->init_candidates = 1000;
    o->init_keep = 500;
}

static const char *const kind_names[] = {"p1", "p2-phases"};

int
schedule_kind_from_name(const char *s, schedule_kind *k)
{
    for (int i = 0; i < 2; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *k = (schedule_kind)i;
            return IMC_OK;
        }
    return IMC_EINPUT;
}

const char *
schedule_kind_name(schedule_kind k)
{
    return kind_names[k];
}

int
schedule_check(const schedule_opts *o)
{
    if (o->pop < 2 || o->pop > SCHEDULE_MAX_POP)
        return imc_fail(NULL, 0, "population: got %zu, expected 2 to %lu",
                        o->pop, SCHEDULE_MAX_POP);
    if (o->generations < 1 || o->generations > SCHEDULE_MAX_GENERATIONS)
        return imc_fail(NULL, 0, "generations: got %zu, expected 1 to %lu",
                        o->generations, SCHEDULE_MAX_GENERATIONS);
    if (o->kind == SCHEDULE_P2_PHASES) {
        if (o->init_keep < 1 || o->init_keep > 10 * SCHEDULE_MAX_POP)
            return imc_fail(NULL, 0, "initial designs kept: got %zu, "
                            "expected 1 to %lu", o->init_keep,
                            10 * SCHEDULE_MAX_POP);
        if (o->init_keep > o->init_candidates)
            return imc_fail(NULL, 0, "initial designs kept (%zu) exceed "
                            "the candidates drawn (%zu)", o->init_keep,
                            o->init_candidates);
    }
    return IMC_OK;
}

size_t
schedule_nphases(const schedule_opts *o)
{
    return o->kind == SCHEDULE_P2_PHASES ? GA_P2_PHASES : 1;
}

const ga_params *
schedule_params(const schedule_opts *o, size_t ph)
{
    return o->kind == SCHEDULE_P2_PHASES ? &ga_params_p2[ph] : &ga_params_p1;
}

size_t
schedule_phase_end(const schedule_opts *o, size_t ph)
{
    if (o->kind == SCHEDULE_P1)
        return o->generations;
    return 1 + (ph + 1) * o->generations;
}

size_t
schedule_total_generations(const schedule_opts *o)
{
    return schedule_phase_end(o, schedule_nphases(o) - 1);
}

/* Bounded by SCHEDULE_MAX_POP * SCHEDULE_MAX_GENERATIONS * 4 + the initial
 * designs, about 4e10: exact in a 64-bit size_t. */
size_t
schedule_max_requests(const schedule_opts *o)
{
    if (o->kind == SCHEDULE_P1)
        return o->pop * o->generations;
    return o->init_keep + GA_P2_PHASES * o->generations * o->pop;
}

size_t
schedule_max_batch(const schedule_opts *o)
{
    if (o->kind == SCHEDULE_P2_PHASES && o->init_keep > o->pop)
        return o->init_keep;
    return o->pop;
}

/* The next generation asks for at most pop designs, so stopping when the
 * next one could pass the budget keeps every run within it. */
int
schedule_budget_spent_p(const schedule_opts *o, unsigned long evaluations,
                        unsigned long requests)
{
    return (o->max_evaluations && evaluations + o->pop > o->max_evaluations) ||
           (o->max_requests && requests + o->pop > o->max_requests);
}

/* 1 when every workload fits on the design of res: the capacity rule the
 * reference applies before it simulates a design (the area is only known
 * after an evaluation, and P2 judges it at the restarts). */
static int
fits_all(const search_result *res)
{
    for (size_t w = 0; w < res->nwork; w++)
        if (!res->fits[w])
            return 0;
    return 1;
}

int
schedule_initial_p2(const schedule_opts *o, const search_problem *p,
                    const double *hi, gsl_rng *rng, int *genes, size_t *n)
{
    size_t ng = (size_t)space_ngenes(search_space(p));
    size_t want = o->init_candidates, keep = o->init_keep, nc = 0;
    int *cand = malloc(want * ng * sizeof *cand);
    size_t *pick = malloc(keep * sizeof *pick);
    if (!cand || !pick) {
        free(cand);
        free(pick);
        return imc_fail(NULL, 0, "out of memory (%zu initial designs)", want);
    }
    /* pass 0 draws designs that hold every workload; pass 1 tops the set
     * up with any distinct designs when fewer than init_keep were found */
    for (int pass = 0; pass < 2; pass++) {
        size_t goal = pass == 0 ? want : keep;
        for (size_t t = 0; nc < goal && t < 100 * goal; t++) {
            int *x = cand + nc * ng;
            for (size_t i = 0; i < ng; i++)
                x[i] = (int)gsl_rng_uniform_int(rng, (unsigned long)hi[i] + 1);
            search_result res;
            if (pass == 0 && (search_peek(p, x, &res) != IMC_OK ||
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
        memcpy(genes + i * ng, cand + pick[i] * ng, ng * sizeof *genes);
    free(cand);
    free(pick);
    if (st != IMC_OK)
        return imc_fail(NULL, 0, "out of memory (Hamming thinning)");
    *n = keep;
    return IMC_OK;
}

size_t
schedule_restart(const schedule_opts *o, search_problem *p, size_t *idx,
                 int *genes, double *violation, double *score)
{
    size_t ng = (size_t)space_ngenes(search_space(p));
    size_t n = search_best(p, o->pop, idx);
    for (size_t i = 0; i < n; i++) {
        const search_record *rec = search_record_at(p, idx[i]);
        memcpy(genes + i * ng, rec->genes, ng * sizeof *genes);
        violation[i] = rec->result.violation;
        score[i] = rec->result.score;
    }
    return n;
}
