/* stats.c: quantiles and rank correlation over GSL. */
#include "stats.h"

#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

double
stats_quantile(const double *x, size_t n, double q, double *work)
{
    if (n == 0)
        return NAN;
    memcpy(work, x, n * sizeof *x);
    gsl_sort(work, 1, n);
    return gsl_stats_quantile_from_sorted_data(work, 1, n, q);
}

double
stats_spearman(const double *x, const double *y, size_t n, double *work)
{
    if (n < 2)
        return NAN;
    return gsl_stats_spearman(x, 1, y, 1, n, work);
}
