/* 186-reduce: P2's EDAP reductions on the fixtures of
 * t/data/compare-specific/ (their scores are listed in t/180-compare.c):
 * the joint design against the vgg16 and the resnet18 searches' designs,
 * with the joint aggregate max E * max L * A. */
#include "err.h"
#include "reduce.h"
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

static reduce_request
request(reduce_pick pick)
{
    reduce_request q = {0};
    q.joint = data("joint.csv");
    q.nbase = 2;
    q.base_name[0] = "largest";
    q.base_spec[0] = data("spec-vgg16.csv");
    q.base_name[1] = "r18";
    q.base_spec[1] = data("spec-resnet18.csv");
    q.objective = SEARCH_JOINT;
    q.pick = pick;
    return q;
}

static char *
output(const reduce_request *q, size_t *ninf, int *joint_bad)
{
    reduce_result *r;
    if (reduce_read(q, &r))
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    reduce_write(fp, r);
    fclose(fp);
    *ninf = reduce_ninfeasible(r);
    *joint_bad = reduce_joint_infeasible_p(r);
    reduce_free(r);
    return buf;
}

static const char header[] = "baseline,workload,edap_joint,edap_baseline,"
                             "reduction_pct,feasible_joint,"
                             "feasible_baseline\n";

int
main(void)
{
    plan(16);
    imc_err_set_handler(capture);
    size_t ninf;
    int bad;
    char want[2048];

    /* Best: joint seed 1 (2.4e-6, 6e-8; aggregate 0.01 * 2e-6 * 120);
     * largest seed 2 (1.6e-6, 8e-8; aggregate 0.008 * 1e-6 * 200), so
     * 100 (1 - 2.4/1.6) = -50 and 100 (1 - 6/8) = 25; r18 seed 2 (its
     * vgg16 row is infeasible: no aggregate). */
    reduce_request q = request(REDUCE_PICK_BEST);
    char *out = output(&q, &ninf, &bad);
    snprintf(want, sizeof want, "%s"
             "largest,vgg16,2.4e-06,1.6e-06,-50,1,1\n"
             "largest,resnet18,6e-08,8e-08,25,1,1\n"
             "largest,aggregate,2.4e-06,1.6e-06,-50,1,1\n"
             "r18,vgg16,2.4e-06,,,1,0\n"
             "r18,resnet18,6e-08,4e-08,-50,1,1\n"
             "r18,aggregate,2.4e-06,,,1,0\n", header);
    is_string(want, out ? out : "(refused)", "best runs");
    is_int(1, (long)ninf, "one baseline without an aggregate");
    is_int(0, bad, "the joint design is feasible");
    free(out);

    /* Median: largest's aggregates 2e-6 (seed 1), 1.6e-6 (seed 2): the
     * lower median is seed 2; r18's only feasible aggregate is seed 1's
     * (max E 0.02 * max L 4e-6 * 50 = 4e-6): 100 (1 - 2.4/4) = 40, and on
     * resnet18 100 (1 - 6e-8/5e-8) = -20. */
    q = request(REDUCE_PICK_MEDIAN);
    out = output(&q, &ninf, &bad);
    snprintf(want, sizeof want, "%s"
             "largest,vgg16,2.4e-06,1.6e-06,-50,1,1\n"
             "largest,resnet18,6e-08,8e-08,25,1,1\n"
             "largest,aggregate,2.4e-06,1.6e-06,-50,1,1\n"
             "r18,vgg16,2.4e-06,4e-06,40,1,1\n"
             "r18,resnet18,6e-08,5e-08,-20,1,1\n"
             "r18,aggregate,2.4e-06,4e-06,40,1,1\n", header);
    is_string(want, out ? out : "(refused)", "median runs");
    is_int(0, (long)ninf, "every aggregate feasible");
    free(out);

    /* Seed 2: the joint design is infeasible, every reduction empty. */
    q = request(REDUCE_PICK_SEED);
    q.seed = 2;
    q.nbase = 1;
    out = output(&q, &ninf, &bad);
    snprintf(want, sizeof want, "%s"
             "largest,vgg16,,1.6e-06,,0,1\n"
             "largest,resnet18,,8e-08,,0,1\n"
             "largest,aggregate,,1.6e-06,,0,1\n", header);
    is_string(want, out ? out : "(refused)", "seed 2: no joint design");
    is_int(1, bad, "and said so");
    free(out);
    reduce_free(NULL);

    reduce_result *r = (reduce_result *)1;
    q = request(REDUCE_PICK_SEED);
    q.seed = 7;
    is_int(IMC_EINPUT, reduce_read(&q, &r), "an absent seed");
    snprintf(want, sizeof want, "%s: no run of seed 7", data("joint.csv"));
    is_string(want, captured, "names file and seed");
    ok(r == NULL, "nothing returned");

    q = request(REDUCE_PICK_BEST);
    char only[600];
    snprintf(only, sizeof only, "%s:workload=vgg16", data("spec-vgg16.csv"));
    q.base_spec[0] = only;
    is_int(IMC_EINPUT, reduce_read(&q, &r), "a baseline without a row");
    snprintf(want, sizeof want, "%s: seed 2 has no row for workload "
             "'resnet18' (the aggregate needs every workload)",
             data("spec-vgg16.csv"));
    is_string(want, captured, "names the workload");
    q = request(REDUCE_PICK_MEDIAN);
    q.base_spec[0] = only;
    is_int(IMC_EINPUT, reduce_read(&q, &r), "median: every run checked");

    q = request(REDUCE_PICK_BEST);
    q.base_name[1] = "largest";
    is_int(IMC_EINPUT, reduce_read(&q, &r), "a name twice");
    is_string("baseline 'largest' given twice", captured, "message");
    q.nbase = 0;
    is_int(IMC_EINPUT, reduce_read(&q, &r), "no baselines");
    return 0;
}
