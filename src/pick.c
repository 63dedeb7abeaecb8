/* pick.c: choosing one run from an evaluation file (see pick.h). */
#include "pick.h"
#include "csvio.h"
#include "design.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

/* One run: its rows (a stretch of the sorted row order), its seed and
 * what ranks it. */
typedef struct run {
    size_t first;      /* its first row in the file */
    size_t start, end; /* its rows: order[start..end) */
    unsigned long seed;
    double score, violation;
    int feasible;
} run;

/* The columns a pick reads: seed (optional), the design, the ranking. */
typedef struct cols {
    int seed, score, violation, feasible;
    int in_obj;                     /* in_objective, or -1 */
    int design[DESIGN_NPARAM + 1];  /* memory, then the parameters */
    size_t ndesign;
} colset;

static int
find_cols(const csvtab *t, colset *c)
{
    static const char *const rank[3] = {"score", "violation", "feasible"};
    int *dst[3] = {&c->score, &c->violation, &c->feasible};
    for (int i = 0; i < 3; i++)
        if ((*dst[i] = csvtab_col(t, rank[i])) < 0)
            return imc_fail(t->path, 1, "missing column '%s'", rank[i]);
    c->seed = csvtab_col(t, "seed");
    c->in_obj = csvtab_col(t, "in_objective");
    c->ndesign = 0;
    /* the design columns in file order; tech_nm is optional (design.h) */
    int want[DESIGN_NPARAM + 1];
    want[0] = csvtab_col(t, "memory");
    if (want[0] < 0)
        return imc_fail(t->path, 1, "missing column 'memory'");
    for (int k = 0; k < DESIGN_NPARAM; k++) {
        want[k + 1] = csvtab_col(t, design_param_names[k]);
        if (want[k + 1] < 0 && k != DESIGN_TECH)
            return imc_fail(t->path, 1, "missing column '%s'",
                            design_param_names[k]);
    }
    for (size_t col = 0; col < t->ncols; col++)
        for (int k = 0; k <= DESIGN_NPARAM; k++)
            if (want[k] == (int)col)
                c->design[c->ndesign++] = (int)col;
    return IMC_OK;
}

/* Parse a run's ranking fields from row `row`. */
static int
parse_run(const csvtab *t, const colset *c, size_t row, run *r)
{
    const char *path = t->path;
    long line = t->lines[row];
    const char *s = csvtab_field(t, row, (size_t)c->score);
    const char *v = csvtab_field(t, row, (size_t)c->violation);
    const char *f = csvtab_field(t, row, (size_t)c->feasible);
    long k;
    r->first = row;
    r->seed = 0;
    if (c->seed >= 0) {
        const char *sd = csvtab_field(t, row, (size_t)c->seed);
        /* the seeds ga-search takes: mt19937 is seeded with 32 bits and
         * maps 0 to its default (tools/common/cli.h, CLI_SEED_MAX) */
        if (csvio_to_long(sd, &k) != IMC_OK || k < 1 || k > 4294967295L)
            return imc_fail(path, line, "column 'seed': got '%s', expected "
                            "an integer from 1 to 4294967295", sd);
        r->seed = (unsigned long)k;
    }
    if (csvio_to_double(s, &r->score) != IMC_OK)
        return imc_fail(path, line, "column 'score': got '%s', expected a "
                        "number", s);
    if (csvio_to_double(v, &r->violation) != IMC_OK || r->violation < 0)
        return imc_fail(path, line, "column 'violation': got '%s', expected "
                        "a number >= 0", v);
    if (csvio_to_long(f, &k) != IMC_OK || (k != 0 && k != 1))
        return imc_fail(path, line, "column 'feasible': got '%s', expected "
                        "0 or 1", f);
    r->feasible = (int)k;
    return IMC_OK;
}

/* Check that row `row` agrees with its run's first row on the design and
 * the ranking fields. */
