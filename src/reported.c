/* reported.c: the papers' numbers joined with the reproduced ones (see
 * reported.h). */
#include "reported.h"
#include "csvio.h"
#include "csvtab.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

/* ================================================================ tables */

/* A CSV held whole (csvtab.h) under the alias the map refers to it by. */
typedef struct table {
    char *alias;
    csvtab *t;
    /* views of t, for brevity below */
    const char *path;
    size_t ncols, nrows;
    char **cols;
    const long *lines;
} table;

static void
table_clear(table *t)
{
    csvtab_free(t->t);
    free(t->alias);
    memset(t, 0, sizeof *t);
}

/* Read path whole into *t. */
static int
table_load(table *t, const char *alias, const char *path)
{
    memset(t, 0, sizeof *t);
    if (csvtab_read(path, NULL, &t->t) != IMC_OK)
        return IMC_EINPUT;
    if (!(t->alias = strdup(alias))) {
        table_clear(t);
        return imc_fail(path, 1, "out of memory");
    }
    t->path = t->t->path;
    t->ncols = t->t->ncols;
    t->nrows = t->t->nrows;
    t->cols = t->t->cols;
    t->lines = t->t->lines;
    return IMC_OK;
}

static int
table_col(const table *t, const char *name)
{
    return csvtab_col(t->t, name);
}

static const char *
cell(const table *t, size_t row, int col)
{
    return csvtab_field(t->t, row, (size_t)col);
}

/* ================================================================ join */

struct reported {
    char **tags;
    size_t ntags;
    char *kind;            /* NULL, or the reproducing experiment's kind */
    table rep, map;
    table *in;             /* input tables */
    size_t nin;
};

void
reported_free(reported *r)
{
    if (!r)
        return;
    table_clear(&r->rep);
    table_clear(&r->map);
    for (size_t i = 0; i < r->nin; i++)
        table_clear(&r->in[i]);
    free(r->in);
    for (size_t i = 0; i < r->ntags; i++)
        free(r->tags[i]);
    free(r->tags);
    free(r->kind);
    free(r);
}

static const char *const rep_cols[] = {"source", "quantity", "workload",
                                       "value", "unit", "experiment",
                                       "citation"};
static const char *const map_cols[] = {"experiment", "quantity", "label",
                                       "alias", "where", "key", "column",
                                       "lo", "hi", "reduce", "at"};

/* Every named column of t, or a report naming the first missing one. */
static int
need_cols(const table *t, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (table_col(t, names[i]) < 0)
            return imc_fail(t->path, 1, "missing column '%s'", names[i]);
    return IMC_OK;
}

reported *
reported_alloc(const char *reported_csv, const char *map_csv,
               const char *const *tags, size_t ntags, const char *kind)
{
    reported *r = calloc(1, sizeof *r);
    if (r)
        r->tags = calloc(ntags ? ntags : 1, sizeof *r->tags);
    if (r && kind)
        r->kind = strdup(kind);
    int st = r && r->tags && (!kind || r->kind)
                 ? IMC_OK
                 : imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; st == IMC_OK && i < ntags; i++) {
        if (!(r->tags[i] = strdup(tags[i])))
            st = imc_fail(NULL, 0, "out of memory");
        r->ntags += st == IMC_OK;
    }
    if (st != IMC_OK) {
        reported_free(r);
        return NULL;
    }
    st = table_load(&r->rep, "reported", reported_csv);
    if (st == IMC_OK)
        st = table_load(&r->map, "map", map_csv);
    if (st == IMC_OK)
        st = need_cols(&r->rep, rep_cols, 7);
    if (st == IMC_OK)
        st = need_cols(&r->map, map_cols, 11);
    int c_red = st == IMC_OK ? table_col(&r->map, "reduce") : -1;
    for (size_t i = 0; st == IMC_OK && i < r->map.nrows; i++) {
        const char *red = cell(&r->map, i, c_red);
        if (strcmp(red, "one") && strcmp(red, "min") && strcmp(red, "max"))
            st = imc_fail(map_csv, r->map.lines[i], "column 'reduce': got "
                          "'%s', expected one, min or max", red);
    }
    if (st != IMC_OK) {
        reported_free(r);
        return NULL;
    }
    return r;
}

