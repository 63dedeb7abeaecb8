/* 181-summary: quantiles, the bootstrap interval of the median and the
 * summarise table.  Every expected number is worked out by hand in the
 * comments (quantiles by Hyndman-Fan type 7: h = (n-1) q, x[i] + (h-i)
 * (x[i+1]-x[i])); the bootstrap is checked against an independent
 * resampling written here from the same generator sequence. */
#include "err.h"
#include "summary.h"
#include "report-fixtures.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp[] = "/tmp/imc-summary-XXXXXX";

/* t/data/summarise/<name> */
static const char *
data(const char *name)
{
    return fixture("summarise", name);
}

static void
write_tmp(const char *text)
{
    FILE *fp = fopen(tmp, "w");
    fputs(text, fp);
    fclose(fp);
}

/* Sort a few values (insertion sort: independent of the library's). */
static void
sort_small(double *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
}

/* Type-7 quantile written again, for the independent bootstrap. */
static double
q7(const double *s, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t i = (size_t)h;
    return i + 1 >= n ? s[n - 1] : s[i] + (h - (double)i) * (s[i + 1] - s[i]);
}

/* The interval by plain resampling: draw n indices per resample from the
 * generator, sort the resample, take its median; then the quantiles of
 * the medians. */
static void
naive_ci(const double *x, size_t n, size_t b, double level,
         unsigned long seed, double *lo, double *hi)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, seed);
    double *med = malloc(b * sizeof *med), *res = malloc(n * sizeof *res);
    for (size_t k = 0; k < b; k++) {
        for (size_t i = 0; i < n; i++)
            res[i] = x[gsl_rng_uniform_int(r, n)];
        sort_small(res, n);
        med[k] = q7(res, n, 0.5);
    }
    sort_small(med, b);
    *lo = q7(med, b, (1 - level) / 2);
    *hi = q7(med, b, (1 + level) / 2);
    free(med);
    free(res);
    gsl_rng_free(r);
}

static void
test_quantiles(void)
{
    const double odd[] = {1, 3, 5}, even[] = {1, 2, 3, 4}, ties[] = {2, 2, 2,
                                                                    7};
    is_double(3, summary_quantile_sorted(odd, 3, 0.5), 0, "odd median");
    is_double(2, summary_quantile_sorted(odd, 3, 0.25), 1e-15,
              "odd q25: h = 0.5, 1 + 0.5 * 2");
    is_double(4.6, summary_quantile_sorted(odd, 3, 0.9), 1e-15,
              "odd q90: h = 1.8, 3 + 0.8 * 2");
    is_double(1, summary_quantile_sorted(odd, 3, 0), 0, "q0 is the min");
    is_double(5, summary_quantile_sorted(odd, 3, 1), 0, "q1 is the max");
    is_double(2.5, summary_quantile_sorted(even, 4, 0.5), 1e-15,
              "even median: mean of the middle two");
    is_double(1.15, summary_quantile_sorted(even, 4, 0.05), 1e-15,
              "even q5: h = 0.15 (R type 7 gives 1.15)");
    is_double(3.85, summary_quantile_sorted(even, 4, 0.95), 1e-15,
              "even q95: h = 2.85");
    is_double(2, summary_quantile_sorted(ties, 4, 0.5), 0, "ties median");
    is_double(3.25, summary_quantile_sorted(ties, 4, 0.75), 1e-15,
              "ties q75: h = 2.25, 2 + 0.25 * 5");
    const double one[] = {42};
    is_double(42, summary_quantile_sorted(one, 1, 0.05), 0, "n = 1: q5");
    is_double(42, summary_quantile_sorted(one, 1, 0.95), 0, "n = 1: q95");

    /* describe leaves x as it was and sorts a copy */
    double x[] = {4, 1, 3, 2}, work[4];
    summary_stats s;
    is_int(IMC_OK, summary_describe(x, 4, work, &s), "describe");
    is_double(2.5, s.mean, 1e-15, "mean 10 / 4");
    is_double(1, s.min, 0, "min");
    is_double(4, s.max, 0, "max");
    is_double(1.75, s.p25, 1e-15, "p25: h = 0.75");
    is_double(3.25, s.p75, 1e-15, "p75: h = 2.25");
    is_double(4, x[0], 0, "input untouched");
    summary_describe(x, 0, work, &s);
    ok(s.n == 0 && summary_missing_p(s.median) && summary_missing_p(s.mean),
       "no values: every statistic missing");
}

