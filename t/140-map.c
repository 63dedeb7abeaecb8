/* 140-map: the reference's greedy mapping and the physical mapping on small
 * layers worked out by hand (the derivations are in the comments), layers
 * with dimensions at NET_MAX_DIM (checked arithmetic), and the memoised
 * mapping (map_workspace) against the fresh one on random layers. */
#include "design.h"
#include "map.h"
#include "net.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <limits.h>
#include <string.h>

static design
mk_design(design_memory mem, long b, long rows, long cols, long g, long t,
          long m)
{
    design d;
    memset(&d, 0, sizeof d);
    d.memory = mem;
    d.voltage_v = 0.7;
    d.bits_per_cell = b;
    d.cycle_ns = 2.5;
    d.rows = rows;
    d.cols = cols;
    d.router_groups = g;
    d.tiles_per_group = t;
    d.macros_per_tile = m;
    d.glb_mb = 1;
    d.tech_nm = 32;
    return d;
}

static net_layer
mk_layer(const char *name, net_op op, long C, long M, long R, long S, long P,
         long Q, long G)
{
    net_layer l;
    net_layer_init(&l, name, op, C, M, R, S, P, Q, 1, G);
    return l;
}

/* Everything fits: rows 64 take C*R*S = 4*3*3 = 36; columns 64 take
 * Y*M = (8/4)*16 = 32; the 4 macros of a tile replicate over P = 4, the 4
 * tiles over Q = 4; nothing is left: 1 cycle. */
static void
test_fit(void)
{
    design d = mk_design(DESIGN_RRAM, 4, 64, 64, 2, 4, 4);
    net_layer l = mk_layer("fit", NET_OP_CONV, 4, 16, 3, 3, 4, 4, 1);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(36, m.rows_used, "fit: rows used C*R*S");
    is_int(32, m.cols_used, "fit: cols used Y*M");
    is_int(2, f.factor[MAP_COL][MAP_Y], "fit: Y = ceil(8/4) slices");
    is_int(4, f.factor[MAP_MACRO][MAP_P], "fit: macros replicate over P");
    is_int(4, f.factor[MAP_TILE][MAP_Q], "fit: tiles replicate over Q");
    is_int(1, f.factor[MAP_GROUP][MAP_P] * f.factor[MAP_GROUP][MAP_Q],
           "fit: router groups idle");
    is_int(16, m.macros_used, "fit: macros used");
    is_int(4, m.p_spatial, "fit: P spread over macros");
    is_double(1.0, m.cycles, 1e-12, "fit: one cycle");
    is_int(1, m.valid, "fit: valid");
}

/* Imperfect factor inside the prime recursion: C = 100 on 32 rows.
 * Imperfect at the top: n = ceil(100/32) = 4, a = 25, u = 25*3/4 = 18.75.
 * Prime 2: 50 in 16 -> imperfect n = 4, a = 13, u = (39 + 50 mod 13)/4 =
 * 12.5 (primes below it do no better), so 2 * 12.5 = 25 beats 18.75 and C
 * gets 2*13 = 26 rows (prime 5: 20 in 6 -> 5, 5*5 = 25, a tie, kept out).
 * Residual C = ceil(100/26) = 4, taken by the 4 macros; columns take M = 8;
 * tiles (2) get [P, Q] = (3, 2): P = 3 imperfect gives 1.5, Q's prime 2
 * gives 2, so Q = 2.  Left: P = 3 -> 3 cycles. */
static void
test_imperfect(void)
{
    design d = mk_design(DESIGN_RRAM, 8, 32, 8, 1, 2, 4);
    net_layer l = mk_layer("imperfect", NET_OP_LINEAR, 100, 8, 1, 1, 3, 2, 1);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(26, f.factor[MAP_ROW][MAP_C], "imperfect: C row factor 2*13");
    is_int(26, m.rows_used, "imperfect: rows used");
    is_int(8, m.cols_used, "imperfect: cols used (Y = 1)");
    is_int(4, f.factor[MAP_MACRO][MAP_C], "imperfect: macros take C's 4");
    is_int(2, f.factor[MAP_TILE][MAP_Q], "imperfect: tiles take Q = 2");
    is_int(1, f.factor[MAP_TILE][MAP_P], "imperfect: P = 3 left");
    is_int(3, m.residual[MAP_P], "imperfect: P residual");
    is_int(1, m.residual[MAP_C], "imperfect: C residual");
    is_double(3.0, m.cycles, 1e-12, "imperfect: 3 cycles");
    is_int(1, m.valid, "imperfect: valid");
}

