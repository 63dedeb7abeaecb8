/* compare.c: normalised scores, generalisation loss and joint-vs-largest
 * gain of P1 (framework.md section 6), from cost-eval outputs. */
#include "compare.h"
#include "csvio.h"
#include "design.h"
#include "err.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const compare_role_names[COMPARE_NROLE] = {"specific", "largest",
                                                       "joint"};

/* Two areas of one design agree to this relative tolerance: cost-eval writes
 * them with "%.10g", so one design printed twice gives identical text, and
 * anything beyond print rounding means two different chips. */
#define COMPARE_AREA_RTOL 1e-9

/* ------------------------------------------------------------ table */

compare_table *
compare_alloc(void)
{
    compare_table *t = calloc(1, sizeof *t);
    if (!t)
        imc_fail(NULL, 0, "out of memory");
    return t;
}

void
compare_free(compare_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->npaths; i++)
        free(t->paths[i]);
    free(t->paths);
    free(t->rows);
    free(t);
}

/* Keep a copy of path for the rows' `file` fields; NULL when out of
 * memory (reported). */
static const char *
keep_path(compare_table *t, const char *path)
{
    if (t->npaths == t->cappaths) {
        size_t cap = t->cappaths ? 2 * t->cappaths : 8;
        char **p = realloc(t->paths, cap * sizeof *p);
        if (!p) {
            imc_fail(path, 0, "out of memory");
            return NULL;
        }
        t->paths = p;
        t->cappaths = cap;
    }
    char *s = strdup(path);
    if (!s) {
        imc_fail(path, 0, "out of memory");
        return NULL;
    }
    t->paths[t->npaths++] = s;
    return s;
}

/* The row of workload, or NULL. */
static compare_row *
find_row(compare_table *t, const char *workload)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->rows[i].workload, workload) == 0)
            return &t->rows[i];
    return NULL;
}

/* The row of workload, appended when new; NULL when out of memory. */
static compare_row *
get_row(compare_table *t, const char *workload)
{
    compare_row *r = find_row(t, workload);
    if (r)
        return r;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 8;
        compare_row *p = realloc(t->rows, cap * sizeof *p);
        if (!p) {
            imc_fail(NULL, 0, "out of memory");
            return NULL;
        }
        t->rows = p;
        t->cap = cap;
    }
    r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    strcpy(r->workload, workload); /* length checked by the reader */
    return r;
}

/* ------------------------------------------------------------ reading */

/* One row of a cost file. */
typedef struct entry {
    char workload[NET_NAME_MAX];
    compare_cost cost;
} entry;

/* Read every row of the cost file at path (its path copy is `file`) into a
 * malloc'd array the caller frees.  Checks each value, that no workload
 * appears twice and that all rows describe one design.  Returns IMC_OK or
 * IMC_EINPUT after reporting. */
