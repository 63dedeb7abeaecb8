/* summary.c: quantiles, the bootstrap interval of the median and the
 * summarise table (see summary.h). */
#include "summary.h"
#include "csvio.h"
#include "err.h"
#include "rowsel.h"

#include <gsl/gsl_sort.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ statistics */

int
summary_missing_p(double v)
{
    return !isfinite(v);
}

void
summary_put(FILE *fp, double v)
{
    if (!summary_missing_p(v))
        csvio_put_double(fp, v);
}

void
summary_put_list(FILE *fp, const double *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        fputc(',', fp);
        summary_put(fp, v[i]);
    }
}

double
summary_quantile_sorted(const double *sorted, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t i = (size_t)floor(h);
    if (i >= n - 1)
        return sorted[n - 1];
    return sorted[i] + (h - (double)i) * (sorted[i + 1] - sorted[i]);
}

int
summary_describe(const double *x, size_t n, double *work, summary_stats *out)
{
    out->n = n;
    if (n == 0) {
        out->mean = out->min = out->max = SUMMARY_MISSING;
        out->p5 = out->p25 = out->median = SUMMARY_MISSING;
        out->p75 = out->p95 = SUMMARY_MISSING;
        return IMC_OK;
    }
    memcpy(work, x, n * sizeof *x);
    gsl_sort(work, 1, n);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += work[i];
    out->mean = sum / (double)n;
    out->min = work[0];
    out->max = work[n - 1];
    out->p5 = summary_quantile_sorted(work, n, 0.05);
    out->p25 = summary_quantile_sorted(work, n, 0.25);
    out->median = summary_quantile_sorted(work, n, 0.5);
    out->p75 = summary_quantile_sorted(work, n, 0.75);
    out->p95 = summary_quantile_sorted(work, n, 0.95);
    return IMC_OK;
}

/* ------------------------------------------------------------ bootstrap */

