/* map.c: the reference's greedy spatial mapping and a physical crossbar
 * mapping of one layer; see map.h.  Every function fills caller-provided
 * structs.  A fresh reference mapping works on the stack plus one
 * per-thread static cache of group searches; a map_workspace (the only
 * heap data here: map_workspace_alloc allocates all of its tables,
 * map_workspace_free releases them) memoises whole stages of mappings for
 * a caller that maps many designs.  Every cache only ever returns what a
 * fresh computation would.
 */
#include "map.h"
#include "csvio.h"
#include "err.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ================================================ reference mapping
 *
 * The reference (CiMLoop's Timeloop front end, the `maximize_dims` constraint
 * macro; docs/cost-model.md section 3.1) fixes the spatial
 * factors before Timeloop runs.  For one group of dimensions and a capacity
 * K it searches recursively:
 *
 *   best = {} with utilisation 1; if K <= 1 return best
 *   for each dim d of the group, in order, with value v:
 *     if v > K:  n = ceil(v/K), a = ceil(v/n),
 *                u = (a*(n-1) + v mod a) / n;  if u > best: best = {d: a}
 *     for each distinct prime p of v, p <= K:
 *                u = p * recurse(v_d -> v_d/p, K -> floor(K/p))
 *                if u > best: best = {d: p} + the recursive allocation
 *
 * and each dimension's factor is the product of what it was allocated; its
 * residual becomes ceil(v / factor).  Reproducing it exactly takes the same
 * tie-breaking (strict >), the same double arithmetic in the same order, and
 * the same prime order.  What we found while matching it:
 *
 * - Prime order.  The reference loops over a Python set() of the primes,
 *   which is ascending only while every prime is below 8 (set slots are
 *   hash & 7).  {2, 7, 17} iterates as 17, 2, 7.  The order decides between
 *   equal-utilisation allocations: with plain ascending order 113 of 5000
 *   random layer/design pairs get different factors (the same residuals
 *   there, so the calibration latencies match either way).  pyset_order()
 *   reproduces the set order, and then 25,000 random pairs match a
 *   transcription of the reference's Python factor for factor.
 * - Starting residuals: C, M, R, S, P, Q, G, N = 1 and Y = ceil(8/b); SRAM
 *   sets Q = 1 first (its GLB constraint "Q=0" takes all of Q).  Then levels
 *   go innermost first, as in the reference's arch files (row, column,
 *   macro_in_tile, tile_in_chip, shared_router_group).  With these the
 *   latency of all 14,240 calibration rows is exact (t/141-map-latency).
 *
 * Cuts that keep it cheap and change no result:
 *
 * - Everything fits.  When the product of the values is <= K, the first
 *   path of the search takes every prime and reaches utilisation = product,
 *   the bound, so the answer is "all of it" without searching.
 * - Bound.  Otherwise no option beats K (an imperfect factor a <= K, and
 *   p * floor(K/p) <= K), and IEEE rounding is monotone, so the computed
 *   doubles respect the same exact-integer bounds.  Once best >= K the
 *   search stops, and a prime whose p * floor(K/p) <= best is skipped.
 * - Memo.  A sub-search depends only on the primes still left: its capacity
 *   floor(K / primes taken) is the same in any order of taking them.  The
 *   exponents, read as a mixed-radix number, index a memo of results.
 * - Cache.  A group's result depends only on its values and K, and a
 *   network repeats few shapes against few capacities, so a per-thread
 *   direct-mapped cache answers most groups inside a design search.
 * - No heap: the recursion divides one shared value/exponent table in place
 *   and restores it on return.
 */

#define MAP_MAXP 12       /* distinct primes of a value < 2^40 (2*3*...*37
                             exceeds 2^40) */
#define MAP_GROUP_MAX 3   /* widest maximize_dims group: [C, R, S] */
#define MAP_MEMO 1024     /* memo slots per group search (40 KiB of stack) */
#define MAP_CACHE 4096    /* cached group searches per thread (112 KiB) */

/* Dimension groups, per level (reference arch files: row maximises
 * [C, R, S], column [Y, M]; macro_in_tile, tile_in_chip and
 * shared_router_group each [Y] [R, S] [M, C] [G] [P, Q] [N]). */
static const int row_group[] = {MAP_C, MAP_R, MAP_S};
static const int col_group[] = {MAP_Y, MAP_M};
static const struct {
    int n;
    int dim[2];
} fan_groups[] = {{1, {MAP_Y, 0}},     {2, {MAP_R, MAP_S}},
                  {2, {MAP_M, MAP_C}}, {1, {MAP_G, 0}},
                  {2, {MAP_P, MAP_Q}}, {1, {MAP_N, 0}}};

/* One memoised sub-search: its utilisation and the group's factors. */
typedef struct gmemo {
    double util;
    long fac[MAP_GROUP_MAX];
} gmemo;

/* One group's values as prime factorisations, shared by the recursion,
 * with the memo of its sub-searches. */
typedef struct gstate {
    int nd;                               /* dims in the group */
    long v[MAP_GROUP_MAX];                /* current values */
    int np[MAP_GROUP_MAX];                /* distinct primes at the start */
    int small[MAP_GROUP_MAX];             /* all of those primes are below
                                             PYSET_MINSIZE (set order is
                                             ascending) */
    long pr[MAP_GROUP_MAX][MAP_MAXP];     /* those primes, ascending */
    int ex[MAP_GROUP_MAX][MAP_MAXP];      /* current exponents (0 = gone) */
    long stride[MAP_GROUP_MAX][MAP_MAXP]; /* memo index weight of a prime */
    long idx;                             /* memo index of the current state */
    int memo_on;                          /* the states fit MAP_MEMO */
    unsigned char seen[MAP_MEMO];         /* memo[i] holds a result */
    gmemo memo[MAP_MEMO];
} gstate;

/* One cached group search; cap = 0 marks an empty slot.  32-bit fields
 * keep the table small: a group with a value or capacity of 2^32 or more
 * is searched afresh every time (no real layer comes near). */
