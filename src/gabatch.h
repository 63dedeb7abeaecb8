/* gabatch.h: the same search run once per seed, on several threads, with
 * its outputs written in seed order.
 *
 * A study repeats every search for many seeds (replicates for medians and
 * confidence intervals, the budget study's 100 independent runs per
 * target).  gabatch runs them in one process: each worker thread owns one
 * garun (garun.h) and takes the next seed not yet started; finished runs
 * are written in the order of the seed list, whatever thread ran them and
 * whenever it finished, so the files are byte-identical for any thread
 * count.  Rows of one seed are buffered in memory until all earlier seeds
 * are written, so memory grows only with the rows of the runs in flight.
 *
 * Owns nothing after it returns: the caller keeps space, model and nets
 * (shared read-only by all threads) and the output streams.
 */
#ifndef IMC_GABATCH_H
#define IMC_GABATCH_H

#include <stdio.h>

#include "garun.h"

/* Most threads a batch may use. */
#define GABATCH_MAX_THREADS 64

typedef struct gabatch_opts {
    const space *space;
    const cost_model *model;
    const net *const *nets;
    size_t nnets;
    search_objective objective;
    double area_max_mm2;
    cost_latency_mode mode;
    schedule_opts sched;
    const nodes_table *nodes;     /* NULL, or the node table every run
                                     judges designs against */
    const net *const *report_nets; /* evaluated for the best design only
                                      (garun_write_best's extras) */
    size_t nreport;
    const unsigned long *seeds;   /* run order and output order */
    size_t nseeds;                /* >= 1 */
    unsigned threads;             /* 1 .. GABATCH_MAX_THREADS */
} gabatch_opts;

typedef struct gabatch_summary {
    size_t nseeds;                /* runs completed */
    size_t ninfeasible;           /* runs whose best design is infeasible */
    unsigned long infeasible_seed[8]; /* the first few of them */
    double infeasible_violation[8];   /* and their best violations */
} gabatch_summary;

/* Run every seed and write the rows of each run (garun_write_best,
 * garun_write_history, garun_write_evaluated; headers are the caller's)
 * to best, history and evaluated (each may be NULL: not written).  When
 * progress is not NULL, a line "done k/n" is rewritten on it after each
 * run.  Returns IMC_OK, or the first failing run's status after reporting
 * (outputs are then incomplete: the caller discards them). */
int gabatch_run(const gabatch_opts *o, FILE *best, FILE *history,
                FILE *evaluated, FILE *progress, gabatch_summary *sum);

#endif
