/* stats.h: the few summary statistics the reports need, over GSL.
 * Functions work on caller-owned arrays; `work` buffers are the caller's
 * (2n doubles for spearman, n for the quantiles), so nothing allocates. */
#ifndef IMC_STATS_H
#define IMC_STATS_H

#include <stddef.h>

/* Quantile q in [0,1] of x[0..n-1] (x is left untouched; work holds n). */
double stats_quantile(const double *x, size_t n, double q, double *work);
/* Spearman rank correlation of x and y (work holds 2n doubles). */
double stats_spearman(const double *x, const double *y, size_t n,
                      double *work);

#endif
