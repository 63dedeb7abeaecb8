/* 183-runs: evaluation files as runs: grouping by seed, the search's
 * verdict, the best run, aggregates, and every malformed-input message.
 * Fixtures: t/data/compare-specific/ (numbers in their comments and in
 * t/180-compare.c). */
#include "err.h"
#include "runs.h"
#include "summary.h"
#include "report-fixtures.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmp[] = "/tmp/imc-runs-XXXXXX";

/* t/data/compare-specific/<name> */
static const char *
data(const char *name)
{
    return fixture("compare-specific", name);
}

static const char head[] =
    "seed,workload,energy_j,latency_s,area_mm2,score,violation,feasible,"
    "in_objective\n";

/* Expect the file head + rows to be refused with "<tmp><tail>". */
static void
expect_error(const char *rows, const char *tail, const char *what)
{
    FILE *fp = fopen(tmp, "w");
    fprintf(fp, "%s%s", strncmp(rows, "seed", 4) == 0 ? "" : head, rows);
    fclose(fp);
    runs_file *f = (runs_file *)1;
    captured[0] = '\0';
    is_int(IMC_EINPUT, runs_read(tmp, &f), "%s: refused", what);
    char want[1024];
    snprintf(want, sizeof want, "%s%s", tmp, tail);
    is_string(want, captured, "%s: message", what);
    ok(f == NULL, "%s: no file returned", what);
}

static void
test_read(void)
{
    runs_file *f;
    is_int(IMC_OK, runs_read(data("spec-vgg16.csv"), &f), "read");
    ok(f->has_seed && f->nruns == 2 && f->nrows == 4, "two seeds, 4 rows");
    is_int(2, (long)f->run[1].seed, "second run is seed 2");
    is_double(1.6e-6, f->run[1].score, 1e-18, "its score");
    ok(f->run[0].feasible && f->run[1].feasible, "both feasible");
    const runs_row *r = runs_find(f, &f->run[1], "resnet18");
    ok(r && r->line == 6 && !r->in_objective, "resnet18 row of seed 2 at "
       "line 6, not in the objective");
    is_double(8e-8, runs_row_score(r), 1e-20, "score 0.001 * 4e-7 * 200");
    ok(runs_find(f, &f->run[0], "alexnet") == NULL, "no alexnet row");
    is_int(1, (long)runs_best(f), "best: the lower score, seed 2");
    size_t idx;
    is_int(IMC_OK, runs_find_seed(f, 1, &idx), "seed 1 found");
    is_int(0, (long)idx, "as the first run");
    is_int(IMC_EINPUT, runs_find_seed(f, 3, &idx), "seed 3 absent");
    is_int(IMC_EINPUT, runs_pick_run(f, RUNS_PICK_SEED, 9, &idx),
           "pick seed 9");
    char want[1024];
    snprintf(want, sizeof want, "%s: no run of seed 9",
             data("spec-vgg16.csv"));
    is_string(want, captured, "names the seed");
    is_int(IMC_EINPUT, runs_pick_run(f, RUNS_PICK_ONLY, 0, &idx),
           "two runs where one is expected");
    snprintf(want, sizeof want, "%s: 2 runs (seeds 1 to 2) in one file: "
             "choose one by seed or the best", data("spec-vgg16.csv"));
    is_string(want, captured, "says how to choose");
    runs_free(f);
    runs_free(NULL);

    /* The joint file: seed 2 is infeasible, so seed 1 is best despite its
     * lower score. */
    runs_read(data("joint.csv"), &f);
    ok(f->run[0].feasible && !f->run[1].feasible, "verdicts");
    is_int(0, (long)runs_best(f), "feasible before a lower score");
    const char *w[] = {"vgg16", "resnet18"};
    double v;
    int ok_;
    /* joint: max E 0.01 * max L 2e-6 * 120; mean: 0.0055 * 1.25e-6 * 120;
     * all: 120 * (0.01 * 0.001) * (2e-6 * 5e-7) */
    runs_aggregate(f, &f->run[0], SEARCH_JOINT, w, 2, &v, &ok_);
    is_rel(2.4e-6, v, 1e-12, "joint aggregate");
    runs_aggregate(f, &f->run[0], SEARCH_MEAN, w, 2, &v, &ok_);
    is_rel(8.25e-7, v, 1e-12, "mean aggregate");
    runs_aggregate(f, &f->run[0], SEARCH_ALL, w, 2, &v, &ok_);
    is_rel(1.2e-15, v, 1e-12, "all aggregate");
    ok(ok_, "feasible");
    runs_aggregate(f, &f->run[1], SEARCH_JOINT, w, 2, &v, &ok_);
    ok(!ok_ && summary_missing_p(v), "infeasible rows: no aggregate");
    const char *w3[] = {"vgg16", "alexnet"};
    is_int(IMC_EINPUT, runs_aggregate(f, &f->run[0], SEARCH_JOINT, w3, 2, &v,
                                      &ok_), "a workload without a row");
    snprintf(want, sizeof want, "%s: seed 1 has no row for workload "
             "'alexnet' (the aggregate needs every workload)",
             data("joint.csv"));
    is_string(want, captured, "message");
    runs_free(f);

    /* A sweep file: no seed column; rows selected to one run. */
    char spec[600];
    snprintf(spec, sizeof spec, "%s:target=vgg16:area_max_mm2=10",
             data("sweep.csv"));
    is_int(IMC_OK, runs_read(spec, &f), "infeasible sweep rows read");
    ok(!f->has_seed && f->nruns == 1 && !f->run[0].feasible,
       "one run, infeasible");
    ok(summary_missing_p(f->row[0].energy_j) && !runs_row_usable_p(&f->row[0])
       && summary_missing_p(runs_row_score(&f->row[0])),
       "empty numbers are missing, the row unusable");
    is_int(IMC_OK, runs_pick_run(f, RUNS_PICK_ONLY, 0, &idx), "the one run");
    idx = 7;
    is_int(IMC_OK, runs_pick_run(f, RUNS_PICK_SEED, 1, &idx),
           "a seedless file of one run serves any seed");
    is_int(0, (long)idx, "... its one run");
    runs_free(f);
    is_int(IMC_EINPUT, runs_read(data("sweep.csv"), &f),
           "unselected sweep: one run with repeats");
    snprintf(want, sizeof want, "%s:5: workload 'resnet18' appears twice in "
             "one run (first at line 4); select one run with FILE:COL=VALUE",
             data("sweep.csv"));
    is_string(want, captured, "says to select");
}