/* Prime order: C = 33 = 3*11 on 12 rows.  The reference iterates a Python
 * set, {3, 11} -> 11, 3 (11 collides with 3 in slot 3 and moves to slot
 * 0).  Prime 11 first: 11 rows, u = 11.  Prime 3 then: 11 in 4 ->
 * imperfect 4 with u = 11/3, 3 * 11/3 = 11.0, a tie, so C = 11 stays (in
 * ascending order it would be 12).  Residual 3: 2 macros take 2 (imperfect
 * 1.5), residual 2, 2 tiles take 2. */
static void
test_prime_order(void)
{
    design d = mk_design(DESIGN_RRAM, 8, 12, 64, 1, 2, 2);
    net_layer l = mk_layer("order", NET_OP_LINEAR, 33, 8, 1, 1, 1, 1, 1);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(11, m.rows_used, "order: set order picks 11 rows, not 12");
    is_int(2, f.factor[MAP_MACRO][MAP_C], "order: macros take 2 of 3");
    is_int(2, f.factor[MAP_TILE][MAP_C], "order: tiles take the last 2");
    is_int(1, m.valid, "order: valid");
    is_double(1.0, m.cycles, 1e-12, "order: one cycle");
}

/* SRAM: Q = 3 is serial, b = 1 so Y = 8.  Rows 16 take C = 16 of 64
 * (residual 4); columns 16 take Y*M = 8*2; macros (2) take M's last 2,
 * tiles (2) take C = 2 (imperfect 4 in 2 gives 1, prime 2 gives 2); left
 * C = 2 and P = 5: cycles = Q * P * C = 3 * 5 * 2 = 30. */
static void
test_sram(void)
{
    design d = mk_design(DESIGN_SRAM, 1, 16, 16, 1, 2, 2);
    net_layer l = mk_layer("sram", NET_OP_LINEAR, 64, 4, 1, 1, 5, 3, 1);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(16, m.rows_used, "sram: rows used");
    is_int(8, f.factor[MAP_COL][MAP_Y], "sram: Y = 8 slices in columns");
    is_int(16, m.cols_used, "sram: cols used");
    is_int(1, m.residual[MAP_Q], "sram: Q taken by the GLB");
    is_int(2, m.residual[MAP_C], "sram: C residual");
    is_int(4, m.macros_used, "sram: macros used");
    is_double(30.0, m.cycles, 1e-12, "sram: cycles Q*P*C");
    is_int(1, m.valid, "sram: always valid");
}

/* Depthwise, G = 32 groups of 3x3: rows take R*S = 9, columns nothing
 * (C = M = Y = 1); the 4 macros take G = 4 (imperfect 3.5 loses to
 * 2*2), the 2 tiles G = 2, 2 router groups G = 2: G = 2 is left, so an
 * RRAM design is invalid; 4 router groups take G = 4 and it is valid.
 * P and Q find no room: 16 cycles either way. */
static void
test_depthwise(void)
{
    design d = mk_design(DESIGN_RRAM, 8, 16, 16, 2, 2, 4);
    net_layer l = mk_layer("dw", NET_OP_DWCONV, 1, 1, 3, 3, 4, 4, 32);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(9, m.rows_used, "dw: rows used R*S");
    is_int(1, m.cols_used, "dw: one column");
    is_int(4, f.factor[MAP_MACRO][MAP_G], "dw: macros take G = 4");
    is_int(2, f.factor[MAP_TILE][MAP_G], "dw: tiles take G = 2");
    is_int(2, m.residual[MAP_G], "dw: G = 2 left on 2 router groups");
    is_int(0, m.valid, "dw: invalid RRAM mapping");
    is_double(16.0, m.cycles, 1e-12, "dw: P*Q cycles");
    d.router_groups = 4;
    map_reference_factors(&d, &l, &m, &f);
    is_int(1, m.residual[MAP_G], "dw: 4 router groups take the rest");
    is_int(1, m.valid, "dw: valid with 4 router groups");
    is_int(32, m.macros_used, "dw: macros used 4*2*4");
}