typedef struct gcache {
    uint32_t v[MAP_GROUP_MAX];  /* values, 0 past the group's width */
    uint32_t cap;               /* capacity */
    uint32_t fac[MAP_GROUP_MAX];
} gcache;
static _Thread_local gcache thread_cache[MAP_CACHE];

/* Checked arithmetic.  Dimensions reach NET_MAX_DIM (2^40) and design sizes
 * 2^24 (design_check), so a product of two of them can pass 2^63: every
 * product below is taken through mul_within or sat_mul, and every ceiling
 * division through ceil_div, none of which can overflow. */
#define MAP_SMALL 0x7fffffffL  /* two factors below 2^31 multiply safely */

/* a * b for a, b >= 1 when it is at most limit, else -1. */
static inline long
mul_within(long a, long b, long limit)
{
    if (a <= MAP_SMALL && b <= MAP_SMALL) {
        long p = a * b;
        return p <= limit ? p : -1;
    }
    return a <= limit / b ? a * b : -1;
}

/* a * b for a, b >= 1, saturated at LONG_MAX. */
static long
sat_mul(long a, long b)
{
    long p = mul_within(a, b, LONG_MAX);
    return p < 0 ? LONG_MAX : p;
}

/* ceil(a / b) for a >= 0, b >= 1, without forming a + b - 1.  Crossbar
 * sizes and fan-outs are mostly powers of two, whose division is a shift
 * (the same quotient, without the slow divide instruction). */
static inline long
ceil_div(long a, long b)
{
#if defined(__GNUC__)
    if ((b & (b - 1)) == 0) {
        int k = __builtin_ctzl((unsigned long)b);
        return (a >> k) + ((a & (b - 1)) != 0);
    }
#endif
    return a / b + (a % b != 0);
}

/* Slices of a MAP_WEIGHT_BITS-bit weight in cells of b bits,
 * ceil(MAP_WEIGHT_BITS / b), looked up for b = 1 .. MAP_WEIGHT_BITS (a
 * table rather than a division per layer). */
#define MAP_SLICES(b) ((MAP_WEIGHT_BITS + (b) - 1) / (b))
static const long slices_of[MAP_WEIGHT_BITS + 1] = {
    0,            MAP_SLICES(1), MAP_SLICES(2), MAP_SLICES(3), MAP_SLICES(4),
    MAP_SLICES(5), MAP_SLICES(6), MAP_SLICES(7), MAP_SLICES(8)};

/* Take every factor p out of *x, appending (p, exponent) when present.
 * Inlined with constant p for 2, 3, 5 and 7 so those divisions compile to
 * multiplications: layer dimensions are mostly 2^a 3^b 5^c 7^d. */
static inline void
take_prime(long *x, long p, long *pr, int *ex, int *n)
{
    if (*x % p != 0)
        return;
    int e = 0;
    do {
        *x /= p;
        e++;
    } while (*x % p == 0);
    pr[*n] = p;
    ex[(*n)++] = e;
}

/* Prime factorisation of x >= 1: distinct primes ascending in pr[], their
 * exponents in ex[], their count in *np. */
static void
factorize(long x, long *pr, int *ex, int *np)
{
    int n = 0;
    take_prime(&x, 2, pr, ex, &n);
    take_prime(&x, 3, pr, ex, &n);
    take_prime(&x, 5, pr, ex, &n);
    take_prime(&x, 7, pr, ex, &n);
    for (long p = 11; p * p <= x; p += 2)
        take_prime(&x, p, pr, ex, &n);
    if (x > 1) {
        pr[n] = x;
        ex[n++] = 1;
    }
    *np = n;
}

/* CPython's set table (Objects/setobject.c, unchanged from 3.7 to 3.12):
 * PySet_MINSIZE slots at first, LINEAR_PROBES slots probed after the
 * first, PERTURB_SHIFT bits of the hash folded in per jump, and the fifth
 * key (fill*5 >= mask*3) growing the table to PYSET_GROWN slots. */
#define PYSET_MINSIZE 8
#define PYSET_GROWN 32
#define PYSET_LINEAR_PROBES 9
#define PYSET_PERTURB_SHIFT 5
#define PYSET_GROW_AT 5

/* Insert key index k (hash h) into the open-addressing table slot[0..mask]
 * the way CPython does: probe slot j and, when the LINEAR_PROBES slots
 * after it exist, those too; then jump to
 * (5*j + 1 + (perturb >>= PERTURB_SHIFT)) & mask. */
static void
pyset_insert(int *slot, size_t mask, size_t h, int k)
{
    size_t j = h & mask, perturb = h;
    for (;;) {
        size_t last = j + PYSET_LINEAR_PROBES <= mask
                          ? j + PYSET_LINEAR_PROBES
                          : j;
        for (size_t q = j; q <= last; q++)
            if (slot[q] < 0) {
                slot[q] = k;
                return;
            }
        perturb >>= PYSET_PERTURB_SHIFT;
        j = (j * 5 + 1 + perturb) & mask;
    }
}

/* Iteration order of the CPython set built from the distinct ints
 * keys[0..n-1], inserted in that order (the reference loops over
 * set(prime factors), primes ascending).  An int hashes to itself; the
 * table starts with 8 slots and, when the fifth key arrives (fill*5 >=
 * mask*3), grows to 32 slots by re-inserting the keys in old slot order
 * (CPython Objects/setobject.c: set_add_entry, set_table_resize,
 * set_insert_clean; LINEAR_PROBES 9, PERTURB_SHIFT 5, unchanged from 3.7 to
 * 3.12).  Iteration walks the slots.  Keys below 8 never collide and come
 * out ascending, the common case.  Writes key indices to ord[], returns
 * n (at most 19 keys fit the 32-slot table without another resize). */