static int
same_run(const csvtab *t, const colset *c, const run *r, size_t row)
{
    int check[DESIGN_NPARAM + 4];
    size_t n = 0;
    for (size_t i = 0; i < c->ndesign; i++)
        check[n++] = c->design[i];
    check[n++] = c->score;
    check[n++] = c->violation;
    /* with an in_objective column, a row's feasible is its own workload's
     * (ga-search --report-on, a sweep's per-workload rows): the run's is
     * taken from its own workloads' rows (run_feasible) */
    if (c->in_obj < 0)
        check[n++] = c->feasible;
    for (size_t i = 0; i < n; i++) {
        const char *a = csvtab_field(t, r->first, (size_t)check[i]);
        const char *b = csvtab_field(t, row, (size_t)check[i]);
        if (strcmp(a, b) == 0)
            continue;
        if (c->seed >= 0)
            return imc_fail(t->path, t->lines[row], "seed %lu: column '%s' "
                            "is '%s' here but '%s' at line %ld (the rows of "
                            "one run hold one design and one score)",
                            r->seed, t->cols[check[i]], b, a,
                            t->lines[r->first]);
        return imc_fail(t->path, t->lines[row], "column '%s' is '%s' here "
                        "but '%s' at line %ld: without a seed column the "
                        "rows must be one run (select it with "
                        "FILE:COL=VAL)", t->cols[check[i]], b, a,
                        t->lines[r->first]);
    }
    return IMC_OK;
}

/* The run's feasibility from its rows order[start..end): with an
 * in_objective column, every own-workload row must say feasible = 1. */
static void
run_feasible(const csvtab *t, const colset *c, const size_t *order, run *r)
{
    if (c->in_obj < 0)
        return;
    r->feasible = 1;
    for (size_t i = r->start; i < r->end; i++)
        if (strcmp(csvtab_field(t, order[i], (size_t)c->in_obj), "1") == 0 &&
            strcmp(csvtab_field(t, order[i], (size_t)c->feasible), "1") != 0)
            r->feasible = 0;
}

/* A row's place in the order by seed, then line. */
typedef struct rowkey {
    unsigned long seed;
    size_t row;
} rowkey;

static int
cmp_rowkey(const void *pa, const void *pb)
{
    const rowkey *a = pa, *b = pb;
    if (a->seed != b->seed)
        return a->seed < b->seed ? -1 : 1;
    return (a->row > b->row) - (a->row < b->row);
}

/* Group the rows of t into runs: order[] gets the row indices sorted by
 * seed (then file order), and each run a stretch of it. */
static int
group_runs(const csvtab *t, const colset *c, size_t *order, run **runs,
           size_t *nruns)
{
    run *v = calloc(t->nrows, sizeof *v);
    rowkey *keys = calloc(t->nrows, sizeof *keys);
    int st = v && keys ? IMC_OK : imc_fail(t->path, 0, "out of memory");
    for (size_t row = 0; st == IMC_OK && row < t->nrows; row++) {
        run r;
        st = parse_run(t, c, row, &r);
        keys[row].seed = r.seed;
        keys[row].row = row;
    }
    if (st == IMC_OK)
        qsort(keys, t->nrows, sizeof *keys, cmp_rowkey);
    size_t n = 0;
    for (size_t i = 0; st == IMC_OK && i < t->nrows; i++) {
        order[i] = keys[i].row;
        if (n > 0 && keys[i].seed == v[n - 1].seed) {
            st = same_run(t, c, &v[n - 1], order[i]);
            v[n - 1].end = i + 1;
            continue;
        }
        st = parse_run(t, c, order[i], &v[n]);
        v[n].start = i;
        v[n++].end = i + 1;
    }
    free(keys);
    if (st != IMC_OK) {
        free(v);
        return st;
    }
    for (size_t i = 0; i < n; i++)
        run_feasible(t, c, order, &v[i]);
    *runs = v;
    *nruns = n;
    return IMC_OK;
}

/* Order runs: feasible first, then (when by_violation) the lower
 * violation, then the lower score, then the lower seed. */
static int
cmp_runs(const run *a, const run *b, int by_violation)
{
    if (a->feasible != b->feasible)
        return b->feasible - a->feasible;
    if (by_violation && (a->violation < b->violation ||
                         a->violation > b->violation))
        return a->violation < b->violation ? -1 : 1;
    if (a->score < b->score || a->score > b->score)
        return a->score < b->score ? -1 : 1;
    return (a->seed > b->seed) - (a->seed < b->seed);
}

/* qsort orders of PICK_BEST and PICK_MEDIAN. */
static int
cmp_best(const void *a, const void *b)
{
    return cmp_runs(a, b, 1);
}

static int
cmp_median(const void *a, const void *b)
{
    return cmp_runs(a, b, 0);
}

