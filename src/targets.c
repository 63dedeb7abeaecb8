/* targets.c: accuracy targets checked on validation summaries (see
 * targets.h). */
#include "targets.h"
#include "csvio.h"
#include "csvtab.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct target_row {
    char *label;
    const char *statistic, *op, *unit;  /* static names */
    double measured, threshold;
    int met;
} target_row;

struct targets_result {
    char *memory;
    target_row *v;
    size_t n;
};

/* The statistics a target can bound: the column holding them, whether
 * that column is in the top-10 file, and whether it holds a fraction
 * (which unit % shows times 100). */
static const struct statistic {
    const char *name, *col;
    int top10, fraction;
} STATS[] = {
    {"median", "median_abs_rel_err", 0, 1},
    {"p90", "p90_abs_rel_err", 0, 1},
    {"max", "max_abs_rel_err", 0, 1},
    {"rho", "spearman_rho", 0, 0},
    {"rank_pct", "model_rank_pct", 1, 0},
};
#define NSTATS (sizeof STATS / sizeof STATS[0])

static const char *const OPS[] = {"<", "<=", ">", ">="};
static const char *const METRICS[] = {"energy", "latency", "area", "edap"};

enum { T_MEMORY, T_METRIC, T_WORKLOAD, T_STATISTIC, T_OP, T_THRESHOLD,
       T_UNIT, T_LABEL, T_NCOLS };
static const char *const TARGET_COLS[T_NCOLS] = {
    "memory", "metric", "workload", "statistic", "op", "threshold", "unit",
    "label"};

enum { S_MEMORY, S_METRIC, S_WORKLOAD, S_TECH, S_NCOLS };
static const char *const SUMMARY_COLS[S_NCOLS] = {
    "memory", "metric", "workload", "tech_nm"};

/* ------------------------------------------------------------- inputs */

/* Find the named columns of t into cols[], or report the first missing. */
static int
require_cols(const csvtab *t, const char *const *names, size_t n, int *cols)
{
    for (size_t i = 0; i < n; i++)
        if ((cols[i] = csvtab_col(t, names[i])) < 0)
            return imc_fail(t->path, 1, "missing column '%s'", names[i]);
    return IMC_OK;
}

