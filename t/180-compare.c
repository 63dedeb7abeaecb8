/* 180-compare: specific, largest and joint designs compared (P1's
 * metrics), on the fixtures of t/data/compare-specific/.
 *
 * Scores E*L*A of the fixtures:
 *   spec-vgg16    seed 1: vgg16 2e-6, resnet18 1e-7 (A 100)
 *                 seed 2: vgg16 1.6e-6, resnet18 8e-8 (A 200)
 *   spec-resnet18 seed 1: resnet18 5e-8, vgg16 4e-6
 *                 seed 2: resnet18 4e-8, vgg16 6e-6 (row infeasible)
 *   joint         seed 1: vgg16 2.4e-6, resnet18 6e-8 (A 120)
 *                 seed 2: infeasible (A 900)
 *   sweep, 800 mm2: vgg16 spec 8e-7 (on resnet18 4e-8), resnet18 spec
 *                 2e-8, joint vgg16 1e-6, resnet18 3.2e-8; 10 mm2: none.
 */
#include "compare.h"
#include "err.h"
#include "summary.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* t/data/compare-specific/<name> */
static const char *
data(const char *name)
{
    return fixture("compare-specific", name);
}

/* The standard request over the GA fixtures. */
static compare_request
request(compare_select sel)
{
    compare_request q = {0};
    q.nwork = 2;
    q.workload[0] = "vgg16";
    q.workload[1] = "resnet18";
    q.specific[0] = data("spec-vgg16.csv");
    q.specific[1] = data("spec-resnet18.csv");
    q.largest = data("spec-vgg16.csv");
    q.joint = data("joint.csv");
    q.select = sel;
    return q;
}

/* Output of q, or NULL when it is refused. */
static char *
output(const compare_request *q)
{
    compare_study *c;
    if (compare_read(q, &c) != IMC_OK)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    compare_write(fp, c);
    fclose(fp);
    compare_free(c);
    return buf;
}

static const char header[] =
    "selection,workload,score_specific,score_largest,score_joint,n_largest,"
    "n_joint,loss_joint_pct,loss_largest_pct,gain_diff_pct,gain_rel_pct,"
    "feasible_specific,feasible_largest,feasible_joint\n";

static void
test_metrics(void)
{
    /* 2.385e-7, 5.1e-7, 3.3e-7: n_largest 2.13836478, n_joint 1.38364780,
     * gain_diff 75.4716981, gain_rel 100 (1 - 3.3/5.1) = 35.2941176. */
    compare_metrics m;
    const double s[COMPARE_NROLE] = {2.385e-7, 5.1e-7, 3.3e-7};
    compare_metrics_compute(s, &m);
    is_rel(2.13836477987, m.n_largest, 1e-10, "n_largest");
    is_rel(1.38364779874, m.n_joint, 1e-10, "n_joint");
    is_rel(113.836477987, m.loss_largest_pct, 1e-10, "loss of largest");
    is_rel(38.3647798742, m.loss_joint_pct, 1e-10, "generalisation loss");
    is_rel(75.4716981132, m.gain_diff_pct, 1e-10, "gain as the reference");
    is_rel(35.2941176471, m.gain_rel_pct, 1e-10, "gain as relative cut");
    /* The same design for specific and largest: no gain can be positive. */
    const double same[COMPARE_NROLE] = {4.7e-6, 4.7e-6, 5.17e-6};
    compare_metrics_compute(same, &m);
    is_rel(-10.0, m.gain_diff_pct, 1e-9, "largest = specific: diff -10");
    is_rel(-10.0, m.gain_rel_pct, 1e-9, "largest = specific: rel -10");
    /* No specific design: only the relative gain survives. */
    const double nospec[COMPARE_NROLE] = {SUMMARY_MISSING, 4e-6, 3e-6};
    compare_metrics_compute(nospec, &m);
    ok(summary_missing_p(m.n_joint) && summary_missing_p(m.gain_diff_pct),
       "missing specific: normalised metrics missing");
    is_rel(25, m.gain_rel_pct, 1e-12, "missing specific: gain_rel 25");
    const double nojoint[COMPARE_NROLE] = {1e-6, 2e-6, SUMMARY_MISSING};
    compare_metrics_compute(nojoint, &m);
    ok(summary_missing_p(m.gain_rel_pct) && summary_missing_p(m.loss_joint_pct)
       && !summary_missing_p(m.loss_largest_pct), "missing joint: its "
       "metrics missing, the largest's kept");
}