summary_boot *
summary_boot_alloc(size_t nmax, size_t resamples)
{
    if (nmax == 0 || resamples == 0 || resamples > SUMMARY_MAX_RESAMPLES) {
        imc_fail(NULL, 0, "bootstrap: got %zu values and %zu resamples, "
                 "expected at least 1 value and 1 to %lu resamples", nmax,
                 resamples, SUMMARY_MAX_RESAMPLES);
        return NULL;
    }
    summary_boot *w = calloc(1, sizeof *w);
    if (w) {
        w->nmax = nmax;
        w->resamples = resamples;
        w->rank = malloc(nmax * sizeof *w->rank);
        w->count = malloc(nmax * sizeof *w->count);
        w->sorted = malloc(nmax * sizeof *w->sorted);
        w->medians = malloc(resamples * sizeof *w->medians);
    }
    if (!w || !w->rank || !w->count || !w->sorted || !w->medians) {
        summary_boot_free(w);
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    return w;
}

void
summary_boot_free(summary_boot *w)
{
    if (!w)
        return;
    free(w->rank);
    free(w->count);
    free(w->sorted);
    free(w->medians);
    free(w);
}

int
summary_boot_median_ci(summary_boot *w, const double *x, size_t n,
                       double level, gsl_rng *rng, double *lo, double *hi)
{
    if (n == 0 || n > w->nmax || !(level > 0 && level < 1))
        return IMC_EINPUT;
    /* A resample's median needs only how often each datum was drawn: with
     * the data's ranks known, counting the drawn ranks gives the order
     * statistics without sorting every resample. */
    gsl_sort_index(w->count, x, 1, n);
    for (size_t k = 0; k < n; k++) {
        w->rank[w->count[k]] = k;
        w->sorted[k] = x[w->count[k]];
    }
    double h = (double)(n - 1) * 0.5;
    size_t i0 = (size_t)floor(h);
    size_t i1 = i0 + 1 < n ? i0 + 1 : i0;
    double frac = h - (double)i0;
    for (size_t b = 0; b < w->resamples; b++) {
        memset(w->count, 0, n * sizeof *w->count);
        for (size_t i = 0; i < n; i++)
            w->count[w->rank[gsl_rng_uniform_int(rng, n)]]++;
        double a = 0, c = 0;
        size_t cum = 0;
        for (size_t k = 0; k < n; k++) {
            size_t before = cum;
            cum += w->count[k];
            if (before <= i0 && i0 < cum)
                a = w->sorted[k];
            if (before <= i1 && i1 < cum) {
                c = w->sorted[k];
                break;
            }
        }
        w->medians[b] = a + frac * (c - a);
    }
    gsl_sort(w->medians, 1, w->resamples);
    *lo = summary_quantile_sorted(w->medians, w->resamples, (1 - level) / 2);
    *hi = summary_quantile_sorted(w->medians, w->resamples, (1 + level) / 2);
    return IMC_OK;
}

/* ------------------------------------------------------------ strings */

/* A set of byte strings (NUL bytes allowed inside), each with an index in
 * order of insertion; open addressing on an FNV-1a hash. */
typedef struct strtab {
    size_t n, cap;
    char **s;
    size_t *len;
    size_t nslot;
    size_t *slot;       /* index + 1, 0 when free */
} strtab;

static uint64_t
fnv1a(const char *s, size_t len)
{
    /* FNV-1a, 64-bit offset basis and prime (Fowler, Noll, Vo). */
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

static void
strtab_free(strtab *t)
{
    for (size_t i = 0; i < t->n; i++)
        free(t->s[i]);
    free(t->s);
    free(t->len);
    free(t->slot);
    memset(t, 0, sizeof *t);
}

/* Rebuild the hash slots at twice the size. */
static int
strtab_grow_slots(strtab *t)
{
    size_t nslot = t->nslot ? 2 * t->nslot : 64;
    size_t *slot = calloc(nslot, sizeof *slot);
    if (!slot)
        return IMC_EINPUT;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = (size_t)(fnv1a(t->s[i], t->len[i]) & (nslot - 1));
        while (slot[k])
            k = (k + 1) & (nslot - 1);
        slot[k] = i + 1;
    }
    free(t->slot);
    t->slot = slot;
    t->nslot = nslot;
    return IMC_OK;
}

/* Find s[0..len-1] in t, adding it when new: *idx is its index, *added 1
 * when it was new.  IMC_OK, or IMC_EINPUT (reported) when out of memory. */
static int
strtab_intern(strtab *t, const char *s, size_t len, size_t *idx, int *added)
{
    if (2 * (t->n + 1) > t->nslot && strtab_grow_slots(t))
        return imc_fail(NULL, 0, "out of memory");
    size_t k = (size_t)(fnv1a(s, len) & (t->nslot - 1));
    for (; t->slot[k]; k = (k + 1) & (t->nslot - 1)) {
        size_t i = t->slot[k] - 1;
        if (t->len[i] == len && memcmp(t->s[i], s, len) == 0) {
            *idx = i;
            *added = 0;
            return IMC_OK;
        }
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        char **ns = realloc(t->s, cap * sizeof *ns);
        if (ns)
            t->s = ns;
        size_t *nl = ns ? realloc(t->len, cap * sizeof *nl) : NULL;
        if (!nl)
            return imc_fail(NULL, 0, "out of memory");
        t->len = nl;
        t->cap = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return imc_fail(NULL, 0, "out of memory");
    memcpy(copy, s, len);
    copy[len] = '\0';
    t->s[t->n] = copy;
    t->len[t->n] = len;
    t->slot[k] = t->n + 1;
    *idx = t->n++;
    *added = 1;
    return IMC_OK;
}

/* ------------------------------------------------------------ table */

/* One input row: its group, its replicate-column value, where it was. */
typedef struct trow {
    size_t group;
    size_t label;
    size_t path;        /* index into paths */
    long line;
} trow;

struct summary_table {
    size_t ngroup, nmetric;
    char **group;           /* group column names */
    char **metric;          /* metric column names */
    char *rep_col, *pattern;
    strtab groups;          /* group keys: the values, each NUL-ended */
    strtab labels;          /* replicate-column values */
    strtab seen;            /* "group\0label" pairs, to refuse repeats */
    size_t *seen_row;       /* row of each pair's first appearance */
    size_t nrow, caprow;
    trow *row;
    double *value;          /* nrow x nmetric, SUMMARY_MISSING when empty */
    strtab paths;           /* input files */
};

/* Predicate: label matches the replicate pattern. */
static int
replicate_p(const summary_table *t, const char *label)
{
    size_t n = strlen(t->pattern);
    if (n > 0 && t->pattern[n - 1] == '*')
        return strncmp(label, t->pattern, n - 1) == 0;
    return strcmp(label, t->pattern) == 0;
}

/* Copy n names into a new array; NULL when out of memory. */
static char **
copy_names(const char *const *names, size_t n)
{
    char **v = calloc(n ? n : 1, sizeof *v);
    for (size_t i = 0; v && i < n; i++)
        if (!(v[i] = strdup(names[i]))) {
            while (i--)
                free(v[i]);
            free(v);
            return NULL;
        }
    return v;
}

static void
free_names(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        free(v[i]);
    free(v);
}

summary_table *
summary_table_alloc(const char *const *group, size_t ngroup,
                    const char *const *metric, size_t nmetric,
                    const char *rep_col, const char *pattern)
{
    /* A column may play one part only: two parts would make the output
     * header name it twice. */
    for (size_t i = 0; i < ngroup + nmetric + 1; i++) {
        const char *a = i < ngroup ? group[i]
                        : i < ngroup + nmetric ? metric[i - ngroup] : rep_col;
        for (size_t j = 0; j < i; j++) {
            const char *b = j < ngroup ? group[j] : metric[j - ngroup];
            if (strcmp(a, b) == 0) {
                imc_fail(NULL, 0, "column '%s' named twice", a);
                return NULL;
            }
        }
    }
    summary_table *t = calloc(1, sizeof *t);
    if (t) {
        t->ngroup = ngroup;
        t->nmetric = nmetric;
        t->group = copy_names(group, ngroup);
        t->metric = copy_names(metric, nmetric);
        t->rep_col = strdup(rep_col);
        t->pattern = strdup(pattern);
    }
    if (!t || !t->group || !t->metric || !t->rep_col || !t->pattern) {
        summary_table_free(t);
        imc_fail(NULL, 0, "out of memory");
        return NULL;
    }
    return t;
}

void
summary_table_free(summary_table *t)
{
    if (!t)
        return;
    free_names(t->group, t->ngroup);
    free_names(t->metric, t->nmetric);
    free(t->rep_col);
    free(t->pattern);
    strtab_free(&t->groups);
    strtab_free(&t->labels);
    strtab_free(&t->seen);
    strtab_free(&t->paths);
    free(t->seen_row);
    free(t->row);
    free(t->value);
    free(t);
}

/* Room for one more row (and its pair record); IMC_OK or reported. */
static int
reserve_row(summary_table *t)
{
    if (t->nrow < t->caprow)
        return IMC_OK;
    size_t cap = t->caprow ? 2 * t->caprow : 64;
    trow *r = realloc(t->row, cap * sizeof *r);
    if (r)
        t->row = r;
    double *v = r ? realloc(t->value, cap * t->nmetric * sizeof *v) : NULL;
    if (v)
        t->value = v;
    size_t *s = v ? realloc(t->seen_row, cap * sizeof *s) : NULL;
    if (!s)
        return imc_fail(NULL, 0, "out of memory");
    t->seen_row = s;
    t->caprow = cap;
    return IMC_OK;
}

/* The group key of the current record: each group value and a NUL, in
 * key[0..*len-1] (a malloc'd buffer the caller frees). */
static char *
group_key(const csvio_reader *r, const int *gcol, size_t ngroup, size_t *len)
{
    size_t n = 0;
    for (size_t g = 0; g < ngroup; g++)
        n += strlen(csvio_field(r, (size_t)gcol[g])) + 1;
    char *key = malloc(n + 1);
    if (!key)
        return NULL;
    size_t at = 0;
    for (size_t g = 0; g < ngroup; g++) {
        const char *v = csvio_field(r, (size_t)gcol[g]);
        size_t m = strlen(v) + 1;
        memcpy(key + at, v, m);
        at += m;
    }
    *len = n;
    return key;
}

/* Take the current record of r (file index path) into the table. */
static int
add_record(summary_table *t, const csvio_reader *r, size_t path,
           const int *gcol, const int *mcol, int rcol)
{
    const char *label = csvio_field(r, (size_t)rcol);
    if (!label[0])
        return csvio_fail(r, "column '%s' is empty", t->rep_col);
    int st = reserve_row(t);
    if (st)
        return st;
    trow *row = &t->row[t->nrow];
    double *v = &t->value[t->nrow * t->nmetric];
    for (size_t m = 0; m < t->nmetric; m++) {
        v[m] = SUMMARY_MISSING;
        if (csvio_field(r, (size_t)mcol[m])[0] &&
            (st = csvio_get_double(r, (size_t)mcol[m], &v[m])))
            return st;
    }
    size_t len;
    char *key = group_key(r, gcol, t->ngroup, &len);
    if (!key)
        return imc_fail(NULL, 0, "out of memory");
    int added;
    st = strtab_intern(&t->groups, key, len, &row->group, &added);
    free(key);
    if (!st)
        st = strtab_intern(&t->labels, label, strlen(label), &row->label,
                           &added);
    if (st)
        return st;
    /* The pair (group, label) once only: a second row would mean a group
     * column is missing from --group or the inputs overlap. */
    char pair[64];
    int np = snprintf(pair, sizeof pair, "%zu:%zu", row->group, row->label);
    size_t id;
    if ((st = strtab_intern(&t->seen, pair, (size_t)np, &id, &added)))
        return st;
    if (!added) {
        const trow *first = &t->row[t->seen_row[id]];
        return csvio_fail(r, "%s '%s' appears twice in one group (first at "
                          "%s:%ld)", t->rep_col, label, t->paths.s[first->path],
                          first->line);
    }
    t->seen_row[id] = t->nrow;
    row->path = path;
    row->line = csvio_line(r);
    t->nrow++;
    return IMC_OK;
}

int
summary_table_add(summary_table *t, const char *spec)
{
    rowsel_reader *s;
    int st = rowsel_open(spec, &s);
    if (st)
        return st;
    csvio_reader *r = rowsel_csv(s);
    int *col = malloc((t->ngroup + t->nmetric + 1) * sizeof *col);
    if (!col) {
        rowsel_close(s);
        return imc_fail(NULL, 0, "out of memory");
    }
    if (!(st = csvio_require_all(r, (const char *const *)t->group,
                                 t->ngroup, col)) &&
        !(st = csvio_require_all(r, (const char *const *)t->metric,
                                 t->nmetric, col + t->ngroup)) &&
        (col[t->ngroup + t->nmetric] = csvio_require(r, t->rep_col)) < 0)
        st = IMC_EINPUT;
    const char *path = rowsel_path(s);
    size_t pi = 0;
    int added;
    if (!st)
        st = strtab_intern(&t->paths, path, strlen(path), &pi, &added);
    while (!st && (st = rowsel_read(s)) == IMC_OK)
        st = add_record(t, r, pi, col, col + t->ngroup,
                        col[t->ngroup + t->nmetric]);
    if (st == IMC_EOF)
        st = rowsel_nmatched(s) ? IMC_OK : rowsel_fail_empty(s);
    free(col);
    rowsel_close(s);
    return st;
}

/* The fixed statistics columns, for the header and for name clashes. */
static const char *const stat_cols[] = {
    "metric", "n", "n_missing", "median", "ci_lo", "ci_hi", "mean",
    "min", "p5", "p25", "p75", "p95", "max"};
#define NSTAT (sizeof stat_cols / sizeof stat_cols[0])

/* Column of each label among the extra columns (or -1 for replicate
 * labels) into extra[], their count into *nextra; checks that no extra
 * name repeats an output column. */
static int
extra_columns(const summary_table *t, long *extra, size_t *nextra)
{
    size_t n = 0, nrep = 0;
    for (size_t l = 0; l < t->labels.n; l++) {
        const char *name = t->labels.s[l];
        if (replicate_p(t, name)) {
            extra[l] = -1;
            nrep++;
            continue;
        }
        for (size_t k = 0; k < NSTAT + t->ngroup; k++) {
            const char *c = k < NSTAT ? stat_cols[k] : t->group[k - NSTAT];
            if (strcmp(name, c) == 0)
                return imc_fail(NULL, 0, "%s value '%s' would name an output "
                                "column twice", t->rep_col, name);
        }
        extra[l] = (long)n++;
    }
    if (nrep == 0)
        return imc_fail(NULL, 0, "no row's %s matches '%s' (no replicates)",
                        t->rep_col, t->pattern);
    *nextra = n;
    return IMC_OK;
}

static void
write_header(FILE *fp, const summary_table *t, const long *extra)
{
    for (size_t g = 0; g < t->ngroup; g++) {
        csvio_put_string(fp, t->group[g]);
        fputc(',', fp);
    }
    for (size_t k = 0; k < NSTAT; k++)
        fprintf(fp, "%s%s", k ? "," : "", stat_cols[k]);
    for (size_t l = 0; l < t->labels.n; l++)
        if (extra[l] >= 0) {
            fputc(',', fp);
            csvio_put_string(fp, t->labels.s[l]);
        }
    fputc('\n', fp);
}

/* The group values of group g (its key's NUL-ended pieces), each followed
 * by a comma. */
static void
write_group(FILE *fp, const summary_table *t, size_t g)
{
    const char *p = t->groups.s[g];
    for (size_t k = 0; k < t->ngroup; k++) {
        csvio_put_string(fp, p);
        fputc(',', fp);
        p += strlen(p) + 1;
    }
}

/* Workspace of one write. */
typedef struct table_ws {
    size_t *order;      /* row indices, grouped */
    size_t *start;      /* first entry of each group in order, ngroups+1 */
    long *extra;        /* column of each label (-1: replicate) */
    double *x, *work;   /* replicate values, sort space */
    double *extra_val;  /* one group's extra values */
    summary_boot *boot;
    gsl_rng *rng;
} table_ws;

static void
table_ws_free(table_ws *w)
{
    free(w->order);
    free(w->start);
    free(w->extra);
    free(w->x);
    free(w->work);
    free(w->extra_val);
    summary_boot_free(w->boot);
    if (w->rng)
        gsl_rng_free(w->rng);
}

/* Group the rows (a counting sort, keeping input order inside a group)
 * and allocate the rest of the workspace. */
static int
table_ws_alloc(table_ws *w, const summary_table *t, size_t resamples)
{
    memset(w, 0, sizeof *w);
    size_t ng = t->groups.n, nl = t->labels.n ? t->labels.n : 1;
    w->order = malloc((t->nrow ? t->nrow : 1) * sizeof *w->order);
    w->start = calloc(ng + 1, sizeof *w->start);
    w->extra = malloc(nl * sizeof *w->extra);
    w->extra_val = malloc(nl * sizeof *w->extra_val);
    if (!w->order || !w->start || !w->extra || !w->extra_val)
        return imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; i < t->nrow; i++)
        w->start[t->row[i].group + 1]++;
    size_t nmax = 1;
    for (size_t g = 0; g < ng; g++) {
        if (w->start[g + 1] > nmax)
            nmax = w->start[g + 1];
        w->start[g + 1] += w->start[g];
    }
    size_t *fill = calloc(ng ? ng : 1, sizeof *fill);
    if (!fill)
        return imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; i < t->nrow; i++) {
        size_t g = t->row[i].group;
        w->order[w->start[g] + fill[g]++] = i;
    }
    free(fill);
    w->x = malloc(nmax * sizeof *w->x);
    w->work = malloc(nmax * sizeof *w->work);
    w->rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!w->x || !w->work || !w->rng)
        return imc_fail(NULL, 0, "out of memory");
    w->boot = summary_boot_alloc(nmax, resamples);
    return w->boot ? IMC_OK : IMC_EINPUT;
}

