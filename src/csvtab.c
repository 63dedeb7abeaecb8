/* csvtab.c: a whole CSV file in memory, and row selectors (see csvtab.h). */
#include "csvtab.h"
#include "csvio.h"
#include "err.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- tables */

/* Append the current record of r to t (growing its arrays). */
static int
append_row(csvtab *t, const csvio_reader *r, size_t *cap)
{
    if (t->nrows == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        char **f = realloc(t->fields, c * t->ncols * sizeof *f);
        if (!f)
            return csvio_fail(r, "out of memory");
        t->fields = f;
        long *l = realloc(t->lines, c * sizeof *l);
        if (!l)
            return csvio_fail(r, "out of memory");
        t->lines = l;
        *cap = c;
    }
    char **row = t->fields + t->nrows * t->ncols;
    for (size_t i = 0; i < t->ncols; i++) {
        row[i] = strdup(csvio_field(r, i));
        if (!row[i]) {
            while (i-- > 0)
                free(row[i]);
            return csvio_fail(r, "out of memory");
        }
    }
    t->lines[t->nrows++] = csvio_line(r);
    return IMC_OK;
}

int
csvtab_read(const char *path, const csvtab_sel *filter, csvtab **out)
{
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    csvtab *t = calloc(1, sizeof *t);
    int st = t ? IMC_OK : imc_fail(path, 0, "out of memory");
    if (st == IMC_OK) {
        t->ncols = csvio_ncols(r);
        t->path = strdup(path);
        t->cols = calloc(t->ncols, sizeof *t->cols);
        if (!t->path || !t->cols)
            st = imc_fail(path, 0, "out of memory");
        for (size_t i = 0; st == IMC_OK && i < t->ncols; i++)
            if (!(t->cols[i] = strdup(csvio_colname(r, i))))
                st = imc_fail(path, 0, "out of memory");
    }
    csvtab_sel bound = {0, NULL};
    if (st == IMC_OK && filter) {
        /* bind a copy of the terms' column indices to this header */
        bound.n = filter->n;
        bound.terms = calloc(filter->n ? filter->n : 1, sizeof *bound.terms);
        if (!bound.terms)
            st = imc_fail(path, 0, "out of memory");
        for (size_t i = 0; st == IMC_OK && i < filter->n; i++) {
            bound.terms[i] = filter->terms[i];
            if (filter->terms[i].ref)
                st = imc_fail(path, 0, "row selector: '%s=$%s' refers to "
                              "another row; only literal values select "
                              "rows of a file", filter->terms[i].col,
                              filter->terms[i].value);
            else if ((bound.terms[i].col_index =
                          csvtab_col(t, filter->terms[i].col)) < 0)
                st = imc_fail(path, 1, "missing column '%s' (named in the "
                              "row selector)", filter->terms[i].col);
        }
    }
    size_t cap = 0;
    while (st == IMC_OK && (st = csvio_read(r)) == IMC_OK) {
        /* the record is not in the table yet: test its fields directly */
        int keep = 1;
        for (size_t i = 0; filter && keep && i < bound.n; i++) {
            const csvtab_term *k = &bound.terms[i];
            int eq = strcmp(csvio_field(r, (size_t)k->col_index),
                            k->value) == 0;
            keep = k->negate ? !eq : eq;
        }
        if (keep)
            st = append_row(t, r, &cap);
    }
    free(bound.terms);
    csvio_close(r);
    if (st != IMC_EOF) {
        csvtab_free(t);
        return IMC_EINPUT;
    }
    *out = t;
    return IMC_OK;
}

void
csvtab_free(csvtab *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->fields && i < t->nrows * t->ncols; i++)
        free(t->fields[i]);
    for (size_t i = 0; t->cols && i < t->ncols; i++)
        free(t->cols[i]);
    free(t->fields);
    free(t->lines);
    free(t->cols);
    free(t->path);
    free(t);
}

int
csvtab_col(const csvtab *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], name) == 0)
            return (int)i;
    return -1;
}

const char *
csvtab_field(const csvtab *t, size_t row, size_t col)
{
    return t->fields[row * t->ncols + col];
}

int
csvtab_nonfinite_p(const char *text)
{
    char *end;
    if (!*text)
        return 0;
    double x = strtod(text, &end);
    return *end == '\0' && !isfinite(x);
}

/* ------------------------------------------------------------- selectors */