int
reported_add_table(reported *r, const char *alias, const char *path)
{
    table *in = realloc(r->in, (r->nin + 1) * sizeof *in);
    if (!in)
        return imc_fail(path, 0, "out of memory");
    r->in = in;
    int st = table_load(&r->in[r->nin], alias, path);
    if (st == IMC_OK)
        r->nin++;
    return st;
}

static const table *
find_table(const reported *r, const char *alias)
{
    for (size_t i = 0; i < r->nin; i++)
        if (strcmp(r->in[i].alias, alias) == 0)
            return &r->in[i];
    return NULL;
}

/* Does row i of t pass the filter text "COL=VAL;COL!=VAL;COL=A|B"?  Sets
 * *st on a malformed filter or an unknown column (reported at the map's
 * file:line). */
static int
passes(const table *t, size_t i, const char *where, const char *mapfile,
       long mapline, int *st)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", where);
    char *save = NULL;
    for (char *f = strtok_r(buf, ";", &save); f;
         f = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(f, '=');
        if (!eq || eq == f) {
            *st = imc_fail(mapfile, mapline, "column 'where': got '%s', "
                           "expected COL=VALUE or COL!=VALUE", f);
            return 0;
        }
        int neg = eq[-1] == '!';
        *(neg ? eq - 1 : eq) = '\0';
        int c = table_col(t, f);
        if (c < 0) {
            *st = imc_fail(mapfile, mapline, "column 'where': %s has no "
                           "column '%s'", t->path, f);
            return 0;
        }
        /* alternatives A|B|C */
        int any = 0;
        char *save2 = NULL;
        for (char *v = strtok_r(eq + 1, "|", &save2); v;
             v = strtok_r(NULL, "|", &save2))
            any |= strcmp(cell(t, i, c), v) == 0;
        if (any == neg)
            return 0;
    }
    return 1;
}

/* A numeric field of t, or a report at the table's file:line. */
static int
number(const table *t, size_t i, int c, double *v)
{
    if (csvio_to_double(cell(t, i, c), v) != IMC_OK)
        return imc_fail(t->path, t->lines[i], "column '%s': got '%s', "
                        "expected a number", t->cols[c], cell(t, i, c));
    return IMC_OK;
}

/* The reproduced value of one (reported row, map row) pair. */
typedef struct value {
    int found;
    double v, lo, hi;
    int has_lo, has_hi;
    char at[256];         /* the `at` columns of the row used, '/'-joined */
} value;

/* The map row's `at` columns of row i of t, joined by '/'. */
static int
at_text(const table *t, size_t i, const char *cols, char *out, size_t cap,
        const char *mapfile, long mapline)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", cols);
    out[0] = '\0';
    char *save = NULL;
    for (char *c = strtok_r(buf, "+", &save); c;
         c = strtok_r(NULL, "+", &save)) {
        int k = table_col(t, c);
        if (k < 0)
            return imc_fail(mapfile, mapline, "column 'at': %s has no "
                            "column '%s'", t->path, c);
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%s", n ? "/" : "", cell(t, i, k));
    }
    return IMC_OK;
}

