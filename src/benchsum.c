/* benchsum.c: bench.sh's figures from its raw runs (see benchsum.h). */
#include "benchsum.h"
#include "csvio.h"
#include "err.h"
#include "summary.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { THIS, BASE };
static const char *const side_name[] = {"this", "base"};

/* Integers up to this are printed in full, as awk prints them. */
#define BENCHSUM_INT_MAX 2147483647.0

typedef struct bs_run {
    double v;     /* the value, or the duration rounded to milliseconds */
    char *text;   /* how it is printed as a median */
    size_t order; /* position in the file, to break ties */
} bs_run;

typedef struct bs_side {
    bs_run *runs;
    size_t n, cap;
    double median;
    const char *median_text; /* a run's text, or med_buf */
    char med_buf[32];
} bs_side;

typedef struct bs_figure {
    char *name, *unit;
    long line;  /* of its first run */
    int timed;  /* 1: start_s/end_s runs, 0: value runs */
    bs_side side[2];
    double speedup;
} bs_figure;

struct benchsum {
    bs_figure *fig;
    size_t n, cap;
    int has_base;
};

void
benchsum_free(benchsum *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        for (int s = THIS; s <= BASE; s++) {
            for (size_t k = 0; k < b->fig[i].side[s].n; k++)
                free(b->fig[i].side[s].runs[k].text);
            free(b->fig[i].side[s].runs);
        }
        free(b->fig[i].name);
        free(b->fig[i].unit);
    }
    free(b->fig);
    free(b);
}

/* A plain decimal number >= 0 (digits, a point, an exponent: nothing a
 * line of `name value unit` could not show as it is), into *v. */
static int
plain_number(const char *s, double *v)
{
    if (!isdigit((unsigned char)s[0]) && s[0] != '.')
        return IMC_EINPUT;
    if (s[strspn(s, "0123456789.eE+-")] != '\0')
        return IMC_EINPUT;
    return csvio_to_double(s, v) == IMC_OK && *v >= 0 ? IMC_OK : IMC_EINPUT;
}

/* Field `col` of the current record as a name: not empty, no spaces. */
static int
get_name(const csvio_reader *r, int col, const char **out)
{
    const char *s = csvio_field(r, (size_t)col);
    int bad = !*s;
    for (const char *p = s; *p; p++)
        bad |= isspace((unsigned char)*p) != 0;
    if (bad)
        return csvio_fail(r, "column '%s': got '%s', expected a name "
                          "without spaces", csvio_colname(r, (size_t)col), s);
    *out = s;
    return IMC_OK;
}

static int
get_time(const csvio_reader *r, int col, double *out)
{
    const char *s = csvio_field(r, (size_t)col);
    if (plain_number(s, out))
        return csvio_fail(r, "column '%s': got '%s', expected a time in "
                          "seconds >= 0", csvio_colname(r, (size_t)col), s);
    return IMC_OK;
}

/* The figure called name, added (with its unit, kind and line) when it is
 * new; NULL when out of memory (reported). */
static bs_figure *
figure_of(benchsum *b, const csvio_reader *r, const char *name,
          const char *unit, int timed)
{
    for (size_t i = 0; i < b->n; i++)
        if (strcmp(b->fig[i].name, name) == 0)
            return &b->fig[i];
    if (b->n == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 8;
        bs_figure *f = realloc(b->fig, cap * sizeof *f);
        if (!f) {
            csvio_fail(r, "out of memory");
            return NULL;
        }
        b->fig = f;
        b->cap = cap;
    }
    bs_figure *f = &b->fig[b->n];
    memset(f, 0, sizeof *f);
    f->name = strdup(name);
    f->unit = strdup(unit);
    if (!f->name || !f->unit) {
        free(f->name);
        free(f->unit);
        csvio_fail(r, "out of memory");
        return NULL;
    }
    f->line = csvio_line(r);
    f->timed = timed;
    b->n++;
    return f;
}

static int
add_run(const csvio_reader *r, bs_side *s, double v, const char *text,
        size_t order)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 8;
        bs_run *runs = realloc(s->runs, cap * sizeof *runs);
        if (!runs)
            return csvio_fail(r, "out of memory");
        s->runs = runs;
        s->cap = cap;
    }
    char *copy = strdup(text);
    if (!copy)
        return csvio_fail(r, "out of memory");
    s->runs[s->n++] = (bs_run){v, copy, order};
    return IMC_OK;
}

