/* pick.h: choosing one run from an evaluation file.
 *
 * An evaluation file (ga-search --best, or a sweep's evaluation) has one
 * row per run and workload: an optional seed, the design columns (memory
 * and design.h's parameters), workload, energy_j, latency_s, area_mm2,
 * edap, score, violation, feasible, in_objective.  With a seed column a
 * run is the rows of one seed; without one the whole file (after any row
 * selection) is one run.  Every row of a run must hold the same design,
 * score, violation and feasible flag.
 *
 * Rules: PICK_BEST takes the feasible runs first, then the lowest
 * violation (0 for every feasible run), then the lowest score, then the
 * lowest seed.  PICK_MEDIAN takes the run whose score is the median of the
 * feasible runs' scores (sorted by score, then seed; the lower median for
 * an even count), or of all runs when none is feasible.  PICK_SEED takes
 * the run of one seed.  A pick that is not feasible is still an answer:
 * the caller sees feasible = 0 and says so.
 *
 * Ownership: a pick_choice owns its array of row indices
 * (pick_choice_clear); it refers to the csvtab it was made from, which the
 * caller keeps until the choice is written.
 */
#ifndef IMC_PICK_H
#define IMC_PICK_H

#include <stddef.h>
#include <stdio.h>

#include "csvtab.h"
#include "design.h"

typedef enum { PICK_BEST, PICK_MEDIAN, PICK_SEED } pick_rule;

typedef struct pick_choice {
    size_t nruns;          /* runs in the file */
    size_t nfeasible;      /* of which feasible */
    int has_seed;          /* the file has a seed column */
    unsigned long seed;    /* the chosen run's seed (has_seed) */
    double score;
    double violation;
    int feasible;
    size_t *rows;          /* the chosen run's rows, in file order */
    size_t nrows;
    int design[DESIGN_NPARAM + 1];  /* t's design columns, file order */
    size_t ndesign;
    int rank[3];           /* t's score, violation, feasible columns */
} pick_choice;

/* Choose a run of t by rule (seed: the seed PICK_SEED wants).  Returns
 * IMC_OK with *out filled, or reports and returns IMC_EINPUT (missing
 * columns, rows of one run that disagree, a bad number, no such seed, no
 * rows). */
int pick_run(const csvtab *t, pick_rule rule, unsigned long seed,
             pick_choice *out);
/* Release the row indices of c (after a failure too: pick_run leaves none). */
void pick_choice_clear(pick_choice *c);

/* Write the chosen run's rows with every column of t (header first). */
void pick_write_rows(FILE *fp, const csvtab *t, const pick_choice *c);
/* Write one row: the design columns of t (file order), then seed (when
 * t has one), score, violation and feasible: a designs file for
 * cost-eval and map-workload. */
void pick_write_design(FILE *fp, const csvtab *t, const pick_choice *c);

/* The rule's name as on the command line: best, median or seed. */
const char *pick_rule_name(pick_rule rule);

#endif
