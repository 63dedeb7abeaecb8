/* t/196-pareto.c: the streamed Pareto front against the definition
 * (brute force over all points) on random points with many ties and
 * duplicates, in 1 to 4 objectives; the same front whatever the order of
 * the offers and however the stream is split and merged; sorting; the
 * capacity bound; allocation errors. */
#include "err.h"
#include "pareto.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <stdlib.h>
#include <string.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

#define N 3000

typedef struct point {
    double obj[PARETO_MAX_OBJ];
    uint64_t idx;
} point;

/* Points drawn from rng near a falling plane (the last objective trades
 * against the others, so fronts are large) on a coarse grid (ties and
 * exact duplicates are common); index i. */
static void
draw(gsl_rng *rng, point *p, size_t n, size_t nobj)
{
    for (size_t i = 0; i < n; i++) {
        memset(p[i].obj, 0, sizeof p[i].obj);
        double sum = 0;
        for (size_t k = 0; k + 1 < nobj; k++)
            sum += p[i].obj[k] = (double)gsl_rng_uniform_int(rng, 16) * 0.5;
        p[i].obj[nobj - 1] = 7.5 * (double)(nobj - 1) - sum +
                             (double)gsl_rng_uniform_int(rng, 3) * 0.5;
        p[i].idx = i;
    }
}

/* Whether point i is on the front of p[0..n-1]: no other point weakly
 * dominates it, except an equal one with a higher index. */
static int
on_front(const point *p, size_t n, size_t nobj, size_t i)
{
    for (size_t j = 0; j < n; j++) {
        if (j == i)
            continue;
        int le = 1, eq = 1;
        for (size_t k = 0; k < nobj; k++) {
            le &= p[j].obj[k] <= p[i].obj[k];
            eq &= !(p[j].obj[k] < p[i].obj[k] || p[j].obj[k] > p[i].obj[k]);
        }
        if (le && !(eq && p[j].idx > p[i].idx))
            return 0;
    }
    return 1;
}

/* The members' indices, sorted, into out[]; returns how many. */
static size_t
indices(const pareto_front *f, uint64_t *out)
{
    size_t n = pareto_size(f);
    for (size_t i = 0; i < n; i++) {
        uint64_t x = pareto_at(f, i)->index;
        size_t j = i;
        while (j > 0 && out[j - 1] > x) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = x;
    }
    return n;
}

static void
offer_all(pareto_front *f, const point *p, const size_t *order, size_t lo,
          size_t hi)
{
    design d;
    memset(&d, 0, sizeof d);
    for (size_t i = lo; i < hi; i++) {
        const point *q = &p[order ? order[i] : i];
        d.rows = (long)q->idx + 1;
        pareto_offer(f, q->obj, q->idx, &d);
    }
}

static void
check(gsl_rng *rng, size_t nobj)
{
    static point p[N];
    static size_t order[N];
    static uint64_t want[N], got[N];
    draw(rng, p, N, nobj);
    size_t nw = 0;
    for (size_t i = 0; i < N; i++)
        if (on_front(p, N, nobj, i))
            want[nw++] = p[i].idx;
    pareto_front *f = pareto_alloc(nobj, N), *g = pareto_alloc(nobj, N),
                 *h = pareto_alloc(nobj, N);
    offer_all(f, p, NULL, 0, N);
    size_t ng = indices(f, got);
    ok(ng == nw && memcmp(want, got, nw * sizeof *want) == 0,
       "%zu objectives: the front of %d points is the definition's (%zu "
       "members)", nobj, N, nw);
    int designs = 1;
    for (size_t i = 0; i < ng; i++)
        designs &= pareto_at(f, i)->d.rows == (long)pareto_at(f, i)->index + 1;
    ok(designs, "%zu objectives: each member keeps its own design", nobj);
    /* a shuffled stream, split in three, merged */
    for (size_t i = 0; i < N; i++)
        order[i] = i;
    for (size_t i = N - 1; i > 0; i--) {
        size_t j = gsl_rng_uniform_int(rng, i + 1), t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    offer_all(g, p, order, 0, N / 3);
    offer_all(h, p, order, N / 3, N);
    pareto_merge(g, h);
    ng = indices(g, got);
    ok(ng == nw && memcmp(want, got, nw * sizeof *want) == 0,
       "%zu objectives: shuffled, split and merged: the same front", nobj);
    pareto_sort(g);
    int sorted = 1;
    for (size_t i = 1; i < pareto_size(g); i++) {
        const pareto_member *a = pareto_at(g, i - 1), *b = pareto_at(g, i);
        size_t k = 0;
        while (k < nobj && !(a->obj[k] < b->obj[k] || a->obj[k] > b->obj[k]))
            k++;
        sorted &= k < nobj ? a->obj[k] < b->obj[k] : a->index < b->index;
    }
    ok(sorted, "%zu objectives: sorted by objectives, then index", nobj);
    ok(!pareto_overflow_p(g), "%zu objectives: no overflow", nobj);
    pareto_free(f);
    pareto_free(g);
    pareto_free(h);
}

int
main(void)
{
    plan(28);
    imc_err_set_handler(capture);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 196);
    for (size_t nobj = 1; nobj <= 4; nobj++)
        check(rng, nobj);
    /* the bound: a full front drops the newcomer and says so */
    pareto_front *f = pareto_alloc(2, 2);
    design d;
    memset(&d, 0, sizeof d);
    const double a[2] = {1, 3}, b[2] = {2, 2}, c[2] = {3, 1}, e[2] = {0, 0};
    pareto_offer(f, a, 0, &d);
    pareto_offer(f, b, 1, &d);
    ok(!pareto_overflow_p(f) && pareto_size(f) == 2, "two members fit");
    pareto_offer(f, c, 2, &d);
    ok(pareto_overflow_p(f) && pareto_size(f) == 2, "a third overflows");
    pareto_offer(f, e, 3, &d);
    is_int(1, (long)pareto_size(f), "a dominating point replaces them all");
    is_int(3, (long)pareto_at(f, 0)->index, "... keeping its index");
    pareto_offer(f, e, 1, &d);
    is_int(1, (long)pareto_at(f, 0)->index, "an equal earlier point wins");
    pareto_free(f);
    pareto_free(NULL);
    ok(pareto_alloc(0, 5) == NULL, "0 objectives refused");
    is_string("Pareto front: got 0 objectives and room for 5 designs, "
              "expected 1 to 8 and at least 1", msg, "message");
    ok(pareto_alloc(9, 5) == NULL && pareto_alloc(2, 0) == NULL,
       "9 objectives and no room refused");
    gsl_rng_free(rng);
    return 0;
}
