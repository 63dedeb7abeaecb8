/* space.c: design spaces read from CSV; genes <-> designs. */
#include "space.h"
#include "csvio.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Parameters that take integer values (the others are voltage, cycle time
 * and buffer size, which the reference lists with fractions). */
static int
is_integer_param(int k)
{
    return k != DESIGN_VOLTAGE && k != DESIGN_CYCLE && k != DESIGN_GLB;
}

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
        if (is_integer_param(k) && v - floor(v) > 0)
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

/* Read a space: the contract is in space.h. */
int
space_read(const char *path, space *out)
{
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    space s;
    memset(&s, 0, sizeof s);
    long line[DESIGN_NPARAM] = {0}, mem_line = 0;
    int c_par = csvio_require(r, "parameter");
    int c_val = c_par < 0 ? -1 : csvio_require(r, "values");
    int st = c_val < 0 ? IMC_EINPUT : IMC_OK;
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        const char *par = csvio_field(r, (size_t)c_par);
        const char *val = csvio_field(r, (size_t)c_val);
        if (strcmp(par, "memory") == 0) {
            if (mem_line)
                st = csvio_fail(r, "parameter 'memory' appears twice (first "
                                "on line %ld)", mem_line);
            else if (strcmp(val, "RRAM") == 0)
                s.memory = DESIGN_RRAM;
            else if (strcmp(val, "SRAM") == 0)
                s.memory = DESIGN_SRAM;
            else
                st = csvio_fail(r, "parameter 'memory': got '%s', expected "
                                "RRAM or SRAM", val);
            mem_line = csvio_line(r);
            continue;
        }
        int k = 0;
        while (k < DESIGN_NPARAM && strcmp(par, design_param_names[k]) != 0)
            k++;
        if (k == DESIGN_NPARAM) {
            st = csvio_fail(r, "column 'parameter': got '%s', expected memory "
                            "or a design parameter (voltage_v, ..., tech_nm)",
                            par);
        } else if (line[k]) {
            st = csvio_fail(r, "parameter '%s' appears twice (first on line "
                            "%ld)", par, line[k]);
        } else {
            line[k] = csvio_line(r);
            st = parse_values(r, val, k, &s);
        }
    }
    long last = csvio_line(r);
    char *file = NULL;
    if (st == IMC_OK && !(file = strdup(csvio_path(r))))
        st = imc_fail(path, 0, "out of memory");
    csvio_close(r);
    if (st == IMC_OK && !mem_line)
        st = imc_fail(file, last, "missing parameter 'memory'");
    /* tech_nm may be omitted: the reference fixes the node at 32 nm
     * (framework.md section 3). */
    if (st == IMC_OK && !line[DESIGN_TECH]) {
        s.nvalues[DESIGN_TECH] = 1;
        s.values[DESIGN_TECH][0] = 32;
        line[DESIGN_TECH] = last;
    }
    for (int k = 0; st == IMC_OK && k < DESIGN_NPARAM; k++)
        if (!line[k])
            st = imc_fail(file, last, "missing parameter '%s'",
                          design_param_names[k]);
    if (st == IMC_OK)
        st = check_values(&s, file, line);
    free(file);
    if (st != IMC_OK)
        return st;
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (s.nvalues[k] > 1)
            s.gene_param[s.ngenes++] = k;
    *out = s;
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
