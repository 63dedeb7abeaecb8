/* space.c: design spaces read from CSV; genes <-> designs. */
#include "space.h"
#include "csvio.h"
#include "err.h"
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Parse the space-separated value list of parameter k from the current
 * record's field into s->values[k]. */
static int
parse_values(const csvio_reader *r, const char *text, int k, space *s)
{
    const char *name = design_param_names[k];
    const char *p = text;
    int n = 0;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        char tok[64];
        size_t len = (size_t)(p - start);
        double v;
        if (len >= sizeof tok)
            return csvio_fail(r, "parameter '%s': value %d is too long",
                              name, n + 1);
        memcpy(tok, start, len);
        tok[len] = '\0';
        if (csvio_to_double(tok, &v))
            return csvio_fail(r, "parameter '%s': got '%s', expected a "
                              "number", name, tok);
        if (design_limits[k].integer && v - floor(v) > 0)
            return csvio_fail(r, "parameter '%s': got '%s', expected an "
                              "integer", name, tok);
        if (n == SPACE_MAX_VALUES)
            return csvio_fail(r, "parameter '%s': more than %d values", name,
                              SPACE_MAX_VALUES);
        if (n > 0 && !(v > s->values[k][n - 1]))
            return csvio_fail(r, "parameter '%s': got '%s' after %g, "
                              "expected strictly increasing values", name,
                              tok, s->values[k][n - 1]);
        s->values[k][n++] = v;
    }
    if (n == 0)
        return csvio_fail(r, "parameter '%s': no values (expected numbers "
                          "separated by spaces)", name);
    s->nvalues[k] = n;
    return IMC_OK;
}

/* Check every listed value against design_check, so a space can only
 * produce valid designs.  Parameter k is varied over its list with the
 * parameters before it at their first (already checked) values and those
 * after it at a valid neutral design, so a failure is reported on k's own
 * line. */
static int
check_values(const space *s, const char *path, const long *line)
{
    design d;
    memset(&d, 0, sizeof d);
    d.memory = s->memory;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        design_set_param(&d, k, 1);
    d.tech_nm = 32;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        for (int i = 0; i < s->nvalues[k]; i++) {
            design_set_param(&d, k, s->values[k][i]);
            if (design_check(&d, path, line[k]) != IMC_OK)
                return IMC_EINPUT;
        }
        design_set_param(&d, k, s->values[k][0]);
    }
    return IMC_OK;
}

/* What the row checks fill while a space file is read: the space, the
 * line of each parameter and of memory (0: not given yet). */
typedef struct space_ctx {
    space s;
    long line[DESIGN_NPARAM];
    long mem_line;
} space_ctx;

/* Column indices of space_read's specs. */
enum { COL_PARAMETER, COL_VALUES };

/* One `memory` row. */
static int
memory_row(const csvio_reader *r, const char *val, space_ctx *c)
{
    if (c->mem_line)
        return csvio_fail(r, "parameter 'memory' appears twice (first on "
                          "line %ld)", c->mem_line);
    if (design_memory_from_name(val, &c->s.memory) != IMC_OK)
        return csvio_fail(r, "parameter 'memory': got '%s', expected RRAM or "
                          "SRAM", val);
    c->mem_line = csvio_line(r);
    return IMC_OK;
}

static int
space_row(const csvio_reader *r, const int *col, void *row, void *ctx)
{
    (void)row;
    space_ctx *c = ctx;
    const char *par = csvio_field(r, (size_t)col[COL_PARAMETER]);
    const char *val = csvio_field(r, (size_t)col[COL_VALUES]);
    int k;
    if (strcmp(par, "memory") == 0)
        return memory_row(r, val, c);
    if (design_param_from_name(par, &k) != IMC_OK)
        return csvio_fail(r, "column 'parameter': got '%s', expected memory "
                          "or a design parameter (voltage_v, ..., tech_nm)",
                          par);
    if (c->line[k])
        return csvio_fail(r, "parameter '%s' appears twice (first on line "
                          "%ld)", par, c->line[k]);
    c->line[k] = csvio_line(r);
    return parse_values(r, val, k, &c->s);
}

/* After the last row: every parameter given (tech_nm defaults), every
 * value a valid design's. */
static int
space_end(const csvio_reader *r, void *ctx)
{
    space_ctx *c = ctx;
    if (!c->mem_line)
        return csvio_fail(r, "missing parameter 'memory'");
    /* tech_nm may be omitted: the reference fixes the node at 32 nm
     * (docs/framework.md section 3, docs/cost-model.md section 2.2). */
    if (!c->line[DESIGN_TECH]) {
        c->s.nvalues[DESIGN_TECH] = 1;
        c->s.values[DESIGN_TECH][0] = 32;
        c->line[DESIGN_TECH] = csvio_line(r);
    }
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (!c->line[k])
            return csvio_fail(r, "missing parameter '%s'",
                              design_param_names[k]);
    return check_values(&c->s, csvio_path(r), c->line);
}

/* Read a space: the contract is in space.h. */
int
space_read(const char *path, space *out)
{
    static const table_col cols[] = {
        [COL_PARAMETER] = {.name = "parameter", .type = TABLE_STRING},
        [COL_VALUES] = {.name = "values", .type = TABLE_STRING},
    };
    space_ctx c;
    memset(&c, 0, sizeof c);
    table_spec spec = {.cols = cols, .ncols = sizeof cols / sizeof cols[0],
                       .row_size = 1, .row = space_row, .end = space_end,
                       .ctx = &c};
    table_rows rows;
    int st = table_read(path, &spec, &rows);
    if (st != IMC_OK)
        return st;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (c.s.nvalues[k] > 1)
            c.s.gene_param[c.s.ngenes++] = k;
    *out = c.s;
    return IMC_OK;
}

/* The number of designs; see space.h. */
double
space_size(const space *s)
{
    double n = 1;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        n *= s->nvalues[k];
    return n;
}

/* The number of genes; see space.h. */
int
space_ngenes(const space *s)
{
    return s->ngenes;
}

/* Gene bounds; see space.h. */
void
space_bounds(const space *s, double *lo, double *hi)
{
    for (int i = 0; i < s->ngenes; i++) {
        lo[i] = 0;
        hi[i] = s->nvalues[s->gene_param[i]] - 1;
    }
}

/* Genes to design; see space.h. */
int
space_decode(const space *s, const int *genes, design *d)
{
    memset(d, 0, sizeof *d);
    d->memory = s->memory;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        design_set_param(d, k, s->values[k][0]);
    for (int i = 0; i < s->ngenes; i++) {
        int k = s->gene_param[i];
        if (genes[i] < 0 || genes[i] >= s->nvalues[k])
            return IMC_EINPUT;
        design_set_param(d, k, s->values[k][genes[i]]);
    }
    return IMC_OK;
}

/* Design to genes; see space.h. */
int
space_encode(const space *s, const design *d, int *genes)
{
    if (d->memory != s->memory)
        return IMC_EINPUT;
    int gi = 0;
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        double v = design_get_param(d, k);
        int i = 0;
        while (i < s->nvalues[k] &&
               !(fabs(v - s->values[k][i]) <= 1e-9 * fabs(s->values[k][i])))
            i++;
        if (i == s->nvalues[k])
            return IMC_EINPUT;
        if (s->nvalues[k] > 1)
            genes[gi++] = i;
    }
    return IMC_OK;
}
