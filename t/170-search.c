/* 170-search: the search objective: the four aggregations and the
 * violation on hand values, then search_eval through the real cost model
 * (experiments/constants/rram.csv) against direct cost_eval_net calls, the
 * cache and its counters, and the ranking of search_best. */
#include "cost.h"
#include "err.h"
#include "search.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *RRAM = "experiments/constants/rram.csv";

static void
quiet(const char *msg)
{
    (void)msg;
}

static void
test_aggregate(void)
{
    const double E[3] = {2.5e-3, 5.0e-3, 1.25e-3};
    const double L[3] = {4.0e-6, 1.5e-6, 3.0e-6};
    const double A = 150.5;
    is_rel(2.5e-3 * 4.0e-6 * 150.5, search_aggregate(SEARCH_SINGLE, 1, E, L,
           A), 1e-12, "single: E*L*A");
    is_rel(5.0e-3 * 4.0e-6 * 150.5, search_aggregate(SEARCH_JOINT, 3, E, L,
           A), 1e-12, "joint: max E (workload 2) * max L (workload 1) * A");
    is_rel((8.75e-3 / 3) * (8.5e-6 / 3) * 150.5,
           search_aggregate(SEARCH_MEAN, 3, E, L, A), 1e-12,
           "mean: mean E * mean L * A");
    is_rel(150.5 * (2.5e-3 * 5.0e-3 * 1.25e-3) * (4.0e-6 * 1.5e-6 * 3.0e-6),
           search_aggregate(SEARCH_ALL, 3, E, L, A), 1e-12,
           "all: A * prod E * prod L");
    is_rel(2.5e-3 * 4.0e-6 * 150.5, search_aggregate(SEARCH_JOINT, 1, E, L,
           A), 1e-12, "joint of one workload is single");

    const int fit[3] = {1, 1, 1}, unfit[3] = {1, 0, 0};
    const double need[3] = {100, 4000, 500};
    is_double(0, search_violation(799.5, 800, 3, fit, need, 1000), 0,
              "feasible: violation 0");
    is_double(0.25, search_violation(1000, 800, 3, fit, need, 1000), 1e-12,
              "area 1000 over 800: violation 0.25");
    /* workload 1 misses 3000 of 4000 crossbars: 1 + 0.75; workload 2 fits
     * by count but not by mapping: 1 */
    is_double(0.25 + 1.75 + 1, search_violation(1000, 800, 3, unfit, need,
              1000), 1e-12, "two workloads that do not fit add 1.75 and 1");

    search_objective o;
    ok(search_objective_from_name("mean", &o) == IMC_OK && o == SEARCH_MEAN,
       "parse 'mean'");
    ok(search_objective_from_name("max", &o) == IMC_EINPUT, "reject 'max'");
    is_string("all", search_objective_name(SEARCH_ALL), "name of all");
}

/* Bitwise equality of two doubles (a cache hit must return the very
 * values stored). */
