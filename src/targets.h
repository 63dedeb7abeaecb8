/* targets.h: the cost model's accuracy targets, checked on the validation
 * summaries that calibrate writes.
 *
 * A targets file (experiments/validation-targets.csv; docs/reporting.md)
 * has one row per target: memory, metric, workload, statistic, op,
 * threshold, unit, label, source.  A target covers rows of a summary
 * (calibrate --summary: memory, metric, workload, tech_nm, rows and the
 * held-out error statistics) or of a top-10 file (calibrate --top10):
 *   workload  each       every workload's own row (tech_nm = all)
 *             all        the row pooled over workloads (tech_nm = all)
 *             each-node  every technology node's row (workload = all)
 *             NAME       that workload's row (tech_nm = all)
 *   statistic median, p90, max (the |relative error| columns), rho (the
 *             Spearman column), rank_pct (top-10 file: the model's rank
 *             of each of CiMLoop's ten best designs, in % of designs;
 *             metric score, workload all)
 *   unit      % or 1 for an error (the summary holds fractions), 1 for
 *             rho, % for rank_pct
 * The measured value is the worst over the covered rows (the largest for
 * op < or <=, the smallest for > or >=), in the target's unit; the target
 * is met when `measured op threshold` holds.  Only the targets of the
 * summary's memory are checked.
 *
 * Ownership: targets_check() returns a targets_result that owns copies of
 * the labels it needs; targets_free() releases it.
 */
#ifndef IMC_TARGETS_H
#define IMC_TARGETS_H

#include <stddef.h>
#include <stdio.h>

typedef struct targets_result targets_result;

/* Check the targets in targets_path against summary_path and, when a
 * target needs it, top10_path (NULL: none given).  Returns IMC_OK with a
 * new result in *out, or reports "file:line: what is wrong" and returns
 * IMC_EINPUT (a malformed file, a target that covers no row, no target
 * for the summary's memory). */
int targets_check(const char *targets_path, const char *summary_path,
                  const char *top10_path, targets_result **out);
/* Release r; targets_free(NULL) does nothing. */
void targets_free(targets_result *r);

/* Number of targets checked, and of those not met. */
size_t targets_count(const targets_result *r);
size_t targets_unmet(const targets_result *r);
/* Label of the first target not met (NULL when all are met). */
const char *targets_first_unmet(const targets_result *r);

/* Write the result as CSV: memory, label, statistic, measured, op,
 * threshold, unit, met (yes or no), one row per target in file order. */
void targets_write(FILE *fp, const targets_result *r);

#endif
