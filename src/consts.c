/* consts.c: reading and writing the constants file. */
#include "consts.h"
#include "csvio.h"
#include "err.h"

#include <math.h>
#include <string.h>

const double consts_glb_depths[CONSTS_NGLB] = {
    2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144, 524288};

const char *const consts_names[CONSTS_N] = {
#define X(name, unit) #name,
    COST_CONSTANTS(X)
#undef X
};

const char *const consts_units[CONSTS_N] = {
#define X(name, unit) unit,
    COST_CONSTANTS(X)
#undef X
};

int
consts_index(const char *name)
{
    for (int i = 0; i < CONSTS_N; i++)
        if (strcmp(consts_names[i], name) == 0)
            return i;
    return -1;
}

int
consts_read(const char *path, consts *c)
{
    memset(c, 0, sizeof *c);
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    static const char *const names[] = {"name", "value", "unit", "fit",
                                        "start", "source"};
    int col[6];
    int st = csvio_require_all(r, names, 6, col);
    int cn = col[0], cv = col[1], cu = col[2], cf = col[3], cs = col[4],
        csrc = col[5];
    int seen[CONSTS_N] = {0};
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        const char *name = csvio_field(r, (size_t)cn);
        int k = consts_index(name);
        if (k < 0) {
            st = csvio_fail(r, "column 'name': unknown constant '%s'", name);
            break;
        }
        if (seen[k]) {
            st = csvio_fail(r, "constant '%s' appears twice", name);
            break;
        }
        seen[k] = 1;
        if (strcmp(csvio_field(r, (size_t)cu), consts_units[k]) != 0) {
            st = csvio_fail(r, "constant '%s': unit '%s', expected '%s'", name,
                            csvio_field(r, (size_t)cu), consts_units[k]);
            break;
        }
        long fit;
        if ((st = csvio_get_double(r, (size_t)cv, &c->v[k])) != IMC_OK ||
            (st = csvio_get_double(r, (size_t)cs, &c->start[k])) != IMC_OK ||
            (st = csvio_get_long(r, (size_t)cf, 0, 1, &fit)) != IMC_OK)
            break;
        c->fit[k] = (int)fit;
        snprintf(c->source[k], sizeof c->source[k], "%s",
                 csvio_field(r, (size_t)csrc));
    }
    for (int k = 0; st == IMC_OK && k < CONSTS_N; k++)
        if (!seen[k])
            st = imc_fail(csvio_path(r), 0, "missing constant '%s'",
                          consts_names[k]);
    csvio_close(r);
    return st;
}

int
consts_write(FILE *fp, const consts *c)
{
    fputs("name,value,unit,fit,start,source\n", fp);
    for (int k = 0; k < CONSTS_N; k++) {
        fprintf(fp, "%s,%.6g,%s,%d,%.6g,", consts_names[k], c->v[k],
                consts_units[k], c->fit[k], c->start[k]);
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