static int
same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
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
test_eval(void)
{
    if (access(RRAM, R_OK) != 0) {
        for (int i = 0; i < 27; i++)
            ok(1, "# SKIP %s is absent", RRAM);
        return;
    }
    cost_model *m = cost_model_load(RRAM, NULL);
    space s;
    if (!m || space_read("experiments/space-rram-p2.csv", &s) != IMC_OK)
        bail("cannot load the cost model or the space");
    net *a = net_alloc("small"), *b = net_alloc("wide");
    add(a, "c1", NET_OP_CONV, 3, 16, 3, 14, 1);
    add(a, "fc", NET_OP_LINEAR, 512, 10, 1, 1, 1);
    add(b, "c1", NET_OP_CONV, 64, 96, 3, 7, 1);
    add(b, "dw", NET_OP_DWCONV, 1, 1, 3, 7, 96);
    const net *nets[2] = {a, b};

    ok(!search_problem_alloc(&s, m, nets, 0, SEARCH_JOINT, 800,
                             COST_LATENCY_REFERENCE, 8), "no workloads");
    ok(!search_problem_alloc(&s, m, nets, 2, SEARCH_SINGLE, 800,
                             COST_LATENCY_REFERENCE, 8),
       "single with two workloads");
    ok(!search_problem_alloc(&s, m, nets, 2, SEARCH_JOINT, 0,
                             COST_LATENCY_REFERENCE, 8), "area limit 0");
    space sram = s;
    sram.memory = DESIGN_SRAM;
    ok(!search_problem_alloc(&sram, m, nets, 2, SEARCH_JOINT, 800,
                             COST_LATENCY_REFERENCE, 8),
       "no SRAM constants loaded");
    is_string("no cost-model constants loaded for SRAM", imc_err_last(),
              "... says so");

    search_problem *p = search_problem_alloc(&s, m, nets, 2, SEARCH_JOINT,
                                             800, COST_LATENCY_PHYSICAL, 3);
    ok(p != NULL, "problem: 2 workloads, joint, 800 mm2, cache of 3");
    /* genes: voltage bpc cycle rows cols groups tiles macros glb */
    const int g1[9] = {2, 1, 3, 2, 2, 1, 1, 2, 1};
    design d;
    space_decode(&s, g1, &d);
    cost_result ca, cb;
    cost_eval_net(m, &d, a, COST_LATENCY_PHYSICAL, &ca);
    cost_eval_net(m, &d, b, COST_LATENCY_PHYSICAL, &cb);
    search_result r;
    search_set_generation(p, 4);
    is_int(IMC_OK, search_eval(p, g1, &r), "search_eval");
    is_int(2, (long)r.nwork, "two workloads");
    is_rel(ca.energy_j, r.energy_j[0], 1e-15, "E of workload 0 is "
           "cost_eval_net's");
    is_rel(cb.latency_s, r.latency_s[1], 1e-15, "L of workload 1 is "
           "cost_eval_net's");
    is_rel(ca.area_mm2, r.area_mm2, 1e-15, "A is the chip's");
    double e = fmax(ca.energy_j, cb.energy_j);
    double l = fmax(ca.latency_s, cb.latency_s);
    is_rel(e * l * ca.area_mm2, r.score, 1e-12, "score is max E * max L * A");
    double want_v = search_violation(ca.area_mm2, 800, 2,
                                     (int[]){ca.fits, cb.fits},
                                     (double[]){ca.xbars_needed,
                                                cb.xbars_needed},
                                     design_macros(&d));
    is_double(want_v, r.violation, 1e-12, "violation %g as defined", want_v);
    ok(ca.fits && cb.fits && ca.area_mm2 < 800 && r.violation <= 0,
       "this 2 x 4 x 16 chip of 128 x 128 crossbars holds both (%.1f mm2)",
       ca.area_mm2);

    search_result again;
    search_eval(p, g1, &again);
    ok(same(again.score, r.score) && same(again.violation, r.violation) &&
       same(again.area_mm2, r.area_mm2) &&
       same(again.energy_j[1], r.energy_j[1]) &&
       same(again.latency_s[0], r.latency_s[0]),
       "a repeat is answered identically");
    is_int(1, (long)search_evaluations(p), "... without a new evaluation");
    is_int(1, (long)search_cache_hits(p), "... as a cache hit");
    const search_record *rec = search_record_at(p, 0);
    ok(search_nrecords(p) == 1 && memcmp(rec->genes, g1, sizeof g1) == 0 &&
       rec->generation == 4, "the record holds the genes and generation 4");

    /* The smallest chip cannot hold the wide net. */
    const int g0[9] = {0, 0, 0, 0, 0, 0, 0, 0, 0};
    search_result r0;
    search_peek(p, g0, &r0);
    is_int(1, (long)search_evaluations(p), "search_peek is not counted");
    space_decode(&s, g0, &d);
    cost_eval_net(m, &d, b, COST_LATENCY_PHYSICAL, &cb);
    ok(!r0.fits[1] && r0.violation >= 1 + (1 - 16 / cb.xbars_needed) - 1e-12,
       "1 x 4 x 4 crossbars of 32 x 32: the wide net misses, violation "
       "%g", r0.violation);
    int outside[9] = {0, 0, 0, 0, 0, 0, 0, 0, 7};
    is_int(IMC_EINPUT, search_eval(p, outside, &r0), "gene out of bounds");

    /* Ranking: feasible first, then score; capacity 3 caps the records. */
    const int g2[9] = {7, 7, 0, 4, 4, 5, 4, 5, 6}; /* huge: area violation */
    const int g3[9] = {0, 1, 0, 2, 2, 1, 1, 2, 1};
    search_result r2, r3;
    search_eval(p, g0, &r0);
    search_eval(p, g2, &r2);
    search_eval(p, g3, &r3);
    ok(r2.violation > 0, "the largest chip breaks the area limit (%.0f mm2)",
       r2.area_mm2);
    is_int(4, (long)search_evaluations(p), "4 distinct evaluations");
    is_int(3, (long)search_nrecords(p), "3 stored (the capacity)");
    is_int(1, (long)search_uncached(p), "1 evaluated but not stored");
    size_t idx[3];
    is_int(3, (long)search_best(p, 3, idx), "search_best of 3");
    const search_record *b0 = search_record_at(p, idx[0]);
    const search_record *b2 = search_record_at(p, idx[2]);
    ok(b0->result.violation <= 0 && idx[0] == 0 &&
       b2->result.violation >= search_record_at(p, idx[1])->result.violation,
       "ranked: the feasible design first, violations rising (%zu %zu %zu)",
       idx[0], idx[1], idx[2]);

    search_problem_free(p);
    search_problem_free(NULL);
    net_free(a);
    net_free(b);
    cost_model_free(m);
}

int
main(void)
{
    plan(38);
    imc_err_set_handler(quiet);
    test_aggregate();
    test_eval();
    return 0;
}