static int
pyset_order(const long *keys, int n, int *ord)
{
    int slot[PYSET_GROWN];
    size_t mask = PYSET_MINSIZE - 1;
    for (size_t i = 0; i < PYSET_GROWN; i++)
        slot[i] = -1;
    for (int k = 0; k < n; k++) {
        pyset_insert(slot, mask, (size_t)keys[k], k);
        if (k == PYSET_GROW_AT - 1) {
            int old[PYSET_MINSIZE];
            memcpy(old, slot, sizeof old);
            for (size_t i = 0; i < PYSET_MINSIZE; i++)
                slot[i] = -1;
            mask = PYSET_GROWN - 1;
            for (size_t i = 0; i < PYSET_MINSIZE; i++)
                if (old[i] >= 0)
                    pyset_insert(slot, mask, (size_t)keys[old[i]], old[i]);
        }
    }
    int m = 0;
    for (size_t i = 0; i <= mask; i++)
        if (slot[i] >= 0)
            ord[m++] = slot[i];
    return m;
}

/* Distinct primes of dim k's current value, as indices into s->pr[k], in
 * set order.  Returns their count. */
static int
prime_order(const gstate *s, int k, int *ord)
{
    long keys[MAP_MAXP];
    int idx[MAP_MAXP], n = 0;
    if (s->small[k]) {
        for (int j = 0; j < s->np[k]; j++)
            if (s->ex[k][j] > 0)
                ord[n++] = j;
        return n;
    }
    for (int j = 0; j < s->np[k]; j++)
        if (s->ex[k][j] > 0) {
            keys[n] = s->pr[k][j];
            idx[n++] = j;
        }
    int o[MAP_MAXP];
    pyset_order(keys, n, o);
    for (int j = 0; j < n; j++)
        ord[j] = idx[o[j]];
    return n;
}

/* The recursive greedy allocation of s's values into capacity cap: returns
 * the utilisation and writes each dim's allocated factor to fac[]. */
static double
greedy(gstate *s, long cap, long *fac)
{
    double best = 1.0;
    for (int k = 0; k < s->nd; k++)
        fac[k] = 1;
    if (cap <= 1)
        return best;
    long prod = 1;  /* product of values while it stays <= cap, else -1 */
    for (int k = 0; k < s->nd && prod > 0; k++)
        prod = mul_within(prod, s->v[k], cap);
    if (prod > 0) {
        /* everything fits: the first path of the search takes every prime
         * of every dim and reaches the bound, so the answer is all of it */
        for (int k = 0; k < s->nd; k++)
            fac[k] = s->v[k];
        return (double)prod;
    }
    long at = s->idx;
    if (s->memo_on && s->seen[at]) {
        for (int k = 0; k < s->nd; k++)
            fac[k] = s->memo[at].fac[k];
        return s->memo[at].util;
    }
    /* From here on prod > cap, so the bound is cap, and a prime branch's
     * bound is p * floor(cap/p). */
    double bound = (double)cap;
    for (int k = 0; k < s->nd && best < bound; k++) {
        long v = s->v[k];
        if (v > cap) {
            long n = ceil_div(v, cap), a = ceil_div(v, n);
            /* u < a, so a <= best rules it out without the division */
            double u = (double)a <= best
                           ? 0.0
                           : (double)(a * (n - 1) + v % a) / (double)n;
            if (u > best) {
                best = u;
                for (int j = 0; j < s->nd; j++)
                    fac[j] = 1;
                fac[k] = a;
            }
        }
        int ord[MAP_MAXP], n = prime_order(s, k, ord);
        for (int i = 0; i < n && best < bound; i++) {
            int j = ord[i];
            long p = s->pr[k][j];
            if (p > cap || (double)(p * (cap / p)) <= best)
                continue;
            long sub[MAP_GROUP_MAX];
            s->v[k] /= p;
            s->ex[k][j]--;
            s->idx -= s->stride[k][j];
            double u = greedy(s, cap / p, sub) * (double)p;
            s->v[k] *= p;
            s->ex[k][j]++;
            s->idx += s->stride[k][j];
            if (u > best) {
                best = u;
                for (int m = 0; m < s->nd; m++)
                    fac[m] = sub[m];
                fac[k] *= p;
            }
        }
    }
    if (s->memo_on) {
        s->seen[at] = 1;
        s->memo[at].util = best;
        for (int k = 0; k < s->nd; k++)
            s->memo[at].fac[k] = fac[k];
    }
    return best;
}


#if defined(__GNUC__)
#define MAP_NOINLINE __attribute__((noinline))
#else
#define MAP_NOINLINE
#endif

/* The greedy search for values v[0..nd-1] in capacity cap; writes the
 * factors to got[].  Kept out of line: its state (with the memo) is large
 * and the fast paths of allocate_group never need it. */
static MAP_NOINLINE void
search_group(const long *v, int nd, long cap, long *got)
{
    gstate s;
    long states = 1;
    s.nd = nd;
    s.idx = 0;
    for (int k = 0; k < nd; k++) {
        s.v[k] = v[k];
        factorize(v[k], s.pr[k], s.ex[k], &s.np[k]);
        s.small[k] = s.np[k] == 0 || s.pr[k][s.np[k] - 1] < PYSET_MINSIZE;
        for (int j = 0; j < s.np[k]; j++) {
            s.stride[k][j] = states;
            s.idx += s.ex[k][j] * states;
            if (states <= MAP_MEMO)
                states *= s.ex[k][j] + 1;
        }
    }
    s.memo_on = states <= MAP_MEMO;
    if (s.memo_on)
        memset(s.seen, 0, (size_t)states);
    greedy(&s, cap, got);
}

/* The cached search of a group's values v[0..nd-1] (0 past nd) in capacity
 * cap, through the direct-mapped cache tab[0..mask]: factors to got[]. */
