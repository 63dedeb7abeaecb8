/* 165-schedule: the GA run modules: schedule.h (P1's single run and P2's
 * four phases: operators, phase ends, cache and batch sizes, budgets, the
 * Hamming-thinned random feasible start and the restarts), garun.h (one
 * run: history rows, best design, reruns, budgets, reset between seeds)
 * and gabatch.h (seeds on threads, output in seed order, identical for any
 * thread count), on a small RRAM space and two tiny nets through the real
 * cost model (experiments/constants/rram.csv). */
#include "err.h"
#include "gabatch.h"
#include "garun.h"
#include "schedule.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *RRAM = "experiments/constants/rram.csv";
static const char *SPACE = "t/data/ga-search/space.csv";

static void
quiet(const char *msg)
{
    (void)msg;
}

/* A layer with default statistics. */
static void
add(net *n, const char *name, net_op op, long C, long M, long R, long P,
    long G)
{
    net_layer l;
    net_layer_init(&l, name, op, C, M, R, R, P, P, 1, G);
    net_push(n, &l);
}

static void
test_schedule_arithmetic(void)
{
    schedule_opts p1, p2;
    schedule_defaults(&p1, SCHEDULE_P1);
    schedule_defaults(&p2, SCHEDULE_P2_PHASES);
    is_int(70, (long)p1.pop, "P1 default population 70");
    is_int(20, (long)p1.generations, "P1 default 20 generations");
    is_int(10, (long)p2.generations, "P2 default 10 generations per phase");
    is_int(1000, (long)p2.init_candidates, "P2 draws 1000 designs");
    is_int(500, (long)p2.init_keep, "P2 keeps 500");
    is_int(1, (long)schedule_nphases(&p1), "P1: one phase");
    is_int(4, (long)schedule_nphases(&p2), "P2: four phases");
    is_int(20, (long)schedule_phase_end(&p1, 0), "P1 ends at generation 20");
    is_int(11, (long)schedule_phase_end(&p2, 0),
           "P2 phase 1 ends at 1 + 10 (the initial population is 1)");
    is_int(41, (long)schedule_total_generations(&p2), "P2: 1 + 4 x 10");
    is_int(1400, (long)schedule_max_requests(&p1), "P1 asks 70 x 20");
    is_int(500 + 4 * 10 * 70, (long)schedule_max_requests(&p2),
           "P2 asks 500 + 4 x 10 x 70 = 3300");
    is_int(500, (long)schedule_max_batch(&p2), "P2's first batch is 500");
    is_int(70, (long)schedule_max_batch(&p1), "P1's batches are 70");
    ok(schedule_params(&p2, 3) == &ga_params_p2[3] &&
       schedule_params(&p1, 0) == &ga_params_p1, "operators per phase");

    schedule_kind k;
    ok(schedule_kind_from_name("p2-phases", &k) == IMC_OK &&
       k == SCHEDULE_P2_PHASES, "look up p2-phases");
    is_int(IMC_EINPUT, schedule_kind_from_name("p3", &k), "reject p3");
    is_string("p1", schedule_kind_name(SCHEDULE_P1), "name of p1");

    schedule_opts b = p1;
    b.max_evaluations = 200;
    ok(!schedule_budget_spent_p(&b, 130, 999), "130 + 70 <= 200: go on");
    ok(schedule_budget_spent_p(&b, 131, 0), "131 + 70 > 200: stop");
    b.max_evaluations = 0;
    b.max_requests = 100;
    ok(schedule_budget_spent_p(&b, 0, 31) && !schedule_budget_spent_p(&b, 0,
       30), "requests budget 100 with batches of 70");

    schedule_opts bad = p1;
    bad.pop = 1;
    is_int(IMC_EINPUT, schedule_check(&bad), "population 1 refused");
    is_string("population: got 1, expected 2 to 100000", imc_err_last(),
              "... says so");
    bad = p1;
    bad.generations = SCHEDULE_MAX_GENERATIONS + 1;
    is_int(IMC_EINPUT, schedule_check(&bad), "too many generations refused");
    bad = p2;
    bad.init_keep = 1001;
    is_int(IMC_EINPUT, schedule_check(&bad), "keep more than drawn refused");
    is_string("initial designs kept (1001) exceed the candidates drawn "
              "(1000)", imc_err_last(), "... says so");
}

/* Smallest Hamming distance among n vectors of ng genes. */
static int
min_hamming(const int *g, size_t n, size_t ng)
{
    int best = 1 << 30;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            int d = 0;
            for (size_t k = 0; k < ng; k++)
                d += g[i * ng + k] != g[j * ng + k];
            if (d < best)
                best = d;
        }
    return best;
}