/* Index of s in names[0..n), or -1. */
static int
lookup(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

/* Read a file that holds one memory (its `memory` column the same on every
 * row); *memory points into the table. */
static int
read_one_memory(const char *path, csvtab **t, int *memcol,
                const char **memory)
{
    if (csvtab_read(path, NULL, t) != IMC_OK)
        return IMC_EINPUT;
    if ((*memcol = csvtab_col(*t, "memory")) < 0)
        return imc_fail(path, 1, "missing column 'memory'");
    if ((*t)->nrows == 0)
        return imc_fail(path, 0, "no rows");
    *memory = csvtab_field(*t, 0, (size_t)*memcol);
    for (size_t i = 1; i < (*t)->nrows; i++)
        if (strcmp(csvtab_field(*t, i, (size_t)*memcol), *memory) != 0)
            return imc_fail(path, (*t)->lines[i], "memory '%s' differs from "
                            "line %ld's '%s': a file holds one memory",
                            csvtab_field(*t, i, (size_t)*memcol),
                            (*t)->lines[0], *memory);
    return IMC_OK;
}

/* Check one target row's fields: its statistic (*stat), op, threshold and
 * unit. */
static int
parse_target(const csvtab *t, size_t row, const int *c, int *stat,
             int *op, double *threshold)
{
    const char *path = t->path;
    long line = t->lines[row];
    const char *metric = csvtab_field(t, row, (size_t)c[T_METRIC]);
    const char *workload = csvtab_field(t, row, (size_t)c[T_WORKLOAD]);
    const char *statistic = csvtab_field(t, row, (size_t)c[T_STATISTIC]);
    const char *unit = csvtab_field(t, row, (size_t)c[T_UNIT]);
    const char *opname = csvtab_field(t, row, (size_t)c[T_OP]);
    const char *thr = csvtab_field(t, row, (size_t)c[T_THRESHOLD]);
    *stat = -1;
    for (size_t i = 0; i < NSTATS; i++)
        if (strcmp(STATS[i].name, statistic) == 0)
            *stat = (int)i;
    if (*stat < 0)
        return imc_fail(path, line, "column 'statistic': got '%s', expected "
                        "median, p90, max, rho or rank_pct", statistic);
    const struct statistic *s = &STATS[*stat];
    if (s->top10 && (strcmp(metric, "score") != 0 ||
                     strcmp(workload, "all") != 0))
        return imc_fail(path, line, "statistic rank_pct: got metric '%s' "
                        "and workload '%s', expected score and all (the "
                        "joint score over the top-10 file's workloads)",
                        metric, workload);
    if (!s->top10 && lookup(METRICS, 4, metric) < 0)
        return imc_fail(path, line, "column 'metric': got '%s', expected "
                        "energy, latency, area or edap", metric);
    if (!*workload)
        return imc_fail(path, line, "column 'workload' is empty (expected "
                        "each, all, each-node or a workload)");
    if ((*op = lookup(OPS, 4, opname)) < 0)
        return imc_fail(path, line, "column 'op': got '%s', expected <, <=, "
                        "> or >=", opname);
    if (csvio_to_double(thr, threshold) != IMC_OK)
        return imc_fail(path, line, "column 'threshold': got '%s', expected "
                        "a number", thr);
    int unit_ok = s->fraction ? strcmp(unit, "%") == 0 ||
                                    strcmp(unit, "1") == 0
                              : strcmp(unit, s->top10 ? "%" : "1") == 0;
    if (!unit_ok)
        return imc_fail(path, line, "column 'unit': got '%s', expected %s "
                        "for statistic %s", unit,
                        s->fraction ? "% or 1" : s->top10 ? "%" : "1",
                        statistic);
    if (!*csvtab_field(t, row, (size_t)c[T_LABEL]))
        return imc_fail(path, line, "column 'label' is empty");
    return IMC_OK;
}

/* Predicate: summary row `row` is one the target's workload scope covers. */
static int
covers_p(const char *scope, const char *workload, const char *tech)
{
    int pooled_nodes = strcmp(tech, "all") == 0;
    int pooled_workloads = strcmp(workload, "all") == 0;
    if (strcmp(scope, "each") == 0)
        return !pooled_workloads && pooled_nodes;
    if (strcmp(scope, "each-node") == 0)
        return pooled_workloads && !pooled_nodes;
    return pooled_nodes && strcmp(scope, workload) == 0;
}

/* The worst value of column col over the rows of t the target covers
 * (metric/workload scope when sc is non-NULL; every row otherwise):
 * the largest when want_max, else the smallest.  *n counts the rows. */
static int
worst_value(const csvtab *t, int col, const int *sc, const char *metric,
            const char *scope, int want_max, double *worst, size_t *n)
{
    *n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        if (sc && (strcmp(csvtab_field(t, i, (size_t)sc[S_METRIC]),
                          metric) != 0 ||
                   !covers_p(scope, csvtab_field(t, i, (size_t)sc[S_WORKLOAD]),
                             csvtab_field(t, i, (size_t)sc[S_TECH]))))
            continue;
        const char *f = csvtab_field(t, i, (size_t)col);
        double x;
        if (csvio_to_double(f, &x) != IMC_OK)
            return imc_fail(t->path, t->lines[i], "column '%s': got '%s', "
                            "expected a number", t->cols[col], f);
        if (*n == 0 || (want_max ? x > *worst : x < *worst))
            *worst = x;
        (*n)++;
    }
    return IMC_OK;
}

/* ----------------------------------------------------------- checking */

typedef struct inputs {
    csvtab *targets, *summary, *top10;
    int tc[T_NCOLS], sc[S_NCOLS];
    const char *memory;
    const char *top10_path;
} inputs;

