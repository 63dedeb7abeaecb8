/* runs.c: the runs of searches in evaluation files (see runs.h). */
#include "runs.h"
#include "csvio.h"
#include "err.h"
#include "rowsel.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ reading */

/* Two values of one run (the search's score, the chip's area) agree to
 * this relative tolerance: the tools print "%.10g", so one value printed
 * twice is the same text, and a larger difference means two designs. */
#define RUNS_RTOL 1e-9

/* The columns of an evaluation file, in this order in cols[]. */
enum { C_WORKLOAD, C_ENERGY, C_LATENCY, C_AREA, C_SCORE, C_VIOLATION,
       C_FEASIBLE, C_INOBJ, NCOL };
static const char *const col_names[NCOL] = {
    "workload", "energy_j", "latency_s", "area_mm2", "score", "violation",
    "feasible", "in_objective"};

void
runs_free(runs_file *f)
{
    if (!f)
        return;
    free(f->spec);
    free(f->path);
    free(f->run);
    free(f->row);
    free(f);
}

/* Predicate: a and b are both missing or agree to RUNS_RTOL. */
static int
same_p(double a, double b)
{
    if (summary_missing_p(a) || summary_missing_p(b))
        return summary_missing_p(a) && summary_missing_p(b);
    return fabs(a - b) <= RUNS_RTOL * fmax(fabs(a), fabs(b));
}

/* An optional number: empty is SUMMARY_MISSING; else as get (which
 * reports). */
static int
get_optional(const csvio_reader *r, int col,
             int (*get)(const csvio_reader *, size_t, double *), double *v)
{
    *v = SUMMARY_MISSING;
    if (!csvio_field(r, (size_t)col)[0])
        return IMC_OK;
    return get(r, (size_t)col, v);
}

/* A violation: a number >= 0. */
static int
get_violation(const csvio_reader *r, size_t i, double *v)
{
    if (csvio_get_double(r, i, v))
        return IMC_EINPUT;
    if (*v < 0)
        return csvio_fail(r, "column 'violation': got '%s', expected a "
                          "number >= 0", csvio_field(r, i));
    return IMC_OK;
}

/* Parse the current record into *row (and the run values *score,
 * *violation). */
static int
parse_row(const csvio_reader *r, const int *c, runs_row *row, double *score,
          double *violation)
{
    const char *w = csvio_field(r, (size_t)c[C_WORKLOAD]);
    if (!w[0] || strlen(w) >= NET_NAME_MAX)
        return csvio_fail(r, "column 'workload': got '%s', expected a name "
                          "of 1 to %d characters", w, NET_NAME_MAX - 1);
    strcpy(row->workload, w);
    row->line = csvio_line(r);
    long flag;
    int st;
    if ((st = csvio_get_long(r, (size_t)c[C_FEASIBLE], 0, 1, &flag)))
        return st;
    row->feasible = (int)flag;
    if ((st = csvio_get_long(r, (size_t)c[C_INOBJ], 0, 1, &flag)))
        return st;
    row->in_objective = (int)flag;
    /* energy, latency and area: all given, or all empty (a sweep with no
     * feasible design), never some of them. */
    int given = 0;
    for (int k = C_ENERGY; k <= C_AREA; k++)
        given += csvio_field(r, (size_t)c[k])[0] != '\0';
    double *v[] = {&row->energy_j, &row->latency_s, &row->area_mm2};
    if (given == 0) {
        if (row->feasible)
            return csvio_fail(r, "column 'energy_j' is empty on a feasible "
                              "row");
        for (int k = 0; k < 3; k++)
            *v[k] = SUMMARY_MISSING;
    } else if (given < 3) {
        return csvio_fail(r, "columns energy_j, latency_s and area_mm2 must "
                          "be all given or all empty");
    } else {
        for (int k = 0; k < 3; k++)
            if ((st = csvio_get_positive(r, (size_t)c[C_ENERGY + k], v[k])))
                return st;
        double p = row->energy_j * row->latency_s * row->area_mm2;
        if (!(p > 0) || !isfinite(p))
            return csvio_fail(r, "score E*L*A = %g is not a positive finite "
                              "number", p);
    }
    if ((st = get_optional(r, c[C_SCORE], csvio_get_positive, score)) ||
        (st = get_optional(r, c[C_VIOLATION], get_violation, violation)))
        return st;
    return IMC_OK;
}

/* Check the new row against the rows of its run so far. */
static int
check_in_run(const csvio_reader *r, const runs_file *f, const runs_run *run,
             double score, double violation)
{
    const runs_row *row = &f->row[f->nrows];
    const runs_row *first = &f->row[run->first];
    for (size_t i = run->first; i < f->nrows; i++)
        if (strcmp(f->row[i].workload, row->workload) == 0)
            return csvio_fail(r, "workload '%s' appears twice in one run "
                              "(first at line %ld)%s", row->workload,
                              f->row[i].line, f->has_seed ? "" :
                              "; select one run with FILE:COL=VALUE");
    if (!same_p(score, run->score) || !same_p(violation, run->violation))
        return csvio_fail(r, "score and violation differ from line %ld: "
                          "the rows of one run share the search's values",
                          first->line);
    if (!same_p(row->area_mm2, first->area_mm2))
        return csvio_fail(r, "column 'area_mm2' differs from line %ld: the "
                          "rows of one run describe one design", first->line);
    return IMC_OK;
}

