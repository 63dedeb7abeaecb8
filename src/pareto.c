/* pareto.c: a bounded exact Pareto front (see pareto.h). */
#include "pareto.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

struct pareto_front {
    size_t nobj, n, cap;
    int overflow;
    pareto_member *m;
};

/* Make a front; the contract is in pareto.h. */
pareto_front *
pareto_alloc(size_t nobj, size_t cap)
{
    if (nobj < 1 || nobj > PARETO_MAX_OBJ || cap < 1) {
        imc_fail(NULL, 0, "Pareto front: got %zu objectives and room for "
                 "%zu designs, expected 1 to %d and at least 1", nobj, cap,
                 PARETO_MAX_OBJ);
        return NULL;
    }
    pareto_front *f = calloc(1, sizeof *f);
    if (f && cap <= SIZE_MAX / sizeof *f->m)
        f->m = malloc(cap * sizeof *f->m);
    if (!f || !f->m) {
        pareto_free(f);
        imc_fail(NULL, 0, "out of memory (a Pareto front of %zu designs)",
                 cap);
        return NULL;
    }
    f->nobj = nobj;
    f->cap = cap;
    return f;
}

/* Release a front; NULL is a no-op. */
void
pareto_free(pareto_front *f)
{
    if (!f)
        return;
    free(f->m);
    free(f);
}

/* Predicate: x <= y in each of the n objectives. */
static int
weakly_dominates_p(const double *x, const double *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (x[i] > y[i])
            return 0;
    return 1;
}

/* Offer a design; see pareto.h.  The members form an antichain, so a
 * newcomer that dominates a member cannot itself be dominated by another:
 * one pass both finds a dominator and drops the dominated. */
void
pareto_offer(pareto_front *f, const double *obj, uint64_t idx,
             const design *d)
{
    size_t keep = 0, nobj = f->nobj;
    for (size_t i = 0; i < f->n; i++) {
        pareto_member *m = &f->m[i];
        if (weakly_dominates_p(m->obj, obj, nobj)) {
            if (weakly_dominates_p(obj, m->obj, nobj) && idx < m->index) {
                m->index = idx;
                m->d = *d;
            }
            return;
        }
        if (!weakly_dominates_p(obj, m->obj, nobj))
            f->m[keep++] = *m;
    }
    f->n = keep;
    if (f->n == f->cap) {
        f->overflow = 1;
        return;
    }
    pareto_member *m = &f->m[f->n++];
    memset(m->obj, 0, sizeof m->obj);
    memcpy(m->obj, obj, nobj * sizeof *obj);
    m->index = idx;
    m->d = *d;
}

/* The front of the union; see pareto.h. */
void
pareto_merge(pareto_front *dst, const pareto_front *src)
{
    for (size_t i = 0; i < src->n; i++)
        pareto_offer(dst, src->m[i].obj, src->m[i].index, &src->m[i].d);
    dst->overflow |= src->overflow;
}

/* Output order: objectives in turn, then index.  Unused objectives are 0
 * in every member, so comparing all PARETO_MAX_OBJ is the same. */
static int
cmp_member(const void *pa, const void *pb)
{
    const pareto_member *a = pa, *b = pb;
    for (int i = 0; i < PARETO_MAX_OBJ; i++)
        if (a->obj[i] < b->obj[i] || a->obj[i] > b->obj[i])
            return a->obj[i] < b->obj[i] ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Sort into output order; see pareto.h. */
void
pareto_sort(pareto_front *f)
{
    qsort(f->m, f->n, sizeof *f->m, cmp_member);
}

/* Whether an offer was dropped for want of room. */
int
pareto_overflow_p(const pareto_front *f)
{
    return f->overflow;
}

/* Members held. */
size_t
pareto_size(const pareto_front *f)
{
    return f->n;
}

/* Most members the front may hold. */
size_t
pareto_capacity(const pareto_front *f)
{
    return f->cap;
}

/* Member i. */
const pareto_member *
pareto_at(const pareto_front *f, size_t i)
{
    return &f->m[i];
}