/* Measure one target (row of the targets file) into out. */
static int
measure(inputs *in, size_t row, target_row *out)
{
    const csvtab *t = in->targets;
    int stat, op;
    double threshold;
    if (parse_target(t, row, in->tc, &stat, &op, &threshold) != IMC_OK)
        return IMC_EINPUT;
    const struct statistic *s = &STATS[stat];
    const char *metric = csvtab_field(t, row, (size_t)in->tc[T_METRIC]);
    const char *scope = csvtab_field(t, row, (size_t)in->tc[T_WORKLOAD]);
    const char *unit = csvtab_field(t, row, (size_t)in->tc[T_UNIT]);
    const csvtab *src = in->summary;
    if (s->top10) {
        if (!in->top10_path)
            return imc_fail(t->path, t->lines[row], "target '%s' needs a "
                            "top-10 file, and none was given",
                            csvtab_field(t, row, (size_t)in->tc[T_LABEL]));
        if (!in->top10) {
            int mc;
            const char *m;
            if (read_one_memory(in->top10_path, &in->top10, &mc, &m) !=
                IMC_OK)
                return IMC_EINPUT;
            if (strcmp(m, in->memory) != 0)
                return imc_fail(in->top10_path, in->top10->lines[0],
                                "memory '%s', but the summary's is '%s'", m,
                                in->memory);
        }
        src = in->top10;
    }
    int col = csvtab_col(src, s->col);
    if (col < 0)
        return imc_fail(src->path, 1, "missing column '%s'", s->col);
    double worst = 0;
    size_t n;
    int want_max = op <= 1;
    if (worst_value(src, col, s->top10 ? NULL : in->sc, metric, scope,
                    want_max, &worst, &n) != IMC_OK)
        return IMC_EINPUT;
    if (n == 0)
        return imc_fail(t->path, t->lines[row], "target covers no row of %s "
                        "(metric '%s', workload '%s')", src->path, metric,
                        scope);
    out->statistic = s->name;
    out->op = OPS[op];
    out->unit = s->fraction && strcmp(unit, "%") == 0 ? "%" :
                s->top10 ? "%" : "1";
    out->measured = s->fraction && strcmp(unit, "%") == 0 ? 100 * worst
                                                         : worst;
    out->threshold = threshold;
    if (!isfinite(out->measured))
        return imc_fail(src->path, 0, "column '%s': the worst value, %g, "
                        "is not finite as a percentage", s->col, worst);
    switch (op) {
    case 0: out->met = out->measured < threshold; break;
    case 1: out->met = out->measured <= threshold; break;
    case 2: out->met = out->measured > threshold; break;
    default: out->met = out->measured >= threshold; break;
    }
    out->label = strdup(csvtab_field(t, row, (size_t)in->tc[T_LABEL]));
    return out->label ? IMC_OK : imc_fail(t->path, 0, "out of memory");
}

int
targets_check(const char *targets_path, const char *summary_path,
              const char *top10_path, targets_result **out)
{
    inputs in = {NULL, NULL, NULL, {0}, {0}, NULL, top10_path};
    targets_result *r = calloc(1, sizeof *r);
    int mc, st = r ? IMC_OK : imc_fail(NULL, 0, "out of memory");
    if (st == IMC_OK)
        st = read_one_memory(summary_path, &in.summary, &mc, &in.memory);
    if (st == IMC_OK)
        st = require_cols(in.summary, SUMMARY_COLS, S_NCOLS, in.sc);
    if (st == IMC_OK)
        st = csvtab_read(targets_path, NULL, &in.targets);
    if (st == IMC_OK)
        st = require_cols(in.targets, TARGET_COLS, T_NCOLS, in.tc);
    if (st == IMC_OK &&
        !(r->v = calloc(in.targets->nrows + 1, sizeof *r->v)))
        st = imc_fail(NULL, 0, "out of memory");
    for (size_t i = 0; st == IMC_OK && i < in.targets->nrows; i++) {
        int stat, op;
        double thr;
        if (strcmp(csvtab_field(in.targets, i, (size_t)in.tc[T_MEMORY]),
                   in.memory) != 0)
            st = parse_target(in.targets, i, in.tc, &stat, &op, &thr);
        else if ((st = measure(&in, i, &r->v[r->n])) == IMC_OK)
            r->n++;
    }
    if (st == IMC_OK && r->n == 0)
        st = imc_fail(targets_path, 0, "no target for memory '%s' (the "
                      "memory of %s)", in.memory, summary_path);
    if (st == IMC_OK && !(r->memory = strdup(in.memory)))
        st = imc_fail(NULL, 0, "out of memory");
    csvtab_free(in.targets);
    csvtab_free(in.summary);
    csvtab_free(in.top10);
    if (st != IMC_OK) {
        targets_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

void
targets_free(targets_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i].label);
    free(r->v);
    free(r->memory);
    free(r);
}

size_t
targets_count(const targets_result *r)
{
    return r->n;
}

size_t
targets_unmet(const targets_result *r)
{
    size_t k = 0;
    for (size_t i = 0; i < r->n; i++)
        k += !r->v[i].met;
    return k;
}

const char *
targets_first_unmet(const targets_result *r)
{
    for (size_t i = 0; i < r->n; i++)
        if (!r->v[i].met)
            return r->v[i].label;
    return NULL;
}

void
targets_write(FILE *fp, const targets_result *r)
{
    fputs("memory,label,statistic,measured,op,threshold,unit,met\n", fp);
    for (size_t i = 0; i < r->n; i++) {
        const target_row *t = &r->v[i];
        csvio_put_string(fp, r->memory);
        fputc(',', fp);
        csvio_put_string(fp, t->label);
        fprintf(fp, ",%s,", t->statistic);
        csvio_put_double(fp, t->measured);
        fprintf(fp, ",%s,", t->op);
        csvio_put_double(fp, t->threshold);
        fprintf(fp, ",%s,%s\n", t->unit, t->met ? "yes" : "no");
    }
}