static void
cached_search(gcache *tab, size_t mask, const long *v, int nd, long cap,
              long *got)
{
    if ((v[0] | v[1] | v[2] | cap) > (long)UINT32_MAX) {
        search_group(v, nd, cap, got);
        return;
    }
    unsigned long h = (unsigned long)v[0] * 0x9E3779B97F4A7C15ul;
    h ^= (unsigned long)v[1] * 0xC2B2AE3D27D4EB4Ful;
    h ^= (unsigned long)v[2] * 0x165667B19E3779F9ul;
    h ^= (unsigned long)cap * 0xD6E8FEB86659FD93ul;
    gcache *c = &tab[(h >> 40) & mask];
    if (c->cap == cap && c->v[0] == v[0] && c->v[1] == v[1] &&
        c->v[2] == v[2]) {
        for (int k = 0; k < nd; k++)
            got[k] = c->fac[k];
        return;
    }
    search_group(v, nd, cap, got);
    c->cap = (uint32_t)cap;
    for (int k = 0; k < MAP_GROUP_MAX; k++) {
        c->v[k] = (uint32_t)v[k];
        c->fac[k] = k < nd ? (uint32_t)got[k] : 1;
    }
}

/* Allocate one maximize_dims group (dims[0..nd-1], values taken from res)
 * into capacity cap, searching through the cache tab[0..mask]: the factors
 * go to got[0..nd-1] in group order, the residuals res[] are divided with
 * ceiling, as the front end does.  Returns the product of the factors,
 * which never exceeds cap (see greedy). */
static long
allocate_group(gcache *tab, size_t mask, const int *dims, int nd, long cap,
               long *res, long *got)
{
    long v[MAP_GROUP_MAX] = {0, 0, 0}, prod = 1;
    for (int k = 0; k < nd; k++) {
        got[k] = 1;
        v[k] = res[dims[k]];
        if (prod > 0)
            prod = mul_within(prod, v[k], cap);
    }
    if (cap <= 1)
        return 1; /* no room: factors stay 1, residuals unchanged */
    if (prod > 0) {
        /* everything fits (see greedy): the whole group goes spatial;
         * this also covers a group with nothing left to place */
        for (int k = 0; k < nd; k++) {
            got[k] = v[k];
            res[dims[k]] = 1;
        }
        return prod;
    }
    cached_search(tab, mask, v, nd, cap, got);
    prod = 1;
    for (int k = 0; k < nd; k++) {
        if (got[k] > 1)
            res[dims[k]] = ceil_div(v[k], got[k]);
        prod *= got[k];
    }
    return prod;
}

/* Allocate the six groups of a fan-out level (macro, tile, router group)
 * into fanout: each group's capacity is the fan-out divided, in turn, by
 * every factor already fixed at this level (floor division one factor at a
 * time equals one floor division by their product, so the capacity is
 * divided by each group's product).  Once the capacity is 1 the remaining
 * groups get nothing.  Writes the level's factors to fac[] (indexed by
 * dimension, preset to 1) when fac is not NULL and the P factor to *p_fac;
 * returns the product of the level's factors (at most fanout). */
static long
allocate_fanout(gcache *tab, size_t mask, long fanout, long *res, long *p_fac,
                long *fac)
{
    long cap = fanout, used = 1, got[MAP_GROUP_MAX];
    *p_fac = 1;
    for (size_t g = 0; g < sizeof fan_groups / sizeof fan_groups[0] && cap > 1;
         g++) {
        const int *dims = fan_groups[g].dim;
        int n = fan_groups[g].n;
        long prod = allocate_group(tab, mask, dims, n, cap, res, got);
        if (prod == 1)
            continue;
        cap /= prod;
        used *= prod;
        if (dims[0] == MAP_P)
            *p_fac = got[0];
        for (int k = 0; fac && k < n; k++)
            fac[dims[k]] = got[k];
    }
    return used;
}

/* The starting residuals of layer l on design d: the layer's dimensions,
 * N = 1, Y = ceil(8/b) weight slices, and for SRAM Q = 1 (the glb's
 * temporal constraint "Q=0" takes all of Q there). */
static void
start_residuals(const design *d, const net_layer *l, long *res)
{
    res[MAP_C] = l->C;
    res[MAP_M] = l->M;
    res[MAP_R] = l->R;
    res[MAP_S] = l->S;
    res[MAP_P] = l->P;
    res[MAP_Q] = d->memory == DESIGN_SRAM ? 1 : l->Q;
    res[MAP_G] = l->groups;
    res[MAP_N] = 1;
    /* weight bits: a cell holds b of the 8, the rest are slices */
    long b = d->bits_per_cell < MAP_WEIGHT_BITS ? d->bits_per_cell
                                                : MAP_WEIGHT_BITS;
    res[MAP_Y] = slices_of[b];
}

/* The product of the weight dimensions' residuals (C, M, R, S, Y, G, as
 * doubles in that order: the weight tiles run in sequence) of res[], and
 * in *all_one whether every one of them is 1. */
static double
weight_residual(const long *res, int *all_one)
{
    static const int wdims[] = {MAP_C, MAP_M, MAP_R, MAP_S, MAP_Y, MAP_G};
    double w_res = 1.0;
    long left = 0;
    for (size_t k = 0; k < sizeof wdims / sizeof wdims[0]; k++) {
        w_res *= (double)res[wdims[k]];
        left |= res[wdims[k]] - 1;
    }
    *all_one = left == 0;
    return w_res;
}

/* The cycle count and validity of mapping *m from its final residuals,
 * whose weight_residual is w_res and all_one (docs/cost-model.md
 * sections 3.1 and 6.1). */
static void
finish_mapping(const design *d, const net_layer *l, double w_res,
               int all_one, map_ref *m)
{
    const long *res = m->residual;
    if (d->memory == DESIGN_SRAM) {
        /* weight tiles that do not fit run in sequence; Q is serial */
        m->cycles = (double)l->Q * (double)res[MAP_P] * w_res;
        m->valid = 1;
    } else {
        /* weights are stationary: only P and Q remain temporal, and the
         * mapping is valid when no weight dimension is left over */
        m->cycles = (double)res[MAP_P] * (double)res[MAP_Q];
        m->valid = all_one;
    }
}

