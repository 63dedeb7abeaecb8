/* searchio.h: the ga-search tool's plumbing around search.h and ga.h:
 * option parsing, loading the inputs, the per-phase set-up of P1's and
 * P2's schedules, one generation's ask/evaluate/tell, the progress line,
 * and the three CSV outputs (best design, per-generation history, every
 * design evaluated).
 *
 * A searchio_run owns everything it loads or allocates (space copy, layer
 * tables, cost model, problem, GA, rng, work arrays, open outputs);
 * searchio_finish() commits or discards the outputs and releases it all,
 * whatever happened before.  Outputs are written to temporaries and renamed
 * into place only when the whole search succeeded, so a failed run leaves
 * no file behind.
 */
#ifndef IMC_SEARCHIO_H
#define IMC_SEARCHIO_H

#include <stdio.h>
#include <time.h>

#include <gsl/gsl_rng.h>

#include "cost.h"
#include "csvio.h"
#include "ga.h"
#include "costio.h"
#include "search.h"
#include "space.h"

typedef enum {
    SEARCHIO_P1,        /* one GA run with P1's operators */
    SEARCHIO_P2_PHASES  /* P2's four phases with restarts */
} searchio_schedule;

typedef struct searchio_opts {
    const char *space_path;
    const char *layers[SEARCH_MAX_WORKLOADS]; /* layer tables, in order */
    size_t nlayers;
    search_objective objective;
    searchio_schedule schedule;
    unsigned long seed;
    unsigned long pop;           /* population (mu = lambda) */
    unsigned long generations;   /* P1: in all; P2: per phase */
    unsigned long init_candidates; /* P2: random feasible designs drawn */
    unsigned long init_keep;     /* P2: kept by Hamming thinning */
    double area_max_mm2;
    costio_opts model;        /* --latency, --constants-rram/-sram */
    const char *best;            /* NULL or "-": stdout */
    const char *history;         /* NULL: not written */
    const char *evaluated;       /* NULL: not written */
} searchio_opts;

/* Parse ga-search's command line into *o (defaults documented in usage;
 * the default constants are found beside bin/, so call after cli_init).
 * --help and --version print and exit 0.  Returns IMC_OK, or prints a
 * usage error ("tool: what is wrong" + "Try 'tool --help'.") and returns
 * IMC_EINPUT. */
int searchio_parse(int argc, char **argv, const char *usage,
                   searchio_opts *o);

/* One history row, kept for the progress line. */
typedef struct searchio_row {
    size_t generation, phase;    /* phase 1-based */
    unsigned long evaluations, cache_hits;
    double best_score, best_violation;
    size_t n_feasible;           /* feasible population members */
    double mean_score;           /* their mean score (NaN when none) */
} searchio_row;

typedef struct searchio_run {
    searchio_opts o;
    space sp;
    net *nets[SEARCH_MAX_WORKLOADS];
    size_t nnets;
    cost_model *model;
    search_problem *prob;
    ga *ga;
    gsl_rng *rng;
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    double *v, *s;               /* values of one batch */
    size_t *idx;                 /* ranking buffer (pop) */
    int *genes;                  /* restart genes (pop rows) */
    size_t nphases, phase;       /* phase in progress, 0-based */
    size_t gen_end;              /* generation that ends the phase */
    size_t gen_total;            /* generations of the whole schedule */
    csvio_out hist;              /* open when o.history != NULL */
    int hist_open;
    searchio_row last;
    struct timespec t0;          /* for the progress line only */
    int progress;                /* stderr is a terminal */
} searchio_run;

/* Load the space, layer tables and cost constants named in *o, build the
 * problem, the GA and the rng (mt19937 seeded with o->seed), and open the
 * history output.  Returns IMC_OK or reports and returns IMC_EINPUT; call
 * searchio_finish() in either case. */
int searchio_open(searchio_run *r, const searchio_opts *o);

/* Start phase ph (0-based): set the GA's operators and its population
 * (P1 and P2's first phase: a new random population, for P2 replaced by
 * the Hamming-thinned random feasible designs; P2's later phases: restart
 * from the best designs evaluated so far) and r->gen_end.  Returns IMC_OK
 * or reports and returns IMC_EINPUT. */
int searchio_phase(searchio_run *r, size_t ph);

/* One generation after ga_iterate(): evaluate the batch of ga_ask(),
 * ga_tell() the values, write the history row and update the progress
 * line.  Returns IMC_OK or reports and returns IMC_EINPUT. */
int searchio_step(searchio_run *r);

/* Write the best design and the evaluated designs (when status is
 * IMC_OK), commit every output or discard them all, release everything in
 * *r, and return the final status (status, or IMC_EINPUT when writing
 * failed). */
int searchio_finish(searchio_run *r, int status);

/* The output writers, exposed for tests.  Each begins with the provenance
 * comment line "# ga-search seed=... rng=mt19937 ...". */
void searchio_write_comment(FILE *fp, const searchio_opts *o);
void searchio_write_best(FILE *fp, const searchio_run *r);
void searchio_write_evaluated(FILE *fp, const searchio_run *r);

#endif
