/* 160-ga: the evolutionary algorithm: operators stay in bounds, the
 * tournament prefers lower violation, survival is elitist, batches carry no
 * duplicates, the same seed gives the same run, and a separable objective
 * is solved exactly. */
#include "err.h"
#include "ga.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#define NG 6
static const int target[NG] = {3, 7, 0, 9, 5, 2};

/* Separable objective: squared distance to target, plus a constraint
 * sum(x) <= 30 (the target's sum is 26, so it is feasible). */
static void
objective(const int *x, double *v, double *s)
{
    double f = 0, sum = 0;
    for (int i = 0; i < NG; i++) {
        f += (double)(x[i] - target[i]) * (x[i] - target[i]);
        sum += x[i];
    }
    *s = f + 0.125;
    *v = sum > 30 ? sum - 30 : 0;
}

typedef struct run {
    int best[NG];
    double v, s;
    uint64_t trace;         /* FNV-1a of every batch asked */
    int dup_free;           /* no batch repeats itself or the population */
    int elitist;            /* best (v, s) never got worse */
    int in_bounds;
    size_t evaluated;
} run;

static uint64_t
fnv(uint64_t h, const int *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (uint64_t)(unsigned)x[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static void
run_ga(unsigned long seed, size_t pop, size_t gens, run *r)
{
    double lo[NG], hi[NG], v[64], s[64];
    for (int i = 0; i < NG; i++) {
        lo[i] = 0;
        hi[i] = 9;
    }
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, seed);
    ga *g = ga_alloc(NG, pop);
    ga_set(g, lo, hi, rng);
    memset(r, 0, sizeof *r);
    r->trace = 1469598103934665603ULL;
    r->dup_free = r->elitist = r->in_bounds = 1;
    double bv = INFINITY, bs = INFINITY;
    while (ga_test(g, gens) == GA_CONTINUE) {
        ga_iterate(g);
        const int *genes;
        size_t n = ga_ask(g, &genes);
        for (size_t i = 0; i < n; i++) {
            const int *x = genes + i * NG;
            for (int k = 0; k < NG; k++)
                if (x[k] < 0 || x[k] > 9)
                    r->in_bounds = 0;
            for (size_t j = 0; j < i; j++)
                if (memcmp(x, genes + j * NG, sizeof(int) * NG) == 0)
                    r->dup_free = 0;
            for (size_t j = 0; ga_generation(g) > 0 &&
                               j < ga_population(g); j++) {
                const int *m;
                double mv, ms;
                ga_member(g, j, &m, &mv, &ms);
                if (memcmp(x, m, sizeof(int) * NG) == 0)
                    r->dup_free = 0;
            }
            objective(x, &v[i], &s[i]);
            r->trace = fnv(r->trace, x, NG);
        }
        r->evaluated += n;
        ga_tell(g, v, s);
        ga_best(g, r->best, &r->v, &r->s);
        if (r->v > bv || (r->v <= bv && r->v >= bv && r->s > bs))
            r->elitist = 0;
        bv = r->v;
        bs = r->s;
    }
    ga_free(g);
    gsl_rng_free(rng);
}

static void
test_operators(void)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 2385);
    double lo[4] = {0, 0, 0, 3}, hi[4] = {4, 7, 1, 3};
    int inside = 1, moved = 0;
    for (int t = 0; t < 20000; t++) {
        double p1[4], p2[4], c1[4], c2[4];
        for (int i = 0; i < 4; i++) {
            p1[i] = lo[i] + gsl_rng_uniform(rng) * (hi[i] - lo[i]);
            p2[i] = lo[i] + gsl_rng_uniform(rng) * (hi[i] - lo[i]);
        }
        ga_params par = ga_params_p1;
        par.cx_eta = (t % 2) ? 3 : 25;
        ga_sbx(&par, 4, lo, hi, p1, p2, c1, c2, rng);
        ga_pm((t % 3) ? 3 : 0.5, 0.9, 4, lo, hi, c1, rng);
        for (int i = 0; i < 4; i++) {
            if (!(c1[i] >= lo[i] && c1[i] <= hi[i] && c2[i] >= lo[i] &&
                  c2[i] <= hi[i]))
                inside = 0;
            if (fabs(c1[i] - p1[i]) > 1e-9)
                moved = 1;
        }
    }
    ok(inside, "SBX and polynomial mutation keep 20000 children in bounds");
    ok(moved, "the operators do change genes");

    ga_params none = ga_params_p1;
    none.cx_gene_prob = 0;
    double p1[3] = {0.5, 2.0, 3.25}, p2[3] = {1.5, 0.25, 3.0}, c1[3], c2[3];
    double l3[3] = {0, 0, 0}, h3[3] = {4, 4, 4};
    ga_sbx(&none, 3, l3, h3, p1, p2, c1, c2, rng);
    ok(memcmp(c1, p1, sizeof c1) == 0 && memcmp(c2, p2, sizeof c2) == 0,
       "SBX with per-gene probability 0 copies the parents");
    ga_pm(3, 0, 3, l3, h3, c1, rng);
    ok(memcmp(c1, p1, sizeof c1) == 0,
       "mutation with per-gene probability 0 changes nothing");

    /* Identical parents cannot spread: SBX needs |p1 - p2| > 1e-14. */
    ga_sbx(&ga_params_p1, 3, l3, h3, p1, p1, c1, c2, rng);
    ok(memcmp(c1, p1, sizeof c1) == 0 && memcmp(c2, p1, sizeof c2) == 0,
       "SBX of identical parents returns them");

    /* A larger eta keeps children closer to their parents (no swap: the
     * first child derives from the smaller parent). */
    double spread[2] = {0, 0};
    const double etas[2] = {3, 25};
    for (int e = 0; e < 2; e++) {
        ga_params par = ga_params_p1;
        par.cx_eta = etas[e];
        par.cx_gene_prob = 1;
        par.cx_swap_prob = 0;
        double a[1] = {1.0}, b[1] = {3.0}, l1[1] = {0}, h1[1] = {4}, x[1],
               y[1];
        for (int t = 0; t < 4000; t++) {
            ga_sbx(&par, 1, l1, h1, a, b, x, y, rng);
            spread[e] += fabs(x[0] - a[0]) + fabs(y[0] - b[0]);
        }
    }
    ok(spread[1] < spread[0], "SBX eta 25 spreads less than eta 3 "
       "(%.1f < %.1f)", spread[1], spread[0]);

    is_int(1, ga_compare(0.5, 1.0, 0.125, 100.0, rng),
           "tournament: the lower violation wins over a lower score");
    is_int(0, ga_compare(0.0, 9.5, 0.25, 1.0, rng),
           "tournament: a feasible design beats an infeasible one");
    is_int(1, ga_compare(0.0, 5.25, 0.0, 2.5, rng),
           "tournament: between feasible designs the lower score wins");
    is_int(0, ga_compare(0.0, 2.5, 0.0, NAN, rng),
           "tournament: a NaN score loses");
    int wins[2] = {0, 0};
    for (int t = 0; t < 200; t++)
        wins[ga_compare(0.25, 3.0, 0.25, 1.0, rng)]++;
    ok(wins[0] > 50 && wins[1] > 50, "tournament: equal violations of "
       "infeasible designs draw at random (%d/%d)", wins[0], wins[1]);
    gsl_rng_free(rng);
}