/* The reference mapping of l on d into *m, and its spatial factors into *f
 * when f is not NULL. */
static void
reference(const design *d, const net_layer *l, map_ref *m, map_factors *f)
{
    long *res = m->residual, got[MAP_GROUP_MAX];
    if (f)
        for (int lv = 0; lv < MAP_NLEVELS; lv++)
            for (int k = 0; k < MAP_NDIMS; k++)
                f->factor[lv][k] = 1;
    start_residuals(d, l, res);
    m->rows_used = allocate_group(thread_cache, MAP_CACHE - 1, row_group, 3,
                                  d->rows, res, got);
    for (int k = 0; f && k < 3; k++)
        f->factor[MAP_ROW][row_group[k]] = got[k];
    m->cols_used = allocate_group(thread_cache, MAP_CACHE - 1, col_group, 2,
                                  d->cols, res, got);
    for (int k = 0; f && k < 2; k++)
        f->factor[MAP_COL][col_group[k]] = got[k];
    const long fanout[] = {d->macros_per_tile, d->tiles_per_group,
                           d->router_groups};
    m->macros_used = 1;
    m->p_spatial = 1;
    for (int lv = MAP_MACRO; lv <= MAP_GROUP; lv++) {
        long p_fac;
        long used = allocate_fanout(thread_cache, MAP_CACHE - 1,
                                    fanout[lv - MAP_MACRO], res, &p_fac,
                                    f ? f->factor[lv] : NULL);
        m->macros_used = sat_mul(m->macros_used, used);
        m->p_spatial *= p_fac;
    }
    int all_one;
    double w_res = weight_residual(res, &all_one);
    finish_mapping(d, l, w_res, all_one, m);
}

/* Fill *m with the reference's residual temporal loops, usage counts and
 * cycle count of layer l on design d (docs/cost-model.md
 * sections 3.1 and 6.1).  Never fails: an RRAM design that cannot hold the
 * weights gets m->valid = 0. */
void
map_reference(const design *d, const net_layer *l, map_ref *m)
{
    reference(d, l, m, NULL);
}

/* map_reference, plus the spatial factor of every level and dimension in
 * *f. */
void
map_reference_factors(const design *d, const net_layer *l, map_ref *m,
                      map_factors *f)
{
    reference(d, l, m, f);
}

/* ================================================= physical mapping */

/* Fill *m with the crossbars a faithful weight-stationary mapper needs for
 * one copy of layer l's weights on design d's rows x cols arrays: an 8-bit
 * weight takes ceil(8/b) cells along a row (docs/cost-model.md section
 * 3.2), each group's C*R*S x M*cells matrix is cut into row and column
 * tiles, and
 * small groups (depthwise: C = M = 1) share a crossbar block-diagonally.
 * The block-diagonal packing applies to any layer with groups > 1 whose
 * one group fits a crossbar; a group larger than a crossbar gets its own
 * tiles. */
void
map_physical(const design *d, const net_layer *l, map_phys *m)
{
    long b = d->bits_per_cell < MAP_WEIGHT_BITS ? d->bits_per_cell
                                                : MAP_WEIGHT_BITS;
    /* crossbar rows (C*R*S) and columns (M*cells) one group needs;
     * saturated, so a group beyond 2^63 cells (net_layer_check refuses
     * any layer with 2^53 weights) gets huge tile counts rather than
     * undefined ones */
    long k_rows = sat_mul(sat_mul(l->C, l->R), l->S);
    m->cells_per_weight = slices_of[b];
    long k_cols = sat_mul(l->M, m->cells_per_weight);
    m->row_tiles = ceil_div(k_rows, d->rows);
    m->col_tiles = ceil_div(k_cols, d->cols);
    m->groups_per_xbar = 1;
    if (l->groups > 1 && k_rows <= d->rows && k_cols <= d->cols) {
        long by_rows = d->rows / k_rows, by_cols = d->cols / k_cols;
        m->groups_per_xbar = by_rows < by_cols ? by_rows : by_cols;
        m->xbars = (double)ceil_div(l->groups, m->groups_per_xbar);
    } else {
        m->xbars = (double)l->groups * (double)m->row_tiles *
                   (double)m->col_tiles;
    }
    m->cells = l->weights * (double)m->cells_per_weight;
    m->utilization = m->cells / (m->xbars * (double)d->rows * (double)d->cols);
    m->array_reads = m->xbars * (double)l->P * (double)l->Q;
}

/* ================================================ memoised mappings
 *
 * A search maps the same few layer shapes (a shape: C, M, R, S, P, Q, G)
 * on designs that share parts of their geometry, and each stage of a
 * mapping depends on little: the row and column levels and the physical
 * mapping on the shape, the memory type (Q) and (Y, rows, cols); a fan-out
 * level on the residual vector it starts from and its fan-out only.  A
 * map_workspace keeps:
 *
 * - geometries: per (memory, Y, rows, cols), for every shape of the
 *   caller's numbering, the state after the row and column levels,
 *   rows_used, cols_used and the physical mapping (a design's layers read
 *   one small array);
 * - states: residual vectors, interned (an index stands for the vector),
 *   with the weight residual product finish_mapping needs;
 * - levels: (state, fan-out) -> the state the level leaves, the product
 *   of its factors and its P factor;
 *
 * plus its own group-search cache, larger than the per-thread one.  A hit
 * replays what the computation gave the first time, so results are those
 * of map_reference and map_physical bit for bit.  Fields are 32-bit: a
 * layer or design with a size of 2^32 or more skips the workspace.
 * The level table is direct-mapped (a new key takes the slot over), the
 * geometry table 4-way set-associative (least recently used out).  When the state table fills up, everything that names a state is
 * dropped at once: the level table's generation moves on and every
 * geometry gets a new tag.
 */

