/* seqsearch.h: P2's sequential search (arXiv 2603.03880, Sec. IV-G): one
 * group of design parameters optimised at a time, each step a
 * single-phase GA (garun.h, SCHEDULE_P1) over its own group with every
 * other parameter fixed at the previous step's best.
 *
 *     seqsearch_step steps[SEQSEARCH_MAX_STEPS];
 *     size_t n;
 *     design start;
 *     seqsearch_read_steps("experiments/sequential-rram.csv", "max", &sp,
 *                          steps, SEQSEARCH_MAX_STEPS, &n);
 *     seqsearch_read_start("experiments/sequential-starts.csv", "max", &sp,
 *                          &start);
 *     seqsearch_opts o = {&sp, model, nets, nnets, SEARCH_JOINT, 800,
 *                         COST_LATENCY_REFERENCE, "max", start, steps, n};
 *     seqsearch *q = seqsearch_alloc(&o);
 *     seqsearch_run(q, seed);                    every step, in order
 *     seqsearch_result_at(q, i) ...              step i's start and best
 *     seqsearch_free(q);
 *
 * A step's space is the search's space restricted to the step's group
 * (seqsearch_restrict): the group's parameters keep their value lists, every
 * other parameter has the one value of the current design and so carries no
 * gene.  The step's GA runs with the step's population and generations,
 * P1's operators and the run's seed (the reference seeds every step alike);
 * its best design (garun_best: the best feasible one, else the least
 * infeasible) is the step's result and the next step's start.  The start
 * design itself is not evaluated unless the GA draws it, as in the
 * reference.
 *
 * Ownership: a seqsearch copies the options (space, start, steps, start
 * name) and owns its per-step results and the last step's garun (kept for
 * the final rows, seqsearch_write_final); it borrows the model and the
 * nets, which the caller keeps alive until seqsearch_free.  Step and start
 * files are read into caller-provided plain values.
 */
#ifndef IMC_SEQSEARCH_H
#define IMC_SEQSEARCH_H

#include <stdio.h>

#include "garun.h"

/* Most steps one sequential search takes (P2 has 4; room for finer
 * splits), and the longest step or start name in characters, without the
 * terminating NUL (P2's names have at most 12; the bound keeps a step a
 * plain value). */
#define SEQSEARCH_MAX_STEPS 16
#define SEQSEARCH_NAME_MAX 31

/* One step: the parameters it searches and its GA's budget. */
typedef struct seqsearch_step {
    char name[SEQSEARCH_NAME_MAX + 1];  /* e.g. "circuit" */
    long order;                  /* position in the sequence (sorted) */
    size_t nparams;              /* 1 .. DESIGN_NPARAM */
    int params[DESIGN_NPARAM];   /* DESIGN_..., in the order listed */
    size_t pop;                  /* population, 2 .. SCHEDULE_MAX_POP */
    size_t generations;          /* P1 generations, the first being the
                                    random population */
    long line;                   /* line of the steps file (0: not read) */
} seqsearch_step;

/* What a sequential search runs over. */
typedef struct seqsearch_opts {
    const space *space;          /* copied */
    const cost_model *model;     /* borrowed */
    const net *const *nets;      /* borrowed, nnets of them */
    size_t nnets;
    search_objective objective;
    double area_max_mm2;
    cost_latency_mode mode;
    const char *start_name;      /* copied; e.g. "max" (for the rows) */
    design start;                /* a design of the space */
    const seqsearch_step *steps; /* copied, in the order run */
    size_t nsteps;               /* 1 .. SEQSEARCH_MAX_STEPS */
} seqsearch_opts;

/* What one step did. */
typedef struct seqsearch_stepres {
    design start;                /* the design the step started from */
    design best;                 /* its best design: the next one's start */
    search_result result;        /* best's score, violation, E, L, A */
    unsigned long evaluations;   /* distinct designs the step evaluated */
    int feasible;                /* 1 when best meets every constraint */
} seqsearch_stepres;

/* What a batch of seeds ended with. */
typedef struct seqsearch_summary {
    size_t nseeds;               /* runs completed */
    size_t ninfeasible;          /* runs whose end point is infeasible */
    unsigned long first_seed;    /* the first of them (when any) */
    double first_violation;      /* and its end point's violation */
} seqsearch_summary;

typedef struct seqsearch seqsearch;

/* ---- the step's space ------------------------------------------------ */

/* The space s restricted to params[0..n-1] into *out: those parameters keep
 * their lists, every other one is fixed at its value in at (its list of
 * one).  Returns IMC_OK, or IMC_EINPUT (not reported) when at is not a
 * design of s or a parameter index is out of range. */
