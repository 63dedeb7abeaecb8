/* map.h: how a layer lands on a design's crossbars.
 *
 * Two mappings, both plain values filled into caller-provided structs (no
 * allocation: these run inside the search's inner loop).  Sizes go up to
 * NET_MAX_DIM; every product that could pass 2^63 is saturated, never
 * undefined.
 *
 * 1. map_reference(): the reference's CiMLoop mapping, reproduced exactly
 *    (docs/cost-model.md section 3.1): the greedy
 *    "maximize" spatial allocation, innermost level first (row: C,R,S;
 *    column: Y,M; then macro, tile, router group, each taking the groups
 *    [Y] [R,S] [M,C] [G] [P,Q] [N] in order), the residual temporal loops,
 *    and from them the latency in cycles (section 6.1).  Spare macros
 *    replicate weights over P and Q for free, as the reference does.
 * 2. map_physical(): what a faithful mapper does with the same weights:
 *    ceil(8/b) cells per 8-bit weight along the columns, row tiles
 *    ceil(C*R*S/rows) and column tiles ceil(M*cells/cols) per group, depthwise
 *    groups packed block-diagonally into a crossbar, crossbar utilisation and
 *    array reads per inference.
 *
 * A map_workspace (below, the one heap object here) memoises both for a
 * caller that maps the same networks on many designs.
 */
#ifndef IMC_MAP_H
#define IMC_MAP_H

#include "design.h"
#include "net.h"

/* Problem dimensions in the order the reference lists them. */
enum { MAP_C, MAP_M, MAP_R, MAP_S, MAP_P, MAP_Q, MAP_G, MAP_N, MAP_Y,
       MAP_NDIMS };
/* Spatial levels, innermost first. */
enum { MAP_ROW, MAP_COL, MAP_MACRO, MAP_TILE, MAP_GROUP, MAP_NLEVELS };

#define MAP_WEIGHT_BITS 8   /* weights, inputs and outputs are 8-bit
                               (docs/cost-model.md section 2.2) */

typedef struct map_ref {
    long residual[MAP_NDIMS];  /* temporal remainder per dim after all levels */
    long rows_used;            /* r_u = C*R*S factor at the row level */
    long cols_used;            /* c_u = Y*M factor at the column level */
    long macros_used;          /* product of macro, tile, group factors
                                  (saturated at LONG_MAX) */
    long p_spatial;            /* P factor spread over macros (replicas) */
    double cycles;             /* latency in global cycles
                                  (docs/cost-model.md section 6.1) */
    int valid;                 /* RRAM: every weight residual is 1 */
} map_ref;

/* Reference mapping of layer l on design d (RRAM or SRAM rules).  Always
 * fills *m; m->valid says whether an RRAM design holds the layer's weights
 * without temporal weight loops (SRAM: always 1).  Thread-safe: the only
 * state is a per-thread cache of group searches (see map.c). */
void map_reference(const design *d, const net_layer *l, map_ref *m);

/* The spatial factor of every level and dimension of a reference mapping
 * (1 where a level takes nothing of a dimension). */
typedef struct map_factors {
    long factor[MAP_NLEVELS][MAP_NDIMS];
} map_factors;

/* map_reference, and the mapping's spatial factors into *f. */
void map_reference_factors(const design *d, const net_layer *l, map_ref *m,
                           map_factors *f);

/* A memo of mappings for one thread (see map.c): a search that maps the
 * layers of a few networks on many designs numbers their distinct layer
 * shapes (C, M, R, S, P, Q, groups), keeps one workspace and passes it to
 * map_layer_ws, which fills the same map_ref and map_phys as map_reference
 * and map_physical, bit for bit, several times faster.  Its memory is
 * bounded (at most about 2 MiB plus 20 KiB per shape) and allocated here once;
 * map_layer_ws never allocates.  One workspace must not be used by two
 * threads at once. */
typedef struct map_workspace map_workspace;

/* A new, empty workspace for shapes numbered 0 .. nshapes - 1, its tables
 * sized for about `mappings` distinct (shape, design) mappings (0: the
 * largest tables; a wrong estimate costs speed, never a result); NULL when
 * nshapes is 0 or memory runs out (not reported). */
map_workspace *map_workspace_alloc(size_t nshapes, double mappings);
/* Release a workspace; NULL is a no-op. */
void map_workspace_free(map_workspace *w);

/* Reference latency of network n on design d, in seconds: the sum over
 * layers of cycles * cycle_ns * 1e-9.  *valid (when not NULL) is 1 when every
 * layer's mapping is valid. */
double map_net_latency_s(const design *d, const net *n, int *valid);

typedef struct map_phys {
    long cells_per_weight;   /* ceil(8 / bits_per_cell) */
    long row_tiles;          /* crossbars stacked along the rows */
    long col_tiles;          /* crossbars side by side along the columns */
    long groups_per_xbar;    /* depthwise groups packed into one crossbar */
    double xbars;            /* crossbars holding one copy of the weights */
    double cells;            /* weight cells: weights * cells_per_weight */
    double utilization;      /* cells / (xbars * rows * cols), in (0, 1] */
    double array_reads;      /* crossbar reads per inference, one copy:
                                xbars * P * Q (one read per output position
                                per crossbar) */
} map_phys;

/* Physical mapping of layer l on design d's crossbar geometry. */
void map_physical(const design *d, const net_layer *l, map_phys *m);

/* Both mappings of layer l on design d through workspace w: *ref as
 * map_reference and *phys as map_physical fill them (w NULL: exactly those
 * two calls).  shape is l's number among the caller's distinct shapes:
 * every layer passed with one number must have the same C, M, R, S, P, Q,
 * groups and weights (a number past the workspace's shapes skips the
 * memo). */
void map_layer_ws(map_workspace *w, size_t shape, const design *d,
                  const net_layer *l, map_ref *ref, map_phys *phys);

/* Whole-network capacity check: the sum of xbars over layers against
 * design_macros(d).  Returns 1 when every weight fits on chip at once. */
int map_net_fits_p(const design *d, const net *n, double *xbars_needed);

/* map-workload's two outputs (CSV with a header): one row per layer with
 * the physical and the reference mapping and the layer's reference latency,
 * or one summary row (design, workload, crossbars needed against the chip's,
 * fits, utilisation, total cycles and latency, valid).  IMC_OK, or
 * IMC_EINPUT (not reported: csvio_out_commit does) when fp shows a write
 * error. */
int map_write_layers(FILE *fp, const design *d, const net *n);
int map_write_summary(FILE *fp, const design *d, const net *n);

#endif
