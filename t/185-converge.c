/* 185-converge: gaps, evaluations to within 1 % and curves against the
 * exact optimum, on the hand-made histories of t/data/convergence/
 * (optimum score 2).
 *
 * ga: seed 1 ends at 2 (reached; within 1 % first at 2.01: evaluations
 * 25, requests 30), seed 2 at 2.5 (gap 25 %), seed 3 never feasible.
 * ea: seed 1 ends at 2 (within 1 % at 2.02, evaluations 90: 100 (2.02/2 -
 * 1) is 1 plus float noise), seed 2 at 2.0000000001 (gap 5e-9 %, reached;
 * within at evaluations 95). */
#include "converge.h"
#include "err.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp[] = "/tmp/imc-converge-XXXXXX";

/* t/data/convergence/<name> */
static const char *
data(const char *name)
{
    return fixture("convergence", name);
}

static char opt_spec[600];

static converge_request
request(void)
{
    converge_request q = {0};
    snprintf(opt_spec, sizeof opt_spec, "%s:target=joint:area_max_mm2=800",
             data("optimum.csv"));
    q.optimum = opt_spec;
    q.nalg = 2;
    q.name[0] = "ga";
    q.history[0] = data("ga.csv");
    q.name[1] = "ea";
    q.history[1] = data("ea.csv");
    q.within_pct = 1;
    return q;
}

static char *
text_of(int (*fn)(FILE *, const converge_result *), const converge_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    fn(fp, r);
    fclose(fp);
    return buf;
}

/* Field k (0-based) of the line of text that starts with prefix. */
static double
field(const char *text, const char *prefix, int k)
{
    const char *p = strstr(text, prefix);
    if (!p)
        return -1e300;
    for (; k > 0; k--) {
        p = strchr(p, ',');
        if (!p)
            return -1e300;
        p++;
    }
    return atof(p);
}

static void
test_summary(void)
{
    converge_request q = request();
    converge_result *r;
    is_int(IMC_OK, converge_run(&q, &r), "run");
    char *s = text_of(converge_write_summary, r);
    /* ga: 3 seeds, 2 feasible, 1 reached; gaps 0 and 25: median 12.5;
     * final evaluations 30 27 29 -> 29, requests 40 30 30 -> 30. */
    ok(strstr(s, "\nga,3,2,1,0.3333333333,12.5,25,1,25,25,30,29,30\n") !=
       NULL, "ga summary");
    ok(strstr(s, "\nea,2,2,2,1,") != NULL, "ea: both reached");
    is_double(2.5e-9, field(s, "\nea,", 5), 1e-15, "ea median gap 2.5e-9 %%");
    is_double(5e-9, field(s, "\nea,", 6), 1e-15, "ea worst gap 5e-9 %%");
    is_double(2, field(s, "\nea,", 7), 0, "ea: both within 1 %%");
    is_double(90, field(s, "\nea,", 8), 0, "median evaluations of 90, 95: the lower, 90");
    is_double(95, field(s, "\nea,", 9), 0, "max evaluations");
    is_double(100, field(s, "\nea,", 10), 0, "median requests");
    is_double(95, field(s, "\nea,", 11), 0, "median final evaluations: the lower of two counts");
    is_double(100, field(s, "\nea,", 12), 0, "median final requests: the lower");
    is_int(1, (long)converge_ninfeasible(r), "one seed never feasible");
    free(s);
    converge_free(r);

    /* within 0 %: only a reached optimum counts. */
    q.within_pct = 0;
    converge_run(&q, &r);
    s = text_of(converge_write_summary, r);
    ok(strstr(s, "\nga,3,2,1,0.3333333333,12.5,25,1,30,30,40,") != NULL,
       "ga within 0 %%: seed 1 at its last row");
    free(s);
    converge_free(r);
    converge_free(NULL);
}

