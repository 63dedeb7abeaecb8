/* table.c: the column-spec table reader and the growth helper (table.h). */
#include "table.h"
#include "err.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The first capacity of a growing array: small tables (a constants file, a
 * handful of designs) then need one allocation. */
#define TABLE_FIRST_CAP 16

void *
table_grow(void *items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return items;
    size_t n = *cap ? *cap : TABLE_FIRST_CAP;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return NULL;
        n *= 2;
    }
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = realloc(items, n * size);
    if (!p)
        return NULL;
    *cap = n;
    return p;
}

int
table_find_cols(const csvio_reader *r, const table_col *cols, size_t n,
                int *col)
{
    for (size_t i = 0; i < n; i++) {
        col[i] = csvio_col(r, cols[i].name);
        if (col[i] < 0 && !cols[i].optional)
            return imc_fail(csvio_path(r), 1, "missing column '%s'",
                            cols[i].name);
    }
    return IMC_OK;
}

/* The default of an absent optional column. */
static void
set_default(const table_col *c, char *at)
{
    switch (c->type) {
    case TABLE_DOUBLE:
    case TABLE_POSITIVE:
        memcpy(at, &c->def, sizeof c->def);
        break;
    case TABLE_LONG: {
        long v = (long)c->def;
        memcpy(at, &v, sizeof v);
        break;
    }
    case TABLE_STRING:
        if (c->size)
            at[0] = '\0';
        break;
    case TABLE_CUSTOM:
        break;
    }
}

/* Field i of the record into *at as c says. */
static int
parse_field(const csvio_reader *r, const table_col *c, size_t i, char *at)
{
    switch (c->type) {
    case TABLE_STRING: {
        const char *s = csvio_field(r, i);
        size_t len = strlen(s);
        if (len < (size_t)c->min || (c->size && len >= c->size)) {
            if (!c->size)
                return csvio_fail(r, "column '%s': got '%s', expected at "
                                  "least %ld character%s", c->name, s, c->min,
                                  c->min == 1 ? "" : "s");
            return csvio_fail(r, "column '%s': got '%s', expected %ld to %zu "
                              "characters", c->name, s, c->min, c->size - 1);
        }
        if (c->size)
            memcpy(at, s, len + 1);
        return IMC_OK;
    }
    case TABLE_DOUBLE:
    case TABLE_POSITIVE: {
        double v;
        int st = c->type == TABLE_DOUBLE ? csvio_get_double(r, i, &v)
                                         : csvio_get_positive(r, i, &v);
        if (st == IMC_OK)
            memcpy(at, &v, sizeof v);
        return st;
    }
    case TABLE_LONG: {
        long v;
        int st = csvio_get_long(r, i, c->min, c->max, &v);
        if (st == IMC_OK)
            memcpy(at, &v, sizeof v);
        return st;
    }
    case TABLE_CUSTOM:
        return c->parse(r, i, at);
    }
    return imc_fail(csvio_path(r), csvio_line(r), "internal error: column "
                    "'%s' has no type", c->name);
}

int
table_parse_row(const csvio_reader *r, const table_col *cols, size_t n,
                const int *col, void *row)
{
    char *base = row;
    for (size_t i = 0; i < n; i++) {
        char *at = base + cols[i].offset;
        if (col[i] < 0) {
            set_default(&cols[i], at);
            continue;
        }
        int st = parse_field(r, &cols[i], (size_t)col[i], at);
        if (st != IMC_OK)
            return st;
    }
    return IMC_OK;
}

/* Append the scratch row to out's array; out of memory is reported at the
 * record. */
static int
keep_row(const csvio_reader *r, const table_spec *spec, const void *row,
         table_rows *out, size_t *cap)
{
    void *p = table_grow(out->rows, cap, out->n + 1, spec->row_size);
    if (!p)
        return csvio_fail(r, "out of memory");
    out->rows = p;
    memcpy((char *)p + out->n * spec->row_size, row, spec->row_size);
    out->n++;
    return IMC_OK;
}

/* Every record of an open reader, after its header was checked. */
static int
read_rows(csvio_reader *r, const table_spec *spec, const int *col,
          void *row, table_rows *out, size_t *seen)
{
    size_t cap = 0;
    int st;
    while ((st = csvio_read(r)) == IMC_OK) {
        memset(row, 0, spec->row_size);
        if ((st = table_parse_row(r, spec->cols, spec->ncols, col, row)))
            return st;
        if (spec->row) {
            st = spec->row(r, col, row, spec->ctx);
            if (st == TABLE_SKIP)
                continue;
            if (st != IMC_OK)
                return st;
        }
        (*seen)++;
        if (spec->keep && (st = keep_row(r, spec, row, out, &cap)))
            return st;
    }
    return st == IMC_EOF ? IMC_OK : st;
}

int
table_read(const char *path, const table_spec *spec, table_rows *out)
{
    out->rows = NULL;
    out->n = 0;
    if (spec->ncols > TABLE_MAX_COLS)
        return imc_fail(path, 1, "internal error: %zu column specs, at most "
                        "%d", spec->ncols, TABLE_MAX_COLS);
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    int col[TABLE_MAX_COLS];
    size_t seen = 0;
    void *row = calloc(1, spec->row_size ? spec->row_size : 1);
    int st = row ? table_find_cols(r, spec->cols, spec->ncols, col)
                 : imc_fail(csvio_path(r), 1, "out of memory");
    if (st == IMC_OK && spec->header)
        st = spec->header(r, col, spec->ctx);
    if (st == IMC_OK)
        st = read_rows(r, spec, col, row, out, &seen);
    if (st == IMC_OK && spec->end)
        st = spec->end(r, spec->ctx);
    if (st == IMC_OK && spec->empty && seen == 0)
        st = csvio_fail(r, "%s (expected at least one row after the header)",
                        spec->empty);
    free(row);
    csvio_close(r);
    if (st != IMC_OK) {
        free(out->rows);
        out->rows = NULL;
        out->n = 0;
    }
    return st;
}
