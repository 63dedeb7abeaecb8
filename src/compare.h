/* compare.h: workload-specific, largest-workload and joint designs compared
 * (P1's generalisation loss and joint-vs-largest gain).
 *
 * P1 judges a joint design against two baselines (docs/framework.md
 * sections 6.1-6.2): the workload-specific design of each workload w (the best
 * design of a search for w alone) and the largest-workload design (the
 * design found for the largest workload, used for every workload).  Each
 * design d is scored on each workload by score_d(w) = E_w L_w A, and
 *   n_largest = score_largest / score_specific
 *   n_joint   = score_joint / score_specific
 *   loss_joint_pct   = 100 (n_joint - 1)      (generalisation loss)
 *   loss_largest_pct = 100 (n_largest - 1)
 *   gain_diff_pct    = 100 (n_largest - n_joint)  (the reference's gain)
 *   gain_rel_pct     = 100 (1 - n_joint / n_largest)
 *                    = 100 (1 - score_joint / score_largest)
 * A metric is missing when a design it needs has no feasible row for w
 * (gain_rel_pct needs no specific design).  docs/statistics.md has the
 * definitions and the choice of runs.
 *
 * A compare_study owns the evaluation files it read (runs.h) and the
 * replicates chosen from them; compare_free releases everything.
 */
#ifndef IMC_COMPARE_H
#define IMC_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "runs.h"
#include "search.h"

typedef enum {
    COMPARE_SPECIFIC, /* the workload's own design */
    COMPARE_LARGEST,  /* the largest workload's design */
    COMPARE_JOINT,    /* the design of the joint search */
    COMPARE_NROLE
} compare_role;

/* "specific", "largest", "joint". */
extern const char *const compare_role_names[COMPARE_NROLE];

/* What is derived from the three scores of one workload. */
typedef struct compare_metrics {
    double score[COMPARE_NROLE]; /* E * L * A, J s mm2 (maybe missing) */
    double n_largest, n_joint;   /* normalised by the specific score */
    double loss_joint_pct, loss_largest_pct;
    double gain_diff_pct, gain_rel_pct;
} compare_metrics;

/* Fill *m from the three scores (each > 0 or SUMMARY_MISSING); a metric
 * is SUMMARY_MISSING when a score it needs is. */
void compare_metrics_compute(const double score[COMPARE_NROLE],
                             compare_metrics *m);

/* Which runs make up a replicate. */
typedef enum {
    COMPARE_SELECT_ONLY,       /* each file holds one run */
    COMPARE_SELECT_REPLICATES, /* one replicate per seed, seed s of all */
    COMPARE_SELECT_SEED,       /* the runs of one seed */
    COMPARE_SELECT_BEST        /* each file's best run (runs_best) */
} compare_select;

/* What to compare. */
typedef struct compare_request {
    size_t nwork;                              /* 1..SEARCH_MAX_WORKLOADS */
    const char *workload[SEARCH_MAX_WORKLOADS];/* in report order */
    const char *specific[SEARCH_MAX_WORKLOADS];/* specs of their searches */
    const char *largest;                       /* spec of the baseline */
    const char *joint;                         /* spec of the joint search */
    compare_select select;
    unsigned long seed;                        /* COMPARE_SELECT_SEED */
    const char *label;                         /* COMPARE_SELECT_ONLY */
    int aggregate;                             /* add the aggregate rows */
    search_objective objective;                /* of the aggregate rows */
} compare_request;

typedef struct compare_study compare_study;

/* Read every file of q and choose the replicates.  Returns IMC_OK with
 * *out set, or IMC_EINPUT after reporting (a bad file, a workload twice,
 * a seed missing from a file, a run with no row for a workload it must
 * be evaluated on, more than one run where one is expected). */
int compare_read(const compare_request *q, compare_study **out);

/* Release a study; NULL is a no-op. */
void compare_free(compare_study *c);

/* Write the header and, per replicate (in seed order) and workload (in
 * request order), one row
 *   selection,workload,score_specific,score_largest,score_joint,
 *   n_largest,n_joint,loss_joint_pct,loss_largest_pct,gain_diff_pct,
 *   gain_rel_pct,feasible_specific,feasible_largest,feasible_joint
 * then, with q->aggregate, a row of workload "aggregate" holding the
 * objective value of the largest and the joint designs over all the
 * workloads (score_largest, score_joint), their gain_rel_pct and
 * feasibility, the other fields empty.  Returns IMC_OK. */
int compare_write(FILE *fp, const compare_study *c);

/* Replicates in the study, and how many have a role without a feasible
 * design on some workload (for the tool's warning). */
size_t compare_nreplicates(const compare_study *c);
size_t compare_ninfeasible(const compare_study *c);

#endif