static void
test_curves(void)
{
    converge_request q = request();
    const double grid[] = {10, 25, 100};
    q.grid = grid;
    q.ngrid = 3;
    converge_result *r;
    converge_run(&q, &r);
    char *c = text_of(converge_write_curves, r);
    /* ga at 10: only seed 2 is feasible (4 / 2); at 25: 2.01/2 and 3/2;
     * at 100: 1 and 1.25.  ea has no row at 10 or 25 evaluations. */
    const char want[] =
        "algorithm,evaluations,n_seeds,n_feasible,median_ratio,p25_ratio,"
        "p75_ratio,min_ratio,max_ratio\n"
        "ga,10,3,1,2,2,2,2,2\n"
        "ga,25,3,2,1.2525,1.12875,1.37625,1.005,1.5\n"
        "ga,100,3,2,1.125,1.0625,1.1875,1,1.25\n"
        "ea,10,2,0,,,,,\n"
        "ea,25,2,0,,,,,\n"
        "ea,100,2,2,1.005,1.0025,1.0075,1,1.01\n";
    is_string(want, c, "curves on a given grid");
    free(c);
    converge_free(r);

    /* The default grid: 25 points from 10 to 120 (ea's last evaluation
     * count), rounded: 10, 11, 12, 14 ... 120, repeats dropped. */
    q = request();
    converge_run(&q, &r);
    c = text_of(converge_write_curves, r);
    ok(strstr(c, "\nga,10,") && strstr(c, "\nga,11,") &&
       strstr(c, "\nga,120,") && !strstr(c, "\nga,121,"),
       "default grid from 10 to the largest final evaluation count");
    size_t lines = 0;
    for (const char *p = c; *p; p++)
        lines += *p == '\n';
    ok(lines > 2 * 20 && lines <= 1 + 2 * 25, "at most 25 points per "
       "algorithm (%zu lines)", lines);
    free(c);
    converge_free(r);
}

/* Expect a run with history text (or the given optimum spec) to fail. */
static void
expect_refused(const char *optimum, const char *history, const char *want,
               const char *what)
{
    converge_request q = request();
    if (optimum)
        q.optimum = optimum;
    if (history) {
        FILE *fp = fopen(tmp, "w");
        fputs(history, fp);
        fclose(fp);
        q.nalg = 1;
        q.history[0] = tmp;
    }
    converge_result *r = (converge_result *)1;
    captured[0] = '\0';
    is_int(IMC_EINPUT, converge_run(&q, &r), "%s: refused", what);
    is_string(want, captured, "%s: message", what);
    ok(r == NULL, "%s: nothing returned", what);
}

static void
test_errors(void)
{
    char spec[600], want[1024];
    snprintf(spec, sizeof spec, "%s:area_max_mm2=800", data("optimum.csv"));
    snprintf(want, sizeof want, "%s:4: a second row is selected; the "
             "optimum is one row (select it with FILE:COL=VALUE)",
             data("optimum.csv"));
    expect_refused(spec, NULL, want, "two optima");
    snprintf(spec, sizeof spec, "%s:area_max_mm2=10", data("optimum.csv"));
    snprintf(want, sizeof want, "%s:5: the optimum is not feasible (column "
             "'feasible' is '0'): there is nothing to normalise by",
             data("optimum.csv"));
    expect_refused(spec, NULL, want, "an infeasible optimum");
    snprintf(spec, sizeof spec, "%s:target=mean", data("optimum.csv"));
    snprintf(want, sizeof want, "%s: no rows match target=mean",
             data("optimum.csv"));
    expect_refused(spec, NULL, want, "no optimum row");

    const char head[] = "seed,requests,evaluations,best_score,"
                        "best_violation\n";
    char h[512];
    snprintf(h, sizeof h, "%s1,10,10,3,0\n1,20,15,1.9,0\n", head);
    snprintf(want, sizeof want, "%s:3: best_score 1.9 is below the optimum "
             "2: the history and the optimum are of different problems", tmp);
    expect_refused(NULL, h, want, "a best below the optimum");
    snprintf(h, sizeof h, "%s1,10,10,3,0\n1,20,9,2.5,0\n", head);
    snprintf(want, sizeof want, "%s:3: evaluations or requests fall below "
             "those of line 2 of the same seed", tmp);
    expect_refused(NULL, h, want, "evaluations falling");
    snprintf(h, sizeof h, "%s1,10,10,3,0\n2,10,10,3,0\n1,20,20,2.5,0\n",
             head);
    snprintf(want, sizeof want, "%s:4: seed 1 appears again (its run began "
             "at line 2)", tmp);
    expect_refused(NULL, h, want, "a seed that comes back");
    snprintf(h, sizeof h, "%s1,10,10,3,-1\n", head);
    snprintf(want, sizeof want, "%s:2: column 'best_violation': got '-1', "
             "expected a number >= 0", tmp);
    expect_refused(NULL, h, want, "negative violation");
    snprintf(h, sizeof h, "seed,requests,best_score,best_violation\n"
             "1,10,3,0\n");
    snprintf(want, sizeof want, "%s:1: missing column 'evaluations'", tmp);
    expect_refused(NULL, h, want, "missing column");
    converge_request q = request();
    q.name[1] = "ga";
    converge_result *r;
    is_int(IMC_EINPUT, converge_run(&q, &r), "one name twice");
    is_string("algorithm 'ga' given twice", captured, "message");
}

int
main(void)
{
    plan(42);
    imc_err_set_handler(capture);
    close(mkstemp(tmp));
    test_summary();
    test_curves();
    test_errors();
    unlink(tmp);
    return 0;
}
