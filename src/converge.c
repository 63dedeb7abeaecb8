/* converge.c: searches' progress towards the exact optimum (see
 * converge.h). */
#include "converge.h"
#include "csvio.h"
#include "err.h"
#include "rowsel.h"
#include "runs.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ reading */

/* One history row. */
typedef struct hrow {
    double evaluations, requests;
    double best;          /* best score so far */
    int feasible;         /* best_violation = 0 */
    long line;
} hrow;

/* The rows of one seed: row[first .. first + n - 1]. */
typedef struct hseed {
    unsigned long seed;
    size_t first, n;
} hseed;

typedef struct algorithm {
    char *name;
    char *path;
    size_t nseed, nrow;
    hseed *seed;
    hrow *row;
} algorithm;

struct converge_result {
    double optimum;
    double within_pct;
    size_t nalg;
    algorithm alg[CONVERGE_MAX_ALGORITHMS];
    size_t ngrid;
    double *grid;
};

void
converge_free(converge_result *r)
{
    if (!r)
        return;
    for (size_t a = 0; a < r->nalg; a++) {
        free(r->alg[a].name);
        free(r->alg[a].path);
        free(r->alg[a].seed);
        free(r->alg[a].row);
    }
    free(r->grid);
    free(r);
}

/* The score of the one row that spec selects. */
static int
read_optimum(const char *spec, double *score)
{
    rowsel_reader *s;
    int st = rowsel_open(spec, &s);
    if (st)
        return st;
    csvio_reader *r = rowsel_csv(s);
    int cs = csvio_require(r, "score"), cf = csvio_col(r, "feasible");
    st = cs < 0 ? IMC_EINPUT : rowsel_read(s);
    if (st == IMC_EOF)
        st = rowsel_fail_empty(s);
    if (!st && cf >= 0 && strcmp(csvio_field(r, (size_t)cf), "1") != 0)
        st = csvio_fail(r, "the optimum is not feasible (column 'feasible' "
                        "is '%s'): there is nothing to normalise by",
                        csvio_field(r, (size_t)cf));
    if (!st)
        st = csvio_get_positive(r, (size_t)cs, score);
    if (!st && (st = rowsel_read(s)) == IMC_OK)
        st = csvio_fail(r, "a second row is selected; the optimum is one row "
                        "(select it with FILE:COL=VALUE)");
    if (st == IMC_EOF)
        st = IMC_OK;
    rowsel_close(s);
    return st;
}

/* Grow the arrays of a for one more row and seed. */
static int
reserve(algorithm *a, size_t *caprow, size_t *capseed)
{
    if (a->nrow == *caprow) {
        size_t cap = *caprow ? 2 * *caprow : 64;
        hrow *p = realloc(a->row, cap * sizeof *p);
        if (!p)
            return imc_fail(a->path, 0, "out of memory");
        a->row = p;
        *caprow = cap;
    }
    if (a->nseed == *capseed) {
        size_t cap = *capseed ? 2 * *capseed : 16;
        hseed *p = realloc(a->seed, cap * sizeof *p);
        if (!p)
            return imc_fail(a->path, 0, "out of memory");
        a->seed = p;
        *capseed = cap;
    }
    return IMC_OK;
}

/* The history columns, in this order in col[]. */
enum { H_SEED, H_REQUESTS, H_EVALUATIONS, H_SCORE, H_VIOLATION, NHCOL };
static const char *const hcol_names[NHCOL] = {
    "seed", "requests", "evaluations", "best_score", "best_violation"};