int
pick_run(const csvtab *t, pick_rule rule, unsigned long seed,
         pick_choice *out)
{
    colset c;
    run *runs = NULL;
    size_t n = 0;
    memset(out, 0, sizeof *out);
    if (find_cols(t, &c) != IMC_OK)
        return IMC_EINPUT;
    if (t->nrows == 0)
        return imc_fail(t->path, 0, "no rows to pick from");
    if (rule == PICK_SEED && c.seed < 0)
        return imc_fail(t->path, 1, "missing column 'seed' (a pick by seed "
                        "needs one run per seed)");
    if (!(out->rows = malloc(t->nrows * sizeof *out->rows)))
        return imc_fail(t->path, 0, "out of memory");
    if (group_runs(t, &c, out->rows, &runs, &n) != IMC_OK) {
        pick_choice_clear(out);
        return IMC_EINPUT;
    }
    for (size_t i = 0; i < n; i++)
        out->nfeasible += (size_t)runs[i].feasible;
    const run *pick = NULL;
    if (rule == PICK_SEED) {
        for (size_t i = 0; i < n && !pick; i++)
            if (runs[i].seed == seed)
                pick = &runs[i];
    } else {
        qsort(runs, n, sizeof *runs, rule == PICK_BEST ? cmp_best
                                                        : cmp_median);
        size_t m = out->nfeasible ? out->nfeasible : n;
        pick = &runs[rule == PICK_BEST ? 0 : (m - 1) / 2];
    }
    if (!pick) {
        free(runs);
        pick_choice_clear(out);
        return imc_fail(t->path, 0, "no run with seed %lu (%zu runs)", seed,
                        n);
    }
    out->nruns = n;
    out->has_seed = c.seed >= 0;
    out->seed = pick->seed;
    out->score = pick->score;
    out->violation = pick->violation;
    out->feasible = pick->feasible;
    out->ndesign = c.ndesign;
    memcpy(out->design, c.design, sizeof c.design);
    out->rank[0] = c.score;
    out->rank[1] = c.violation;
    out->rank[2] = c.feasible;
    /* the run's rows, moved to the front of the array */
    out->nrows = pick->end - pick->start;
    memmove(out->rows, out->rows + pick->start,
            out->nrows * sizeof *out->rows);
    free(runs);
    /* they are written as they are: none may hold a non-finite number */
    for (size_t i = 0; i < out->nrows; i++)
        for (size_t col = 0; col < t->ncols; col++) {
            const char *f = csvtab_field(t, out->rows[i], col);
            if (csvtab_nonfinite_p(f)) {
                long line = t->lines[out->rows[i]];
                pick_choice_clear(out);
                return imc_fail(t->path, line, "column '%s': got '%s', "
                                "which is not a finite number", t->cols[col],
                                f);
            }
        }
    return IMC_OK;
}

void
pick_choice_clear(pick_choice *c)
{
    free(c->rows);
    c->rows = NULL;
    c->nrows = 0;
}

/* Write fields cols[0..n) of row `row`, comma-separated, no newline. */
static void
put_fields(FILE *fp, const csvtab *t, size_t row, const int *cols, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', fp);
        csvio_put_string(fp, csvtab_field(t, row, (size_t)cols[i]));
    }
}

void
pick_write_rows(FILE *fp, const csvtab *t, const pick_choice *c)
{
    for (size_t i = 0; i < t->ncols; i++) {
        if (i)
            fputc(',', fp);
        csvio_put_string(fp, t->cols[i]);
    }
    fputc('\n', fp);
    for (size_t k = 0; k < c->nrows; k++) {
        for (size_t i = 0; i < t->ncols; i++) {
            if (i)
                fputc(',', fp);
            csvio_put_string(fp, csvtab_field(t, c->rows[k], i));
        }
        fputc('\n', fp);
    }
}

void
pick_write_design(FILE *fp, const csvtab *t, const pick_choice *c)
{
    for (size_t i = 0; i < c->ndesign; i++)
        fprintf(fp, "%s,", t->cols[c->design[i]]);
    fputs(c->has_seed ? "seed,score,violation,feasible\n"
                      : "score,violation,feasible\n", fp);
    put_fields(fp, t, c->rows[0], c->design, c->ndesign);
    if (c->has_seed)
        fprintf(fp, ",%lu", c->seed);
    fputc(',', fp);
    put_fields(fp, t, c->rows[0], c->rank, 3);
    fputc('\n', fp);
}

const char *
pick_rule_name(pick_rule rule)
{
    switch (rule) {
    case PICK_BEST: return "best";
    case PICK_MEDIAN: return "median";
    case PICK_SEED: return "seed";
    }
    return "best";
}
