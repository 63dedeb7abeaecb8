/* design.c: design values, checks and their CSV columns. */
#include "design.h"
#include "err.h"

#include <math.h>
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
design_check(const design *d, const char *file, long line)
{
    if (!(d->voltage_v > 0 && d->voltage_v < 5))
        return imc_fail(file, line, "column 'voltage_v': got %g, expected a "
                        "voltage in (0, 5) V", d->voltage_v);
    if (d->bits_per_cell < 1 || d->bits_per_cell > 8)
        return imc_fail(file, line, "column 'bits_per_cell': got %ld, "
                        "expected 1 to 8", d->bits_per_cell);
    if (d->memory == DESIGN_SRAM && d->bits_per_cell != 1)
        return imc_fail(file, line, "column 'bits_per_cell': got %ld, but an "
                        "SRAM cell holds 1 bit", d->bits_per_cell);
    if (!(d->cycle_ns > 0))
        return imc_fail(file, line, "column 'cycle_ns': got %g, expected a "
                        "number > 0", d->cycle_ns);
    const long sizes[] = {d->rows, d->cols, d->router_groups,
                          d->tiles_per_group, d->macros_per_tile};
    for (int k = 0; k < 5; k++)
        if (sizes[k] < 1 || sizes[k] > (1L << 24))
            return imc_fail(file, line, "column '%s': got %ld, expected an "
                            "integer in [1, 16777216]",
                            design_param_names[DESIGN_ROWS + k], sizes[k]);
    if (!(d->glb_mb > 0))
        return imc_fail(file, line, "column 'glb_mb': got %g, expected a "
                        "number > 0", d->glb_mb);
    if (d->tech_nm < 1 || d->tech_nm > 1000)
        return imc_fail(file, line, "column 'tech_nm': got %ld, expected a "
                        "node in nm", d->tech_nm);
    return IMC_OK;
}

int
design_find_cols(const csvio_reader *r, design_cols *c)
{
    if ((c->memory = csvio_require(r, "memory")) < 0)
        return IMC_EINPUT;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        c->param[k] = k == DESIGN_TECH
                          ? csvio_col(r, design_param_names[k])
                          : csvio_require(r, design_param_names[k]);
        if (c->param[k] < 0 && k != DESIGN_TECH)
            return IMC_EINPUT;
    }
    return IMC_OK;
}

int
design_parse(const csvio_reader *r, const design_cols *c, design *d)
{
    memset(d, 0, sizeof *d);
    const char *m = csvio_field(r, (size_t)c->memory);
    if (strcmp(m, "RRAM") == 0)
        d->memory = DESIGN_RRAM;
    else if (strcmp(m, "SRAM") == 0)
        d->memory = DESIGN_SRAM;
    else
        return csvio_fail(r, "column 'memory': got '%s', expected RRAM or "
                          "SRAM", m);
    d->tech_nm = 32;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        if (c->param[k] < 0)
            continue;
        double v;
        if (csvio_get_double(r, (size_t)c->param[k], &v) != IMC_OK)
            return IMC_EINPUT;
        /* integer parameters must be written as integers */
        if (k != DESIGN_VOLTAGE && k != DESIGN_CYCLE && k != DESIGN_GLB &&
            (v < floor(v) || v > floor(v)))
            return csvio_fail(r, "column '%s': got '%s', expected an integer",
                              design_param_names[k],
                              csvio_field(r, (size_t)c->param[k]));
        design_set_param(d, k, v);
    }
    return design_check(d, csvio_path(r), csvio_line(r));
}

int
design_read_all(const char *path, design **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    design_cols c;
    int st = design_find_cols(r, &c);
    size_t cap = 0;
    design *v = NULL;
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            design *p = realloc(v, cap * sizeof *p);
            if (!p) {
                st = imc_fail(path, 0, "out of memory");
                break;
            }
            v = p;
        }
        st = design_parse(r, &c, &v[*n]);
        if (st == IMC_OK)
            (*n)++;
    }
    if (st == IMC_OK && *n == 0)
        st = imc_fail(csvio_path(r), 0, "no designs (expected at least one "
                                        "row after the header)");
    csvio_close(r);
    if (st != IMC_OK) {
        free(v);
        *n = 0;
        return st;
    }
    *out = v;
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
    fprintf(fp, "%s,%.10g,%ld,%.10g,%ld,%ld,%ld,%ld,%ld,%.10g,%ld",
            design_memory_name(d->memory), d->voltage_v, d->bits_per_cell,
            d->cycle_ns, d->rows, d->cols, d->router_groups,
            d->tiles_per_group, d->macros_per_tile, d->glb_mb, d->tech_nm);
}
