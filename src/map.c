/* map.c: the reference's greedy spatial mapping and a physical crossbar
 * mapping of one layer; see map.h.  Owns no heap data: every function fills
 * caller-provided structs.  The reference mapping (called once per layer per
 * design inside the search) works on the stack plus one per-thread static
 * cache of group searches, which only ever returns what a fresh search
 * would; nothing to free.
 */
#include "map.h"
#include "csvio.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

/* ================================================ reference mapping
 *
 * The reference (CiMLoop's Timeloop front end, the `maximize_dims` constraint
 * macro, ../shared/reference/cimloop-model.md section 3.1) fixes the spatial
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
#define MAP_CACHE 2048    /* cached group searches per thread (96 KiB) */

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
    int small[MAP_GROUP_MAX];             /* all of those primes are < 8 */
    long pr[MAP_GROUP_MAX][MAP_MAXP];     /* those primes, ascending */
    int ex[MAP_GROUP_MAX][MAP_MAXP];      /* current exponents (0 = gone) */
    long stride[MAP_GROUP_MAX][MAP_MAXP]; /* memo index weight of a prime */
    long idx;                             /* memo index of the current state */
    int memo_on;                          /* the states fit MAP_MEMO */
    unsigned char seen[MAP_MEMO];         /* memo[i] holds a result */
    gmemo memo[MAP_MEMO];
} gstate;

/* One cached group search; cap = 0 marks an empty slot. */
typedef struct gcache {
    long v[MAP_GROUP_MAX];  /* values, 0 past the group's width */
    long cap;               /* capacity */
    long fac[MAP_GROUP_MAX];
} gcache;
static _Thread_local gcache cache[MAP_CACHE];

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

/* Insert key index k (hash h) into the open-addressing table slot[0..mask]
 * the way CPython does: probe slot j and, when the 9 slots after it exist,
 * those too; then jump to (5*j + 1 + (perturb >>= 5)) & mask. */