#define MAP_WS_GEOMS 256       /* (memory, Y, rows, cols) kept */
#define MAP_WS_WAYS 4          /* slots a geometry may take */
/* Table sizes at most (what a long search fills) and at least; between,
 * they follow the caller's estimate of the layer mappings to come, so that
 * a short run does not touch megabytes it has no use for. */
#define MAP_WS_GROUPS 8192     /* workspace group searches (224 KiB) */
#define MAP_WS_STATES 16384    /* interned states before a reset (768 KiB) */
#define MAP_WS_LEVELS 32768    /* cached fan-out levels (768 KiB) */
#define MAP_WS_MIN 512         /* entries of the smallest table */

/* A state: the residuals of C, M, R, S, P, Q, G and Y, two 32-bit values to
 * a word (N is always 1), with their weight_residual. */
typedef struct ws_state {
    uint64_t w[4];
    double w_res;
    int all_one;
} ws_state;

/* One shape's row and column stage on one geometry, current when tag is
 * its geometry's tag. */
typedef struct ws_stage {
    uint32_t tag, state, rows_used, cols_used;
    map_phys phys;
} ws_stage;

/* One geometry: key memory, Y, rows, cols (all ones: empty slot). */
typedef struct ws_geom {
    uint64_t key[4];
    uint32_t tag;
    unsigned long used;  /* last use (the workspace's clock) */
    ws_stage *stage;     /* [nshapes] */
} ws_geom;

/* One cached fan-out level: from state `from` with fan-out `cap`, to state
 * `to`; valid when gen is the workspace's generation. */
typedef struct ws_level {
    uint32_t from, cap, gen, to, used, p_fac;
} ws_level;

struct map_workspace {
    size_t nshapes;
    uint32_t gen;        /* generation of the level table, >= 1 */
    uint32_t tick;       /* last geometry tag handed out */
    uint32_t nstates;    /* states interned in this generation */
    size_t nstate, ngroup, nlevel; /* table sizes, powers of two */
    ws_state *state;     /* [nstate] */
    uint32_t *slot;      /* [2 * nstate]: state index + 1, 0 empty */
    ws_level *level;     /* [nlevel] */
    gcache *group;       /* [ngroup] */
    ws_geom geom[MAP_WS_GEOMS];
    ws_stage *stages;    /* [MAP_WS_GEOMS * nshapes], the geometries' */
    ws_geom *last;       /* the geometry of the previous call */
    unsigned long clock; /* geometry look-ups that missed `last` */
};

/* The power of two >= n, clamped to [MAP_WS_MIN, max]. */
static size_t
ws_size(double n, size_t max)
{
    size_t s = MAP_WS_MIN;
    while (s < max && (double)s < n)
        s *= 2;
    return s;
}

/* Allocate an empty workspace for layer shapes numbered 0 .. nshapes - 1
 * (nshapes >= 1), its tables sized for about `mappings` layer mappings (0:
 * as large as they go); NULL when memory runs out or nshapes is 0. */
map_workspace *
map_workspace_alloc(size_t nshapes, double mappings)
{
    if (nshapes == 0 || nshapes > SIZE_MAX / MAP_WS_GEOMS / sizeof(ws_stage))
        return NULL;
    map_workspace *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    double n = mappings > 0 ? mappings : (double)MAP_WS_LEVELS;
    w->nshapes = nshapes;
    w->gen = 1;
    /* a mapping interns at most MAP_NLEVELS - 1 states and fills as many
     * levels; a layer-stage miss searches at most 2 groups */
    w->nstate = ws_size(n * (MAP_NLEVELS - 1), MAP_WS_STATES);
    w->nlevel = ws_size(n * (MAP_NLEVELS - 2), MAP_WS_LEVELS);
    w->ngroup = ws_size(2 * n, MAP_WS_GROUPS);
    w->state = malloc(w->nstate * sizeof *w->state);
    w->slot = calloc(2 * w->nstate, sizeof *w->slot);
    w->level = calloc(w->nlevel, sizeof *w->level);
    w->group = calloc(w->ngroup, sizeof *w->group);
    w->stages = calloc(MAP_WS_GEOMS * nshapes, sizeof *w->stages);
    if (!w->state || !w->slot || !w->level || !w->group || !w->stages) {
        map_workspace_free(w);
        return NULL;
    }
    for (size_t g = 0; g < MAP_WS_GEOMS; g++) {
        w->geom[g].key[0] = UINT64_MAX;
        w->geom[g].stage = w->stages + g * nshapes;
    }
    return w;
}

/* Release a workspace; NULL is a no-op. */
void
map_workspace_free(map_workspace *w)
{
    if (!w)
        return;
    free(w->state);
    free(w->slot);
    free(w->level);
    free(w->group);
    free(w->stages);
    free(w);
}

/* A fresh geometry tag; on wrap-around (after 2^32 tags) every stored
 * stage is zeroed first, so no old tag can look current. */
static uint32_t
ws_new_tag(map_workspace *w)
{
    if (++w->tick == 0) {
        memset(w->stages, 0, MAP_WS_GEOMS * w->nshapes * sizeof *w->stages);
        w->tick = 1;
    }
    return w->tick;
}

/* Drop every state and everything that names one: the level table (new
 * generation) and every geometry's stages (new tags).  Group searches do
 * not refer to states and stay. */
static void
ws_reset(map_workspace *w)
{
    memset(w->slot, 0, 2 * w->nstate * sizeof *w->slot);
    w->nstates = 0;
    if (++w->gen == 0) { /* wrapped: old entries could look current */
        memset(w->level, 0, w->nlevel * sizeof *w->level);
        w->gen = 1;
    }
    for (size_t g = 0; g < MAP_WS_GEOMS; g++)
        w->geom[g].tag = ws_new_tag(w);
}

/* A hash of n 64-bit words: independent multiplications by odd constants
 * (so they overlap in the pipeline), combined by xor; the top bits depend
 * on every input bit. */