/* Physical mapping by hand. */
static void
test_physical(void)
{
    map_phys p;
    /* Dense: C*R*S = 144 rows over 64 -> 3 tiles; b = 2: 4 cells per
     * weight, M*4 = 128 columns over 64 -> 2 tiles; 6 crossbars; cells
     * 16*32*9*4 = 18432 of 6*4096: 0.75; reads 6 * 8*8 = 384. */
    design d = mk_design(DESIGN_RRAM, 2, 64, 64, 1, 2, 4);
    net_layer l = mk_layer("conv", NET_OP_CONV, 16, 32, 3, 3, 8, 8, 1);
    map_physical(&d, &l, &p);
    is_int(4, p.cells_per_weight, "phys conv: cells per weight");
    is_int(3, p.row_tiles, "phys conv: row tiles");
    is_int(2, p.col_tiles, "phys conv: col tiles");
    is_int(1, p.groups_per_xbar, "phys conv: one group");
    is_double(6.0, p.xbars, 1e-12, "phys conv: crossbars");
    is_double(18432.0, p.cells, 1e-9, "phys conv: cells");
    is_double(0.75, p.utilization, 1e-12, "phys conv: utilisation");
    is_double(384.0, p.array_reads, 1e-9, "phys conv: array reads");
    /* b = 3: ceil(8/3) = 3 cells, not 8/3. */
    d.bits_per_cell = 3;
    map_physical(&d, &l, &p);
    is_int(3, p.cells_per_weight, "phys b=3: ceil(8/3) cells");
    is_int(2, p.col_tiles, "phys b=3: 96 columns over 64");

    /* Depthwise 32 groups of 3x3, b = 8, 32 x 16 arrays: a crossbar holds
     * min(32/9, 16/1) = 3 groups block-diagonally: ceil(32/3) = 11
     * crossbars; cells 288 of 11*512: 0.0511363636; reads 11*16 = 176. */
    design e = mk_design(DESIGN_RRAM, 8, 32, 16, 1, 2, 4);
    net_layer dw = mk_layer("dw", NET_OP_DWCONV, 1, 1, 3, 3, 4, 4, 32);
    map_physical(&e, &dw, &p);
    is_int(3, p.groups_per_xbar, "phys dw: groups per crossbar");
    is_double(11.0, p.xbars, 1e-12, "phys dw: crossbars");
    is_double(288.0 / 5632.0, p.utilization, 1e-12, "phys dw: utilisation");
    is_double(176.0, p.array_reads, 1e-9, "phys dw: array reads");
    /* Grouped, one group (72 rows) larger than a 64-row crossbar: per-group
     * tiles, 4 groups * 2 row tiles * 1 column tile = 8 crossbars. */
    net_layer gc = mk_layer("grouped", NET_OP_DWCONV, 8, 8, 3, 3, 2, 2, 4);
    map_physical(&d, &gc, &p);
    is_int(1, p.groups_per_xbar, "phys grouped: falls back to tiles");
    is_double(8.0, p.xbars, 1e-12, "phys grouped: crossbars");
}

/* Network-level helpers: fits and latency. */
static void
test_net(void)
{
    net *n = net_alloc("tiny");
    if (!n)
        bail("out of memory");
    net_layer a = mk_layer("conv", NET_OP_CONV, 16, 32, 3, 3, 8, 8, 1);
    net_layer b = mk_layer("dw", NET_OP_DWCONV, 1, 1, 3, 3, 4, 4, 32);
    if (net_push(n, &a) != 0 || net_push(n, &b) != 0)
        bail("net_push failed");
    /* 64 x 64, b = 2: conv 6 crossbars; dw: min(64/9, 64/4) = 7 groups
     * per crossbar -> ceil(32/7) = 5; 11 in all. */
    design d = mk_design(DESIGN_RRAM, 2, 64, 64, 1, 2, 6);
    double need = 0;
    is_int(1, map_net_fits_p(&d, n, &need), "net: 11 crossbars fit in 1*2*6");
    is_double(11.0, need, 1e-12, "net: crossbars needed");
    d.macros_per_tile = 5;
    is_int(0, map_net_fits_p(&d, n, NULL), "net: 11 do not fit in 1*2*5");

    /* Latency: the sum of per-layer cycles times 2.5 ns. */
    map_ref ma, mb;
    map_reference(&d, &n->layers[0], &ma);
    map_reference(&d, &n->layers[1], &mb);
    int valid = -1;
    double lat = map_net_latency_s(&d, n, &valid);
    is_double((ma.cycles + mb.cycles) * 2.5e-9, lat, 1e-20,
              "net: latency is the sum of layer cycles * cycle");
    is_int(ma.valid && mb.valid, valid, "net: valid is the AND of layers");
    net_free(n);
}


