/* reduce.h: P2's EDAP reductions of a joint design against baselines.
 *
 * For a joint design and each baseline design (one run chosen per file,
 * see reduce_pick), per workload w of the joint design's run (in its row
 * order): edap(w) = E_w L_w A of each design and
 *   reduction_pct = 100 (1 - edap_joint(w) / edap_baseline(w)),
 * and the same for workload "aggregate" with edap replaced by the
 * objective value (search.h search_aggregate) over all those workloads.
 * A design without a feasible row for w (or, for the aggregate, for some
 * workload) leaves its numbers and the reduction empty and its flag 0.
 *
 * A reduce_result owns the files it read and the runs it chose;
 * reduce_free releases everything.
 */
#ifndef IMC_REDUCE_H
#define IMC_REDUCE_H

#include <stddef.h>
#include <stdio.h>

#include "search.h"

/* Most baselines one table may hold. */
#define REDUCE_MAX_BASELINES 64

/* Which run of each file stands for it. */
typedef enum {
    REDUCE_PICK_BEST,   /* runs_best: feasible, lowest score, lowest seed */
    REDUCE_PICK_MEDIAN, /* the feasible run of median aggregate value (the
                           lower median of an even count; ties by seed),
                           or the best run when none is feasible */
    REDUCE_PICK_SEED    /* the run of one seed */
} reduce_pick;

typedef struct reduce_request {
    const char *joint;                            /* spec */
    size_t nbase;                                 /* 1..REDUCE_MAX_BASELINES */
    const char *base_name[REDUCE_MAX_BASELINES];  /* the baseline column */
    const char *base_spec[REDUCE_MAX_BASELINES];
    search_objective objective;                   /* of the aggregate */
    reduce_pick pick;
    unsigned long seed;                           /* REDUCE_PICK_SEED */
} reduce_request;

typedef struct reduce_result reduce_result;

/* Read the files, choose a run of each and check that every baseline run
 * has a row for each of the joint run's workloads.  Returns IMC_OK with
 * *out set, or IMC_EINPUT after reporting. */
int reduce_read(const reduce_request *q, reduce_result **out);

/* Release a result; NULL is a no-op. */
void reduce_free(reduce_result *r);

/* Write the header and per baseline (in request order) and workload (then
 * "aggregate") one row:
 *   baseline,workload,edap_joint,edap_baseline,reduction_pct,
 *   feasible_joint,feasible_baseline
 * Returns IMC_OK. */
int reduce_write(FILE *fp, const reduce_result *r);

/* Baselines without a feasible aggregate (for the tool's warning). */
size_t reduce_ninfeasible(const reduce_result *r);

/* Predicate: 1 when the joint design's aggregate is infeasible. */
int reduce_joint_infeasible_p(const reduce_result *r);

#endif