/* Parse the current record into *h (and its seed). */
static int
parse_hrow(const csvio_reader *r, const int *c, hrow *h, long *seed)
{
    long ev, rq;
    double viol;
    int st;
    if ((st = csvio_get_long(r, (size_t)c[H_SEED], 1, 4294967295L, seed)) ||
        (st = csvio_get_long(r, (size_t)c[H_REQUESTS], 0, __LONG_MAX__,
                             &rq)) ||
        (st = csvio_get_long(r, (size_t)c[H_EVALUATIONS], 0, __LONG_MAX__,
                             &ev)) ||
        (st = csvio_get_positive(r, (size_t)c[H_SCORE], &h->best)) ||
        (st = csvio_get_double(r, (size_t)c[H_VIOLATION], &viol)))
        return st;
    if (viol < 0)
        return csvio_fail(r, "column 'best_violation': got '%s', expected a "
                          "number >= 0", csvio_field(r, (size_t)c[H_VIOLATION]));
    h->evaluations = (double)ev;
    h->requests = (double)rq;
    h->feasible = !(viol > 0);
    h->line = csvio_line(r);
    return IMC_OK;
}

/* Read the history of spec into a. */
static int
read_history(const char *spec, algorithm *a)
{
    rowsel_reader *s;
    int st = rowsel_open(spec, &s);
    if (st)
        return st;
    csvio_reader *r = rowsel_csv(s);
    int c[NHCOL];
    size_t caprow = 0, capseed = 0;
    if (!(a->path = strdup(rowsel_path(s))))
        st = imc_fail(spec, 0, "out of memory");
    if (!st)
        st = csvio_require_all(r, hcol_names, NHCOL, c);
    while (!st && (st = rowsel_read(s)) == IMC_OK) {
        if ((st = reserve(a, &caprow, &capseed)))
            break;
        hseed *cur = a->nseed ? &a->seed[a->nseed - 1] : NULL;
        long seed;
        hrow *h = &a->row[a->nrow];
        if ((st = parse_hrow(r, c, h, &seed)))
            break;
        const hrow *prev = &a->row[a->nrow - (a->nrow > 0)];
        if (!cur || cur->seed != (unsigned long)seed) {
            cur = &a->seed[a->nseed++];
            cur->seed = (unsigned long)seed;
            cur->first = a->nrow;
            cur->n = 0;
        } else if (h->evaluations < prev->evaluations ||
                   h->requests < prev->requests) {
            st = csvio_fail(r, "evaluations or requests fall below those of "
                            "line %ld of the same seed", prev->line);
            break;
        }
        cur->n++;
        a->nrow++;
    }
    if (st == IMC_EOF)
        st = a->nrow ? IMC_OK : rowsel_fail_empty(s);
    rowsel_close(s);
    if (st || a->nseed < 2)
        return st;
    runs_seed_at *v = malloc(a->nseed * sizeof *v);
    if (!v)
        return imc_fail(a->path, 0, "out of memory");
    for (size_t k = 0; k < a->nseed; k++) {
        v[k].seed = a->seed[k].seed;
        v[k].line = a->row[a->seed[k].first].line;
    }
    st = runs_check_seeds(a->path, v, a->nseed);
    free(v);
    return st;
}

/* No feasible best may beat the exact optimum by more than float noise:
 * that would mean the histories and the optimum are of different
 * problems (area limit, space, workloads). */
static int
check_against_optimum(const algorithm *a, double opt)
{
    for (size_t i = 0; i < a->nrow; i++) {
        const hrow *h = &a->row[i];
        if (h->feasible &&
            100.0 * (h->best / opt - 1.0) < -CONVERGE_NOISE_PCT)
            return imc_fail(a->path, h->line, "best_score %.10g is below the "
                            "optimum %.10g: the history and the optimum are "
                            "of different problems", h->best, opt);
    }
    return IMC_OK;
}

/* The default grid: CONVERGE_GRID_POINTS log-spaced values from
 * CONVERGE_GRID_MIN to the largest final evaluation count, rounded to
 * whole evaluations, repeats dropped. */