static void
test_p2_start(const space *s, const cost_model *m, const net *const *nets)
{
    schedule_opts o;
    schedule_defaults(&o, SCHEDULE_P2_PHASES);
    o.pop = 8;
    o.init_candidates = 60;
    o.init_keep = 12;
    search_problem *p = search_problem_alloc(s, m, nets, 2, SEARCH_JOINT,
                                             800, COST_LATENCY_REFERENCE,
                                             64);
    double lo[DESIGN_NPARAM], hi[DESIGN_NPARAM];
    space_bounds(s, lo, hi);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 7);
    size_t ng = (size_t)space_ngenes(s), n = 0;
    int *g = malloc(o.init_keep * ng * sizeof *g);
    is_int(IMC_OK, schedule_initial_p2(&o, p, hi, rng, g, &n),
           "P2 start: 60 drawn, 12 kept");
    is_int(12, (long)n, "12 designs");
    int all_fit = 1, distinct = 1;
    for (size_t i = 0; i < n; i++) {
        search_result r;
        search_peek(p, g + i * ng, &r);
        all_fit &= r.fits[0] && r.fits[1];
    }
    distinct = min_hamming(g, n, ng) >= 1;
    ok(all_fit, "every kept design holds both nets");
    ok(distinct, "the kept designs are distinct");
    is_int(0, (long)search_evaluations(p),
           "screening is not counted as evaluation");

    /* Thinning keeps the designs far apart: a random pick of 12 of the same
     * 60 is (almost surely) no more spread out. */
    int *cand = malloc(60 * ng * sizeof *cand);
    gsl_rng_set(rng, 7);
    schedule_opts all = o;
    all.init_keep = 60;
    size_t nall = 0;
    schedule_initial_p2(&all, p, hi, rng, cand, &nall);
    ok(min_hamming(g, n, ng) >= min_hamming(cand, 12, ng),
       "max-min Hamming thinning: min distance %d >= %d of the first 12",
       min_hamming(g, n, ng), min_hamming(cand, 12, ng));

    /* Restart: the best evaluated so far, feasible first. */
    for (size_t i = 0; i < n; i++) {
        search_result r;
        search_eval(p, g + i * ng, &r);
    }
    size_t idx[8];
    int rg[8 * DESIGN_NPARAM];
    double rv[8], rs[8];
    size_t k = schedule_restart(&o, p, idx, rg, rv, rs);
    is_int(8, (long)k, "restart takes the population's size");
    int sorted = 1;
    for (size_t i = 1; i < k; i++)
        sorted &= rv[i - 1] < rv[i] || (!(rv[i - 1] > rv[i]) &&
                                        !(rs[i - 1] > rs[i]));
    ok(sorted, "restart designs ranked by violation, then score");
    free(g);
    free(cand);
    gsl_rng_free(rng);
    search_problem_free(p);
}

static void
test_garun(const space *s, const cost_model *m, const net *const *nets)
{
    schedule_opts o;
    schedule_defaults(&o, SCHEDULE_P1);
    o.pop = 10;
    o.generations = 6;
    garun *r = garun_alloc(s, m, nets, 2, SEARCH_JOINT, 800,
                           COST_LATENCY_REFERENCE, &o);
    ok(r != NULL, "garun_alloc");
    is_int(IMC_OK, garun_run(r, 5), "run seed 5");
    size_t nh;
    const garun_row *h = garun_history(r, &nh);
    is_int(6, (long)nh, "one history row per generation");
    int monotone = 1, counts = 1;
    for (size_t i = 1; i < nh; i++) {
        monotone &= !(h[i].best_violation > h[i - 1].best_violation) &&
                    (h[i].best_violation < h[i - 1].best_violation ||
                     !(h[i].best_score > h[i - 1].best_score));
        counts &= h[i].requests == h[i].evaluations + h[i].cache_hits &&
                  h[i].evaluations >= h[i - 1].evaluations;
    }
    ok(monotone, "elitist: the best never gets worse");
    ok(counts, "requests = evaluations + cache hits, evaluations grow");
    is_int(1, (long)h[0].generation, "the first row is generation 1");
    const search_record *b = garun_best(r);
    ok(b && !(b->result.score < h[nh - 1].best_score) &&
       !(b->result.score > h[nh - 1].best_score),
       "the best record is the last row's best");
    ok(garun_feasible_p(r), "a feasible design was found");

    /* A rerun of the same seed is identical; another seed differs, and the
     * cache was reset in between (same number of evaluations again). */
    unsigned long ev5 = h[nh - 1].evaluations;
    double best5 = h[nh - 1].best_score;
    garun_run(r, 6);
    garun_run(r, 5);
    h = garun_history(r, &nh);
    ok(h[nh - 1].evaluations == ev5 && !(h[nh - 1].best_score < best5) &&
       !(h[nh - 1].best_score > best5),
       "rerun of seed 5 after seed 6: identical (%lu evaluations)", ev5);
    is_int((long)ev5, (long)search_evaluations(garun_problem(r)),
           "the problem was reset between runs");

    /* A budget of 25 distinct evaluations stops within it. */
    garun_free(r);
    o.max_evaluations = 25;
    r = garun_alloc(s, m, nets, 2, SEARCH_JOINT, 800,
                    COST_LATENCY_REFERENCE, &o);
    garun_run(r, 5);
    h = garun_history(r, &nh);
    ok(h[nh - 1].evaluations <= 25 && h[nh - 1].evaluations + 10 > 25,
       "budget 25: stopped at %lu evaluations", h[nh - 1].evaluations);

    /* The writers: history and best rows carry the seed. */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    garun_write_best(mem, r, NULL, 0);
    fclose(mem);
    ok(strncmp(buf, "5,RRAM,", 7) == 0, "best rows start with seed 5");
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    is_int(2, lines, "one best row per workload");
    free(buf);
    garun_free(r);
    garun_free(NULL);

    /* An impossible area limit: an answer, not a failure. */
    o.max_evaluations = 0;
    r = garun_alloc(s, m, nets, 2, SEARCH_JOINT, 0.01,
                    COST_LATENCY_REFERENCE, &o);
    is_int(IMC_OK, garun_run(r, 1), "area limit 0.01 mm2 runs");
    ok(!garun_feasible_p(r), "... and says no design is feasible");
    garun_free(r);

    space fixed = *s;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        fixed.nvalues[k] = 1;
    fixed.ngenes = 0;
    ok(!garun_alloc(&fixed, m, nets, 2, SEARCH_JOINT, 800,
                    COST_LATENCY_REFERENCE, &o), "no genes: refused");
}