int seqsearch_restrict(const space *s, const design *at, const int *params,
                       size_t n, space *out);

/* Number of genes a step has in space s: its parameters that list more
 * than one value there (0: the step searches nothing). */
int seqsearch_step_ngenes(const space *s, const seqsearch_step *st);

/* ---- data files ------------------------------------------------------ */

/* Read the steps of start from path (columns start, step, order,
 * parameters, population, generations; other columns ignored) into
 * steps[0..*n-1], sorted by order; max is the room in steps.  Every row is
 * checked (each start's rows alike): a non-empty start and step name of at
 * most SEQSEARCH_NAME_MAX characters, an integer order, parameters that
 * are design parameter names (design_param_names) separated by spaces,
 * none twice, at least one of them listing several values in s, population
 * 2 .. SCHEDULE_MAX_POP, generations 1 .. SCHEDULE_MAX_GENERATIONS.
 * Returns IMC_OK, or IMC_EINPUT after reporting "file:line: what is wrong"
 * (also when start has no row, more than max rows, or two of its rows
 * share an order; orders are compared within a start only). */
int seqsearch_read_steps(const char *path, const char *start, const space *s,
                         seqsearch_step *steps, size_t max, size_t *n);

/* Read the start point named start for s's memory type from path (columns
 * memory, start and one per design parameter, tech_nm optional: 32) into
 * *d.  A value is "max" (the largest value of that parameter's list in s),
 * "min" (the smallest) or a number, which must be in the list.  Every row
 * is checked (a known memory type, a non-empty start name, each value max,
 * min or a number, no (memory, start) pair twice); the selected row's
 * values against s.  Returns IMC_OK, or IMC_EINPUT after reporting; *d is
 * filled only on success. */
int seqsearch_read_start(const char *path, const char *start, const space *s,
                         design *d);

/* ---- the search ------------------------------------------------------ */

/* A sequential search over o (copied).  NULL after reporting when nsteps is
 * 0 or above SEQSEARCH_MAX_STEPS, the start name is empty or longer than
 * SEQSEARCH_NAME_MAX, the start is not a design of the space, a step
 * searches nothing (seqsearch_step_ngenes 0) or has a parameter index out
 * of range, or memory runs out.  The model, nets, objective and area limit
 * are checked when the first step's garun is made (garun_alloc). */
seqsearch *seqsearch_alloc(const seqsearch_opts *o);
/* Release q; NULL is a no-op. */
void seqsearch_free(seqsearch *q);

/* Run every step for seed (1 .. 2^32 - 1), from the start design; results
 * of an earlier run are replaced.  Returns IMC_OK, or IMC_EINPUT after
 * reporting (garun_alloc's and garun_run's conditions). */
int seqsearch_run(seqsearch *q, unsigned long seed);

/* Seed of the last run started (0 before any). */
unsigned long seqsearch_seed(const seqsearch *q);
/* Number of steps, as given to seqsearch_alloc. */
size_t seqsearch_nsteps(const seqsearch *q);
/* Step i (0 <= i < nsteps), as copied. */
const seqsearch_step *seqsearch_step_at(const seqsearch *q, size_t i);
/* What step i did in the last run; NULL before a run completed. */
const seqsearch_stepres *seqsearch_result_at(const seqsearch *q, size_t i);
/* Predicate: 1 when the last run's end point (its last step's best) meets
 * every constraint. */
int seqsearch_feasible_p(const seqsearch *q);

/* ---- CSV rows -------------------------------------------------------- */

/* garun_write_best's rows (garun_write_best_header's columns) for the
 * last run's end point: one per workload, carrying the seed. */
void seqsearch_write_final(FILE *fp, const seqsearch *q);

/* "seed,start,order,step,parameters,population,generations,evaluations,
 * <design columns>,score,violation,feasible" and, for the last run, one
 * row per step with its best design. */
void seqsearch_write_steps_header(FILE *fp);
void seqsearch_write_steps(FILE *fp, const seqsearch *q);

/* Run q for seeds[0..nseeds-1] in turn and write each run's rows
 * (seqsearch_write_final to final, seqsearch_write_steps to steps; either
 * may be NULL: not written; headers are the caller's), in seed order; *sum counts the runs and
 * the infeasible end points.  Returns IMC_OK or the first failing run's
 * status (outputs are then incomplete: the caller discards them). */
int seqsearch_run_seeds(seqsearch *q, const unsigned long *seeds,
                        size_t nseeds, FILE *final, FILE *steps,
                        seqsearch_summary *sum);

#endif