/* Grow f's arrays for one more row and one more run. */
static int
reserve(runs_file *f, size_t *caprow, size_t *caprun)
{
    if (f->nrows == *caprow) {
        size_t cap = *caprow ? 2 * *caprow : 64;
        runs_row *p = realloc(f->row, cap * sizeof *p);
        if (!p)
            return imc_fail(f->path, 0, "out of memory");
        f->row = p;
        *caprow = cap;
    }
    if (f->nruns == *caprun) {
        size_t cap = *caprun ? 2 * *caprun : 16;
        runs_run *p = realloc(f->run, cap * sizeof *p);
        if (!p)
            return imc_fail(f->path, 0, "out of memory");
        f->run = p;
        *caprun = cap;
    }
    return IMC_OK;
}

/* Read every selected record of s into f. */
static int
read_rows(rowsel_reader *s, runs_file *f)
{
    csvio_reader *r = rowsel_csv(s);
    int c[NCOL], cseed = csvio_col(r, "seed");
    int st = csvio_require_all(r, col_names, NCOL, c);
    f->has_seed = cseed >= 0;
    size_t caprow = 0, caprun = 0;
    while (!st && (st = rowsel_read(s)) == IMC_OK) {
        if ((st = reserve(f, &caprow, &caprun)))
            break;
        long seed = 0;
        if (f->has_seed &&
            (st = csvio_get_long(r, (size_t)cseed, 1, 4294967295L, &seed)))
            break;
        double score, violation;
        if ((st = parse_row(r, c, &f->row[f->nrows], &score, &violation)))
            break;
        runs_run *run = f->nruns ? &f->run[f->nruns - 1] : NULL;
        if (!run || (f->has_seed && run->seed != (unsigned long)seed)) {
            run = &f->run[f->nruns++];
            memset(run, 0, sizeof *run);
            run->has_seed = f->has_seed;
            run->seed = (unsigned long)seed;
            run->score = score;
            run->violation = violation;
            run->first = f->nrows;
        } else if ((st = check_in_run(r, f, run, score, violation)))
            break;
        run->nrows++;
        f->nrows++;
    }
    if (st == IMC_EOF)
        st = f->nrows ? IMC_OK : rowsel_fail_empty(s);
    return st;
}

/* ------------------------------------------------------------ seeds */

static int
cmp_seed_at(const void *a, const void *b)
{
    const runs_seed_at *x = a, *y = b;
    if (x->seed != y->seed)
        return (x->seed > y->seed) - (x->seed < y->seed);
    return (x->line > y->line) - (x->line < y->line);
}

int
runs_check_seeds(const char *path, runs_seed_at *v, size_t n)
{
    qsort(v, n, sizeof *v, cmp_seed_at);
    /* Report the earliest repeat in file order. */
    size_t bad = 0;
    for (size_t i = 1; i < n; i++)
        if (v[i].seed == v[i - 1].seed && (!bad || v[i].line < v[bad].line))
            bad = i;
    if (!bad)
        return IMC_OK;
    return imc_fail(path, v[bad].line, "seed %lu appears again (its run "
                    "began at line %ld)", v[bad].seed, v[bad - 1].line);
}

/* Seeds must not come back: a file written as two pieces, or two files
 * concatenated, would otherwise merge different runs of one seed. */
static int
check_seeds(const runs_file *f)
{
    if (!f->has_seed || f->nruns < 2)
        return IMC_OK;
    runs_seed_at *v = malloc(f->nruns * sizeof *v);
    if (!v)
        return imc_fail(f->path, 0, "out of memory");
    for (size_t i = 0; i < f->nruns; i++) {
        v[i].seed = f->run[i].seed;
        v[i].line = f->row[f->run[i].first].line;
    }
    int st = runs_check_seeds(f->path, v, f->nruns);
    free(v);
    return st;
}

/* The search's verdict on a run: its own workloads' rows all feasible
 * (every row when the selection kept none of its own workloads). */
static void
set_verdicts(runs_file *f)
{
    for (size_t k = 0; k < f->nruns; k++) {
        runs_run *run = &f->run[k];
        int own = 0, all = 1, own_ok = 1;
        for (size_t i = run->first; i < run->first + run->nrows; i++) {
            const runs_row *row = &f->row[i];
            all &= row->feasible;
            if (row->in_objective) {
                own = 1;
                own_ok &= row->feasible;
            }
        }
        run->feasible = own ? own_ok : all;
    }
}