/* Parse one term "COL=VAL" or "COL!=VAL" of n characters into k. */
static int
parse_term(const char *s, size_t n, int allow_refs, csvtab_term *k,
           char *why, size_t whylen)
{
    const char *eq = memchr(s, '=', n);
    if (!eq) {
        snprintf(why, whylen, "'%.*s' is not COL=VALUE or COL!=VALUE",
                 (int)n, s);
        return IMC_EINPUT;
    }
    size_t clen = (size_t)(eq - s);
    k->negate = clen > 0 && s[clen - 1] == '!';
    if (k->negate)
        clen--;
    if (clen == 0) {
        snprintf(why, whylen, "'%.*s' names no column", (int)n, s);
        return IMC_EINPUT;
    }
    const char *v = eq + 1;
    size_t vlen = n - (size_t)(v - s);
    k->ref = vlen > 0 && v[0] == '$';
    if (k->ref && !allow_refs) {
        snprintf(why, whylen, "'%.*s': a value starting with '$' refers "
                 "to a table row, which is only possible in a #table cell",
                 (int)n, s);
        return IMC_EINPUT;
    }
    if (k->ref) {
        v++;
        vlen--;
        if (vlen == 0) {
            snprintf(why, whylen, "'%.*s': '$' names no column", (int)n, s);
            return IMC_EINPUT;
        }
    }
    k->col = strndup(s, clen);
    k->value = strndup(v, vlen);
    k->col_index = k->ref_index = -1;
    if (!k->col || !k->value) {
        snprintf(why, whylen, "out of memory");
        return IMC_EINPUT;
    }
    return IMC_OK;
}

int
csvtab_sel_parse(const char *text, size_t n, char sep, int allow_refs,
                 csvtab_sel *out, char *why, size_t whylen)
{
    out->n = 0;
    out->terms = NULL;
    if (n == 0) {
        snprintf(why, whylen, "empty selector");
        return IMC_EINPUT;
    }
    size_t count = 1;
    for (size_t i = 0; i < n; i++)
        count += text[i] == sep;
    out->terms = calloc(count, sizeof *out->terms);
    if (!out->terms) {
        snprintf(why, whylen, "out of memory");
        return IMC_EINPUT;
    }
    const char *p = text, *end = text + n;
    while (out->n < count) {
        const char *q = memchr(p, sep, (size_t)(end - p));
        if (!q)
            q = end;
        if (q == p) {
            snprintf(why, whylen, "empty term in '%.*s'", (int)n, text);
            return IMC_EINPUT;
        }
        if (parse_term(p, (size_t)(q - p), allow_refs,
                       &out->terms[out->n++], why, whylen) != IMC_OK)
            return IMC_EINPUT;
        p = q + 1;
    }
    return IMC_OK;
}

void
csvtab_sel_free(csvtab_sel *s)
{
    if (!s)
        return;
    for (size_t i = 0; s->terms && i < s->n; i++) {
        free(s->terms[i].col);
        free(s->terms[i].value);
    }
    free(s->terms);
    s->terms = NULL;
    s->n = 0;
}

int
csvtab_sel_bind(csvtab_sel *s, const csvtab *t, const csvtab *ctx,
                size_t *bad, int *bad_ref)
{
    for (size_t i = 0; i < s->n; i++) {
        csvtab_term *k = &s->terms[i];
        *bad = i;
        *bad_ref = 0;
        if ((k->col_index = csvtab_col(t, k->col)) < 0)
            return IMC_EINPUT;
        if (k->ref) {
            *bad_ref = 1;
            if (!ctx || (k->ref_index = csvtab_col(ctx, k->value)) < 0)
                return IMC_EINPUT;
        }
    }
    return IMC_OK;
}

int
csvtab_sel_match_p(const csvtab_sel *s, const csvtab *t, size_t row,
                   const csvtab *ctx, size_t ctx_row)
{
    for (size_t i = 0; i < s->n; i++) {
        const csvtab_term *k = &s->terms[i];
        const char *want = k->ref
            ? csvtab_field(ctx, ctx_row, (size_t)k->ref_index) : k->value;
        int eq = strcmp(csvtab_field(t, row, (size_t)k->col_index),
                        want) == 0;
        if (k->negate ? eq : !eq)
            return 0;
    }
    return 1;
}

int
csvtab_spec_parse(const char *spec, char **path, csvtab_sel *sel, char *why,
                  size_t whylen)
{
    const char *colon = strchr(spec, ':');
    size_t plen = colon ? (size_t)(colon - spec) : strlen(spec);
    sel->n = 0;
    sel->terms = NULL;
    *path = NULL;
    if (plen == 0) {
        snprintf(why, whylen, "'%s' names no file", spec);
        return IMC_EINPUT;
    }
    if (colon && csvtab_sel_parse(colon + 1, strlen(colon + 1), ':', 0, sel,
                                  why, whylen) != IMC_OK)
        return IMC_EINPUT;
    if (!(*path = strndup(spec, plen))) {
        snprintf(why, whylen, "out of memory");
        return IMC_EINPUT;
    }
    return IMC_OK;
}
