/* 180-compare: the comparison of specific, largest and joint designs.
 * Expected values are computed by hand from the fixtures in
 * t/data/compare-specific/ (see the comments next to each check). */
#include "compare.h"
#include "err.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char captured[1024];

static void
capture(const char *message)
{
    snprintf(captured, sizeof captured, "%s", message);
}

static const char *
data(const char *name)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/compare-specific/%s", tap_data(),
             name);
    return buf[k];
}

/* Build the standard table: alexnet's design is both alexnet's specific
 * and the largest design; mobilenet_v3's file has one row (target
 * inferred); then the joint design, or `joint` instead of it. */
static int
build(compare_table *t, const char *joint)
{
    int st = compare_add_specific(t, data("spec-alexnet.csv"), "alexnet");
    if (!st)
        st = compare_add_specific(t, data("spec-mobilenet.csv"), NULL);
    if (!st)
        st = compare_add_baseline(t, COMPARE_LARGEST,
                                  data("spec-alexnet.csv"));
    if (!st)
        st = compare_add_baseline(t, COMPARE_JOINT, data(joint));
    if (!st)
        st = compare_finish(t);
    return st;
}

/* Expect `joint` (as the joint file) to fail with message "<file><tail>". */
static void
expect_joint_error(const char *joint, const char *tail)
{
    char want[1024];
    compare_table *t = compare_alloc();
    captured[0] = '\0';
    is_int(IMC_EINPUT, build(t, joint), "%s: rejected", joint);
    snprintf(want, sizeof want, "%s%s", data(joint), tail);
    is_string(want, captured, "%s: message", joint);
    compare_free(t);
}

int
main(void)
{
    plan(45);
    imc_err_set_handler(capture);

    /* Metrics from three scores: 2.385e-7, 5.1e-7, 3.3e-7 (J s mm^2).
     * n_largest = 5.1/2.385 = 2.13836478, n_joint = 3.3/2.385 = 1.38364780,
     * gain_diff = 100 (2.13836478 - 1.38364780) = 75.4716981,
     * gain_rel = 100 (1 - 3.3/5.1) = 35.2941176. */
    compare_metrics m;
    const double s[COMPARE_NROLE] = {2.385e-7, 5.1e-7, 3.3e-7};
    compare_metrics_compute(s, &m);
    is_double(1.0, m.norm[COMPARE_SPECIFIC], 1e-15, "n_specific is 1");
    is_rel(2.13836477987, m.norm[COMPARE_LARGEST], 1e-10, "n_largest");
    is_rel(1.38364779874, m.norm[COMPARE_JOINT], 1e-10, "n_joint");
    is_rel(113.836477987, m.loss_largest_pct, 1e-10, "loss of largest");
    is_rel(38.3647798742, m.loss_joint_pct, 1e-10, "generalisation loss");
    is_rel(75.4716981132, m.gain_diff_pct, 1e-10, "gain as the reference");
    is_rel(35.2941176471, m.gain_rel_pct, 1e-10, "gain as relative cut");
    is_double(3.3e-7, m.score[COMPARE_JOINT], 1e-20, "score kept");

    /* The same design for specific and largest: no gain can be positive. */
    const double same[COMPARE_NROLE] = {4.7e-6, 4.7e-6, 5.17e-6};
    compare_metrics_compute(same, &m);
    is_rel(-10.0, m.gain_diff_pct, 1e-9, "largest = specific: diff -10");
    is_rel(-10.0, m.gain_rel_pct, 1e-9, "largest = specific: rel -10");

    /* Fixtures: alexnet specific 0.0025 * 4e-6 * 200 = 2e-6, joint
     * 0.003 * 4.5e-6 * 180 = 2.43e-6 (n 1.215); mobilenet_v3 specific
     * 0.0012 * 2.5e-6 * 150 = 4.5e-7, largest 0.0015 * 6e-6 * 200 =
     * 1.8e-6 (n 4), joint 0.00125 * 3e-6 * 180 = 6.75e-7 (n 1.5). */
    compare_table *t = compare_alloc();
    ok(t != NULL, "alloc");
    is_int(IMC_OK, build(t, "joint.csv"), "fixture table builds");
    is_int(2, (long)t->n, "two workloads");
    is_string("alexnet", t->rows[0].workload, "rows in --specific order");
    is_string("mobilenet_v3", t->rows[1].workload, "target inferred");
    const compare_row *a = &t->rows[0], *b = &t->rows[1];
    is_rel(2e-6, a->m.score[COMPARE_SPECIFIC], 1e-12, "alexnet specific");
    is_rel(1.215, a->m.norm[COMPARE_JOINT], 1e-12, "alexnet n_joint");
    is_rel(-21.5, a->m.gain_diff_pct, 1e-10, "alexnet gain_diff -21.5");
    is_rel(4.0, b->m.norm[COMPARE_LARGEST], 1e-12, "mobilenet n_largest");
    is_rel(50.0, b->m.loss_joint_pct, 1e-10, "mobilenet loss 50%%");
    is_rel(250.0, b->m.gain_diff_pct, 1e-10, "mobilenet gain_diff 250");
    is_rel(62.5, b->m.gain_rel_pct, 1e-10, "mobilenet gain_rel 62.5");
    is_int(1, b->cost[COMPARE_JOINT].fits, "fits read");
    is_int(3, b->cost[COMPARE_LARGEST].line, "line of the row kept");
    compare_free(t);
    compare_free(NULL);

    /* Every error path. */
    expect_joint_error("bad-energy.csv", ":3: column 'energy_j': got '0', "
                       "expected a number > 0");
    expect_joint_error("duplicate.csv", ":3: workload 'alexnet' appears "
                       "twice (first at line 2)");
    expect_joint_error("two-designs.csv", ":3: design differs from line 2: "
                       "a file must hold one design");
    expect_joint_error("area-differs.csv", ":3: column 'area_mm2': got 181, "
                       "but line 2 has 180: a file must hold one design");
    expect_joint_error("joint-no-mobilenet.csv", ": no row for workload "
                       "'mobilenet_v3' (the joint design must be evaluated "
                       "on every workload)");
    expect_joint_error("joint-extra.csv", ":4: workload 'resnet18' has no "
                       "workload-specific design (give --specific "
                       "resnet18=FILE)");
    expect_joint_error("no-rows.csv", ": no rows (expected one per workload "
                       "after the header)");

    t = compare_alloc();
    is_int(IMC_EINPUT,
           compare_add_specific(t, data("spec-alexnet.csv"), NULL),
           "two workloads without a target");
    char want[1024];
    snprintf(want, sizeof want, "%s: 2 workloads in one file; name the "
             "target as --specific WORKLOAD=FILE", data("spec-alexnet.csv"));
    is_string(want, captured, "message names the fix");
    is_int(IMC_EINPUT, compare_add_specific(t, data("joint.csv"), "vgg16"),
           "target absent from file");
    is_int(IMC_OK, compare_add_specific(t, data("joint.csv"), "alexnet"),
           "specific from a joint-shaped file");
    is_int(IMC_EINPUT,
           compare_add_specific(t, data("spec-alexnet.csv"), "alexnet"),
           "second specific design for a workload");
    is_int(IMC_EINPUT, compare_finish(t), "no largest design given");
    is_string("no largest design given", captured, "finish names the gap");
    compare_free(t);
    return 0;
}
