/* design.c: design values, checks and their CSV columns. */
#include "design.h"
#include "err.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

const char *const design_param_names[DESIGN_NPARAM] = {
    "voltage_v", "bits_per_cell", "cycle_ns", "rows", "cols",
    "router_groups", "tiles_per_group", "macros_per_tile", "glb_mb",
    "tech_nm"};

double
design_macros(const design *d)
{
    return (double)d->router_groups * d->tiles_per_group * d->macros_per_tile;
}

double
design_glb_depth(const design *d)
{
    /* capacity in bits over the 2048-bit word of the reference's GLB */
    return d->glb_mb * 1048576.0 * 8.0 / 2048.0;
}

void
design_set_param(design *d, int k, double v)
{
    switch (k) {
    case DESIGN_VOLTAGE: d->voltage_v = v; break;
    case DESIGN_BPC: d->bits_per_cell = lround(v); break;
    case DESIGN_CYCLE: d->cycle_ns = v; break;
    case DESIGN_ROWS: d->rows = lround(v); break;
    case DESIGN_COLS: d->cols = lround(v); break;
    case DESIGN_GROUPS: d->router_groups = lround(v); break;
    case DESIGN_TILES: d->tiles_per_group = lround(v); break;
    case DESIGN_MACROS: d->macros_per_tile = lround(v); break;
    case DESIGN_GLB: d->glb_mb = v; break;
    case DESIGN_TECH: d->tech_nm = lround(v); break;
    default: break;
    }
}

double
design_get_param(const design *d, int k)
{
    switch (k) {
    case DESIGN_VOLTAGE: return d->voltage_v;
    case DESIGN_BPC: return (double)d->bits_per_cell;
    case DESIGN_CYCLE: return d->cycle_ns;
    case DESIGN_ROWS: return (double)d->rows;
    case DESIGN_COLS: return (double)d->cols;
    case DESIGN_GROUPS: return (double)d->router_groups;
    case DESIGN_TILES: return (double)d->tiles_per_group;
    case DESIGN_MACROS: return (double)d->macros_per_tile;
    case DESIGN_GLB: return d->glb_mb;
    case DESIGN_TECH: return (double)d->tech_nm;
    default: return NAN;
    }
}

const char *
design_memory_name(design_memory m)
{
    return m == DESIGN_RRAM ? "RRAM" : "SRAM";
}

int
design_memory_from_name(const char *s, design_memory *m)
{
    if (strcmp(s, "RRAM") == 0)
        *m = DESIGN_RRAM;
    else if (strcmp(s, "SRAM") == 0)
        *m = DESIGN_SRAM;
    else
        return IMC_EINPUT;
    return IMC_OK;
}

int
design_param_from_name(const char *s, int *k)
{
    for (int i = 0; i < DESIGN_NPARAM; i++)
        if (strcmp(s, design_param_names[i]) == 0) {
            *k = i;
            return IMC_OK;
        }
    return IMC_EINPUT;
}

/* ------------------------------------------------------------ limits */

/* Largest count of rows, columns, router groups, tiles or macros: 2^24,
 * far beyond any chip, and small enough that rows * cols and the chip's
 * crossbar count stay exact in a double. */
#define DESIGN_MAX_COUNT 16777216.0

/* What a chip can physically be (docs/build.md, "Valid input ranges"): wide
 * bands that only refuse meaningless values; the calibrated range is the
 * narrow one (design_range). */