/* Run a batch of seeds with t threads into one string. */
static char *
batch(const space *s, const cost_model *m, const net *const *nets,
      unsigned t, gabatch_summary *sum)
{
    static const unsigned long seeds[] = {9, 2, 5, 7, 1};
    gabatch_opts o;
    memset(&o, 0, sizeof o);
    o.space = s;
    o.model = m;
    o.nets = nets;
    o.nnets = 2;
    o.objective = SEARCH_JOINT;
    o.area_max_mm2 = 800;
    o.mode = COST_LATENCY_REFERENCE;
    schedule_defaults(&o.sched, SCHEDULE_P1);
    o.sched.pop = 8;
    o.sched.generations = 4;
    o.seeds = seeds;
    o.nseeds = 5;
    o.threads = t;
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    int st = gabatch_run(&o, mem, mem, NULL, NULL, sum);
    fclose(mem);
    if (st != IMC_OK) {
        free(buf);
        return NULL;
    }
    return buf;
}

static void
test_gabatch(const space *s, const cost_model *m, const net *const *nets)
{
    gabatch_summary s1, s2;
    char *one = batch(s, m, nets, 1, &s1), *two = batch(s, m, nets, 2, &s2);
    ok(one && two, "batches on 1 and 2 threads run");
    ok(one && two && strcmp(one, two) == 0,
       "byte-identical output for 1 and 2 threads");
    is_int(5, (long)s1.nseeds, "5 seeds done");
    ok(one && strncmp(one, "9,", 2) == 0, "output starts with the first seed "
       "of the list (9)");
    free(one);
    free(two);
    gabatch_opts o;
    memset(&o, 0, sizeof o);
    o.threads = 1;
    is_int(IMC_EINPUT, gabatch_run(&o, NULL, NULL, NULL, NULL, &s1),
           "no seeds refused");
}

int
main(void)
{
    plan_lazy();
    imc_err_set_handler(quiet);
    test_schedule_arithmetic();
    if (access(RRAM, R_OK) != 0) {
        diag("%s is absent: the run tests are skipped", RRAM);
        return 0;
    }
    cost_model *m = cost_model_load(RRAM, NULL);
    space s;
    if (!m || space_read(SPACE, &s) != IMC_OK)
        bail("cannot load the cost model or %s", SPACE);
    net *a = net_alloc("small"), *b = net_alloc("wide");
    add(a, "c1", NET_OP_CONV, 3, 16, 3, 14, 1);
    add(a, "fc", NET_OP_LINEAR, 512, 10, 1, 1, 1);
    add(b, "c1", NET_OP_CONV, 64, 96, 3, 7, 1);
    add(b, "dw", NET_OP_DWCONV, 1, 1, 3, 7, 96);
    const net *nets[2] = {a, b};
    test_p2_start(&s, m, nets);
    test_garun(&s, m, nets);
    test_gabatch(&s, m, nets);
    net_free(a);
    net_free(b);
    cost_model_free(m);
    return 0;
}
