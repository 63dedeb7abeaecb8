/* 184-budget: the budget study's draws on the tiny run sets of
 * t/data/budget-study/, where every combination can be counted by hand.
 *
 * Scores (E, with L = A = 1): vgg16's specific runs v1 (vgg16 2, alexnet
 * 4), v2 (3, 5), v3 infeasible (left out); alexnet's a1 (alexnet 2), a2
 * (1); joint j1 (vgg16 1.5, alexnet 3), j2 (4, 2); the optima: vgg16 1 (on
 * alexnet 3), alexnet 0.5, joint (1.2, 1).  P1's test gains: vgg16 36,
 * alexnet 39.
 *
 * Symmetric case, vgg16 (baseline b, normaliser the other vgg16 run):
 *   b=v1, s=v2: j1 n_largest 2/3, n_joint 0.5, diff 16.7, rel 25
 *               j2            2/3,      4/3,      -66.7,    -100
 *   b=v2, s=v1: j1 1.5, 0.75, diff 75, rel 50;  j2 1.5, 2, -50, -33.3
 *   -> rel >= 36 in 1 of 4, diff >= 36 in 1 of 4.
 * alexnet (rel = 100 (1 - sj/sb) needs no normaliser; diff = 100 (sb -
 * sj) / ss): rel v1j1 25, v1j2 50, v2j1 40, v2j2 60, each for a1 and a2
 *   -> rel >= 39 in 6 of 8; diff (50..300) >= 39 in 8 of 8.
 * All at once: only (v2, j1) has vgg16 reaching, where alexnet reaches
 * for both normalisers: 1/4 for either definition. */
#include "budget.h"
#include "err.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* t/data/budget-study/<name> */
static const char *
data(const char *name)
{
    return fixture("budget-study", name);
}

/* A request for budget "small" (and the optima with `optimum`). */
static budget_request
request(unsigned long draws, int optimum)
{
    budget_request q = {0};
    q.largest = "vgg16";
    q.p1 = data("p1-gains.csv");
    q.seed = 1;
    q.draws = draws;
    const char *role[] = {"vgg16", "alexnet", "joint"};
    for (int k = 0; k < 3; k++)
        q.input[q.ninput++] = (budget_input){"small", role[k],
                                             data(k == 0 ? "vgg16.csv"
                                                  : k == 1 ? "alexnet.csv"
                                                           : "joint.csv")};
    if (optimum) {
        static char spec[3][600];
        for (int k = 0; k < 3; k++) {
            snprintf(spec[k], sizeof spec[k], "%s:target=%s",
                     data("optimum.csv"), role[k]);
            q.input[q.ninput++] = (budget_input){"optimum", role[k],
                                                 spec[k]};
        }
    }
    return q;
}

/* Write with fn into a new buffer. */
static char *
text_of(int (*fn)(FILE *, const budget_result *), const budget_result *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    fn(fp, r);
    fclose(fp);
    return buf;
}

/* The field fraction_reaching_p1 of (case, definition, workload). */
static double
fraction(const char *text, const char *key)
{
    const char *p = strstr(text, key);
    return p ? atof(p + strlen(key)) : -1;
}