static void
test_bootstrap(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    double lo, hi, nlo, nhi;
    const double odd[] = {3, 1, 4, 1, 5}, even[] = {2, 8, 4, 6, 9, 7};
    summary_boot *w = summary_boot_alloc(6, 7);
    ok(w != NULL, "workspace of 6 values, 7 resamples");
    gsl_rng_set(r, 42);
    is_int(IMC_OK, summary_boot_median_ci(w, odd, 5, 0.8, r, &lo, &hi),
           "interval of an odd sample");
    naive_ci(odd, 5, 7, 0.8, 42, &nlo, &nhi);
    is_double(nlo, lo, 1e-12, "odd: lower end as plain resampling");
    is_double(nhi, hi, 1e-12, "odd: upper end as plain resampling");
    gsl_rng_set(r, 7);
    summary_boot_median_ci(w, even, 6, 0.5, r, &lo, &hi);
    naive_ci(even, 6, 7, 0.5, 7, &nlo, &nhi);
    is_double(nlo, lo, 1e-12, "even: lower end as plain resampling");
    is_double(nhi, hi, 1e-12, "even: upper end as plain resampling");
    gsl_rng_set(r, 7);
    double lo2, hi2;
    summary_boot_median_ci(w, even, 6, 0.5, r, &lo2, &hi2);
    ok(memcmp(&lo2, &lo, sizeof lo) == 0 && memcmp(&hi2, &hi, sizeof hi) == 0,
       "same seed, same interval (bit for bit)");
    const double single[] = {2.5};
    gsl_rng_set(r, 1);
    summary_boot_median_ci(w, single, 1, 0.95, r, &lo, &hi);
    ok(is_double(2.5, lo, 0, "one value: lower end is that value") &&
       is_double(2.5, hi, 0, "one value: upper end is that value"),
       "one value: the interval is that value");
    is_int(IMC_EINPUT, summary_boot_median_ci(w, even, 0, 0.9, r, &lo, &hi),
           "no values refused");
    is_int(IMC_EINPUT, summary_boot_median_ci(w, even, 7, 0.9, r, &lo, &hi),
           "more values than the workspace refused");
    is_int(IMC_EINPUT, summary_boot_median_ci(w, even, 6, 1, r, &lo, &hi),
           "level 1 refused");
    summary_boot_free(w);
    summary_boot_free(NULL);

    /* Properties: from one smooth distribution (a deterministic,
     * well-mixed sequence), the interval contains the sample median and
     * narrows as the sample grows. */
    double big[400], sorted[400];
    for (size_t i = 0; i < 400; i++)
        big[i] = 10 + sin(1.7 * (double)i) * cos(0.3 * (double)i * (double)i);
    w = summary_boot_alloc(400, 2000);
    double width[2];
    const size_t sizes[2] = {20, 400};
    for (int k = 0; k < 2; k++) {
        size_t n = sizes[k];
        gsl_rng_set(r, 11);
        summary_boot_median_ci(w, big, n, 0.95, r, &lo, &hi);
        summary_stats s;
        summary_describe(big, n, sorted, &s);
        ok(lo <= s.median && s.median <= hi, "n = %zu: interval [%g, %g] "
           "holds the median %g", n, lo, hi, s.median);
        width[k] = hi - lo;
    }
    ok(width[1] < width[0], "more data, narrower interval (%g < %g)",
       width[1], width[0]);
    summary_boot_free(w);
    captured[0] = '\0';
    ok(summary_boot_alloc(0, 10) == NULL && strstr(captured, "bootstrap"),
       "a workspace of no values is refused");
    gsl_rng_free(r);
}