/* One output row: group g, metric m. */
static void
write_summary_row(FILE *fp, const summary_table *t, table_ws *w, size_t g,
                  size_t m, size_t nextra, unsigned long seed, double level)
{
    size_t n = 0, missing = 0;
    for (size_t e = 0; e < nextra; e++)
        w->extra_val[e] = SUMMARY_MISSING;
    for (size_t k = w->start[g]; k < w->start[g + 1]; k++) {
        size_t i = w->order[k];
        double v = t->value[i * t->nmetric + m];
        long e = w->extra[t->row[i].label];
        if (e >= 0)
            w->extra_val[e] = v;
        else if (summary_missing_p(v))
            missing++;
        else
            w->x[n++] = v;
    }
    summary_stats s;
    summary_describe(w->x, n, w->work, &s);
    double lo = SUMMARY_MISSING, hi = SUMMARY_MISSING;
    if (n > 0) {
        gsl_rng_set(w->rng, seed);
        summary_boot_median_ci(w->boot, w->x, n, level, w->rng, &lo, &hi);
    }
    write_group(fp, t, g);
    csvio_put_string(fp, t->metric[m]);
    fprintf(fp, ",%zu,%zu", n, missing);
    const double v[] = {s.median, lo, hi, s.mean, s.min, s.p5,
                        s.p25, s.p75, s.p95, s.max};
    summary_put_list(fp, v, sizeof v / sizeof v[0]);
    summary_put_list(fp, w->extra_val, nextra);
    fputc('\n', fp);
}

int
summary_table_write(FILE *fp, const summary_table *t, unsigned long seed,
                    size_t resamples, double level)
{
    table_ws w;
    size_t nextra = 0;
    int st = table_ws_alloc(&w, t, resamples);
    if (!st)
        st = extra_columns(t, w.extra, &nextra);
    if (!st) {
        write_header(fp, t, w.extra);
        for (size_t g = 0; g < t->groups.n; g++)
            for (size_t m = 0; m < t->nmetric; m++)
                write_summary_row(fp, t, &w, g, m, nextra, seed, level);
    }
    table_ws_free(&w);
    return st;
}