/* One record: checked, then added to its figure. */
static int
read_run(benchsum *b, const csvio_reader *r, const int *col, size_t order)
{
    const char *name, *unit, *side = csvio_field(r, (size_t)col[2]);
    const char *value = csvio_field(r, (size_t)col[3]);
    const char *start = csvio_field(r, (size_t)col[4]);
    const char *end = csvio_field(r, (size_t)col[5]);
    if (get_name(r, col[0], &name) || get_name(r, col[1], &unit))
        return IMC_EINPUT;
    int which = strcmp(side, "this") == 0 ? THIS
                : strcmp(side, "base") == 0 ? BASE : -1;
    if (which < 0)
        return csvio_fail(r, "column 'side': got '%s', expected this or "
                          "base", side);
    int timed = !*value;
    if (!timed && (*start || *end))
        return csvio_fail(r, "expected value, or start_s and end_s, not "
                          "both");
    if (timed && (!*start || !*end))
        return csvio_fail(r, "expected value, or start_s and end_s");
    double v, t0, t1;
    char text[400]; /* "%.3f" of a duration up to DBL_MAX: 313 bytes */
    if (!timed) {
        if (plain_number(value, &v))
            return csvio_fail(r, "column 'value': got '%s', expected a "
                              "number >= 0", value);
    } else {
        if (get_time(r, col[4], &t0) || get_time(r, col[5], &t1))
            return IMC_EINPUT;
        if (t1 < t0)
            return csvio_fail(r, "end_s '%s' is before start_s '%s'", end,
                              start);
        /* milliseconds, as bench.sh has always printed a run's time */
        snprintf(text, sizeof text, "%.3f", t1 - t0);
        v = strtod(text, NULL);
    }
    bs_figure *f = figure_of(b, r, name, unit, timed);
    if (!f)
        return IMC_EINPUT;
    if (strcmp(f->unit, unit) != 0)
        return csvio_fail(r, "figure '%s': unit '%s', but '%s' on line %ld",
                          name, unit, f->unit, f->line);
    if (f->timed != timed)
        return csvio_fail(r, "figure '%s': a %s run, but a %s run on line "
                          "%ld", name, timed ? "timed" : "value",
                          f->timed ? "timed" : "value", f->line);
    b->has_base |= which == BASE;
    return add_run(r, &f->side[which], v, timed ? text : value, order);
}

static int
cmp_run(const void *pa, const void *pb)
{
    const bs_run *a = pa, *b = pb;
    if (a->v < b->v || (!(a->v > b->v) && a->order < b->order))
        return -1;
    return a->v > b->v || a->order > b->order;
}

/* The median of a side and its text: the middle run's own text for an
 * odd count, else "%.6g" (an integer in full, as awk would). */
static int
side_median(bs_side *s, const char *path)
{
    double *v = malloc(s->n * sizeof *v);
    if (!v)
        return imc_fail(path, 0, "out of memory");
    qsort(s->runs, s->n, sizeof *s->runs, cmp_run);
    for (size_t k = 0; k < s->n; k++)
        v[k] = s->runs[k].v;
    s->median = summary_quantile_sorted(v, s->n, 0.5);
    free(v);
    if (s->n % 2)
        s->median_text = s->runs[s->n / 2].text;
    else {
        int whole = s->median <= floor(s->median) &&
                    s->median <= BENCHSUM_INT_MAX;
        snprintf(s->med_buf, sizeof s->med_buf, whole ? "%.0f" : "%.6g",
                 s->median);
        s->median_text = s->med_buf;
    }
    return IMC_OK;
}

/* Every figure's medians and speedup, once all rows are in. */
static int
finish(benchsum *b, const char *path, long header_line)
{
    if (b->n == 0)
        return imc_fail(path, header_line, "no runs (expected rows after "
                        "the header)");
    const bs_figure *with_base = NULL;
    for (size_t i = 0; i < b->n && !with_base; i++)
        if (b->fig[i].side[BASE].n)
            with_base = &b->fig[i];
    for (size_t i = 0; i < b->n; i++) {
        bs_figure *f = &b->fig[i];
        if (!f->side[THIS].n)
            return imc_fail(path, f->line, "figure '%s' has base runs but "
                            "no this runs", f->name);
        if (with_base && !f->side[BASE].n)
            return imc_fail(path, f->line, "figure '%s' has no base runs, "
                            "but figure '%s' has", f->name, with_base->name);
        for (int s = THIS; s <= (b->has_base ? BASE : THIS); s++)
            if (side_median(&f->side[s], path))
                return IMC_EINPUT;
        if (!b->has_base)
            continue;
        size_t nl = strlen(f->name);
        int rate = nl >= 6 && strcmp(f->name + nl - 6, "_per_s") == 0;
        int num = rate ? THIS : BASE, den = rate ? BASE : THIS;
        if (!(f->side[den].median > 0))
            return imc_fail(path, f->line, "figure '%s': the median of its "
                            "%s runs is 0, so it has no speedup", f->name,
                            side_name[den]);
        f->speedup = f->side[num].median / f->side[den].median;
        if (!isfinite(f->speedup))
            return imc_fail(path, f->line, "figure '%s': the speedup %s/%s "
                            "is not finite", f->name,
                            f->side[num].median_text,
                            f->side[den].median_text);
    }
    return IMC_OK;
}

int
benchsum_read(const char *path, benchsum **out)
{
    static const char *const names[] = {"figure", "unit", "side", "value",
                                        "start_s", "end_s"};
    *out = NULL;
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    int col[6];
    benchsum *b = calloc(1, sizeof *b);
    int st = b ? csvio_require_all(r, names, 6, col)
               : csvio_fail(r, "out of memory");
    long header_line = csvio_line(r);
    size_t order = 0;
    while (st == IMC_OK && (st = csvio_read(r)) == IMC_OK)
        st = read_run(b, r, col, order++);
    if (st == IMC_EOF)
        st = finish(b, csvio_path(r), header_line);
    csvio_close(r);
    if (st != IMC_OK) {
        benchsum_free(b);
        return st;
    }
    *out = b;
    return IMC_OK;
}

int
benchsum_write(FILE *fp, const benchsum *b)
{
    for (size_t i = 0; i < b->n; i++) {
        const bs_figure *f = &b->fig[i];
        if (b->has_base)
            fprintf(fp, "%s %s %s %s %.2fx\n", f->name,
                    f->side[THIS].median_text, f->side[BASE].median_text,
                    f->unit, f->speedup);
        else
            fprintf(fp, "%s %s %s\n", f->name, f->side[THIS].median_text,
                    f->unit);
    }
    return IMC_OK;
}
