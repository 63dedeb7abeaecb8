/* schedule.h: how a GA run is staged: P1's single run and P2's four
 * phases with restarts (docs/framework.md sections 5.1-5.2), and the
 * budget that may cut a run short.
 *
 * A schedule_opts is a plain value (no heap data).  The functions here
 * answer what a run does at each stage (operators of a phase, where the
 * phase ends, how large the cache and the batches must be) and build P2's
 * two special populations: the Hamming-thinned random feasible start and
 * the restart from the best designs evaluated so far.  They draw only from
 * the rng they are given and own no state; garun.h drives them.
 */
#ifndef IMC_SCHEDULE_H
#define IMC_SCHEDULE_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

#include "ga.h"
#include "search.h"

typedef enum {
    SCHEDULE_P1,        /* one GA run with P1's operators */
    SCHEDULE_P2_PHASES  /* P2's four phases with restarts */
} schedule_kind;

/* Largest population and generation count a schedule takes: far above any
 * study (P1: 20-70 x 10-20), low enough that their products stay exact. */
#define SCHEDULE_MAX_POP 100000UL
#define SCHEDULE_MAX_GENERATIONS 100000UL

typedef struct schedule_opts {
    schedule_kind kind;
    size_t pop;               /* population, mu = lambda (>= 2) */
    size_t generations;       /* P1: in all, the first being the random
                                 population; P2: offspring generations per
                                 phase */
    size_t init_candidates;   /* P2: random feasible designs drawn */
    size_t init_keep;         /* P2: kept by max-min Hamming distance */
    unsigned long max_evaluations; /* 0, or a budget of distinct
                                      evaluations never exceeded: stop when
                                      the next generation (at most pop
                                      designs) could pass it */
    unsigned long max_requests;    /* 0, or likewise a budget of designs
                                      requested (evaluations plus cache
                                      hits) */
} schedule_opts;

/* The defaults of docs/framework.md sections 5.1-5.2: P1 70 x 20; P2 70 x 10
 * per phase from 1000 random feasible designs thinned to 500; no evaluation
 * budget. */
void schedule_defaults(schedule_opts *o, schedule_kind kind);

/* Look up "p1" or "p2-phases": IMC_OK, or IMC_EINPUT (not reported). */
int schedule_kind_from_name(const char *s, schedule_kind *k);
const char *schedule_kind_name(schedule_kind k);

/* IMC_OK, or IMC_EINPUT after reporting what is out of range: pop below 2
 * or above SCHEDULE_MAX_POP, generations 0 or above
 * SCHEDULE_MAX_GENERATIONS, init_keep 0, above init_candidates or above
 * SCHEDULE_MAX_POP * 10. */
int schedule_check(const schedule_opts *o);

/* Phases: 1 for P1, GA_P2_PHASES for P2. */
size_t schedule_nphases(const schedule_opts *o);
/* The GA operators of phase ph (0-based). */
const ga_params *schedule_params(const schedule_opts *o, size_t ph);
/* The generation count (ga_generation) at which phase ph ends: P1
 * generations; P2 1 + (ph + 1) * generations (generation 1 is the initial
 * population). */
size_t schedule_phase_end(const schedule_opts *o, size_t ph);
/* Generations of the whole schedule (the end of its last phase). */
size_t schedule_total_generations(const schedule_opts *o);
/* Designs the schedule can ask to evaluate at most: the cache capacity that
 * stores every one of them. */
size_t schedule_max_requests(const schedule_opts *o);
/* The largest batch asked at once (P2's initial designs may exceed pop). */
size_t schedule_max_batch(const schedule_opts *o);

/* Predicate: 1 when the next generation could exceed the budget
 * (max_evaluations, max_requests), so the run stops within it. */
int schedule_budget_spent_p(const schedule_opts *o,
                            unsigned long evaluations,
                            unsigned long requests);

/* P2's initial designs into genes[0 .. *n * ngenes - 1] (room for
 * init_keep rows): distinct uniform random designs that hold every
 * workload (search_peek, not counted as evaluations), up to
 * init_candidates of them within 100 draws per candidate; topped up with
 * random distinct designs, fit or not, when fewer than init_keep fit;
 * then thinned to init_keep by greedy max-min Hamming distance.  hi[i] is
 * gene i's upper bound (space_bounds).  Returns IMC_OK, or IMC_EINPUT
 * after reporting when memory runs out. */
int schedule_initial_p2(const schedule_opts *o, const search_problem *p,
                        const double *hi, gsl_rng *rng, int *genes,
                        size_t *n);

/* P2's restart population: the genes, violations and scores of the (at
 * most) pop best designs evaluated so far, ranked by violation then score
 * (search_best), into genes (pop rows), violation and score; idx is work
 * space for pop indices.  Returns how many were written. */
size_t schedule_restart(const schedule_opts *o, search_problem *p,
                        size_t *idx, int *genes, double *violation,
                        double *score);

#endif