static int
read_costs(const char *path, const char *file, entry **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    csvio_reader *r = csvio_open(path);
    if (!r)
        return IMC_EINPUT;
    int cw = csvio_require(r, "workload");
    int ce = cw < 0 ? -1 : csvio_require(r, "energy_j");
    int cl = ce < 0 ? -1 : csvio_require(r, "latency_s");
    int ca = cl < 0 ? -1 : csvio_require(r, "area_mm2");
    int cf = csvio_col(r, "fits");
    int st = ca < 0 ? IMC_EINPUT : IMC_OK;
    /* The design columns are optional; when present every row must carry
     * the same design (a file of several designs is a pipeline mistake). */
    design_cols dc;
    int has_design = csvio_col(r, "memory") >= 0 && st == IMC_OK;
    if (has_design)
        st = design_find_cols(r, &dc);
    design first;
    memset(&first, 0, sizeof first);
    entry *v = NULL;
    size_t n = 0, cap = 0;
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            entry *p = realloc(v, cap * sizeof *p);
            if (!p) {
                st = imc_fail(path, 0, "out of memory");
                break;
            }
            v = p;
        }
        entry *e = &v[n];
        memset(e, 0, sizeof *e);
        const char *w = csvio_field(r, (size_t)cw);
        if (w[0] == '\0' || strlen(w) >= NET_NAME_MAX) {
            st = csvio_fail(r, "column 'workload': got '%s', expected a name "
                            "of 1 to %d characters", w, NET_NAME_MAX - 1);
            break;
        }
        strcpy(e->workload, w);
        compare_cost *c = &e->cost;
        c->present = 1;
        c->file = file;
        c->line = csvio_line(r);
        c->fits = -1;
        if ((st = csvio_get_positive(r, (size_t)ce, &c->energy_j)) ||
            (st = csvio_get_positive(r, (size_t)cl, &c->latency_s)) ||
            (st = csvio_get_positive(r, (size_t)ca, &c->area_mm2)))
            break;
        if (cf >= 0) {
            long f;
            if ((st = csvio_get_long(r, (size_t)cf, 0, 1, &f)))
                break;
            c->fits = (int)f;
        }
        for (size_t i = 0; i < n && st == IMC_OK; i++)
            if (strcmp(v[i].workload, w) == 0)
                st = csvio_fail(r, "workload '%s' appears twice (first at "
                                "line %ld)", w, v[i].cost.line);
        if (st)
            break;
        if (has_design) {
            design d;
            if ((st = design_parse(r, &dc, &d)))
                break;
            if (n == 0)
                first = d;
            else if (memcmp(&d, &first, sizeof d) != 0) {
                st = csvio_fail(r, "design differs from line %ld: a file "
                                "must hold one design", v[0].cost.line);
                break;
            }
        }
        if (n > 0 && fabs(c->area_mm2 - v[0].cost.area_mm2) >
                         COMPARE_AREA_RTOL * v[0].cost.area_mm2) {
            st = csvio_fail(r, "column 'area_mm2': got %.10g, but line %ld "
                            "has %.10g: a file must hold one design",
                            c->area_mm2, v[0].cost.line, v[0].cost.area_mm2);
            break;
        }
        n++;
    }
    if (st == IMC_OK && n == 0)
        st = imc_fail(csvio_path(r), 0, "no rows (expected one per "
                                        "workload after the header)");
    csvio_close(r);
    if (st != IMC_OK) {
        free(v);
        return st;
    }
    *out = v;
    *nout = n;
    return IMC_OK;
}

/* ------------------------------------------------------------ adding */

int
compare_add_specific(compare_table *t, const char *path, const char *workload)
{
    const char *file = keep_path(t, path);
    if (!file)
        return IMC_EINPUT;
    entry *v;
    size_t n;
    int st = read_costs(path, file, &v, &n);
    if (st)
        return st;
    const entry *e = NULL;
    if (!workload) {
        if (n > 1)
            st = imc_fail(file, 0, "%zu workloads in one file; name the "
                          "target as --specific WORKLOAD=FILE", n);
        else
            e = &v[0];
    } else {
        for (size_t i = 0; i < n && !e; i++)
            if (strcmp(v[i].workload, workload) == 0)
                e = &v[i];
        if (!e)
            st = imc_fail(file, 0, "no row for workload '%s'", workload);
    }
    compare_row *r = e ? get_row(t, e->workload) : NULL;
    if (e && !r)
        st = IMC_EINPUT;
    if (r && r->cost[COMPARE_SPECIFIC].present)
        st = imc_fail(file, e->cost.line, "workload '%s' already has a "
                      "specific design (from %s)", e->workload,
                      r->cost[COMPARE_SPECIFIC].file);
    else if (r)
        r->cost[COMPARE_SPECIFIC] = e->cost;
    free(v);
    return st;
}

int
compare_add_baseline(compare_table *t, compare_role role, const char *path)
{
    const char *file = keep_path(t, path);
    if (!file)
        return IMC_EINPUT;
    t->role_path[role] = file;
    entry *v;
    size_t n;
    int st = read_costs(path, file, &v, &n);
    for (size_t i = 0; i < n && st == IMC_OK; i++) {
        compare_row *r = get_row(t, v[i].workload);
        if (!r)
            st = IMC_EINPUT;
        else if (r->cost[role].present)
            st = imc_fail(file, v[i].cost.line, "workload '%s' already has "
                          "a %s design (from %s)", v[i].workload,
                          compare_role_names[role], r->cost[role].file);
        else
            r->cost[role] = v[i].cost;
    }
    free(v);
    return st;
}

/* ------------------------------------------------------------ metrics */

void
compare_metrics_compute(const double score[COMPARE_NROLE], compare_metrics *m)
{
    for (int k = 0; k < COMPARE_NROLE; k++) {
        m->score[k] = score[k];
        m->norm[k] = score[k] / score[COMPARE_SPECIFIC];
    }
    double nl = m->norm[COMPARE_LARGEST], nj = m->norm[COMPARE_JOINT];
    m->loss_largest_pct = 100.0 * (nl - 1.0);
    m->loss_joint_pct = 100.0 * (nj - 1.0);
    /* The reference's gain: a difference of normalised scores, i.e. in
     * units of the specific design's score.  P1's per-workload gains are
     * compared with it and with the relative reduction below, which is the
     * usual meaning of "X% lower score" and needs no specific design. */
    m->gain_diff_pct = 100.0 * (nl - nj);
    m->gain_rel_pct = 100.0 * (1.0 - nj / nl);
}