static void
test_exact(void)
{
    budget_request q = request(0, 1);
    q.pair[q.npair++] = (budget_pair){"small", "optimum"};
    budget_result *r;
    is_int(IMC_OK, budget_run(&q, &r), "exhaustive study");
    char *f = text_of(budget_write_fractions, r);
    is_double(0.25, fraction(f, "symmetric,gain_rel,vgg16,"), 1e-15,
              "vgg16 rel: 1 of 4");
    is_double(0.75, fraction(f, "symmetric,gain_rel,alexnet,"), 1e-15,
              "alexnet rel: 6 of 8");
    is_double(0.25, fraction(f, "symmetric,gain_rel,all,"), 1e-15,
              "all rel: 1 of 4");
    is_double(0.25, fraction(f, "symmetric,gain_diff,vgg16,"), 1e-15,
              "vgg16 diff: 1 of 4");
    is_double(1, fraction(f, "symmetric,gain_diff,alexnet,"), 1e-15,
              "alexnet diff: 8 of 8");
    is_double(0.25, fraction(f, "symmetric,gain_diff,all,"), 1e-15,
              "all diff: 1 of 4");
    /* Asymmetric against the optima: vgg16 rel 100 (1 - 1.2/2) = 40 and
     * 100 (1 - 1.2/3) = 60, both >= 36. */
    is_double(1, fraction(f, "asym:small:optimum,gain_rel,all,"), 1e-15,
              "optima: every gain reaches");
    free(f);
    char *d = text_of(budget_write_distribution, r);
    /* n_largest on vgg16: 2/3, 2/3, 1.5, 1.5: median 13/12, p25 2/3. */
    ok(strstr(d, "small,symmetric,vgg16,n_largest,4,1.083333333,"
                 "0.6666666667,0.6666666667,1.5,1.5,1.083333333\n") != NULL,
       "vgg16 n_largest distribution");
    /* alexnet gain_rel: 25 25 40 40 50 50 60 60: median 45, mean 43.75,
     * p5 h = 0.35: 25, p25 h = 1.75: 25 + 0.75 * 15 = 36.25. */
    ok(strstr(d, "small,symmetric,alexnet,gain_rel_pct,8,45,25,36.25,52.5,"
                 "60,43.75\n") != NULL, "alexnet gain_rel distribution");
    /* asym: alexnet diff 100 (4 - 1)/0.5 = 600 and 800. */
    ok(strstr(d, "optimum,asym:small:optimum,alexnet,gain_diff_pct,2,700,"
                 "610,650,750,790,700\n") != NULL, "asymmetric case: budget "
       "column is the top budget");
    ok(strstr(d, "optimum,symmetric") == NULL, "no symmetric case of the "
       "optima");
    free(d);
    char *s = text_of(budget_write_runs, r);
    ok(strstr(s, "small,vgg16,3,2,2.5,2,3\n") &&
       strstr(s, "optimum,joint,1,1,1.2,1.2,1.2\n"),
       "runs summary: the infeasible run counted, not scored");
    free(s);
    is_int(1, (long)budget_nexcluded(r), "one run left out");
    is_int(10, (long)budget_nruns(r), "of ten");
    is_int(0, (long)budget_nimpossible(r), "every case possible");
    budget_free(r);
    budget_free(NULL);
}

static void
test_monte_carlo(void)
{
    budget_request q = request(100000, 0);
    budget_result *r;
    is_int(IMC_OK, budget_run(&q, &r), "Monte-Carlo study");
    char *f = text_of(budget_write_fractions, r);
    /* 100000 draws: the standard error of a fraction is at most 0.0016,
     * so 0.01 is over six of them. */
    is_double(0.25, fraction(f, "symmetric,gain_rel,vgg16,"), 0.01,
              "vgg16 rel near 1/4");
    is_double(0.75, fraction(f, "symmetric,gain_rel,alexnet,"), 0.01,
              "alexnet rel near 3/4");
    is_double(0.25, fraction(f, "symmetric,gain_diff,all,"), 0.01,
              "all diff near 1/4");
    char *d = text_of(budget_write_distribution, r);
    budget_free(r);
    budget_run(&q, &r);
    char *d2 = text_of(budget_write_distribution, r);
    is_string(d, d2, "same seed, same distribution");
    budget_free(r);
    q.seed = 2;
    budget_run(&q, &r);
    char *f3 = text_of(budget_write_fractions, r);
    ok(strcmp(f, f3) != 0, "another seed, other draws");
    budget_free(r);
    free(f);
    free(f3);
    free(d);
    free(d2);

    /* One feasible vgg16 run cannot be both baseline and normaliser. */
    q = request(1000, 0);
    char one[600];
    snprintf(one, sizeof one, "%s:seed=1", data("vgg16.csv"));
    q.input[0].spec = one;
    is_int(IMC_OK, budget_run(&q, &r), "one vgg16 run");
    is_int(1, (long)budget_nimpossible(r), "the case is impossible");
    const char *b, *label = budget_first_impossible(r, &b);
    ok(label && strcmp(label, "symmetric") == 0 && strcmp(b, "small") == 0,
       "and named");
    d = text_of(budget_write_distribution, r);
    ok(strstr(d, "small,symmetric,vgg16,gain_rel_pct,0,,,,,,\n") != NULL,
       "its rows are empty");
    free(d);
    f = text_of(budget_write_fractions, r);
    ok(strstr(f, "small,symmetric,gain_rel,all,\n") != NULL,
       "its fractions are empty");
    free(f);
    budget_free(r);
}