const design_limit design_limits[DESIGN_NPARAM] = {
    /* the reference searches 0.45-1.1 V (docs/framework.md section 2.4); no
     * CMOS periphery at these nodes runs above 5 V */
    [DESIGN_VOLTAGE] = {0, 5, 1, 0, "V"},
    /* weights are 8-bit (docs/cost-model.md section 2.2): more bits per cell
     * would hold nothing */
    [DESIGN_BPC] = {1, 8, 0, 1, ""},
    /* a clock slower than 1 ms (1e6 ns) is no accelerator */
    [DESIGN_CYCLE] = {0, 1e6, 1, 0, "ns"},
    [DESIGN_ROWS] = {1, DESIGN_MAX_COUNT, 0, 1, ""},
    [DESIGN_COLS] = {1, DESIGN_MAX_COUNT, 0, 1, ""},
    [DESIGN_GROUPS] = {1, DESIGN_MAX_COUNT, 0, 1, ""},
    [DESIGN_TILES] = {1, DESIGN_MAX_COUNT, 0, 1, ""},
    [DESIGN_MACROS] = {1, DESIGN_MAX_COUNT, 0, 1, ""},
    /* 2^20 MB = 1 TiB of on-chip buffer: beyond any chip */
    [DESIGN_GLB] = {0, 1048576, 1, 0, "MB"},
    /* 3 nm to 1 um: the nodes CMOS has had and is announced to have */
    [DESIGN_TECH] = {3, 1000, 0, 1, "nm"},
};

/* Whether v lies within limit l (integrality not included). */
static int
within_p(const design_limit *l, double v)
{
    return (l->lo_open ? v > l->lo : v >= l->lo) && v <= l->hi;
}

int
design_check(const design *d, const char *file, long line)
{
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        const design_limit *l = &design_limits[k];
        double v = design_get_param(d, k);
        if (within_p(l, v) && !(l->integer && v > floor(v)))
            continue;
        if (l->integer)
            return imc_fail(file, line, "column '%s': got %.10g, expected an "
                            "integer in [%.0f, %.0f]", design_param_names[k],
                            v, l->lo, l->hi);
        return imc_fail(file, line, "column '%s': got %.10g, expected a "
                        "number in %s%g, %g] %s", design_param_names[k], v,
                        l->lo_open ? "(" : "[", l->lo, l->hi, l->unit);
    }
    if (d->memory == DESIGN_SRAM && d->bits_per_cell != 1)
        return imc_fail(file, line, "column 'bits_per_cell': got %ld, but an "
                        "SRAM cell holds 1 bit", d->bits_per_cell);
    return IMC_OK;
}

/* ------------------------------------------------------------ columns */

/* The memory column: RRAM or SRAM. */
static int
parse_memory(const csvio_reader *r, size_t i, void *out)
{
    design_memory m;
    if (design_memory_from_name(csvio_field(r, i), &m) != IMC_OK)
        return csvio_fail(r, "column '%s': got '%s', expected RRAM or SRAM",
                          csvio_colname(r, i), csvio_field(r, i));
    memcpy(out, &m, sizeof m);
    return IMC_OK;
}

/* A parameter column's spec: integer parameters are read as integers
 * within their limits (a fractional count is refused as it is read), the
 * others as numbers, checked by design_check. */
static table_col
param_col(int k, size_t offset)
{
    const design_limit *l = &design_limits[k];
    table_col c = {.name = design_param_names[k], .offset = offset};
    c.type = l->integer ? TABLE_LONG : TABLE_DOUBLE;
    c.min = (long)l->lo;
    c.max = (long)l->hi;
    return c;
}

void
design_table_cols(size_t offset, table_col cols[DESIGN_NCOLS])
{
    const size_t at[DESIGN_NPARAM] = {
        offsetof(design, voltage_v), offsetof(design, bits_per_cell),
        offsetof(design, cycle_ns), offsetof(design, rows),
        offsetof(design, cols), offsetof(design, router_groups),
        offsetof(design, tiles_per_group), offsetof(design, macros_per_tile),
        offsetof(design, glb_mb), offsetof(design, tech_nm)};
    cols[0] = (table_col){.name = "memory", .type = TABLE_CUSTOM,
                          .offset = offset + offsetof(design, memory),
                          .parse = parse_memory};
    for (int k = 0; k < DESIGN_NPARAM; k++)
        cols[1 + k] = param_col(k, offset + at[k]);
    /* the reference fixes the node at 32 nm (docs/framework.md section 3,
     * docs/cost-model.md section 2.2) */
    cols[1 + DESIGN_TECH].optional = 1;
    cols[1 + DESIGN_TECH].def = 32;
}

int
design_find_cols(const csvio_reader *r, design_cols *c)
{
    table_col cols[DESIGN_NCOLS];
    design_table_cols(0, cols);
    return table_find_cols(r, cols, DESIGN_NCOLS, c->col);
}

