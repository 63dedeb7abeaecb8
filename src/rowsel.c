/* rowsel.c: the rows of a CSV that a "FILE[:COL=VALUE...]" spec names
 * (see rowsel.h). */
#include "rowsel.h"
#include "err.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct rowsel_reader {
    csvio_reader *r;
    char *copy;                          /* the spec, cut into pieces */
    char *filters;                       /* ":COL=VALUE..." as given */
    size_t nfilter;
    const char *value[ROWSEL_MAX_FILTERS];
    int col[ROWSEL_MAX_FILTERS];
    size_t nmatched;
};

/* Length of the "NAME=" that starts at s (a column name then '='), or 0. */
static size_t
filter_head(const char *s)
{
    size_t n = 0;
    if (!(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    return s[n] == '=' ? n + 1 : 0;
}

int
rowsel_open(const char *spec, rowsel_reader **out)
{
    *out = NULL;
    rowsel_reader *s = calloc(1, sizeof *s);
    size_t len = strlen(spec);
    char *copy = malloc(2 * len + 2);
    if (!s || !copy) {
        free(s);
        free(copy);
        return imc_fail(spec, 0, "out of memory");
    }
    s->copy = copy;
    memcpy(copy, spec, len + 1);
    /* The filters as given, kept whole beside the cut-up copy. */
    s->filters = copy + len + 1;
    s->filters[0] = '\0';
    const char *name[ROWSEL_MAX_FILTERS];
    for (size_t i = 0; i < len; i++) {
        if (copy[i] != ':' || !filter_head(copy + i + 1))
            continue;
        if (s->nfilter == 0)
            memcpy(s->filters, spec + i, len - i + 1);
        if (s->nfilter == ROWSEL_MAX_FILTERS) {
            free(copy);
            free(s);
            return imc_fail(spec, 0, "more than %d COL=VALUE filters",
                            ROWSEL_MAX_FILTERS);
        }
        copy[i] = '\0';
        size_t h = filter_head(copy + i + 1);
        name[s->nfilter] = copy + i + 1;
        copy[i + h] = '\0';                 /* the '=' */
        s->value[s->nfilter] = copy + i + 1 + h;
        s->nfilter++;
        i += h;
    }
    s->r = csvio_open(copy);
    int st = s->r ? IMC_OK : IMC_EINPUT;
    for (size_t k = 0; k < s->nfilter && st == IMC_OK; k++)
        if ((s->col[k] = csvio_require(s->r, name[k])) < 0)
            st = IMC_EINPUT;
    if (st != IMC_OK) {
        rowsel_close(s);
        return st;
    }
    *out = s;
    return IMC_OK;
}

void
rowsel_close(rowsel_reader *s)
{
    if (!s)
        return;
    csvio_close(s->r);
    free(s->copy);
    free(s);
}

int
rowsel_read(rowsel_reader *s)
{
    int st;
    while ((st = csvio_read(s->r)) == IMC_OK) {
        size_t k = 0;
        while (k < s->nfilter &&
               strcmp(csvio_field(s->r, (size_t)s->col[k]), s->value[k]) == 0)
            k++;
        if (k == s->nfilter) {
            s->nmatched++;
            return IMC_OK;
        }
    }
    return st;
}

csvio_reader *
rowsel_csv(const rowsel_reader *s)
{
    return s->r;
}

const char *
rowsel_path(const rowsel_reader *s)
{
    return csvio_path(s->r);
}

const char *
rowsel_filters(const rowsel_reader *s)
{
    return s->filters;
}

size_t
rowsel_nmatched(const rowsel_reader *s)
{
    return s->nmatched;
}

int
rowsel_fail_empty(const rowsel_reader *s)
{
    if (s->nfilter)
        return imc_fail(rowsel_path(s), 0, "no rows match %s",
                        s->filters + 1);
    return imc_fail(rowsel_path(s), 0, "no rows after the header");
}