/* Expect q to be refused with message want. */
static void
expect_refused(const budget_request *q, const char *want, const char *what)
{
    budget_result *r = (budget_result *)1;
    captured[0] = '\0';
    is_int(IMC_EINPUT, budget_run(q, &r), "%s: refused", what);
    is_string(want, captured, "%s: message", what);
    ok(r == NULL, "%s: nothing returned", what);
}

static void
test_errors(void)
{
    char want[1024];
    budget_request q = request(10, 0);
    q.input[q.ninput++] = (budget_input){"small", "vgg16",
                                         data("vgg16.csv")};
    expect_refused(&q, "budget 'small' has two files for role 'vgg16'",
                   "a role twice");
    q = request(10, 0);
    q.ninput = 2;
    expect_refused(&q, "budget 'small' has no runs for role 'joint'",
                   "no joint runs");
    q = request(10, 0);
    q.input[q.ninput++] = (budget_input){"big", "resnet18",
                                         data("vgg16.csv")};
    expect_refused(&q, "budget 'big' has runs for role 'resnet18', which "
                   "budget 'small' lacks", "a role the first budget lacks");
    q = request(10, 0);
    q.input[q.ninput++] = (budget_input){"big", "vgg16", data("vgg16.csv")};
    expect_refused(&q, "budget 'big' has no runs for role 'alexnet'",
                   "a budget short of a role");
    q = request(10, 0);
    q.largest = "resnet18";
    expect_refused(&q, "largest workload 'resnet18' has no runs of its own "
                   "(give BUDGET:resnet18=FILE)", "largest without runs");
    q = request(10, 0);
    q.input[q.ninput++] = (budget_input){"optimum", "vgg16",
                                         data("vgg16.csv")};
    snprintf(want, sizeof want, "%s: 3 runs for budget 'optimum': it holds "
             "the one exact optimum of each role (select it with "
             "FILE:COL=VALUE)", data("vgg16.csv"));
    expect_refused(&q, want, "several optima");
    q = request(10, 0);
    q.pair[q.npair++] = (budget_pair){"small", "big"};
    expect_refused(&q, "asymmetric case 'small:big': no runs of budget "
                   "'big'", "a pair of an unknown budget");
    q = request(10, 0);
    q.pair[q.npair++] = (budget_pair){"small", "small"};
    expect_refused(&q, "asymmetric case 'small:small' names one budget "
                   "twice (its symmetric case is computed anyway)",
                   "a pair of one budget");
    q = request(10, 0);
    char p1[600];
    snprintf(p1, sizeof p1, "%s:workload=vgg16", data("p1-gains.csv"));
    q.p1 = p1;
    snprintf(want, sizeof want, "%s: no row source=P1, quantity="
             "joint_vs_largest_gain for workload 'alexnet'",
             data("p1-gains.csv"));
    expect_refused(&q, want, "P1 without a workload's gain");
    q = request(10, 0);
    char joint[600];
    snprintf(joint, sizeof joint, "%s:workload=vgg16", data("joint.csv"));
    q.input[2].spec = joint;
    snprintf(want, sizeof want, "%s: seed 1 has no row for workload "
             "'alexnet' (the largest and the joint designs must be "
             "evaluated on every workload)", data("joint.csv"));
    expect_refused(&q, want, "a joint run without a row");
    q = request(BUDGET_MAX_DRAWS + 1, 0);
    expect_refused(&q, "2000001 draws, 3 inputs and 0 pairs: expected at "
                   "most 2000000, 256 and 32", "too many draws");

    q = request(10, 0);
    q.p1 = NULL;
    budget_result *r;
    budget_run(&q, &r);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    is_int(IMC_EINPUT, budget_write_fractions(fp, r), "fractions without P1");
    fclose(fp);
    free(buf);
    is_string("the fractions need P1's gains (paper-reported.csv)",
              captured, "message");
    budget_free(r);
}

int
main(void)
{
    plan(62);
    imc_err_set_handler(capture);
    test_exact();
    test_monte_carlo();
    test_errors();
    return 0;
}