static void
test_selections(void)
{
    /* seed 1, vgg16: n_largest 1, n_joint 1.2, gain_diff -20, gain_rel
     * 100 (1 - 2.4/2) = -20; resnet18: n_largest 1e-7/5e-8 = 2, n_joint
     * 1.2, gain_diff 80, gain_rel 100 (1 - 6e-8/1e-7) = 40.  Aggregate
     * (joint): largest 0.01 * 2e-6 * 100 = 2e-6, joint 2.4e-6: -20.
     * Seed 2: the joint design is infeasible: its metrics are empty. */
    compare_request q = request(COMPARE_SELECT_REPLICATES);
    q.aggregate = 1;
    q.objective = SEARCH_JOINT;
    char *out = output(&q);
    char want[4096];
    snprintf(want, sizeof want, "%s"
             "seed1,vgg16,2e-06,2e-06,2.4e-06,1,1.2,20,0,-20,-20,1,1,1\n"
             "seed1,resnet18,5e-08,1e-07,6e-08,2,1.2,20,100,80,40,1,1,1\n"
             "seed1,aggregate,,2e-06,2.4e-06,,,,,,-20,,1,1\n"
             "seed2,vgg16,1.6e-06,1.6e-06,,1,,,0,,,1,1,0\n"
             "seed2,resnet18,4e-08,8e-08,,2,,,100,,,1,1,0\n"
             "seed2,aggregate,,1.6e-06,,,,,,,,,1,0\n", header);
    is_string(want, out ? out : "(refused)", "replicates with aggregate");
    free(out);

    /* Best: spec-vgg16 seed 2 (lower score), spec-resnet18 seed 2, joint
     * seed 1 (the only feasible one).  vgg16: n_joint 2.4/1.6 = 1.5,
     * gain -50; resnet18: n_largest 8e-8/4e-8 = 2, n_joint 1.5, gain_diff
     * 50, gain_rel 100 (1 - 6/8) = 25. */
    q = request(COMPARE_SELECT_BEST);
    out = output(&q);
    snprintf(want, sizeof want, "%s"
             "best,vgg16,1.6e-06,1.6e-06,2.4e-06,1,1.5,50,0,-50,-50,1,1,1\n"
             "best,resnet18,4e-08,8e-08,6e-08,2,1.5,50,100,50,25,1,1,1\n",
             header);
    is_string(want, out ? out : "(refused)", "best of each file");
    free(out);

    q = request(COMPARE_SELECT_SEED);
    q.seed = 1;
    out = output(&q);
    ok(out && strstr(out, "\nseed1,resnet18,5e-08,1e-07,6e-08,2,1.2,20,100,"
                     "80,40,1,1,1\n") && !strstr(out, "seed2"),
       "one seed");
    free(out);

    /* The exact optima of a sweep, one run per selection.  vgg16: n_joint
     * 1e-6/8e-7 = 1.25, gain -25; resnet18: n_largest 4e-8/2e-8 = 2,
     * n_joint 1.6, gain_diff 40, gain_rel 100 (1 - 3.2/4) = 20; the
     * aggregate (mean): largest 0.0045 * 7e-7 * 100 = 3.15e-7, joint
     * 0.0044 * 8.25e-7 * 100 = 3.63e-7, gain 100 (1 - 3.63/3.15). */
    char s1[600], s2[600], s3[600];
    snprintf(s1, sizeof s1, "%s:target=vgg16:area_max_mm2=800",
             data("sweep.csv"));
    snprintf(s2, sizeof s2, "%s:target=resnet18:area_max_mm2=800",
             data("sweep.csv"));
    snprintf(s3, sizeof s3, "%s:target=joint:area_max_mm2=800",
             data("sweep.csv"));
    q = request(COMPARE_SELECT_ONLY);
    q.specific[0] = q.largest = s1;
    q.specific[1] = s2;
    q.joint = s3;
    q.label = "optimum";
    q.aggregate = 1;
    q.objective = SEARCH_MEAN;
    out = output(&q);
    snprintf(want, sizeof want, "%s"
             "optimum,vgg16,8e-07,8e-07,1e-06,1,1.25,25,0,-25,-25,1,1,1\n"
             "optimum,resnet18,2e-08,4e-08,3.2e-08,2,1.6,60,100,40,20,1,1,1\n"
             "optimum,aggregate,,3.15e-07,3.63e-07,,,,,,-15.23809524,,1,1\n",
             header);
    is_string(want, out ? out : "(refused)", "sweep optima, labelled");
    free(out);

    /* Nothing feasible at 10 mm2: every metric empty, flags 0. */
    snprintf(s1, sizeof s1, "%s:target=vgg16:area_max_mm2=10",
             data("sweep.csv"));
    snprintf(s2, sizeof s2, "%s:target=resnet18:area_max_mm2=10",
             data("sweep.csv"));
    snprintf(s3, sizeof s3, "%s:target=joint:area_max_mm2=10",
             data("sweep.csv"));
    q.label = NULL;
    q.aggregate = 0;
    compare_study *c;
    is_int(IMC_OK, compare_read(&q, &c), "infeasible optima read");
    is_int(1, (long)compare_ninfeasible(c), "and counted");
    compare_free(c);
    out = output(&q);
    snprintf(want, sizeof want, "%s"
             "single,vgg16,,,,,,,,,,0,0,0\n"
             "single,resnet18,,,,,,,,,,0,0,0\n", header);
    is_string(want, out ? out : "(refused)", "no feasible design: empty");
    free(out);
    compare_free(NULL);
}

