/* design.h: one chip configuration, and the CSV columns that carry it.
 *
 * A design is a plain value (no heap data).  The column names are those of
 * the reference results (../shared/reference/cimloop/calibration.csv) so a
 * designs file, a search result and the calibration set read alike; columns a
 * reader does not know are ignored.  The design-space value lists are not
 * here: they are data (experiments/space-*.csv, read by space.h).
 */
#ifndef IMC_DESIGN_H
#define IMC_DESIGN_H

#include <stdio.h>

#include "csvio.h"

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

/* Set / get parameter k (DESIGN_VOLTAGE...) as a double. */
void design_set_param(design *d, int k, double v);
double design_get_param(const design *d, int k);

/* Check ranges (positive sizes, 1 <= b <= 8, SRAM has b = 1, ...); report
 * at file:line and return IMC_EINPUT on failure. */
int design_check(const design *d, const char *file, long line);

/* Column indices of the design columns in a CSV (memory, the numeric
 * parameters; tech_nm optional, default 32). */
typedef struct design_cols {
    int memory;
    int param[DESIGN_NPARAM];
} design_cols;

int design_find_cols(const csvio_reader *r, design_cols *c);
int design_parse(const csvio_reader *r, const design_cols *c, design *d);

/* Read every design of a CSV into a malloc'd array the caller frees. */
int design_read_all(const char *path, design **out, size_t *n);

/* The design columns as a CSV header fragment / one row fragment (no
 * newline, no trailing comma). */
void design_write_header(FILE *fp);
void design_write(FILE *fp, const design *d);

const char *design_memory_name(design_memory m);

#endif