static void
pyset_insert(int *slot, size_t mask, size_t h, int k)
{
    size_t j = h & mask, perturb = h;
    for (;;) {
        size_t last = j + 9 <= mask ? j + 9 : j;
        for (size_t q = j; q <= last; q++)
            if (slot[q] < 0) {
                slot[q] = k;
                return;
            }
        perturb >>= 5;
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
    int slot[32];
    size_t mask = 7;
    for (size_t i = 0; i < 32; i++)
        slot[i] = -1;
    for (int k = 0; k < n; k++) {
        pyset_insert(slot, mask, (size_t)keys[k], k);
        if (k == 4) {
            int old[8];
            memcpy(old, slot, sizeof old);
            for (size_t i = 0; i < 8; i++)
                slot[i] = -1;
            mask = 31;
            for (size_t i = 0; i < 8; i++)
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
    long prod = 1;  /* product of values, saturated above cap */
    for (int k = 0; k < s->nd; k++) {
        prod *= s->v[k];
        if (prod > cap)
            prod = cap + 1;
    }
    if (prod <= cap) {
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
            long n = (v + cap - 1) / cap, a = (v + n - 1) / n;
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
        s.small[k] = s.np[k] == 0 || s.pr[k][s.np[k] - 1] < 8;
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

/* Allocate one maximize_dims group (dims[0..nd-1]) into capacity cap:
 * factors go to fac[] (indexed by dimension, entries preset to 1), and the
 * residuals res[] are divided with ceiling, as the front end does. */
static void
allocate_group(const int *dims, int nd, long cap, long *res, long *fac)
{
    long v[MAP_GROUP_MAX] = {0, 0, 0}, got[MAP_GROUP_MAX], prod = 1;
    if (cap <= 1)
        return; /* no room: factors stay 1, residuals unchanged */
    for (int k = 0; k < nd; k++) {
        v[k] = res[dims[k]];
        if (prod <= cap)
            prod *= v[k];
    }
    if (prod <= cap) {
        /* everything fits (see greedy): the whole group goes spatial;
         * this also covers a group with nothing left to place */
        for (int k = 0; k < nd; k++) {
            fac[dims[k]] = v[k];
            res[dims[k]] = 1;
        }
        return;
    }
    unsigned long h = (unsigned long)v[0] * 0x9E3779B97F4A7C15ul;
    h ^= (unsigned long)v[1] * 0xC2B2AE3D27D4EB4Ful;
    h ^= (unsigned long)v[2] * 0x165667B19E3779F9ul;
    h ^= (unsigned long)cap * 0xD6E8FEB86659FD93ul;
    gcache *c = &cache[(h >> 40) % MAP_CACHE];
    if (c->cap == cap && c->v[0] == v[0] && c->v[1] == v[1] &&
        c->v[2] == v[2]) {
        for (int k = 0; k < nd; k++)
            got[k] = c->fac[k];
    } else {
        search_group(v, nd, cap, got);
        c->cap = cap;
        for (int k = 0; k < MAP_GROUP_MAX; k++) {
            c->v[k] = v[k];
            c->fac[k] = k < nd ? got[k] : 1;
        }
    }
    for (int k = 0; k < nd; k++) {
        fac[dims[k]] = got[k];
        if (got[k] > 1)
            res[dims[k]] = (v[k] + got[k] - 1) / got[k];
    }
}

/* Allocate the six groups of a fan-out level (macro, tile, router group):
 * each group's capacity is the fan-out divided, in turn, by every factor
 * already fixed at this level (floor division, one factor at a time, which
 * equals one floor division by their product). */
static void
allocate_fanout(long fanout, long *res, long *fac)
{
    long cap = fanout;
    for (size_t g = 0; g < sizeof fan_groups / sizeof fan_groups[0]; g++) {
        const int *dims = fan_groups[g].dim;
        int n = fan_groups[g].n;
        allocate_group(dims, n, cap, res, fac);
        for (int k = 0; k < n; k++)
            if (fac[dims[k]] > 1)
                cap /= fac[dims[k]];
    }
}

/* Fill *m with the reference's spatial factors, residual temporal loops,
 * usage counts and cycle count of layer l on design d
 * (../shared/reference/cimloop-model.md sections 3.1 and 4).  Never fails:
 * an RRAM design that cannot hold the weights gets m->valid = 0. */
void
map_reference(const design *d, const net_layer *l, map_ref *m)
{
    long *res = m->residual;
    for (int lv = 0; lv < MAP_NLEVELS; lv++)
        for (int k = 0; k < MAP_NDIMS; k++)
            m->factor[lv][k] = 1;
    res[MAP_C] = l->C;
    res[MAP_M] = l->M;
    res[MAP_R] = l->R;
    res[MAP_S] = l->S;
    res[MAP_P] = l->P;
    /* SRAM: the glb's temporal constraint "Q=0" takes all of Q there */
    res[MAP_Q] = d->memory == DESIGN_SRAM ? 1 : l->Q;
    res[MAP_G] = l->groups;
    res[MAP_N] = 1;
    /* weight bits: a cell holds b of the 8, the rest are slices */
    long b = d->bits_per_cell < MAP_WEIGHT_BITS ? d->bits_per_cell
                                                : MAP_WEIGHT_BITS;
    res[MAP_Y] = (MAP_WEIGHT_BITS + b - 1) / b;

    allocate_group(row_group, 3, d->rows, res, m->factor[MAP_ROW]);
    allocate_group(col_group, 2, d->cols, res, m->factor[MAP_COL]);
    allocate_fanout(d->macros_per_tile, res, m->factor[MAP_MACRO]);
    allocate_fanout(d->tiles_per_group, res, m->factor[MAP_TILE]);
    allocate_fanout(d->router_groups, res, m->factor[MAP_GROUP]);

    const long *row = m->factor[MAP_ROW], *col = m->factor[MAP_COL];
    m->rows_used = row[MAP_C] * row[MAP_R] * row[MAP_S];
    m->cols_used = col[MAP_Y] * col[MAP_M];
    m->macros_used = 1;
    m->p_spatial = 1;
    for (int lv = MAP_MACRO; lv <= MAP_GROUP; lv++) {
        for (int k = 0; k < MAP_NDIMS; k++)
            m->macros_used *= m->factor[lv][k];
        m->p_spatial *= m->factor[lv][MAP_P];
    }

    static const int wdims[] = {MAP_C, MAP_M, MAP_R, MAP_S, MAP_Y, MAP_G};
    double w_res = 1.0;
    int fits = 1;
    for (size_t k = 0; k < sizeof wdims / sizeof wdims[0]; k++) {
        w_res *= (double)res[wdims[k]];
        fits &= res[wdims[k]] == 1;
    }
    if (d->memory == DESIGN_SRAM) {
        /* weight tiles that do not fit run in sequence; Q is serial */
        m->cycles = (double)l->Q * (double)res[MAP_P] * w_res;
        m->valid = 1;
    } else {
        /* weights are stationary: only P and Q remain temporal */
        m->cycles = (double)res[MAP_P] * (double)res[MAP_Q];
        m->valid = fits;
    }
}

/* Return the reference latency of network n on design d in seconds: the sum
 * over layers of cycles * cycle_ns * 1e-9 (cimloop-model.md section 4).  When
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

/* ================================================= physical mapping */

static long
ceil_div(long a, long b)
{
    return (a + b - 1) / b;
}

/* Fill *m with the crossbars a faithful weight-stationary mapper needs for
 * one copy of layer l's weights on design d's rows x cols arrays: an 8-bit
 * weight takes ceil(8/b) cells along a row (framework.md section 3), each
 * group's C*R*S x M*cells matrix is cut into row and column tiles, and
 * small groups (depthwise: C = M = 1) share a crossbar block-diagonally.
 * The block-diagonal packing applies to any layer with groups > 1 whose
 * one group fits a crossbar; a group larger than a crossbar gets its own
 * tiles. */
void
map_physical(const design *d, const net_layer *l, map_phys *m)
{
    long b = d->bits_per_cell < MAP_WEIGHT_BITS ? d->bits_per_cell
                                                : MAP_WEIGHT_BITS;
    long k_rows = l->C * l->R * l->S;  /* crossbar rows one group needs */
    memset(m, 0, sizeof *m);
    m->cells_per_weight = ceil_div(MAP_WEIGHT_BITS, b);
    long k_cols = l->M * m->cells_per_weight;  /* columns one group needs */
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
        cells += n->layers[i].weights * (double)ceil_div(MAP_WEIGHT_BITS, b);
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