static void
test_search(void)
{
    run a, b, c;
    run_ga(7, 30, 40, &a);
    int hit = 1;
    for (int i = 0; i < NG; i++)
        hit &= a.best[i] == target[i];
    ok(hit, "separable objective: the optimum (3 7 0 9 5 2) is found");
    is_double(0.125, a.s, 1e-12, "best score is the optimum's");
    is_double(0, a.v, 0, "best is feasible");
    ok(a.dup_free, "no batch repeats itself or the population");
    ok(a.elitist, "the best (violation, score) never gets worse");
    ok(a.in_bounds, "every asked gene lies in its bounds");
    ok(a.evaluated <= 30 * 40 && a.evaluated > 30 * 20,
       "evaluations: %zu of at most 1200", a.evaluated);
    run_ga(7, 30, 40, &b);
    ok(a.trace == b.trace && memcmp(a.best, b.best, sizeof a.best) == 0,
       "same seed: the same designs are asked in the same order");
    run_ga(8, 30, 40, &c);
    ok(a.trace != c.trace, "another seed: another trajectory");
}

static void
test_states(void)
{
    double lo[2] = {0, 0}, hi[2] = {1, 1};
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 11);
    ok(ga_alloc(0, 10) == NULL && ga_alloc(3, 1) == NULL,
       "ga_alloc rejects 0 genes and a population of 1");
    ga *g = ga_alloc(2, 10);
    is_int(IMC_EINPUT, ga_tell(g, NULL, NULL), "ga_tell before ga_set");
    double bad_hi[2] = {1, 0.5};
    is_int(IMC_EINPUT, ga_set(g, lo, bad_hi, rng), "ga_set: fractional bound");
    ga_params p = ga_params_p1;
    p.cx_prob = 1.5;
    is_int(IMC_EINPUT, ga_set_params(g, &p), "ga_set_params: probability 1.5");
    is_int(IMC_OK, ga_set_params(g, &ga_params_p2[3]), "ga_set_params: P2 "
           "phase 4");
    is_int(IMC_OK, ga_set(g, lo, hi, rng), "ga_set");
    const int *genes;
    is_int(4, (long)ga_ask(g, &genes), "a space of 4 designs gives an "
           "initial batch of 4 distinct designs, not 10");
    is_int(0, (long)ga_generation(g), "generation 0 before the first tell");
    double v[4] = {0, 0, 1, 0}, s[4] = {4.5, 2.5, 0.5, 3.5};
    is_int(IMC_OK, ga_tell(g, v, s), "ga_tell of the initial batch");
    is_int(1, (long)ga_generation(g), "the initial population is generation 1");
    int best[2];
    double bv, bs;
    ga_best(g, best, &bv, &bs);
    is_double(2.5, bs, 0, "best is the feasible design of lowest score");
    is_int(IMC_EINPUT, ga_tell(g, v, s), "ga_tell twice");
    ga_iterate(g);
    is_int(0, (long)ga_ask(g, &genes), "no new design exists: empty batch");
    is_int(IMC_OK, ga_tell(g, v, s), "an empty batch can be told");
    is_int(2, (long)ga_generation(g), "and still counts as a generation");
    is_int(0, ga_test(g, 2), "ga_test stops at the generation limit");
    is_int(GA_CONTINUE, ga_test(g, 3), "ga_test continues below it");
    ga_free(g);

    /* ga_set_initial and ga_restart: the best pop of a larger batch. */
    g = ga_alloc(2, 2);
    double l9[2] = {0, 0}, h9[2] = {9, 9};
    ga_set(g, l9, h9, rng);
    int init[5 * 2] = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    is_int(IMC_OK, ga_set_initial(g, init, 5), "ga_set_initial with 5 > pop");
    is_int(5, (long)ga_ask(g, &genes), "all 5 are asked");
    double v5[5] = {0, 0.5, 0, 0, 0}, s5[5] = {9, 1, 7, 8, 7};
    ga_tell(g, v5, s5);
    is_int(2, (long)ga_population(g), "survival keeps pop = 2");
    ga_best(g, best, &bv, &bs);
    ok(best[0] == 3 && fabs(bs - 7) < 1e-12, "best is (3 3): first of the tied scores");
    double vr[3] = {0, 0, 0}, sr[3] = {3, 1, 2};
    int rg[3 * 2] = {7, 7, 8, 8, 9, 9};
    is_int(IMC_OK, ga_restart(g, rg, vr, sr, 3), "ga_restart");
    ga_best(g, best, &bv, &bs);
    ok(best[0] == 8 && ga_population(g) == 2 && ga_generation(g) == 1,
       "restart keeps the best 2, generation unchanged");
    is_int(IMC_EINPUT, ga_set_initial(g, init, 5),
           "ga_set_initial after the first tell");
    ga_free(g);
    ga_free(NULL);
    gsl_rng_free(rng);
}

static void
test_thin(void)
{
    const int v[4 * 3] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0};
    size_t out[3];
    is_int(IMC_OK, ga_thin_hamming(v, 4, 3, 3, out), "ga_thin_hamming");
    ok(out[0] == 0 && out[1] == 2 && out[2] == 1,
       "thinning picks 000, then 111 (distance 3), then 001 (tie, lowest "
       "index): got %zu %zu %zu", out[0], out[1], out[2]);
    is_int(IMC_EINPUT, ga_thin_hamming(v, 4, 3, 5, out), "keep > n");
}

int
main(void)
{
    plan(47);
    test_operators();
    test_search();
    test_states();
    test_thin();
    return 0;
}