static int
default_grid(converge_result *r)
{
    double hi = CONVERGE_GRID_MIN;
    for (size_t a = 0; a < r->nalg; a++)
        for (size_t k = 0; k < r->alg[a].nseed; k++) {
            const hseed *s = &r->alg[a].seed[k];
            double e = r->alg[a].row[s->first + s->n - 1].evaluations;
            if (e > hi)
                hi = e;
        }
    r->grid = malloc(CONVERGE_GRID_POINTS * sizeof *r->grid);
    if (!r->grid)
        return imc_fail(NULL, 0, "out of memory");
    r->ngrid = 0;
    for (int k = 0; k < CONVERGE_GRID_POINTS; k++) {
        double g = round(CONVERGE_GRID_MIN *
                         pow(hi / CONVERGE_GRID_MIN,
                             (double)k / (CONVERGE_GRID_POINTS - 1)));
        if (r->ngrid == 0 || g > r->grid[r->ngrid - 1])
            r->grid[r->ngrid++] = g;
    }
    return IMC_OK;
}

int
converge_run(const converge_request *q, converge_result **out)
{
    *out = NULL;
    if (q->nalg == 0 || q->nalg > CONVERGE_MAX_ALGORITHMS)
        return imc_fail(NULL, 0, "got %zu algorithms, expected 1 to %d",
                        q->nalg, CONVERGE_MAX_ALGORITHMS);
    converge_result *r = calloc(1, sizeof *r);
    if (!r)
        return imc_fail(NULL, 0, "out of memory");
    r->within_pct = q->within_pct;
    int st = read_optimum(q->optimum, &r->optimum);
    for (size_t a = 0; a < q->nalg && !st; a++) {
        for (size_t b = 0; b < a && !st; b++)
            if (strcmp(q->name[a], q->name[b]) == 0)
                st = imc_fail(NULL, 0, "algorithm '%s' given twice",
                              q->name[a]);
        if (!st && !(r->alg[a].name = strdup(q->name[a])))
            st = imc_fail(NULL, 0, "out of memory");
        if (!st)
            r->nalg++;
        if (!st)
            st = read_history(q->history[a], &r->alg[a]);
        if (!st)
            st = check_against_optimum(&r->alg[a], r->optimum);
    }
    if (!st && q->ngrid == 0)
        st = default_grid(r);
    else if (!st) {
        if (!(r->grid = malloc(q->ngrid * sizeof *r->grid)))
            st = imc_fail(NULL, 0, "out of memory");
        else {
            memcpy(r->grid, q->grid, q->ngrid * sizeof *r->grid);
            r->ngrid = q->ngrid;
        }
    }
    if (st) {
        converge_free(r);
        return st;
    }
    *out = r;
    return IMC_OK;
}

/* ------------------------------------------------------------ writing */

/* Room for one value per seed of the largest algorithm. */
static size_t
max_seeds(const converge_result *r)
{
    size_t n = 1;
    for (size_t a = 0; a < r->nalg; a++)
        if (r->alg[a].nseed > n)
            n = r->alg[a].nseed;
    return n;
}

static double
gap_pct(const converge_result *r, const hrow *h)
{
    return 100.0 * (h->best / r->optimum - 1.0);
}

/* The lower median of the counts x[0..n-1] (SUMMARY_MISSING when n = 0):
 * the count of an actual run, so it stays an integer and can serve as
 * another search's budget (ga-search --max-evaluations). */
static double
median_of(const double *x, size_t n, double *work)
{
    if (n == 0)
        return SUMMARY_MISSING;
    memcpy(work, x, n * sizeof *x);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && work[j - 1] > work[j]; j--) {
            double t = work[j];
            work[j] = work[j - 1];
            work[j - 1] = t;
        }
    return work[(n - 1) / 2];
}