static int
lookup(const reported *r, size_t rep_row, size_t m, value *out)
{
    const table *map = &r->map;
    memset(out, 0, sizeof *out);
#define M(name) cell(map, m, table_col(map, name))
    const table *t = find_table(r, M("alias"));
    if (!t)
        return imc_fail(map->path, map->lines[m], "column 'alias': no "
                        "--csv %s=FILE given", M("alias"));
    int c_val = table_col(t, M("column"));
    int c_lo = *M("lo") ? table_col(t, M("lo")) : -1;
    int c_hi = *M("hi") ? table_col(t, M("hi")) : -1;
    int c_key = *M("key") ? table_col(t, M("key")) : -1;
    if (c_val < 0 || (*M("lo") && c_lo < 0) || (*M("hi") && c_hi < 0) ||
        (*M("key") && c_key < 0))
        return imc_fail(map->path, map->lines[m], "%s lacks a column "
                        "named by this row (%s, %s, %s, %s)", t->path,
                        M("column"), M("lo"), M("hi"), M("key"));
    const char *wl = cell(&r->rep, rep_row, table_col(&r->rep, "workload"));
    /* a reported number without a workload is matched on no key */
    if (!*wl)
        c_key = -1;
    const char *red = M("reduce");
    int st = IMC_OK;
    size_t matches = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        if (!passes(t, i, M("where"), map->path, map->lines[m], &st)) {
            if (st != IMC_OK)
                return st;
            continue;
        }
        if (c_key >= 0 && strcmp(cell(t, i, c_key), wl) != 0)
            continue;
        if (!*cell(t, i, c_val))
            continue;   /* missing: no design, no number */
        double v;
        if ((st = number(t, i, c_val, &v)) != IMC_OK)
            return st;
        matches++;
        int better = !out->found || (strcmp(red, "min") == 0 && v < out->v) ||
                     (strcmp(red, "max") == 0 && v > out->v);
        if (!better)
            continue;
        out->found = 1;
        out->v = v;
        if ((st = at_text(t, i, M("at"), out->at, sizeof out->at, map->path,
                          map->lines[m])) != IMC_OK)
            return st;
        out->has_lo = c_lo >= 0 && *cell(t, i, c_lo);
        out->has_hi = c_hi >= 0 && *cell(t, i, c_hi);
        if (out->has_lo && (st = number(t, i, c_lo, &out->lo)) != IMC_OK)
            return st;
        if (out->has_hi && (st = number(t, i, c_hi, &out->hi)) != IMC_OK)
            return st;
    }
    if (st != IMC_OK)
        return st;
    if (strcmp(red, "one") == 0 && matches > 1)
        return imc_fail(map->path, map->lines[m], "reduce 'one': %zu rows "
                        "of %s match (workload '%s')", matches, t->path, wl);
#undef M
    return IMC_OK;
}

static void
put_opt(FILE *fp, int has, double v)
{
    fputc(',', fp);
    if (has)
        csvio_put_double(fp, v);
}

/* 1 when tag is one of the join's tags. */
static int
wanted_p(const reported *r, const char *tag)
{
    for (size_t i = 0; i < r->ntags; i++)
        if (strcmp(r->tags[i], tag) == 0)
            return 1;
    return 0;
}

int
reported_write(FILE *fp, reported *r)
{
    const table *rep = &r->rep, *map = &r->map;
    fputs("experiment,source,quantity,workload,paper_value,unit,label,"
          "reproduced,lo,hi,at,citation\n", fp);
    int c_exp = table_col(rep, "experiment"), c_q = table_col(rep, "quantity");
    int m_exp = table_col(map, "experiment"), m_q = table_col(map, "quantity");
    int m_kind = table_col(map, "kind");
    for (size_t i = 0; i < rep->nrows; i++) {
        const char *tag = cell(rep, i, c_exp);
        if (!wanted_p(r, tag))
            continue;
        size_t shown = 0;
        for (size_t m = 0; m <= map->nrows; m++) {
            value v;
            memset(&v, 0, sizeof v);
            const char *label = "not reproduced by this experiment";
            if (m == map->nrows) {
                /* a reported number no map row reproduces is still shown */
                if (shown)
                    break;
            } else {
                /* a row for another kind of experiment does not apply */
                if ((m_kind >= 0 && r->kind && *cell(map, m, m_kind) &&
                     strcmp(cell(map, m, m_kind), r->kind) != 0) ||
                    strcmp(cell(map, m, m_exp), tag) != 0 ||
                    strcmp(cell(map, m, m_q), cell(rep, i, c_q)) != 0)
                    continue;
                int st = lookup(r, i, m, &v);
                if (st != IMC_OK)
                    return st;
                label = cell(map, m, table_col(map, "label"));
                shown++;
            }
            const char *const out[] = {"experiment", "source", "quantity",
                                       "workload", "value", "unit"};
            for (int k = 0; k < 6; k++) {
                if (k)
                    fputc(',', fp);
                csvio_put_string(fp, cell(rep, i, table_col(rep, out[k])));
            }
            fputc(',', fp);
            csvio_put_string(fp, label);
            put_opt(fp, v.found, v.v);
            put_opt(fp, v.found && v.has_lo, v.lo);
            put_opt(fp, v.found && v.has_hi, v.hi);
            fputc(',', fp);
            csvio_put_string(fp, v.at);
            fputc(',', fp);
            csvio_put_string(fp, cell(rep, i, table_col(rep, "citation")));
            fputc('\n', fp);
        }
    }
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}