/* Expect q to be refused with the message want. */
static void
expect_refused(const compare_request *q, const char *want, const char *what)
{
    compare_study *c = (compare_study *)1;
    captured[0] = '\0';
    is_int(IMC_EINPUT, compare_read(q, &c), "%s: refused", what);
    is_string(want, captured, "%s: message", what);
}

static void
test_errors(void)
{
    char want[1024];
    compare_request q = request(COMPARE_SELECT_ONLY);
    snprintf(want, sizeof want, "%s: 2 runs (seeds 1 to 2) in one file: "
             "choose one by seed or the best", data("spec-vgg16.csv"));
    expect_refused(&q, want, "several runs without a selection");

    char one[600];
    snprintf(one, sizeof one, "%s:seed=1", data("joint.csv"));
    q = request(COMPARE_SELECT_REPLICATES);
    q.joint = one;
    snprintf(want, sizeof want, "%s:1: no run of seed 2, which %s has "
             "(replicates need every seed in every file with seeds)",
             data("joint.csv"), data("spec-vgg16.csv"));
    expect_refused(&q, want, "a seed missing from one file");
    q.joint = data("joint.csv");
    q.specific[0] = one;
    snprintf(want, sizeof want, "%s:1: no run of seed 2, which %s has "
             "(replicates need every seed in every file with seeds)",
             data("joint.csv"), data("spec-resnet18.csv"));
    expect_refused(&q, want, "a seed missing from the first file");

    /* a file without seeds holds one run, part of every replicate; not
     * selected down to one run, it is refused */
    q = request(COMPARE_SELECT_REPLICATES);
    snprintf(want, sizeof want, "%s:5: workload 'resnet18' appears twice in "
             "one run (first at line 4); select one run with FILE:COL=VALUE",
             data("sweep.csv"));
    q.joint = data("sweep.csv");
    expect_refused(&q, want, "replicates of an unselected seedless file");
    char sweep[600];
    snprintf(sweep, sizeof sweep, "%s:target=joint:area_max_mm2=800",
             data("sweep.csv"));
    q.joint = sweep;
    char *mixed = output(&q);
    ok(mixed && strstr(mixed, "\nseed1,vgg16,") &&
       strstr(mixed, "\nseed2,vgg16,"),
       "the exact joint optimum takes part in every replicate");
    free(mixed);

    /* The largest design must be evaluated on every workload. */
    q = request(COMPARE_SELECT_BEST);
    char only_vgg[600];
    snprintf(only_vgg, sizeof only_vgg, "%s:workload=vgg16",
             data("spec-vgg16.csv"));
    q.largest = only_vgg;
    snprintf(want, sizeof want, "%s: seed 2 has no row for workload "
             "'resnet18' (the largest and the joint designs must be "
             "evaluated on every workload; run their searches with "
             "--report-on)", data("spec-vgg16.csv"));
    expect_refused(&q, want, "largest without a report-on row");

    q = request(COMPARE_SELECT_SEED);
    q.seed = 5;
    snprintf(want, sizeof want, "%s: no run of seed 5",
             data("spec-vgg16.csv"));
    expect_refused(&q, want, "an absent seed");

    q = request(COMPARE_SELECT_BEST);
    q.workload[1] = "vgg16";
    expect_refused(&q, "workload 'vgg16' given twice", "a workload twice");
    q = request(COMPARE_SELECT_BEST);
    q.specific[1] = data("absent.csv");
    snprintf(want, sizeof want, "%s:1: cannot open: No such file or directory",
             data("absent.csv"));
    expect_refused(&q, want, "a missing file");
}

int
main(void)
{
    plan(35);
    imc_err_set_handler(capture);
    test_metrics();
    test_selections();
    test_errors();
    return 0;
}