int
design_parse(const csvio_reader *r, const design_cols *c, design *d)
{
    table_col cols[DESIGN_NCOLS];
    design_table_cols(0, cols);
    memset(d, 0, sizeof *d);
    int st = table_parse_row(r, cols, DESIGN_NCOLS, c->col, d);
    return st ? st : design_check(d, csvio_path(r), csvio_line(r));
}

/* table_read's row check of a designs file. */
static int
check_row(const csvio_reader *r, const int *col, void *row, void *ctx)
{
    (void)col;
    (void)ctx;
    return design_check(row, csvio_path(r), csvio_line(r));
}

int
design_read_all(const char *path, design **out, size_t *n)
{
    table_col cols[DESIGN_NCOLS];
    design_table_cols(0, cols);
    table_spec spec = {.cols = cols, .ncols = DESIGN_NCOLS,
                       .row_size = sizeof(design), .keep = 1,
                       .row = check_row, .empty = "no designs"};
    table_rows rows;
    int st = table_read(path, &spec, &rows);
    *out = rows.rows;
    *n = rows.n;
    return st;
}

/* ------------------------------------------------------------ range */

/* One row of a range file. */
typedef struct range_row {
    design_memory memory;
    long tech_nm;        /* 0: every node */
    int param;
    double lo, hi;
} range_row;

/* The tech_nm column: empty (every node) or a node within the limits. */
static int
parse_node(const csvio_reader *r, size_t i, void *out)
{
    const char *s = csvio_field(r, i);
    const design_limit *l = &design_limits[DESIGN_TECH];
    long v = 0;
    if (*s && (csvio_to_long(s, &v) != IMC_OK || !within_p(l, (double)v)))
        return csvio_fail(r, "column 'tech_nm': got '%s', expected empty "
                          "(every node) or an integer in [%.0f, %.0f]", s,
                          l->lo, l->hi);
    memcpy(out, &v, sizeof v);
    return IMC_OK;
}

/* The parameter column: a design parameter's name. */
static int
parse_param(const csvio_reader *r, size_t i, void *out)
{
    int k;
    if (design_param_from_name(csvio_field(r, i), &k) != IMC_OK)
        return csvio_fail(r, "column 'parameter': got '%s', expected a design "
                          "parameter (voltage_v, ..., tech_nm)",
                          csvio_field(r, i));
    memcpy(out, &k, sizeof k);
    return IMC_OK;
}

/* What range_row_check fills: the range, and the line of every general
 * band (0: not given yet). */
typedef struct range_ctx {
    design_range *range;
    long line[2][DESIGN_NPARAM];
} range_ctx;

static int
range_row_check(const csvio_reader *r, const int *col, void *row, void *ctx)
{
    (void)col;
    const range_row *b = row;
    range_ctx *c = ctx;
    design_range *g = c->range;
    const char *name = design_param_names[b->param];
    const design_limit *l = &design_limits[b->param];
    if (!(b->lo <= b->hi))
        return csvio_fail(r, "parameter '%s': min %g > max %g", name, b->lo,
                          b->hi);
    if (!within_p(l, b->lo) || !within_p(l, b->hi))
        return csvio_fail(r, "parameter '%s': band [%g, %g] outside the "
                          "physical limits %s%g, %g]", name, b->lo, b->hi,
                          l->lo_open ? "(" : "[", l->lo, l->hi);
    if (b->tech_nm == 0) {
        long *first = &c->line[b->memory][b->param];
        if (*first)
            return csvio_fail(r, "parameter '%s' of %s appears twice (first "
                              "on line %ld)", name,
                              design_memory_name(b->memory), *first);
        *first = csvio_line(r);
        g->lo[b->memory][b->param] = b->lo;
        g->hi[b->memory][b->param] = b->hi;
        return IMC_OK;
    }
    for (size_t i = 0; i < g->nnode; i++)
        if (g->node[i].memory == b->memory && g->node[i].param == b->param &&
            g->node[i].tech_nm == b->tech_nm)
            return csvio_fail(r, "parameter '%s' of %s at %ld nm appears "
                              "twice", name, design_memory_name(b->memory),
                              b->tech_nm);
    if (g->nnode == DESIGN_RANGE_MAX_NODE)
        return csvio_fail(r, "more than %d node-specific bands",
                          DESIGN_RANGE_MAX_NODE);
    g->node[g->nnode].memory = b->memory;
    g->node[g->nnode].param = b->param;
    g->node[g->nnode].tech_nm = b->tech_nm;
    g->node[g->nnode].lo = b->lo;
    g->node[g->nnode].hi = b->hi;
    g->nnode++;
    return IMC_OK;
}

