/* summary.h: the summary statistics of the study, and the summarise table.
 *
 * Statistics (on caller-owned arrays; nothing allocates except the _alloc
 * functions):
 *   quantile   Hyndman and Fan's type 7, the default of R and NumPy: for
 *              sorted x[0..n-1] and 0 <= q <= 1, h = (n - 1) q, i = floor(h),
 *              Q(q) = x[i] + (h - i) (x[i+1] - x[i]) (x[i] alone when
 *              i = n - 1).  The median is Q(0.5): the middle value of an
 *              odd count, the mean of the two middle values of an even one.
 *   mean, min, max over the n values.
 *   bootstrap  percentile interval of the median: B resamples, each n
 *              indices drawn uniformly with replacement from 0..n-1 by
 *              gsl_rng_uniform_int on the caller's generator, in order; the
 *              resample's median as above; the interval is Q((1-level)/2)
 *              and Q((1+level)/2) of the B medians.  A caller that seeds
 *              the generator gets byte-identical intervals.
 * Missing values are SUMMARY_MISSING (a NaN that never leaves the
 * toolkit): summary_put writes them as an empty field.
 *
 * The summarise table (summary_table): rows of long CSVs grouped by some
 * columns; in each group the rows whose replicate column matches a pattern
 * are the replicates, summarised per metric column; the other rows'
 * replicate values (e.g. "best") become extra columns holding the metric's
 * value in that row.  The table owns copies of every string it keeps.
 */
#ifndef IMC_SUMMARY_H
#define IMC_SUMMARY_H

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>

/* A value that is not there (empty CSV field). */
#define SUMMARY_MISSING NAN

/* The bootstrap's defaults: Efron and Tibshirani (An Introduction to the
 * Bootstrap, 1993) advise on the order of 1,000 resamples or more for a
 * percentile interval; 10,000 keep the Monte-Carlo error of its ends
 * small against the spread of 100 replicates and cost milliseconds. */
#define SUMMARY_RESAMPLES_DEFAULT 10000
#define SUMMARY_LEVEL_DEFAULT 0.95
/* Most resamples one interval may take (memory: 8 bytes each). */
#define SUMMARY_MAX_RESAMPLES 10000000UL

/* Predicate: 1 when v is SUMMARY_MISSING (or any non-finite value). */
int summary_missing_p(double v);

/* Write v with csvio_put_double, or nothing (an empty field) when it is
 * missing, so no NaN or inf ever reaches a CSV. */
void summary_put(FILE *fp, double v);

/* Write each of v[0..n-1] as ",value" (summary_put): the numeric tail of
 * a row. */
void summary_put_list(FILE *fp, const double *v, size_t n);

/* Type-7 quantile q (0 <= q <= 1) of the n >= 1 ascending values in
 * sorted[]. */
double summary_quantile_sorted(const double *sorted, size_t n, double q);

/* What the tools report about a set of values. */
typedef struct summary_stats {
    size_t n;          /* values described */
    double mean, min, max;
    double p5, p25, median, p75, p95; /* type-7 quantiles */
} summary_stats;

/* Describe x[0..n-1] into *out, using work[0..n-1] (the caller's) to sort
 * a copy; x is left as it is.  With n = 0 every statistic is
 * SUMMARY_MISSING.  Returns IMC_OK. */
int summary_describe(const double *x, size_t n, double *work,
                     summary_stats *out);

/* The bootstrap's workspace: room for samples of up to nmax values and
 * `resamples` medians. */
typedef struct summary_boot {
    size_t nmax, resamples;
    size_t *rank;      /* rank of each datum in the sorted sample */
    size_t *count;     /* times each rank was drawn in one resample */
    double *sorted;    /* the sample, ascending */
    double *medians;   /* the resamples' medians */
} summary_boot;

/* Allocate a workspace (nmax >= 1, 1 <= resamples <=
 * SUMMARY_MAX_RESAMPLES); NULL after reporting otherwise or when out of
 * memory. */
summary_boot *summary_boot_alloc(size_t nmax, size_t resamples);

/* Release a workspace; NULL is a no-op. */
void summary_boot_free(summary_boot *w);

/* Percentile bootstrap interval [*lo, *hi] of the median of x[0..n-1]
 * (1 <= n <= w->nmax, 0 < level < 1), drawing from rng as described above
 * (n * w->resamples draws).  Returns IMC_OK, or IMC_EINPUT (not reported)
 * for n or level out of range.  No allocation. */
int summary_boot_median_ci(summary_boot *w, const double *x, size_t n,
                           double level, gsl_rng *rng, double *lo,
                           double *hi);

/* ---- the summarise table ---------------------------------------------- */

typedef struct summary_table summary_table;

/* A table grouping by the ngroup columns group[] (ngroup may be 0: one
 * group), summarising the nmetric >= 1 columns metric[], taking as
 * replicates the rows whose column rep_col matches pattern (its text, or
 * when pattern ends in '*' any text that starts with what precedes the
 * '*').  The names are copied.  NULL after reporting when out of memory or
 * when a name is given twice. */
summary_table *summary_table_alloc(const char *const *group, size_t ngroup,
                                   const char *const *metric, size_t nmetric,
                                   const char *rep_col, const char *pattern);

/* Release the table; NULL is a no-op. */
void summary_table_free(summary_table *t);

/* Add the rows of the selection spec (rowsel.h).  Empty metric fields are
 * missing values; any other text must be a finite number.  Returns IMC_OK,
 * or IMC_EINPUT after reporting "file:line: what is wrong" (a column
 * missing, a bad number, an empty replicate value, a replicate value seen
 * twice in one group, no rows selected). */
int summary_table_add(summary_table *t, const char *spec);

/* Write the summary: a header, then per group (in order of first
 * appearance) and metric (in the order given) one row
 *   <group columns>,metric,n,n_missing,median,ci_lo,ci_hi,mean,min,p5,
 *   p25,p75,p95,max,<one column per non-replicate value>
 * with the interval of the median from a workspace of `resamples` and a
 * generator of seed `seed` set afresh for every row, so each row depends
 * on its own values only.  Statistics of no values are empty.  Returns
 * IMC_OK, or IMC_EINPUT after reporting (no replicate rows at all, an
 * extra value that would repeat an output column name, out of memory). */
int summary_table_write(FILE *fp, const summary_table *t,
                        unsigned long seed, size_t resamples, double level);

#endif