/* The table's output, in a buffer. */
static char *
table_text(summary_table *t, unsigned long seed)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    int st = summary_table_write(fp, t, seed, 500, 0.9);
    fclose(fp);
    if (st) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Line k (0-based) of text, in a static buffer. */
static const char *
line_of(const char *text, int k)
{
    static char line[1024];
    for (; k > 0 && text; k--) {
        text = strchr(text, '\n');
        if (text)
            text++;
    }
    if (!text)
        return "";
    size_t n = strcspn(text, "\n");
    snprintf(line, sizeof line, "%.*s", (int)n, text);
    return line;
}

/* The row with the interval computed here from the same values. */
static void
expect_row(const char *text, int k, const char *head, const double *x,
           size_t n, const char *tail, const char *what)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    summary_boot *w = summary_boot_alloc(n, 500);
    double lo, hi;
    gsl_rng_set(r, 5);
    summary_boot_median_ci(w, x, n, 0.9, r, &lo, &hi);
    char want[1024];
    snprintf(want, sizeof want, "%s,%.10g,%.10g,%s", head, lo, hi, tail);
    is_string(want, line_of(text, k), "%s", what);
    summary_boot_free(w);
    gsl_rng_free(r);
}

/* Expect adding data (after spec) to the standard table to fail with
 * captured == want. */
static void
expect_add_error(const char *text, const char *want_tail, const char *what)
{
    const char *group[] = {"workload"}, *metric[] = {"n_joint"};
    summary_table *t = summary_table_alloc(group, 1, metric, 1, "selection",
                                           "seed*");
    write_tmp(text);
    captured[0] = '\0';
    is_int(IMC_EINPUT, summary_table_add(t, tmp), "%s: refused", what);
    char want[1024];
    snprintf(want, sizeof want, "%s%s", tmp, want_tail);
    is_string(want, captured, "%s: message", what);
    summary_table_free(t);
}

