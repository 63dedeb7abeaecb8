/* sweep.h: exhaustive search of a whole design space.
 *
 * Every design of a space is evaluated on every workload, and the best
 * feasible design is kept for each target: each workload alone (objective
 * single, E_w L_w A) and the joint, mean and all aggregations of search.h.
 * This gives the true optimum the evolutionary search is judged against.
 *
 * It is fast because it reuses what depends on part of a design: action
 * counts (cost.h) depend only on the geometry (memory, bits per cell, rows,
 * cols, router groups, tiles, macros), so they are computed once per
 * geometry; voltage, buffer size and node then only rescale energy and area,
 * and the cycle time only latency.  The loop allocates nothing and does no
 * I/O.  Feasibility is search.h's: area <= area_max and, for a single
 * workload, that workload fits; for an aggregation, every workload fits.
 * Ties keep the first design in enumeration order, so results are
 * deterministic.  A sweep_result is a plain value; nothing to free.
 */
#ifndef IMC_SWEEP_H
#define IMC_SWEEP_H

#include "search.h"

#define SWEEP_MAX_TARGETS (SEARCH_MAX_WORKLOADS + 3)

typedef struct sweep_best {
    char target[NET_NAME_MAX];  /* workload name, or joint / mean / all */
    search_objective objective;
    int found;                  /* 0 when no design is feasible */
    design d;
    double score;               /* objective value of d */
    double area_mm2;
} sweep_best;

typedef struct sweep_result {
    double designs;         /* designs enumerated */
    double geometries;      /* distinct geometries (count computations) */
    double feasible;        /* designs feasible for every workload at once */
    size_t ntargets;
    sweep_best best[SWEEP_MAX_TARGETS];
} sweep_result;

/* Sweep space s for nets[0 .. nn-1] (1 to SEARCH_MAX_WORKLOADS).  The
 * aggregated targets are added only when nn > 1.  IMC_EINPUT (reported)
 * when the model has no constants for the space's memory type or nn is out
 * of range. */
int sweep_run(const cost_model *m, const space *s, net *const *nets,
              size_t nn, cost_latency_mode mode, double area_max_mm2,
              sweep_result *out);

/* Write the result as CSV: target, objective, found, score, area_mm2 and
 * the design columns; a leading '#' line records the counts. */
int sweep_write(FILE *fp, const sweep_result *r);

#endif
