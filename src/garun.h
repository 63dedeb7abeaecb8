/* garun.h: one evolutionary search run, from seed to best design, in
 * memory: a schedule (schedule.h) driving the GA (ga.h) over a search
 * problem (search.h), with one history row per generation.
 *
 *     garun *r = garun_alloc(&space, model, nets, n, objective, area_max,
 *                            mode, &sched);
 *     garun_start(r, seed);
 *     while (!garun_done_p(r))
 *         garun_step(r);                    one generation
 *     garun_best(r) ...                      the answer
 *     garun_free(r);
 *
 * garun_run() does the loop in one call.  A garun owns its problem (with
 * the cache of every design evaluated), its GA, its rng (mt19937, seeded
 * explicitly by garun_start, never from GSL_RNG_SEED) and its history; it
 * borrows the space's model and nets, which the caller keeps alive until
 * garun_free.  Runs are independent: several may run at once in different
 * threads over the same model and nets.  garun_start may be called again to
 * run another seed from scratch (cache, history and counters are reset).
 *
 * The writers print CSV rows (no header: garun_write_*_header once per
 * file) with the run's seed as the first column, so the rows of many runs
 * can be concatenated into one file.
 */
#ifndef IMC_GARUN_H
#define IMC_GARUN_H

#include <stdio.h>

#include "schedule.h"
#include "search.h"

/* One history row: the state after one generation. */
typedef struct garun_row {
    size_t generation;           /* ga_generation(): 1 = initial population */
    size_t phase;                /* 1-based */
    unsigned long requests;      /* designs asked so far (incl. cache hits) */
    unsigned long evaluations;   /* distinct designs evaluated so far */
    unsigned long cache_hits;
    double best_score;           /* population's best (by violation, then
                                    score) */
    double best_violation;
    size_t n_feasible;           /* feasible population members */
    double mean_score;           /* their mean; valid when n_feasible > 0 */
} garun_row;

typedef struct garun garun;

/* A run over space s for nets[0..nnets-1] with the given objective, area
 * limit (mm2), latency mode and schedule (copied; checked with
 * schedule_check).  The cache holds every design the schedule can ask for
 * (within its evaluation budget, when it has one), capped at the size of
 * the space.  NULL after reporting on bad options or
 * out of memory (search_problem_alloc's conditions included). */
garun *garun_alloc(const space *s, const cost_model *model,
                   const net *const *nets, size_t nnets, search_objective o,
                   double area_max_mm2, cost_latency_mode mode,
                   const schedule_opts *sched);
/* Release everything; NULL is a no-op. */
void garun_free(garun *r);
/* Judge designs against a node table from now on (their node's cost
 * factor and voltage range: search_problem_set_nodes); t is borrowed and
 * must outlive the run.  Needed by the objectives el_cost and ela_cost. */
void garun_set_nodes(garun *r, const nodes_table *t);

/* Reset and start the run for seed (1 .. 2^32 - 1): first phase, initial
 * population.  Returns IMC_OK or IMC_EINPUT after reporting. */
int garun_start(garun *r, unsigned long seed);
/* Predicate: 1 when the schedule is complete or the budget spent. */
int garun_done_p(const garun *r);
/* One generation: start the next phase when the current one is over,
 * breed, evaluate, tell, record the history row.  Returns IMC_OK or
 * IMC_EINPUT after reporting. */
int garun_step(garun *r);
/* garun_start then garun_step until done. */
int garun_run(garun *r, unsigned long seed);

unsigned long garun_seed(const garun *r);
const schedule_opts *garun_schedule(const garun *r);
/* The problem (cache, counters, records) of the run. */
const search_problem *garun_problem(const garun *r);
/* History rows so far, in generation order; *n receives their count. */
const garun_row *garun_history(const garun *r, size_t *n);
/* The best design evaluated (violation first, then score, then evaluation
 * order), or NULL when nothing was evaluated. */
const search_record *garun_best(const garun *r);
/* Predicate: 1 when the best design meets every constraint. */
int garun_feasible_p(const garun *r);

/* ---- CSV rows ------------------------------------------------------- */

/* "seed,generation,phase,requests,evaluations,cache_hits,best_score,
 * best_violation,n_feasible,mean_score" and one row per generation
 * (mean_score empty when no member is feasible). */
void garun_write_history_header(FILE *fp);
void garun_write_history(FILE *fp, const garun *r);

/* "seed,<design columns>,workload,energy_j,latency_s,area_mm2,edap,score,
 * violation,feasible,in_objective" and one row per workload for the best
 * design: first the search's own workloads (in_objective 1), then the
 * workloads of extra[0..nextra-1] (in_objective 0), on which the best
 * design is evaluated only for the record (a specific design judged on
 * the other workloads of a study).  score and violation are the search's
 * on every row; feasible is the search's verdict on its own rows, and on
 * an extra row whether that workload alone fits within the area limit. */
void garun_write_best_header(FILE *fp);
void garun_write_best(FILE *fp, const garun *r, const net *const *extra,
                      size_t nextra);

/* "seed,evaluation,generation,<design columns>,area_mm2,violation,score,
 * feasible,energy_j_<w>...,latency_s_<w>..." (one energy and one latency
 * column per workload, named after the nets) and one row per design
 * evaluated, in evaluation order. */
void garun_write_evaluated_header(FILE *fp, const net *const *nets,
                                  size_t nnets);
void garun_write_evaluated(FILE *fp, const garun *r);

#endif