static uint64_t
ws_hash(const uint64_t *x, int n)
{
    static const uint64_t k[] = {0x9E3779B97F4A7C15u, 0xC2B2AE3D27D4EB4Fu,
                                 0x165667B19E3779F9u, 0xD6E8FEB86659FD93u};
    uint64_t h = 0;
    for (int i = 0; i < n; i++)
        h ^= (x[i] + (uint64_t)i) * k[i];
    return h;
}

/* Whether the 4-word keys a and b are equal (inline: memcmp of so few
 * words is a library call at -O2). */
static inline int
ws_same4(const uint64_t *a, const uint64_t *b)
{
    return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) ==
           0;
}

/* Two values below 2^32 in one word. */
static uint64_t
ws_pair(long hi, long lo)
{
    return (uint64_t)hi << 32 | (uint64_t)lo;
}

/* The index of the state holding residuals res[] (MAP_NDIMS, all below
 * 2^32), interned when new; the caller guarantees room. */
static uint32_t
ws_intern(map_workspace *w, const long *res)
{
    uint64_t x[4] = {ws_pair(res[MAP_C], res[MAP_M]),
                     ws_pair(res[MAP_R], res[MAP_S]),
                     ws_pair(res[MAP_P], res[MAP_Q]),
                     ws_pair(res[MAP_G], res[MAP_Y])};
    size_t mask = 2 * w->nstate - 1;
    size_t j = (size_t)(ws_hash(x, 4) >> 40) & mask;
    while (w->slot[j]) {
        uint32_t i = w->slot[j] - 1;
        if (ws_same4(w->state[i].w, x))
            return i;
        j = (j + 1) & mask;
    }
    ws_state *s = &w->state[w->nstates];
    memcpy(s->w, x, sizeof x);
    s->w_res = weight_residual(res, &s->all_one);
    w->slot[j] = ++w->nstates;
    return w->nstates - 1;
}

/* The residuals of state s into res[] (MAP_NDIMS entries, N = 1). */
static void
ws_load(const ws_state *s, long *res)
{
    res[MAP_C] = (long)(s->w[0] >> 32);
    res[MAP_M] = (long)(s->w[0] & UINT32_MAX);
    res[MAP_R] = (long)(s->w[1] >> 32);
    res[MAP_S] = (long)(s->w[1] & UINT32_MAX);
    res[MAP_P] = (long)(s->w[2] >> 32);
    res[MAP_Q] = (long)(s->w[2] & UINT32_MAX);
    res[MAP_G] = (long)(s->w[3] >> 32);
    res[MAP_Y] = (long)(s->w[3] & UINT32_MAX);
    res[MAP_N] = 1;
}

/* Whether every size of layer l and design d fits the workspace's 32-bit
 * fields (residuals and factors never exceed the sizes they start from). */
static int
ws_fits_p(const design *d, const net_layer *l)
{
    long any = l->C | l->M | l->R | l->S | l->P | l->Q | l->groups |
               d->rows | d->cols | d->macros_per_tile | d->tiles_per_group |
               d->router_groups;
    return any >= 0 && any <= (long)UINT32_MAX;
}

/* The geometry slot of design d; the previous call's is checked first.
 * The table is MAP_WS_WAYS-way set-associative: a new geometry takes the
 * least recently used slot of its set, with a new tag. */
static ws_geom *
ws_geom_of(map_workspace *w, const design *d, long y)
{
    uint64_t key[4] = {(uint64_t)d->memory, (uint64_t)y, (uint64_t)d->rows,
                       (uint64_t)d->cols};
    ws_geom *g = w->last;
    if (g && ws_same4(g->key, key))
        return g;
    uint64_t x[2] = {ws_pair(d->memory, y), ws_pair(d->rows, d->cols)};
    size_t set = (size_t)(ws_hash(x, 2) >> 40) &
                 (MAP_WS_GEOMS / MAP_WS_WAYS - 1);
    ws_geom *way = &w->geom[set * MAP_WS_WAYS], *old = way;
    g = NULL;
    for (int i = 0; i < MAP_WS_WAYS && !g; i++) {
        if (ws_same4(way[i].key, key))
            g = &way[i];
        else if (way[i].used < old->used)
            old = &way[i];
    }
    if (!g) {
        g = old;
        memcpy(g->key, key, sizeof key);
        g->tag = ws_new_tag(w);
    }
    g->used = ++w->clock;
    w->last = g;
    return g;
}

/* Fill *ref as map_reference(d, l, ref) and *phys as map_physical(d, l,
 * phys) do, through workspace w (NULL: those two functions).  shape
 * numbers l's dimensions in the caller's list of distinct shapes. */
void
map_layer_ws(map_workspace *w, size_t shape, const design *d,
             const net_layer *l, map_ref *ref, map_phys *phys)
{
    if (!w || shape >= w->nshapes || !ws_fits_p(d, l)) {
        reference(d, l, ref, NULL);
        map_physical(d, l, phys);
        return;
    }
    /* a call interns at most one state per level after the columns
     * (MAP_NLEVELS - 1 of them), so that much room keeps every index of
     * this call valid */
    if (w->nstates > w->nstate - MAP_NLEVELS)
        ws_reset(w);
    long *res = ref->residual, got[MAP_GROUP_MAX];
    start_residuals(d, l, res);
    ws_geom *g = ws_geom_of(w, d, res[MAP_Y]);
    ws_stage *st = &g->stage[shape];
    if (st->tag != g->tag) {
        st->rows_used = (uint32_t)allocate_group(
            w->group, w->ngroup - 1, row_group, 3, d->rows, res, got);
        st->cols_used = (uint32_t)allocate_group(
            w->group, w->ngroup - 1, col_group, 2, d->cols, res, got);
        st->state = ws_intern(w, res);
        map_physical(d, l, &st->phys);
        st->tag = g->tag;
    }
    ref->rows_used = st->rows_used;
    ref->cols_used = st->cols_used;
    *phys = st->phys;
    uint32_t at = st->state;
    const long fanout[] = {d->macros_per_tile, d->tiles_per_group,
                           d->router_groups};
    ref->macros_used = 1;
    ref->p_spatial = 1;
    for (int i = 0; i < MAP_NLEVELS - MAP_MACRO; i++) {
        long cap = fanout[i];
        if (cap <= 1)
            continue; /* the level takes nothing */
        uint64_t key = ws_pair(at, cap);
        ws_level *c = &w->level[(ws_hash(&key, 1) >> 40) &
                                (w->nlevel - 1)];
        if (c->gen != w->gen || c->from != at || c->cap != cap) {
            long p_fac;
            ws_load(&w->state[at], res);
            long used = allocate_fanout(w->group, w->ngroup - 1, cap,
                                        res, &p_fac, NULL);
            *c = (ws_level){at, (uint32_t)cap, w->gen, ws_intern(w, res),
                            (uint32_t)used, (uint32_t)p_fac};
        }
        at = c->to;
        ref->macros_used = sat_mul(ref->macros_used, c->used);
        ref->p_spatial *= c->p_fac;
    }
    const ws_state *s = &w->state[at];
    ws_load(s, res);
    finish_mapping(d, l, s->w_res, s->all_one, ref);
}