/* Dimensions at NET_MAX_DIM = 2^40 on a design at design_check's limits
 * (2^24): C*R*S = 2^120 and the everything-fits products pass 2^63 (the
 * old code overflowed there).  Rows 2^24 take C's first 24 factors of 2
 * (utilisation 2^24, the bound), columns M's (Y = 1); every fan-out level
 * then takes 2^24 more of C or M, so residuals stay huge and finite. */
static void
test_huge(void)
{
    const long big = NET_MAX_DIM, cap = 1L << 24;
    design d = mk_design(DESIGN_RRAM, 8, cap, cap, cap, cap, cap);
    net_layer l;
    net_layer_init(&l, "huge", NET_OP_CONV, big, big, big, big, big, big, 1,
                   big);
    map_ref m;
    map_factors f;
    map_reference_factors(&d, &l, &m, &f);
    is_int(cap, m.rows_used, "huge: rows used reach the bound 2^24");
    is_int(cap, f.factor[MAP_ROW][MAP_C], "huge: rows take C first");
    is_int(big / cap, m.residual[MAP_C], "huge: C residual 2^16");
    is_int(cap, m.cols_used, "huge: columns used 2^24");
    is_int(LONG_MAX, m.macros_used,
           "huge: macros used 2^72, saturated at LONG_MAX");
    is_int(0, m.valid, "huge: weights left over, invalid");
    ok(m.cycles >= 1 && m.cycles < 1e30, "huge: cycles finite (%g)",
       m.cycles);
    map_phys p;
    map_physical(&d, &l, &p);
    is_int(1, p.cells_per_weight, "huge: 8-bit cells, one per weight");
    is_int(LONG_MAX / cap + 1, p.row_tiles,
           "huge: row tiles from C*R*S saturated at LONG_MAX");
    is_int(big / cap, p.col_tiles, "huge: column tiles M / cols");
    is_rel((double)big * (double)(LONG_MAX / cap + 1) * (double)(big / cap),
           p.xbars, 1e-15, "huge: crossbars G * row tiles * column tiles");
    /* the workspace keeps 32-bit fields: such a layer goes around it */
    map_workspace *w = map_workspace_alloc(1, 0);
    map_ref mw;
    map_phys pw;
    map_layer_ws(w, 0, &d, &l, &mw, &pw);
    ok(memcmp(m.residual, mw.residual, sizeof m.residual) == 0 &&
           m.macros_used == mw.macros_used && m.valid == mw.valid,
       "huge: map_layer_ws gives map_reference's mapping");
    map_workspace_free(w);
}

/* A random size for a high-entropy layer: small, products of small
 * primes (the common case), or any integer up to 3000 (large primes). */
static long
rnd_dim(gsl_rng *r)
{
    static const long pr[] = {2, 2, 2, 3, 3, 5, 7, 11, 13, 17, 19, 23};
    switch (gsl_rng_uniform_int(r, 3)) {
    case 0:
        return 1 + (long)gsl_rng_uniform_int(r, 8);
    case 1: {
        long v = 1;
        for (unsigned long k = gsl_rng_uniform_int(r, 7); k > 0; k--)
            v *= pr[gsl_rng_uniform_int(r, 12)];
        return v;
    }
    default:
        return 1 + (long)gsl_rng_uniform_int(r, 3000);
    }
}

static long
rnd_cap(gsl_rng *r)
{
    static const long c[] = {1, 2, 3, 4, 6, 8, 12, 16, 32, 48, 64, 100,
                             128, 256, 512};
    return c[gsl_rng_uniform_int(r, sizeof c / sizeof c[0])];
}

/* map_layer_ws against map_reference + map_physical, field for field, on
 * 60,000 random pairs: 4,000 random shapes (so shapes and geometries
 * repeat and the memo is hit) on random RRAM and SRAM designs.  The
 * workspace interns at most 16,384 states before it starts over, and these
 * pairs make far more, so the restarts are exercised too (and far more
 * often in a workspace with the smallest tables). */
