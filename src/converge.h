/* converge.h: how fast searches approach the exact optimum (P2's EA
 * against P1's GA), from their history files.
 *
 * A history file (ga-search --history) has one row per seed and
 * generation with at least seed, requests, evaluations, best_score and
 * best_violation: the best design so far (by violation, then score) and
 * the distinct designs evaluated / designs asked for up to then.  Only
 * feasible bests (best_violation = 0) count.  With opt the exact optimum's
 * score (sweep-space), a seed's
 *   gap_pct   = 100 (final best / opt - 1)
 *   reached   = gap_pct <= CONVERGE_NOISE_PCT (equal within float noise)
 *   within    = the first row whose feasible best has gap_pct <= PCT +
 *               CONVERGE_NOISE_PCT: its evaluations and requests
 * and the curves are, at each grid value g of evaluations, the ratio
 * best / opt of each seed's last row with evaluations <= g (seeds with no
 * feasible best by then are counted apart).  Always normalised by the
 * exact optimum, never by a run's own final best.
 *
 * A converge_result owns everything it read; converge_free releases it.
 */
#ifndef IMC_CONVERGE_H
#define IMC_CONVERGE_H

#include <stddef.h>
#include <stdio.h>

/* Float noise of a gap, in percent: scores are printed with "%.10g", so
 * one score read twice differs by at most a few parts in 10^10. */
#define CONVERGE_NOISE_PCT 1e-7

/* Points of the default grid of evaluations, log-spaced from
 * CONVERGE_GRID_MIN to the largest final evaluation count. */
#define CONVERGE_GRID_POINTS 25
#define CONVERGE_GRID_MIN 10.0

/* Most algorithms and grid points one call may take. */
#define CONVERGE_MAX_ALGORITHMS 64
#define CONVERGE_MAX_GRID 10000

typedef struct converge_request {
    const char *optimum;                        /* spec of one row, score */
    size_t nalg;                                /* 1..CONVERGE_MAX_ALGORITHMS */
    const char *name[CONVERGE_MAX_ALGORITHMS];  /* algorithm column */
    const char *history[CONVERGE_MAX_ALGORITHMS]; /* specs */
    double within_pct;                          /* PCT >= 0 */
    size_t ngrid;                               /* 0: the default grid */
    const double *grid;                         /* increasing, > 0 */
} converge_request;

typedef struct converge_result converge_result;

/* Read the optimum and the histories and compute everything.  Returns
 * IMC_OK with *out set, or IMC_EINPUT after reporting (the optimum
 * selection is not one feasible row with a score > 0; a history with a
 * missing column, a bad value, evaluations or requests that decrease
 * within a seed, a seed that comes back, a feasible best below the
 * optimum, which means the files describe different problems). */
int converge_run(const converge_request *q, converge_result **out);

/* Release a result; NULL is a no-op. */
void converge_free(converge_result *r);

/* Write one row per algorithm:
 *   algorithm,n_seeds,n_feasible,n_reached,fraction_reached,
 *   median_gap_pct,worst_gap_pct,n_within,median_evals_to_within,
 *   max_evals_to_within,median_requests_to_within,
 *   median_final_evaluations,median_final_requests
 * (n_feasible: seeds whose final best is feasible; statistics of no
 * seeds are empty).  Returns IMC_OK. */
int converge_write_summary(FILE *fp, const converge_result *r);

/* Write one row per algorithm and grid value:
 *   algorithm,evaluations,n_seeds,n_feasible,median_ratio,p25_ratio,
 *   p75_ratio,min_ratio,max_ratio
 * Returns IMC_OK. */
int converge_write_curves(FILE *fp, const converge_result *r);

/* Seeds, over all algorithms, whose final best is not feasible (for the
 * tool's warning). */
size_t converge_ninfeasible(const converge_result *r);

#endif