static void
test_table(void)
{
    const char *group[] = {"workload"};
    const char *metric[] = {"n_joint", "gain_rel_pct"};
    summary_table *t = summary_table_alloc(group, 1, metric, 2, "selection",
                                           "seed*");
    ok(t != NULL, "table");
    is_int(IMC_OK, summary_table_add(t, data("compare.csv")), "fixture read");
    char *text = table_text(t, 5);
    ok(text != NULL, "table written");
    is_string("workload,metric,n,n_missing,median,ci_lo,ci_hi,mean,min,p5,"
              "p25,p75,p95,max,best,optimum", line_of(text, 0),
              "header: fixed columns, then best and optimum in order of "
              "first appearance");
    /* vgg16 n_joint: 1.5 1.1 1.3 _ 1.9 1.2 -> sorted 1.1 1.2 1.3 1.5 1.9;
     * mean 7 / 5; p5 h = 0.2: 1.12; p95 h = 3.8: 1.5 + 0.8 * 0.4. */
    const double v1[] = {1.5, 1.1, 1.3, 1.9, 1.2};
    expect_row(text, 1, "vgg16,n_joint,5,1,1.3", v1, 5,
               "1.4,1.1,1.12,1.2,1.5,1.82,1.9,1.1,1",
               "vgg16 n_joint: one missing, best 1.1, optimum 1");
    /* gain_rel 10 -5 0 15 25 5 -> -5 0 5 10 15 25: median 7.5, mean
     * 50/6, p5 h = 0.25: -3.75, p25 h = 1.25: 1.25, p75 h = 3.75: 13.75,
     * p95 h = 4.75: 22.5; the optimum row's field is empty. */
    const double v2[] = {10, -5, 0, 15, 25, 5};
    expect_row(text, 2, "vgg16,gain_rel_pct,6,0,7.5", v2, 6,
               "8.333333333,-5,-3.75,1.25,13.75,22.5,25,-5,",
               "vgg16 gain_rel: optimum empty");
    /* alexnet n_joint 2 1.25 _ 1.75 1.5 1 -> 1 1.25 1.5 1.75 2. */
    const double v3[] = {2, 1.25, 1.75, 1.5, 1};
    expect_row(text, 3, "alexnet,n_joint,5,1,1.5", v3, 5,
               "1.5,1,1.05,1.25,1.75,1.95,2,1,",
               "alexnet n_joint: no optimum row");
    is_string("", line_of(text, 5), "four rows in all");
    char *again = table_text(t, 5);
    is_string(text, again, "rewritten byte for byte");
    free(again);
    free(text);

    /* Every group is its own: the same file twice repeats seed1. */
    captured[0] = '\0';
    is_int(IMC_EINPUT, summary_table_add(t, data("compare.csv")),
           "overlapping inputs refused");
    char want[1024];
    snprintf(want, sizeof want, "%s:3: selection 'seed1' appears twice in "
             "one group (first at %s:3)", data("compare.csv"),
             data("compare.csv"));
    is_string(want, captured, "the repeat names both places");
    summary_table_free(t);
    summary_table_free(NULL);

    /* No group columns: vgg16 and alexnet rows collide. */
    t = summary_table_alloc(NULL, 0, metric, 1, "selection", "seed*");
    is_int(IMC_EINPUT, summary_table_add(t, data("compare.csv")),
           "a missing group column shows as a repeat");
    summary_table_free(t);

    /* Selection of rows, and no replicates at all. */
    t = summary_table_alloc(group, 1, metric, 1, "selection", "run*");
    is_int(IMC_OK, summary_table_add(t, data("compare.csv") ),
           "rows read");
    captured[0] = '\0';
    ok(table_text(t, 1) == NULL, "no replicate rows refused");
    is_string("no row's selection matches 'run*' (no replicates)", captured,
              "message names the pattern");
    summary_table_free(t);

    t = summary_table_alloc(group, 1, metric, 1, "selection", "best");
    char spec[600];
    snprintf(spec, sizeof spec, "%s:workload=alexnet", data("compare.csv"));
    summary_table_add(t, spec);
    text = table_text(t, 1);
    is_string("alexnet,n_joint,1,0,1,1,1,1,1,1,1,1,1,1,2,1.25,,1.75,1.5,1",
              line_of(text, 1), "exact pattern: one replicate, the seeds "
              "become columns; selected rows only");
    free(text);
    summary_table_free(t);

    captured[0] = '\0';
    ok(summary_table_alloc(group, 1, group, 1, "selection", "x") == NULL,
       "a column in two parts refused");
    is_string("column 'workload' named twice", captured, "message");

    expect_add_error("selection,workload,n_joint\nseed1,a,1.5\nseed2,a,x\n",
                     ":3: column 'n_joint': got 'x', expected a number",
                     "bad number");
    expect_add_error("selection,workload,n_joint\n,a,1.5\n",
                     ":2: column 'selection' is empty", "empty replicate "
                     "value");
    expect_add_error("selection,workload\nseed1,a\n",
                     ":1: missing column 'n_joint'", "missing metric");
    expect_add_error("selection,workload,n_joint\n",
                     ": no rows after the header", "no rows");

    t = summary_table_alloc(group, 1, metric, 1, "selection", "seed*");
    write_tmp("selection,workload,n_joint\nseed1,a,1\nmedian,a,2\n");
    summary_table_add(t, tmp);
    ok(table_text(t, 1) == NULL, "an extra value named like a column");
    is_string("selection value 'median' would name an output column twice",
              captured, "message");
    summary_table_free(t);
}

int
main(void)
{
    plan(65);
    imc_err_set_handler(capture);
    close(mkstemp(tmp));
    test_quantiles();
    test_bootstrap();
    test_table();
    unlink(tmp);
    return 0;
}