int
compare_finish(compare_table *t)
{
    if (t->n == 0)
        return imc_fail(NULL, 0, "no workloads to compare");
    for (size_t i = 0; i < t->n; i++) {
        compare_row *r = &t->rows[i];
        if (!r->cost[COMPARE_SPECIFIC].present) {
            const compare_cost *c = r->cost[COMPARE_LARGEST].present
                                        ? &r->cost[COMPARE_LARGEST]
                                        : &r->cost[COMPARE_JOINT];
            return imc_fail(c->file, c->line, "workload '%s' has no "
                            "workload-specific design (give --specific "
                            "%s=FILE)", r->workload, r->workload);
        }
        for (int k = COMPARE_LARGEST; k < COMPARE_NROLE; k++)
            if (!r->cost[k].present) {
                if (!t->role_path[k])
                    return imc_fail(NULL, 0, "no %s design given",
                                    compare_role_names[k]);
                return imc_fail(t->role_path[k], 0, "no row for workload "
                                "'%s' (the %s design must be evaluated on "
                                "every workload)", r->workload,
                                compare_role_names[k]);
            }
        double score[COMPARE_NROLE];
        for (int k = 0; k < COMPARE_NROLE; k++) {
            const compare_cost *c = &r->cost[k];
            score[k] = c->energy_j * c->latency_s * c->area_mm2;
            if (!(score[k] > 0) || !isfinite(score[k]))
                return imc_fail(c->file, c->line, "score E*L*A = %g is not "
                                "a positive finite number", score[k]);
        }
        compare_metrics_compute(score, &r->m);
    }
    return IMC_OK;
}

/* ------------------------------------------------------------ writing */

static void
put_fits(FILE *fp, int fits)
{
    if (fits >= 0)
        fprintf(fp, "%d", fits);
}

int
compare_write(FILE *fp, const compare_table *t)
{
    fputs("workload,score_specific,score_largest,score_joint,n_specific,"
          "n_largest,n_joint,loss_largest_pct,loss_joint_pct,gain_diff_pct,"
          "gain_rel_pct,fits_specific,fits_largest,fits_joint\n", fp);
    for (size_t i = 0; i < t->n; i++) {
        const compare_row *r = &t->rows[i];
        const compare_metrics *m = &r->m;
        csvio_put_string(fp, r->workload);
        for (int k = 0; k < COMPARE_NROLE; k++) {
            fputc(',', fp);
            csvio_put_double(fp, m->score[k]);
        }
        for (int k = 0; k < COMPARE_NROLE; k++) {
            fputc(',', fp);
            csvio_put_double(fp, m->norm[k]);
        }
        const double pct[] = {m->loss_largest_pct, m->loss_joint_pct,
                              m->gain_diff_pct, m->gain_rel_pct};
        for (size_t k = 0; k < sizeof pct / sizeof pct[0]; k++) {
            fputc(',', fp);
            csvio_put_double(fp, pct[k]);
        }
        for (int k = 0; k < COMPARE_NROLE; k++) {
            fputc(',', fp);
            put_fits(fp, r->cost[k].fits);
        }
        fputc('\n', fp);
    }
    return IMC_OK;
}

int
compare_write_long(FILE *fp, const compare_table *t)
{
    fputs("workload,design,energy_j,latency_s,area_mm2,fits,score,"
          "normalised\n", fp);
    for (size_t i = 0; i < t->n; i++) {
        const compare_row *r = &t->rows[i];
        for (int k = 0; k < COMPARE_NROLE; k++) {
            const compare_cost *c = &r->cost[k];
            csvio_put_string(fp, r->workload);
            fprintf(fp, ",%s,", compare_role_names[k]);
            csvio_put_double(fp, c->energy_j);
            fputc(',', fp);
            csvio_put_double(fp, c->latency_s);
            fputc(',', fp);
            csvio_put_double(fp, c->area_mm2);
            fputc(',', fp);
            put_fits(fp, c->fits);
            fputc(',', fp);
            csvio_put_double(fp, r->m.score[k]);
            fputc(',', fp);
            csvio_put_double(fp, r->m.norm[k]);
            fputc('\n', fp);
        }
    }
    return IMC_OK;
}