static void
test_errors(void)
{
    expect_error("1,a,1,1,1,1,0,1,1\n2,a,1,1,1,1,0,1,1\n1,a,1,1,1,1,0,1,1\n",
                 ":4: seed 1 appears again (its run began at line 2)",
                 "seed repeat");
    expect_error("1,a,1,1,1,1,0,1,1\n1,a,2,1,1,1,0,1,1\n",
                 ":3: workload 'a' appears twice in one run (first at line "
                 "2)", "workload twice in a seed");
    expect_error("1,a,1,1,1,1,0,1,1\n1,b,1,1,1,2,0,1,1\n",
                 ":3: score and violation differ from line 2: the rows of "
                 "one run share the search's values", "score differs");
    expect_error("1,a,1,1,1,1,0,1,1\n1,b,1,1,1.5,1,0,1,1\n",
                 ":3: column 'area_mm2' differs from line 2: the rows of one "
                 "run describe one design", "area differs");
    expect_error("1,a,1,,1,1,0,0,1\n",
                 ":2: columns energy_j, latency_s and area_mm2 must be all "
                 "given or all empty", "some numbers only");
    expect_error("1,a,,,,,,1,1\n",
                 ":2: column 'energy_j' is empty on a feasible row",
                 "feasible without numbers");
    expect_error("1,a,0,1,1,1,0,1,1\n",
                 ":2: column 'energy_j': got '0', expected a number > 0",
                 "zero energy");
    expect_error("1,a,1,-1,1,1,0,1,1\n",
                 ":2: column 'latency_s': got '-1', expected a number > 0",
                 "negative latency");
    expect_error("1,a,1e-200,1e-200,1,1,0,1,1\n",
                 ":2: score E*L*A = 0 is not a positive finite number",
                 "score underflows");
    expect_error("1,a,1,1,1,0,0,1,1\n",
                 ":2: column 'score': got '0', expected a number > 0",
                 "zero score");
    expect_error("1,a,1,1,1,1,-1,1,1\n",
                 ":2: column 'violation': got '-1', expected a number >= 0",
                 "negative violation");
    expect_error("1,a,1,1,1,1,0,2,1\n",
                 ":2: column 'feasible': got '2', expected an integer in [0, "
                 "1]", "feasible flag 2");
    expect_error("0,a,1,1,1,1,0,1,1\n",
                 ":2: column 'seed': got '0', expected an integer in [1, "
                 "4294967295]", "seed 0");
    expect_error("1,,1,1,1,1,0,1,1\n",
                 ":2: column 'workload': got '', expected a name of 1 to 63 "
                 "characters", "empty workload");
    expect_error("seed,workload,energy_j,latency_s,area_mm2,score,violation,"
                 "feasible\n1,a,1,1,1,1,0,1\n",
                 ":1: missing column 'in_objective'", "missing column");
    expect_error("", ": no rows after the header", "no rows");
}

int
main(void)
{
    plan(81);
    imc_err_set_handler(capture);
    close(mkstemp(tmp));
    test_read();
    test_errors();
    unlink(tmp);
    return 0;
}