/* Every parameter of both memory types has a general band. */
static int
range_end_check(const csvio_reader *r, void *ctx)
{
    const range_ctx *c = ctx;
    for (int m = 0; m < 2; m++)
        for (int k = 0; k < DESIGN_NPARAM; k++)
            if (!c->line[m][k])
                return csvio_fail(r, "missing band of parameter '%s' for %s "
                                  "(a row with an empty tech_nm)",
                                  design_param_names[k],
                                  design_memory_name((design_memory)m));
    return IMC_OK;
}

int
design_range_read(const char *path, design_range *range)
{
    static const table_col cols[] = {
        {.name = "memory", .type = TABLE_CUSTOM,
         .offset = offsetof(range_row, memory), .parse = parse_memory},
        {.name = "tech_nm", .type = TABLE_CUSTOM,
         .offset = offsetof(range_row, tech_nm), .parse = parse_node},
        {.name = "parameter", .type = TABLE_CUSTOM,
         .offset = offsetof(range_row, param), .parse = parse_param},
        {.name = "min", .type = TABLE_DOUBLE,
         .offset = offsetof(range_row, lo)},
        {.name = "max", .type = TABLE_DOUBLE,
         .offset = offsetof(range_row, hi)},
    };
    design_range g;
    memset(&g, 0, sizeof g);
    range_ctx c = {.range = &g};
    table_spec spec = {.cols = cols, .ncols = sizeof cols / sizeof cols[0],
                       .row_size = sizeof(range_row), .row = range_row_check,
                       .end = range_end_check, .ctx = &c};
    table_rows rows;
    int st = table_read(path, &spec, &rows);
    if (st == IMC_OK)
        *range = g;
    return st;
}

/* Whether v lies in [lo, hi], with a relative tolerance for values that
 * went through decimal text. */
static int
in_band_p(double v, double lo, double hi)
{
    const double tol = 1e-9;
    return v >= lo - tol * fabs(lo) && v <= hi + tol * fabs(hi);
}

unsigned
design_range_outside(const design_range *range, const design *d)
{
    unsigned mask = 0;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        double lo = range->lo[d->memory][k], hi = range->hi[d->memory][k];
        for (size_t i = 0; i < range->nnode; i++)
            if (range->node[i].memory == d->memory &&
                range->node[i].param == k &&
                range->node[i].tech_nm == d->tech_nm) {
                lo = range->node[i].lo;
                hi = range->node[i].hi;
            }
        if (!in_band_p(design_get_param(d, k), lo, hi))
            mask |= 1u << k;
    }
    return mask;
}

int
design_range_names(unsigned mask, char *buf, size_t cap)
{
    size_t n = 0;
    if (cap == 0)
        return IMC_EINPUT;
    buf[0] = '\0';
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        if (!(mask & (1u << k)))
            continue;
        int w = snprintf(buf + n, cap - n, "%s%s", n ? ";" : "",
                         design_param_names[k]);
        if (w < 0 || (size_t)w >= cap - n)
            return IMC_EINPUT;
        n += (size_t)w;
    }
    return IMC_OK;
}

void
design_write_header(FILE *fp)
{
    fputs("memory", fp);
    for (int k = 0; k < DESIGN_NPARAM; k++)
        fprintf(fp, ",%s", design_param_names[k]);
}

void
design_write(FILE *fp, const design *d)
{
    fputs(design_memory_name(d->memory), fp);
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        fputc(',', fp);
        if (design_limits[k].integer)
            fprintf(fp, "%ld", lround(design_get_param(d, k)));
        else
            csvio_put_double(fp, design_get_param(d, k));
    }
}
