/* stats.h: the few summary statistics the reports need, over GSL.
 *
 * Functions work on caller-owned arrays and leave them untouched; `work`
 * buffers are the caller's (n doubles for the quantiles, 2n for Spearman),
 * so nothing allocates and nothing is owned.  A statistic that is undefined
 * for its input is NaN, documented per function, never an error: callers
 * decide what an undefined value means in their output (calibrate writes an
 * empty field).
 */
#ifndef IMC_STATS_H
#define IMC_STATS_H

#include <stddef.h>

/* Quantile q in [0, 1] of x[0..n-1] by GSL's rule (linear interpolation
 * between order statistics: position q * (n - 1) of the sorted data), so
 * q = 0.5 is the median, the mean of the two middle values when n is
 * even.  NaN when n == 0. */
double stats_quantile(const double *x, size_t n, double q, double *work);

/* Spearman rank correlation of x and y: Pearson's correlation of their
 * ranks, tied values sharing the mean of their ranks (GSL).  In [-1, 1];
 * NaN when n < 2 or either x or y is constant (no ranking to correlate). */
double stats_spearman(const double *x, const double *y, size_t n,
                      double *work);

#endif