static void
test_workspace(void)
{
    enum { NSHAPES = 4000, NPAIRS = 60000 };
    static net_layer shape[NSHAPES];
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    map_workspace *w = map_workspace_alloc(NSHAPES, 0);
    map_workspace *tiny = map_workspace_alloc(NSHAPES, 1); /* least tables */
    if (!r || !w || !tiny)
        bail("out of memory");
    gsl_rng_set(r, 20250601);
    for (int i = 0; i < NSHAPES; i++)
        net_layer_init(&shape[i], "rnd", NET_OP_CONV, rnd_dim(r), rnd_dim(r),
                       1 + (long)gsl_rng_uniform_int(r, 7),
                       1 + (long)gsl_rng_uniform_int(r, 7), rnd_dim(r),
                       rnd_dim(r), 1,
                       gsl_rng_uniform_int(r, 3) ? 1 : rnd_dim(r));
    long bad = 0, valid = 0;
    for (int i = 0; i < NPAIRS; i++) {
        int sram = (int)gsl_rng_uniform_int(r, 2);
        design d = mk_design(sram ? DESIGN_SRAM : DESIGN_RRAM,
                             sram ? 1 : 1 + (long)gsl_rng_uniform_int(r, 8),
                             rnd_cap(r), rnd_cap(r), rnd_cap(r), rnd_cap(r),
                             rnd_cap(r));
        size_t k = (size_t)gsl_rng_uniform_int(r, NSHAPES);
        map_ref a, b;
        map_phys pa, pb;
        map_reference(&d, &shape[k], &a);
        map_physical(&d, &shape[k], &pa);
        map_ref c;
        map_phys pc;
        map_layer_ws(w, k, &d, &shape[k], &b, &pb);
        map_layer_ws(tiny, k, &d, &shape[k], &c, &pc);
        int same = memcmp(b.residual, c.residual, sizeof b.residual) == 0 &&
                   b.macros_used == c.macros_used &&
                   b.p_spatial == c.p_spatial && b.valid == c.valid &&
                   memcmp(&b.cycles, &c.cycles, sizeof b.cycles) == 0 &&
                   memcmp(&pb, &pc, sizeof pb) == 0;
        same = same && memcmp(a.residual, b.residual, sizeof a.residual) == 0 &&
                   a.rows_used == b.rows_used && a.cols_used == b.cols_used &&
                   a.macros_used == b.macros_used &&
                   a.p_spatial == b.p_spatial &&
                   memcmp(&a.cycles, &b.cycles, sizeof a.cycles) == 0 &&
                   a.valid == b.valid &&
                   memcmp(&pa, &pb, sizeof pa) == 0;
        if (!same && bad++ < 3)
            diag("pair %d: shape %zu differs", i, k);
        valid += a.valid;
    }
    is_int(0, bad, "workspace: %d random pairs map exactly as fresh, "
           "with the largest and the smallest tables", NPAIRS);
    ok(valid > NPAIRS / 10 && valid < NPAIRS,
       "workspace: valid and invalid mappings both occur (%ld valid)",
       valid);
    /* a shape number past the workspace's goes around the memo */
    design d = mk_design(DESIGN_RRAM, 2, 64, 64, 2, 4, 4);
    map_ref a, b;
    map_phys pa, pb;
    map_reference(&d, &shape[0], &a);
    map_layer_ws(w, NSHAPES, &d, &shape[0], &b, &pb);
    ok(a.rows_used == b.rows_used && a.macros_used == b.macros_used &&
           memcmp(a.residual, b.residual, sizeof a.residual) == 0,
       "workspace: an unknown shape number is mapped afresh");
    map_layer_ws(NULL, 0, &d, &shape[0], &b, &pb);
    map_physical(&d, &shape[0], &pa);
    ok(memcmp(&pa, &pb, sizeof pa) == 0 && a.cols_used == b.cols_used,
       "workspace: NULL maps afresh");
    ok(map_workspace_alloc(0, 0) == NULL, "workspace: no shapes, no workspace");
    map_workspace_free(NULL);
    ok(1, "workspace: freeing NULL is a no-op");
    map_workspace_free(w);
    map_workspace_free(tiny);
    gsl_rng_free(r);
}

int
main(void)
{
    plan(10 + 10 + 5 + 8 + 10 + 16 + 5 + 12 + 6);
    test_fit();
    test_imperfect();
    test_prime_order();
    test_sram();
    test_depthwise();
    test_physical();
    test_net();
    test_huge();
    test_workspace();
    return 0;
}
