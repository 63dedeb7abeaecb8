/* runs.h: the runs of design searches, read from evaluation files.
 *
 * An evaluation file holds, for each run of a search, its best design
 * evaluated on one or more workloads: `bin/ga-search --best` writes one
 * row per (seed, workload) with columns seed, the design, workload,
 * energy_j, latency_s, area_mm2, edap, score, violation, feasible,
 * in_objective; `bin/sweep-space --per-workload` writes the same without a
 * seed (one run per area limit and target, chosen by row selection), with
 * empty numbers when no design is feasible.  Files are read through a
 * rowsel spec (rowsel.h).
 *
 * A run is the rows of one seed (or, without a seed column, every selected
 * row); a file's seeds must be contiguous and a run names each workload at
 * most once.  The run's score and violation are the search's, the same on
 * every row; the run is feasible when every row of its own workloads
 * (in_objective = 1) says feasible = 1 (the search's verdict).  A row's
 * feasible flag is its own: on in_objective = 0 rows, whether that workload
 * alone fits the design within the area limit.  The cost of design d on
 * workload w is score_d(w) = energy_j * latency_s * area_mm2.
 *
 * A runs_file owns its arrays and a copy of the spec; runs_free releases
 * them all.  Numbers that are absent are SUMMARY_MISSING (summary.h).
 */
#ifndef IMC_RUNS_H
#define IMC_RUNS_H

#include <stddef.h>

#include "net.h"
#include "search.h"

/* One row: one design on one workload. */
typedef struct runs_row {
    char workload[NET_NAME_MAX];
    double energy_j;     /* per inference, J (missing: infeasible sweep) */
    double latency_s;    /* per inference, s */
    double area_mm2;     /* chip area, mm2 */
    int feasible;        /* the row's feasible flag */
    int in_objective;    /* 1: a workload of the search's own objective */
    long line;           /* line in the file */
} runs_row;

/* One run: rows row[first .. first + nrows - 1] of its file. */
typedef struct runs_run {
    int has_seed;
    unsigned long seed;  /* when has_seed */
    double score;        /* the search's objective value (maybe missing) */
    double violation;    /* its constraint violation (maybe missing) */
    int feasible;        /* the search's verdict */
    size_t first, nrows;
} runs_run;

typedef struct runs_file {
    char *spec;          /* as given */
    char *path;          /* the file part */
    int has_seed;        /* the file has a seed column */
    size_t nruns, nrows;
    runs_run *run;       /* in file order */
    runs_row *row;
} runs_file;

/* How one run is chosen from a file. */
typedef enum {
    RUNS_PICK_ONLY,      /* the file must hold exactly one run */
    RUNS_PICK_SEED,      /* the run of a given seed */
    RUNS_PICK_BEST       /* feasible first, then lowest score, then seed */
} runs_pick;

/* Read the evaluation file of spec.  Returns IMC_OK with *out set, or
 * IMC_EINPUT after reporting "file:line: what is wrong" (a missing column,
 * a bad value, numbers given on some fields of a row only or missing on a
 * feasible row, a seed that comes back after another, a workload twice in
 * one run, rows of one run with different score, violation or area, no
 * rows selected). */
int runs_read(const char *spec, runs_file **out);

/* Release a file; NULL is a no-op. */
void runs_free(runs_file *f);

/* The row of run for workload, or NULL. */
const runs_row *runs_find(const runs_file *f, const runs_run *run,
                          const char *workload);

/* Index of the run of seed into *idx: IMC_OK, or IMC_EINPUT (not
 * reported) when the file has no such run. */
int runs_find_seed(const runs_file *f, unsigned long seed, size_t *idx);

/* Index of the best run: feasible first, then the lowest score (a missing
 * score last), then the lowest seed (then file order). */
size_t runs_best(const runs_file *f);

/* Choose a run by pick (seed only for RUNS_PICK_SEED) into *idx.  Returns
 * IMC_OK or IMC_EINPUT after reporting (no run of that seed; several runs
 * under RUNS_PICK_ONLY). */
int runs_pick_run(const runs_file *f, runs_pick pick, unsigned long seed,
                  size_t *idx);

/* Predicate: 1 when the row is feasible and has its numbers. */
int runs_row_usable_p(const runs_row *r);

/* score = E * L * A of a row, or SUMMARY_MISSING when it is not usable. */
double runs_row_score(const runs_row *r);

/* The objective o over the rows of run for workloads w[0..n-1] (n <= 
 * SEARCH_MAX_WORKLOADS), as search_aggregate computes it, into *value;
 * *feasible is 1 when every one of those rows is usable.  *value is
 * SUMMARY_MISSING when a row is not usable.  Returns IMC_OK, or IMC_EINPUT
 * after reporting when the run has no row for some w[i]. */
int runs_aggregate(const runs_file *f, const runs_run *run,
                   search_objective o, const char *const *w, size_t n,
                   double *value, int *feasible);

/* Where one run (of a seed) begins in a file. */
typedef struct runs_seed_at {
    unsigned long seed;
    long line;
} runs_seed_at;

/* Check that no seed of v[0..n-1] (one entry per run, as read) comes back:
 * a file written in two pieces, or two files concatenated, would otherwise
 * merge different runs of one seed.  Sorts v.  Returns IMC_OK, or
 * IMC_EINPUT after reporting "path:line: seed S appears again (its run
 * began at line L)" for the earliest repeat. */
int runs_check_seeds(const char *path, runs_seed_at *v, size_t n);

/* Report "file: <seed part>has no row for workload 'w' (why)" for run,
 * with why completing the sentence; returns IMC_EINPUT. */
int runs_fail_missing(const runs_file *f, const runs_run *run,
                      const char *w, const char *why);

#endif