/* The summary row of algorithm a; buf holds 6 arrays of max_seeds. */
static void
write_summary_row(FILE *fp, const converge_result *r, const algorithm *a,
                  double *buf, size_t m)
{
    double *gap = buf, *ev = buf + m, *rq = buf + 2 * m, *fe = buf + 3 * m,
           *fr = buf + 4 * m, *work = buf + 5 * m;
    size_t nf = 0, nreach = 0, nw = 0;
    for (size_t k = 0; k < a->nseed; k++) {
        const hseed *s = &a->seed[k];
        const hrow *last = &a->row[s->first + s->n - 1];
        fe[k] = last->evaluations;
        fr[k] = last->requests;
        if (last->feasible) {
            gap[nf] = gap_pct(r, last);
            nreach += gap[nf] <= CONVERGE_NOISE_PCT;
            nf++;
        }
        for (size_t i = s->first; i < s->first + s->n; i++) {
            const hrow *h = &a->row[i];
            if (h->feasible &&
                gap_pct(r, h) <= r->within_pct + CONVERGE_NOISE_PCT) {
                ev[nw] = h->evaluations;
                rq[nw++] = h->requests;
                break;
            }
        }
    }
    summary_stats g, e;
    summary_describe(gap, nf, work, &g);
    summary_describe(ev, nw, work, &e);
    csvio_put_string(fp, a->name);
    fprintf(fp, ",%zu,%zu,%zu,", a->nseed, nf, nreach);
    csvio_put_double(fp, (double)nreach / (double)a->nseed);
    summary_put_list(fp, (const double[]){g.median, g.max}, 2);
    fprintf(fp, ",%zu", nw);
    const double v[] = {median_of(ev, nw, work), e.max,
                        median_of(rq, nw, work),
                        median_of(fe, a->nseed, work),
                        median_of(fr, a->nseed, work)};
    summary_put_list(fp, v, sizeof v / sizeof v[0]);
    fputc('\n', fp);
}

int
converge_write_summary(FILE *fp, const converge_result *r)
{
    fputs("algorithm,n_seeds,n_feasible,n_reached,fraction_reached,"
          "median_gap_pct,worst_gap_pct,n_within,median_evals_to_within,"
          "max_evals_to_within,median_requests_to_within,"
          "median_final_evaluations,median_final_requests\n", fp);
    size_t m = max_seeds(r);
    double *buf = malloc(6 * m * sizeof *buf);
    if (!buf)
        return imc_fail(NULL, 0, "out of memory");
    for (size_t a = 0; a < r->nalg; a++)
        write_summary_row(fp, r, &r->alg[a], buf, m);
    free(buf);
    return IMC_OK;
}

/* The last row of seed s with evaluations <= g, or NULL. */
static const hrow *
row_at(const algorithm *a, const hseed *s, double g)
{
    const hrow *found = NULL;
    size_t lo = s->first, hi = s->first + s->n;   /* binary search */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->row[mid].evaluations <= g) {
            found = &a->row[mid];
            lo = mid + 1;
        } else
            hi = mid;
    }
    return found;
}

int
converge_write_curves(FILE *fp, const converge_result *r)
{
    fputs("algorithm,evaluations,n_seeds,n_feasible,median_ratio,p25_ratio,"
          "p75_ratio,min_ratio,max_ratio\n", fp);
    size_t m = max_seeds(r);
    double *x = malloc(2 * m * sizeof *x);
    if (!x)
        return imc_fail(NULL, 0, "out of memory");
    for (size_t a = 0; a < r->nalg; a++) {
        const algorithm *al = &r->alg[a];
        for (size_t g = 0; g < r->ngrid; g++) {
            size_t n = 0;
            for (size_t k = 0; k < al->nseed; k++) {
                const hrow *h = row_at(al, &al->seed[k], r->grid[g]);
                if (h && h->feasible)
                    x[n++] = h->best / r->optimum;
            }
            summary_stats s;
            summary_describe(x, n, x + m, &s);
            csvio_put_string(fp, al->name);
            fputc(',', fp);
            csvio_put_double(fp, r->grid[g]);
            fprintf(fp, ",%zu,%zu", al->nseed, n);
            const double v[] = {s.median, s.p25, s.p75, s.min, s.max};
            summary_put_list(fp, v, sizeof v / sizeof v[0]);
            fputc('\n', fp);
        }
    }
    free(x);
    return IMC_OK;
}

size_t
converge_ninfeasible(const converge_result *r)
{
    size_t n = 0;
    for (size_t a = 0; a < r->nalg; a++)
        for (size_t k = 0; k < r->alg[a].nseed; k++) {
            const hseed *s = &r->alg[a].seed[k];
            n += !r->alg[a].row[s->first + s->n - 1].feasible;
        }
    return n;
}
