/* map.h: how a layer lands on a design's crossbars.
 *
 * Two mappings, both plain values filled by the caller-provided struct (no
 * heap data, no allocation: these run inside the search's inner loop).
 *
 * 1. map_reference(): the reference's CiMLoop mapping, reproduced exactly
 *    (../shared/reference/cimloop-model.md section 3.1): the greedy
 *    "maximize" spatial allocation, innermost level first (row: C,R,S;
 *    column: Y,M; then macro, tile, router group, each taking the groups
 *    [Y] [R,S] [M,C] [G] [P,Q] [N] in order), the residual temporal loops,
 *    and from them the latency in cycles (section 4).  Spare macros replicate
 *    weights over P and Q for free, as the reference does.
 * 2. map_physical(): what a faithful mapper does with the same weights:
 *    ceil(8/b) cells per 8-bit weight along the columns, row tiles
 *    ceil(C*R*S/rows) and column tiles ceil(M*cells/cols) per group, depthwise
 *    groups packed block-diagonally into a crossbar, crossbar utilisation and
 *    array reads per inference.
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
                               (framework.md section 3) */

typedef struct map_ref {
    long factor[MAP_NLEVELS][MAP_NDIMS]; /* spatial factor per level, dim */
    long residual[MAP_NDIMS];  /* temporal remainder per dim after all levels */
    long rows_used;            /* r_u = C*R*S factor at the row level */
    long cols_used;            /* c_u = Y*M factor at the column level */
    long macros_used;          /* product of macro, tile, group factors */
    long p_spatial;            /* P factor spread over macros (replicas) */
    double cycles;             /* latency in global cycles (section 4) */
    int valid;                 /* RRAM: every weight residual is 1 */
} map_ref;

/* Reference mapping of layer l on design d (RRAM or SRAM rules).  Always
 * fills *m; m->valid says whether an RRAM design holds the layer's weights
 * without temporal weight loops (SRAM: always 1).  Thread-safe: the only
 * state is a per-thread cache of group searches (see map.c). */
void map_reference(const design *d, const net_layer *l, map_ref *m);

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
