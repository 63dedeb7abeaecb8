/* design.h: one chip configuration, the CSV columns that carry it, its
 * physical limits and the range the cost model was calibrated on.
 *
 * A design is a plain value (no heap data).  The column names are those of
 * the reference results (the calibration set of docs/reference-data.md) so
 * a designs file, a search result and the calibration set read alike;
 * columns a reader does not know are ignored.  The design-space value lists
 * are not here: they are data (experiments/space-*.csv, read by space.h).
 *
 * Two kinds of bounds (docs/build.md, "Valid input ranges"):
 * - physical limits (design_check): outside them a design means nothing
 *   (a voltage <= 0, a fractional row count) and is refused as bad input;
 * - the calibrated range (design_range, read from
 *   experiments/constants/calibrated-range.csv): where the reference
 *   results the constants were fitted to lie.  Outside it the model
 *   extrapolates; design_range_outside() says which parameters do, and
 *   tools report them (cost-eval's `extrapolated` column).
 * A design_range is a plain value too: copy it freely, nothing to free.
 */
#ifndef IMC_DESIGN_H
#define IMC_DESIGN_H

#include <stdio.h>

#include "csvio.h"
#include "table.h"

typedef enum { DESIGN_RRAM, DESIGN_SRAM } design_memory;

/* The numeric parameters, in gene order (space.h uses the same order). */
enum {
    DESIGN_VOLTAGE,   /* voltage_v */
    DESIGN_BPC,       /* bits_per_cell */
    DESIGN_CYCLE,     /* cycle_ns */
    DESIGN_ROWS,      /* rows */
    DESIGN_COLS,      /* cols */
    DESIGN_GROUPS,    /* router_groups */
    DESIGN_TILES,     /* tiles_per_group */
    DESIGN_MACROS,    /* macros_per_tile */
    DESIGN_GLB,       /* glb_mb */
    DESIGN_TECH,      /* tech_nm */
    DESIGN_NPARAM
};

typedef struct design {
    design_memory memory;
    double voltage_v;       /* supply voltage, V */
    long bits_per_cell;     /* 1..8 (SRAM: 1) */
    double cycle_ns;        /* global clock period, ns */
    long rows, cols;        /* crossbar size, cells */
    long router_groups;     /* router groups per chip */
    long tiles_per_group;
    long macros_per_tile;   /* crossbars per tile */
    double glb_mb;          /* global buffer capacity, MiB (2048-bit wide) */
    long tech_nm;           /* technology node, nm */
} design;

extern const char *const design_param_names[DESIGN_NPARAM];

/* Crossbars on the chip: router_groups * tiles_per_group * macros_per_tile. */
double design_macros(const design *d);
/* Rows of the 2048-bit-wide global buffer: glb_mb * 2^20 * 8 / 2048. */
double design_glb_depth(const design *d);

/* Set / get parameter k (DESIGN_VOLTAGE...) as a double (set rounds the
 * integer parameters to the nearest integer; get of an unknown k is NaN). */
void design_set_param(design *d, int k, double v);
double design_get_param(const design *d, int k);

/* Check the physical limits of every parameter (design_limit), that
 * integer parameters hold integers and that an SRAM cell holds 1 bit;
 * report "file:line: column 'x': got v, expected ..." and return
 * IMC_EINPUT on the first failure, else IMC_OK. */
int design_check(const design *d, const char *file, long line);

/* The physical limits of parameter k: lo < v (lo_open) or lo <= v, and
 * v <= hi; integer: v must be a whole number. */
typedef struct design_limit {
    double lo, hi;
    int lo_open;
    int integer;
    const char *unit;   /* for messages and docs ("V", "ns", "" ...) */
} design_limit;
extern const design_limit design_limits[DESIGN_NPARAM];

/* The design columns as table specs (table.h) for a design stored at
 * `offset` in a row struct: memory, then the parameters in gene order;
 * tech_nm optional (default 32 nm, the reference's node). */
#define DESIGN_NCOLS (1 + DESIGN_NPARAM)
void design_table_cols(size_t offset, table_col cols[DESIGN_NCOLS]);

/* Column indices of the design columns in an open CSV, for readers that
 * parse designs among other columns record by record. */
typedef struct design_cols {
    int col[DESIGN_NCOLS];
} design_cols;

/* Find the design columns: IMC_OK, or IMC_EINPUT after reporting the
 * first missing one at file:1. */
int design_find_cols(const csvio_reader *r, design_cols *c);
/* Parse the current record's design and check it (design_check): IMC_OK,
 * or IMC_EINPUT after reporting at the record's line. */
int design_parse(const csvio_reader *r, const design_cols *c, design *d);

/* Read every design of a CSV into a malloc'd array *out of *n designs the
 * caller frees.  IMC_OK, or IMC_EINPUT (reported at file:line) on a bad
 * design, a missing column or a file without designs; *out is then NULL. */
int design_read_all(const char *path, design **out, size_t *n);

/* ---- the calibrated range ------------------------------------------- */

/* Node-specific bands a range file may give (e.g. SRAM voltage per node). */
#define DESIGN_RANGE_MAX_NODE 64

typedef struct design_range {
    /* per memory type (design_memory) and parameter: [lo, hi] */
    double lo[2][DESIGN_NPARAM], hi[2][DESIGN_NPARAM];
    /* node-specific bands, used instead of the general one at that node */
    size_t nnode;
    struct {
        design_memory memory;
        int param;
        long tech_nm;
        double lo, hi;
    } node[DESIGN_RANGE_MAX_NODE];
} design_range;

/* Read a range file (columns memory, tech_nm, parameter, min, max; tech_nm
 * empty for the band at every node, a node for a band at that node only).
 * Every parameter of both memory types needs a general band.  IMC_OK, or
 * IMC_EINPUT (reported at file:line) on an unknown memory or parameter,
 * min > max, a band outside the physical limits, a band given twice or a
 * missing band. */
int design_range_read(const char *path, design_range *range);

/* Bit (1u << k) set for every parameter k (DESIGN_VOLTAGE...) of d outside
 * the calibrated range of d's memory type (compared with a relative
 * tolerance of 1e-9); 0 when d lies inside it. */
unsigned design_range_outside(const design_range *range, const design *d);

/* The names of the parameters in mask, in gene order, joined by ';' ("" for
 * 0) into buf; DESIGN_RANGE_NAMES_MAX bytes always suffice.  IMC_OK, or
 * IMC_EINPUT (not reported) when cap is too small (buf then holds a
 * terminated prefix). */
#define DESIGN_RANGE_NAMES_MAX 128
int design_range_names(unsigned mask, char *buf, size_t cap);

/* The design columns as a CSV header fragment / one row fragment (no
 * newline, no trailing comma); numbers as csvio_put_double writes them. */
void design_write_header(FILE *fp);
void design_write(FILE *fp, const design *d);

/* "RRAM" or "SRAM". */
const char *design_memory_name(design_memory m);
/* Look up "RRAM" or "SRAM": IMC_OK, or IMC_EINPUT (not reported). */
int design_memory_from_name(const char *s, design_memory *m);
/* Look up a parameter name (design_param_names): IMC_OK with *k set, or
 * IMC_EINPUT (not reported). */
int design_param_from_name(const char *s, int *k);

#endif
