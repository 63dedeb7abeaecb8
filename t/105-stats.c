/* t/105-stats.c: quantiles and Spearman's rho against values computed by
 * hand (in the comments), with ties, constant input and too few values. */
#include "stats.h"
#include "tap.h"

#include <math.h>
#include <string.h>

static void
test_quantile(void)
{
    double work[8];
    /* sorted: 1 1 3 4 5; GSL's quantile at q is the sorted value at
     * position q (n - 1), interpolated linearly */
    const double x[5] = {3, 1, 4, 1, 5};
    is_double(3, stats_quantile(x, 5, 0.5, work), 0,
              "median of 3 1 4 1 5: position 2 -> 3");
    /* 0.9 * 4 = 3.6: 4 + 0.6 (5 - 4) = 4.6 */
    is_double(4.6, stats_quantile(x, 5, 0.9, work), 1e-12,
              "p90: position 3.6 -> 4.6");
    is_double(1, stats_quantile(x, 5, 0, work), 0, "q = 0: the minimum");
    is_double(5, stats_quantile(x, 5, 1, work), 0, "q = 1: the maximum");
    ok(x[0] > 2.9 && x[0] < 3.1 && x[4] > 4.9, "the input is left alone");
    /* even count, sorted 1 2 3 4: median at 1.5 -> 2.5; q = 0.25 at 0.75
     * -> 1 + 0.75 = 1.75 */
    const double y[4] = {4, 1, 3, 2};
    is_double(2.5, stats_quantile(y, 4, 0.5, work), 1e-12,
              "median of an even count: the mean of the middle two");
    is_double(1.75, stats_quantile(y, 4, 0.25, work), 1e-12,
              "q = 0.25 of 1 2 3 4: 1.75");
    const double one[1] = {-7};
    is_double(-7, stats_quantile(one, 1, 0.9, work), 0, "one value");
    ok(isnan(stats_quantile(x, 0, 0.5, work)), "no values: NaN");
    /* ties do not matter to a quantile: 2 2 2 -> 2 */
    const double same[3] = {2, 2, 2};
    is_double(2, stats_quantile(same, 3, 0.9, work), 0, "constant input");
}

static void
test_spearman(void)
{
    double work[16];
    const double a[5] = {1, 2, 3, 4, 5};
    /* any increasing y ranks like a: rho = 1 */
    const double up[5] = {10, 20, 30, 40, 1000};
    is_double(1, stats_spearman(a, up, 5, work), 1e-12,
              "monotone increasing: 1");
    const double down[5] = {9, 7, 5, 3, -100};
    is_double(-1, stats_spearman(a, down, 5, work), 1e-12,
              "monotone decreasing: -1");
    /* y = 2 1 4 3 5: rank differences -1 1 -1 1 0, sum of squares 4;
     * without ties rho = 1 - 6 * 4 / (5 (25 - 1)) = 1 - 24/120 = 0.8 */
    const double swap[5] = {2, 1, 4, 3, 5};
    is_double(0.8, stats_spearman(a, swap, 5, work), 1e-12,
              "two swapped pairs: 0.8");
    /* ties: x = 1 2 2 3 ranks 1 2.5 2.5 4, y = 1 2 3 4 ranks 1 2 3 4.
     * Deviations from the mean rank 2.5: x -1.5 0 0 1.5, y -1.5 -0.5 0.5
     * 1.5; sum dx dy = 4.5, sum dx^2 = 4.5, sum dy^2 = 5: rho = 4.5 /
     * sqrt(4.5 * 5) = sqrt(0.9) = 0.9486832981 */
    const double tx[4] = {1, 2, 2, 3}, ty[4] = {1, 2, 3, 4};
    is_double(sqrt(0.9), stats_spearman(tx, ty, 4, work), 1e-12,
              "a tie shares the mean rank: sqrt(0.9)");
    /* the order of the pairs does not matter */
    const double px[4] = {2, 3, 1, 2}, py[4] = {3, 4, 1, 2};
    is_double(sqrt(0.9), stats_spearman(px, py, 4, work), 1e-12,
              "the same pairs shuffled");
    ok(a[0] > 0.9 && a[0] < 1.1 && swap[0] > 1.9 && swap[0] < 2.1,
       "the inputs are left alone");
    const double flat[5] = {3, 3, 3, 3, 3};
    ok(isnan(stats_spearman(a, flat, 5, work)), "constant y: undefined, NaN");
    ok(isnan(stats_spearman(flat, a, 5, work)), "constant x: NaN");
    ok(isnan(stats_spearman(flat, flat, 5, work)), "both constant: NaN");
    ok(isnan(stats_spearman(a, up, 1, work)), "one pair: NaN");
    ok(isnan(stats_spearman(a, up, 0, work)), "no pair: NaN");
    const double two_x[2] = {1, 2}, two_y[2] = {5, 4};
    is_double(-1, stats_spearman(two_x, two_y, 2, work), 1e-12,
              "two pairs in opposite order: -1");
}

int
main(void)
{
    plan(22);
    test_quantile();
    test_spearman();
    return 0;
}
