/* consts.c: reading and writing the constants file. */
#include "consts.h"
#include "csvio.h"
#include "err.h"
#include "table.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* Significant digits of consts_write: the committed constants files carry
 * six, well inside the fits' own uncertainty (docs/cost-model.md). */
#define CONSTS_DIGITS 6

const double consts_glb_depths[CONSTS_NGLB] = {
    2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288};

const char *const consts_names[CONSTS_N] = {
#define X(name, unit, band) #name,
    COST_CONSTANTS(X)
#undef X
};

const char *const consts_units[CONSTS_N] = {
#define X(name, unit, band) unit,
    COST_CONSTANTS(X)
#undef X
};

const consts_band consts_bands[CONSTS_N] = {
#define X(name, unit, band) CONSTS_BAND_##band,
    COST_CONSTANTS(X)
#undef X
};

int
consts_in_band_p(int k, double v)
{
    const consts_band *b = &consts_bands[k];
    return isfinite(v) && (b->lo_open ? v > b->lo : v >= b->lo) &&
           v <= b->hi;
}

int
consts_index(const char *name)
{
    for (int i = 0; i < CONSTS_N; i++)
        if (strcmp(consts_names[i], name) == 0)
            return i;
    return -1;
}

/* One row of a constants file. */
typedef struct consts_row {
    double value, start;
    long fit;
    char source[sizeof ((consts *)0)->source[0]];
} consts_row;

/* What the row check fills: the constants, and the line each came from. */
typedef struct consts_ctx {
    consts *c;
    long line[CONSTS_N];
} consts_ctx;

/* Column indices of consts_read's specs. */
enum { COL_NAME, COL_VALUE, COL_UNIT, COL_FIT, COL_START, COL_SOURCE };

/* A value or start outside constant k's band. */
static int
out_of_band(const csvio_reader *r, const int *col, int which, int k)
{
    const consts_band *b = &consts_bands[k];
    return csvio_fail(r, "column '%s': got '%s' for constant '%s', expected a "
                      "number in %s%g, %g] %s", csvio_colname(r,
                      (size_t)col[which]), csvio_field(r, (size_t)col[which]),
                      consts_names[k], b->lo_open ? "(" : "[", b->lo, b->hi,
                      consts_units[k]);
}

static int
consts_row_check(const csvio_reader *r, const int *col, void *row, void *ctx)
{
    const consts_row *x = row;
    consts_ctx *c = ctx;
    const char *name = csvio_field(r, (size_t)col[COL_NAME]);
    const char *unit = csvio_field(r, (size_t)col[COL_UNIT]);
    int k = consts_index(name);
    if (k < 0)
        return csvio_fail(r, "column 'name': unknown constant '%s'", name);
    if (c->line[k])
        return csvio_fail(r, "constant '%s' appears twice (first on line "
                          "%ld)", name, c->line[k]);
    if (strcmp(unit, consts_units[k]) != 0)
        return csvio_fail(r, "constant '%s': unit '%s', expected '%s'", name,
                          unit, consts_units[k]);
    if (!consts_in_band_p(k, x->value))
        return out_of_band(r, col, COL_VALUE, k);
    if (!consts_in_band_p(k, x->start))
        return out_of_band(r, col, COL_START, k);
    c->line[k] = csvio_line(r);
    c->c->v[k] = x->value;
    c->c->start[k] = x->start;
    c->c->fit[k] = (int)x->fit;
    memcpy(c->c->source[k], x->source, sizeof x->source);
    return IMC_OK;
}

/* Every constant appeared. */
static int
consts_end_check(const csvio_reader *r, void *ctx)
{
    const consts_ctx *c = ctx;
    for (int k = 0; k < CONSTS_N; k++)
        if (!c->line[k])
            return csvio_fail(r, "missing constant '%s'", consts_names[k]);
    return IMC_OK;
}

int
consts_read(const char *path, consts *c)
{
    static const table_col cols[] = {
        [COL_NAME] = {.name = "name", .type = TABLE_STRING, .min = 1},
        [COL_VALUE] = {.name = "value", .type = TABLE_DOUBLE,
                       .offset = offsetof(consts_row, value)},
        [COL_UNIT] = {.name = "unit", .type = TABLE_STRING},
        [COL_FIT] = {.name = "fit", .type = TABLE_LONG, .min = 0, .max = 1,
                     .offset = offsetof(consts_row, fit)},
        [COL_START] = {.name = "start", .type = TABLE_DOUBLE,
                       .offset = offsetof(consts_row, start)},
        [COL_SOURCE] = {.name = "source", .type = TABLE_STRING,
                        .offset = offsetof(consts_row, source),
                        .size = sizeof ((consts_row *)0)->source},
    };
    memset(c, 0, sizeof *c);
    consts_ctx ctx = {.c = c};
    table_spec spec = {.cols = cols, .ncols = sizeof cols / sizeof cols[0],
                       .row_size = sizeof(consts_row),
                       .row = consts_row_check, .end = consts_end_check,
                       .ctx = &ctx};
    table_rows rows;
    int st = table_read(path, &spec, &rows);
    if (st != IMC_OK)
        memset(c, 0, sizeof *c);
    return st;
}

int
consts_write(FILE *fp, const consts *c)
{
    fputs("name,value,unit,fit,start,source\n", fp);
    for (int k = 0; k < CONSTS_N; k++) {
        fprintf(fp, "%s,", consts_names[k]);
        csvio_put_g(fp, c->v[k], CONSTS_DIGITS);
        fprintf(fp, ",%s,%d,", consts_units[k], c->fit[k]);
        csvio_put_g(fp, c->start[k], CONSTS_DIGITS);
        fputc(',', fp);
        csvio_put_string(fp, c->source[k]);
        fputc('\n', fp);
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

static double
glb_interp(const double *table, double depth)
{
    if (depth <= consts_glb_depths[0])
        return table[0];
    for (int i = 1; i < CONSTS_NGLB; i++)
        if (depth <= consts_glb_depths[i]) {
            double x0 = log(consts_glb_depths[i - 1]);
            double x1 = log(consts_glb_depths[i]);
            double t = (log(depth) - x0) / (x1 - x0);
            /* interpolate in log space when both ends are positive */
            if (table[i - 1] > 0 && table[i] > 0)
                return exp(log(table[i - 1]) +
                           t * (log(table[i]) - log(table[i - 1])));
            return table[i - 1] + t * (table[i] - table[i - 1]);
        }
    return table[CONSTS_NGLB - 1];
}

double
consts_glb_energy_pj(const consts *c, double depth)
{
    return glb_interp(&c->v[CONSTS_e_glb_0_5mb], depth);
}

double
consts_glb_area_mm2(const consts *c, double depth)
{
    return glb_interp(&c->v[CONSTS_a_glb_0_5mb], depth);
}
