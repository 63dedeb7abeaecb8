/* stats.c: quantiles and rank correlation over GSL (stats.h). */
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

/* Predicate: every x[i] equals x[0]. */
static int
constant_p(const double *x, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (x[i] < x[0] || x[i] > x[0])
            return 0;
    return 1;
}

double
stats_spearman(const double *x, const double *y, size_t n, double *work)
{
    if (n < 2 || constant_p(x, n) || constant_p(y, n))
        return NAN;
    return gsl_stats_spearman(x, 1, y, 1, n, work);
}