/* Return the reference latency of network n on design d in seconds: the sum
 * over layers of cycles * cycle_ns * 1e-9 (docs/cost-model.md 6.1).  When
 * valid is not NULL it receives 1 if every layer has a valid mapping. */
double
map_net_latency_s(const design *d, const net *n, int *valid)
{
    double s = 0.0;
    int ok = 1;
    for (size_t i = 0; i < n->n; i++) {
        map_ref m;
        map_reference(d, &n->layers[i], &m);
        s += m.cycles * d->cycle_ns * 1e-9;
        ok &= m.valid;
    }
    if (valid)
        *valid = ok;
    return s;
}

/* Return 1 when every layer's weights fit on d's crossbars at once (the sum
 * of map_physical xbars is at most design_macros(d)), else 0; the sum goes
 * to *xbars_needed when it is not NULL. */
int
map_net_fits_p(const design *d, const net *n, double *xbars_needed)
{
    double sum = 0.0;
    for (size_t i = 0; i < n->n; i++) {
        map_phys m;
        map_physical(d, &n->layers[i], &m);
        sum += m.xbars;
    }
    if (xbars_needed)
        *xbars_needed = sum;
    return sum <= design_macros(d);
}

/* ======================================================= CSV output */

/* Write the per-layer mapping table of network n on design d to fp: a
 * header, then per layer the physical mapping (map_physical), the reference
 * mapping (map_reference) and the layer's reference latency.  Returns
 * IMC_OK, or IMC_EINPUT without a message when fp shows a write error
 * (csvio_out_commit reports it). */
int
map_write_layers(FILE *fp, const design *d, const net *n)
{
    fputs("layer,op,cells_per_weight,row_tiles,col_tiles,groups_per_xbar,"
          "xbars,utilization,array_reads,rows_used,cols_used,macros_used,"
          "p_spatial,cycles,valid,latency_s\n",
          fp);
    for (size_t i = 0; i < n->n; i++) {
        const net_layer *l = &n->layers[i];
        map_phys p;
        map_ref r;
        map_physical(d, l, &p);
        map_reference(d, l, &r);
        csvio_put_string(fp, l->name);
        fprintf(fp, ",%s,%ld,%ld,%ld,%ld,", net_op_name(l->op),
                p.cells_per_weight, p.row_tiles, p.col_tiles,
                p.groups_per_xbar);
        csvio_put_double(fp, p.xbars);
        fputc(',', fp);
        csvio_put_double(fp, p.utilization);
        fputc(',', fp);
        csvio_put_double(fp, p.array_reads);
        fprintf(fp, ",%ld,%ld,%ld,%ld,", r.rows_used, r.cols_used,
                r.macros_used, r.p_spatial);
        csvio_put_double(fp, r.cycles);
        fprintf(fp, ",%d,", r.valid);
        csvio_put_double(fp, r.cycles * d->cycle_ns * 1e-9);
        fputc('\n', fp);
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* Write a one-row summary of network n on design d to fp: the design
 * columns, the workload name, its layer count, the crossbars one copy of
 * its weights needs (map_net_fits_p) against the chip's, fits (0/1), the
 * weight cells over those crossbars' cells, and the reference mapping's
 * total cycles, latency_s and valid (0/1: every layer valid).  Returns
 * like map_write_layers. */
int
map_write_summary(FILE *fp, const design *d, const net *n)
{
    double xbars, cells = 0.0, cycles = 0.0;
    int fits = map_net_fits_p(d, n, &xbars), valid;
    double latency = map_net_latency_s(d, n, &valid);
    long b = d->bits_per_cell < MAP_WEIGHT_BITS ? d->bits_per_cell
                                                : MAP_WEIGHT_BITS;
    for (size_t i = 0; i < n->n; i++) {
        map_ref r;
        map_reference(d, &n->layers[i], &r);
        cycles += r.cycles;
        cells += n->layers[i].weights * (double)slices_of[b];
    }
    design_write_header(fp);
    fputs(",workload,layers,xbars,chip_xbars,fits,utilization,cycles,"
          "latency_s,valid\n",
          fp);
    design_write(fp, d);
    fputc(',', fp);
    csvio_put_string(fp, n->name);
    fprintf(fp, ",%zu,", n->n);
    csvio_put_double(fp, xbars);
    fputc(',', fp);
    csvio_put_double(fp, design_macros(d));
    fprintf(fp, ",%d,", fits);
    csvio_put_double(fp, xbars > 0 ? cells / (xbars * (double)d->rows *
                                              (double)d->cols)
                                   : 0.0);
    fputc(',', fp);
    csvio_put_double(fp, cycles);
    fputc(',', fp);
    csvio_put_double(fp, latency);
    fprintf(fp, ",%d\n", valid);
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}