int
runs_read(const char *spec, runs_file **out)
{
    *out = NULL;
    runs_file *f = calloc(1, sizeof *f);
    if (!f || !(f->spec = strdup(spec))) {
        runs_free(f);
        return imc_fail(spec, 0, "out of memory");
    }
    rowsel_reader *s;
    int st = rowsel_open(spec, &s);
    if (!st && !(f->path = strdup(rowsel_path(s))))
        st = imc_fail(spec, 0, "out of memory");
    if (!st)
        st = read_rows(s, f);
    rowsel_close(s);
    if (!st)
        st = check_seeds(f);
    if (st) {
        runs_free(f);
        return st;
    }
    set_verdicts(f);
    *out = f;
    return IMC_OK;
}

/* ------------------------------------------------------------ choosing */

const runs_row *
runs_find(const runs_file *f, const runs_run *run, const char *workload)
{
    for (size_t i = run->first; i < run->first + run->nrows; i++)
        if (strcmp(f->row[i].workload, workload) == 0)
            return &f->row[i];
    return NULL;
}

int
runs_find_seed(const runs_file *f, unsigned long seed, size_t *idx)
{
    for (size_t i = 0; i < f->nruns; i++)
        if (f->run[i].has_seed && f->run[i].seed == seed) {
            *idx = i;
            return IMC_OK;
        }
    return IMC_EINPUT;
}

/* Predicate: run a ranks before run b (feasible, score, seed). */
static int
better_p(const runs_run *a, const runs_run *b)
{
    if (a->feasible != b->feasible)
        return a->feasible > b->feasible;
    int ma = summary_missing_p(a->score), mb = summary_missing_p(b->score);
    if (ma != mb)
        return mb;
    if (!ma && a->score < b->score)
        return 1;
    if (!ma && b->score < a->score)
        return 0;
    return a->seed < b->seed;
}

size_t
runs_best(const runs_file *f)
{
    size_t best = 0;
    for (size_t i = 1; i < f->nruns; i++)
        if (better_p(&f->run[i], &f->run[best]))
            best = i;
    return best;
}

int
runs_pick_run(const runs_file *f, runs_pick pick, unsigned long seed,
              size_t *idx)
{
    switch (pick) {
    case RUNS_PICK_SEED:
        /* a file without seeds holds one run, the same for every seed */
        if (!f->has_seed) {
            if (f->nruns != 1)
                return imc_fail(f->path, 1, "no seed column and %zu runs: "
                                "choose one by row selection", f->nruns);
            *idx = 0;
            return IMC_OK;
        }
        if (runs_find_seed(f, seed, idx))
            return imc_fail(f->path, 0, "no run of seed %lu", seed);
        return IMC_OK;
    case RUNS_PICK_BEST:
        *idx = runs_best(f);
        return IMC_OK;
    case RUNS_PICK_ONLY:
        if (f->nruns > 1)
            return imc_fail(f->path, 0, "%zu runs (seeds %lu to %lu) in one "
                            "file: choose one by seed or the best",
                            f->nruns, f->run[0].seed,
                            f->run[f->nruns - 1].seed);
        *idx = 0;
        return IMC_OK;
    }
    return imc_fail(f->path, 0, "unknown run selection");
}

/* ------------------------------------------------------------ rows */

int
runs_row_usable_p(const runs_row *r)
{
    return r->feasible && !summary_missing_p(r->energy_j);
}

double
runs_row_score(const runs_row *r)
{
    if (!runs_row_usable_p(r))
        return SUMMARY_MISSING;
    return r->energy_j * r->latency_s * r->area_mm2;
}

int
runs_fail_missing(const runs_file *f, const runs_run *run, const char *w,
                  const char *why)
{
    if (run->has_seed)
        return imc_fail(f->path, 0, "seed %lu has no row for workload '%s' "
                        "(%s)", run->seed, w, why);
    return imc_fail(f->path, 0, "no row for workload '%s' (%s)", w, why);
}

int
runs_aggregate(const runs_file *f, const runs_run *run, search_objective o,
               const char *const *w, size_t n, double *value, int *feasible)
{
    double E[SEARCH_MAX_WORKLOADS], L[SEARCH_MAX_WORKLOADS], area = 0;
    *feasible = 1;
    *value = SUMMARY_MISSING;
    for (size_t i = 0; i < n && i < SEARCH_MAX_WORKLOADS; i++) {
        const runs_row *row = runs_find(f, run, w[i]);
        if (!row)
            return runs_fail_missing(f, run, w[i], "the aggregate needs "
                                     "every workload");
        if (!runs_row_usable_p(row)) {
            *feasible = 0;
            continue;
        }
        E[i] = row->energy_j;
        L[i] = row->latency_s;
        area = row->area_mm2;
    }
    if (*feasible && n > 0)
        *value = search_aggregate(o, n, E, L, area);
    return IMC_OK;
}
