/* calib.c: loading reference results, fitting constants, cross-validation
 * and the validation summary. */
#include "calib.h"
#include "csvio.h"
#include "err.h"
#include "stats.h"
#include "table.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ loading */

/* Predicate: a workload name that is a plain file name: [A-Za-z0-9_.-]+,
 * not starting with '.', shorter than NET_NAME_MAX.  Only such a name may
 * become a path under the layer directory (no "../x", no "/etc/x"). */
static int
plain_name_p(const char *s)
{
    size_t n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                         "0123456789_.-");
    return n > 0 && s[n] == '\0' && s[0] != '.' && n < NET_NAME_MAX;
}

/* What the row checks of calib_load share. */
typedef struct load_ctx {
    calib_data *d;
    design_memory mem;
    const char *layers_dir;
    design *groups;        /* one design per group seen */
    size_t gcap;
} load_ctx;

static int
find_net(calib_data *d, const char *name, const char *layers_dir,
         const csvio_reader *r)
{
    for (size_t i = 0; i < d->nw; i++)
        if (strcmp(d->nets[i]->name, name) == 0)
            return (int)i;
    if (d->nw == CALIB_MAXW)
        return csvio_fail(r, "more than %d workloads", CALIB_MAXW), -1;
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s.csv", layers_dir, name) >=
        (int)sizeof path)
        return csvio_fail(r, "layer directory path too long"), -1;
    net *n = NULL;
    if (net_read_table(path, &n) != IMC_OK)
        return -1;
    d->nets[d->nw] = n;
    return (int)d->nw++;
}

/* Two rows belong to one design when every parameter agrees to this
 * (absolute) tolerance: the reference prints them with at most 3 decimals
 * (calibration set, docs/reference-data.md), so rounding noise is far
 * smaller and real differences far larger. */
#define CALIB_SAME_DESIGN_TOL 1e-9

static int
same_design(const design *a, const design *b)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (fabs(design_get_param(a, k) - design_get_param(b, k)) >
            CALIB_SAME_DESIGN_TOL)
            return 0;
    return a->memory == b->memory;
}

/* The group (design id) of row's design, a new one when unseen; -1 when
 * out of memory (reported). */
static int
find_group(load_ctx *c, const design *x, const csvio_reader *r)
{
    calib_data *d = c->d;
    /* rows of one design are usually adjacent: search from the end */
    size_t g = d->ngroups;
    while (g > 0 && !same_design(&c->groups[g - 1], x))
        g--;
    if (g > 0)
        return (int)g - 1;
    design *p = table_grow(c->groups, &c->gcap, d->ngroups + 1, sizeof *p);
    if (!p)
        return csvio_fail(r, "out of memory"), -1;
    c->groups = p;
    c->groups[d->ngroups] = *x;
    return (int)d->ngroups++;
}

/* Column indices of calib_load's specs past the design's. */
enum { COL_WORKLOAD = DESIGN_NCOLS, COL_ENERGY, COL_LATENCY, COL_AREA,
       NCOLS };

static int
load_row(const csvio_reader *r, const int *col, void *rowp, void *ctx)
{
    calib_row *row = rowp;
    load_ctx *c = ctx;
    int st = design_check(&row->d, csvio_path(r), csvio_line(r));
    if (st != IMC_OK)
        return st;
    if (row->d.memory != c->mem)
        return TABLE_SKIP;
    const char *w = csvio_field(r, (size_t)col[COL_WORKLOAD]);
    if (!plain_name_p(w))
        return csvio_fail(r, "column 'workload': got '%s', expected a plain "
                          "name of 1 to %d characters from [A-Za-z0-9_.-], "
                          "not starting with '.'", w, NET_NAME_MAX - 1);
    row->line = csvio_line(r);
    if ((row->workload = find_net(c->d, w, c->layers_dir, r)) < 0 ||
        (row->group = find_group(c, &row->d, r)) < 0)
        return IMC_EINPUT;
    cost_counts_net(&row->d, c->d->nets[row->workload], &row->counts);
    return IMC_OK;
}

/* A reference without a row of the memory type asked for. */
static int
load_end(const csvio_reader *r, void *ctx)
{
    const load_ctx *c = ctx;
    if (c->d->ngroups == 0)
        return csvio_fail(r, "no %s rows", design_memory_name(c->mem));
    return IMC_OK;
}

int
calib_load(const char *reference, design_memory mem, const char *layers_dir,
           calib_data **out)
{
    *out = NULL;
    table_col cols[NCOLS];
    design_table_cols(offsetof(calib_row, d), cols);
    cols[COL_WORKLOAD] = (table_col){.name = "workload",
                                     .type = TABLE_STRING};
    cols[COL_ENERGY] = (table_col){.name = "energy_j", .type = TABLE_POSITIVE,
                                   .offset = offsetof(calib_row, energy_j)};
    cols[COL_LATENCY] = (table_col){.name = "latency_s",
                                    .type = TABLE_POSITIVE,
                                    .offset = offsetof(calib_row, latency_s)};
    cols[COL_AREA] = (table_col){.name = "area_mm2", .type = TABLE_POSITIVE,
                                 .offset = offsetof(calib_row, area_mm2)};
    calib_data *d = calloc(1, sizeof *d);
    if (!d)
        return imc_fail(reference, 1, "out of memory");
    load_ctx c = {.d = d, .mem = mem, .layers_dir = layers_dir};
    table_spec spec = {.cols = cols, .ncols = NCOLS,
                       .row_size = sizeof(calib_row), .keep = 1,
                       .row = load_row, .end = load_end, .ctx = &c};
    table_rows rows;
    int st = table_read(reference, &spec, &rows);
    free(c.groups);
    if (st != IMC_OK) {
        calib_free(d);
        return st;
    }
    d->rows = rows.rows;
    d->n = rows.n;
    d->memory = mem;
    *out = d;
    return IMC_OK;
}

void
calib_free(calib_data *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nw; i++)
        net_free(d->nets[i]);
    free(d->rows);
    free(d);
}

/* ------------------------------------------------------------ fitting */

enum { FIT_AREA, FIT_ENERGY };

/* Scale of the robust energy loss, in log units (~10 %). */
#define CALIB_HUBER_LOG 0.1

/* The log residual of a non-positive or non-finite model value: a miss of
 * e^50, worse than any real one, so the solver moves away from it instead
 * of being poisoned by a NaN. */
#define CALIB_MISS_LOG 50.0

/* GSL's trust-region driver: at most 500 iterations (the fits on the whole
 * calibration set take 9 to 31, calibrate --fit-info); stop when a step
 * changes the parameters by less than 1e-10 relative, the gradient falls
 * below 1e-10 or the cost changes by less than 1e-12: far finer than the
 * 3 to 6 digits the reference prints its results with. */
#define CALIB_MAX_ITER 500
#define CALIB_XTOL 1e-10
#define CALIB_GTOL 1e-10
#define CALIB_FTOL 1e-12

/* The reference's node (docs/framework.md section 3, docs/cost-model.md
 * section 2.2): node exponents are free only when rows off it exist; the
 * top-10 check ranks designs at it. */
#define CALIB_REF_NODE_NM 32

/* Which fit a constant belongs to: area constants, and the low-voltage
 * upsizing shape (vt, slope, alpha), which the area pins down cleanly and
 * the energy then reuses: one physical cause, one set of constants. */
static int
fit_group(int k)
{
    const char *n = consts_names[k];
    if (strncmp(n, "a_", 2) == 0 || k == CONSTS_lowv_a_k ||
        k == CONSTS_lowv_vt || k == CONSTS_lowv_vt_slope ||
        k == CONSTS_lowv_alpha || k == CONSTS_tech_a_exp)
        return FIT_AREA;
    return FIT_ENERGY;
}

/* A constant is free only when the rows can determine it: a GLB depth that
 * no row uses, or a node exponent without rows off 32 nm, would make the
 * Jacobian singular. */
static int
determined(const calib_data *d, const size_t *idx, size_t n, int k)
{
    int glb_e = k >= CONSTS_e_glb_0_5mb && k <= CONSTS_e_glb_128mb;
    int glb_a = k >= CONSTS_a_glb_0_5mb && k <= CONSTS_a_glb_128mb;
    int tech = k == CONSTS_tech_a_exp || k == CONSTS_tech_e_exp ||
               k == CONSTS_lowv_vt_slope || k == CONSTS_write_vt_slope ||
               k == CONSTS_finfet_write || k == CONSTS_finfet_node_exp ||
               k == CONSTS_tech_glb_e_exp;
    if (!glb_e && !glb_a && !tech)
        return 1;
    int depth_i = glb_e ? k - CONSTS_e_glb_0_5mb : k - CONSTS_a_glb_0_5mb;
    for (size_t j = 0; j < n; j++) {
        const design *x = &d->rows[idx[j]].d;
        if (tech && x->tech_nm != CALIB_REF_NODE_NM)
            return 1;
        if (!tech && fabs(design_glb_depth(x) -
                          consts_glb_depths[depth_i]) < 0.5)
            return 1;
    }
    return 0;
}

typedef struct fit_ctx {
    const calib_data *d;
    const size_t *idx;
    size_t n;
    int which;
    int params[CONSTS_N];
    int np;
    consts c;
    cost_model *m;
} fit_ctx;

static void
apply(fit_ctx *f, const gsl_vector *x)
{
    for (int k = 0; k < f->np; k++)
        f->c.v[f->params[k]] = exp(gsl_vector_get(x, (size_t)k));
    cost_model_set_consts(f->m, f->d->memory, &f->c);
}

static double
model_value(const fit_ctx *f, const calib_row *row)
{
    if (f->which == FIT_AREA)
        return cost_area(f->m, &row->d, NULL);
    return cost_energy(f->m, &row->d, &row->counts, NULL);
}

static int
residuals(const gsl_vector *x, void *p, gsl_vector *out)
{
    fit_ctx *f = p;
    apply(f, x);
    for (size_t j = 0; j < f->n; j++) {
        const calib_row *row = &f->d->rows[f->idx[j]];
        double ref = f->which == FIT_AREA ? row->area_mm2 : row->energy_j;
        double v = model_value(f, row);
        double r = (v > 0 && isfinite(v)) ? log(v / ref) : CALIB_MISS_LOG;
        /* Energy: pseudo-Huber loss of scale CALIB_HUBER_LOG, as a
         * transformed residual whose square is the loss.  A few reference
         * rows sit 10-100x above any count model (the mapper's weight
         * reload order, docs/cost-model.md section 11.1); with plain
         * squares they would bias every other row upward. */
        if (f->which == FIT_ENERGY) {
            double c = CALIB_HUBER_LOG, q = r / c;
            r = copysign(c * sqrt(2 * (sqrt(1 + q * q) - 1)), r);
        }
        gsl_vector_set(out, j, r);
    }
    return GSL_SUCCESS;
}

static int
fit_one(fit_ctx *f, const consts *start, size_t *iters, double *rms)
{
    f->np = 0;
    for (int k = 0; k < CONSTS_N; k++) {
        if (!start->fit[k] || fit_group(k) != f->which ||
            !determined(f->d, f->idx, f->n, k))
            continue;
        if (!(f->c.v[k] > 0))
            return imc_fail(NULL, 0, "constant '%s' = %g: a fitted constant "
                            "must start > 0", consts_names[k], f->c.v[k]);
        f->params[f->np++] = k;
    }
    *iters = 0;
    if (f->np == 0 || f->n <= (size_t)f->np) {
        *rms = NAN;
        return IMC_OK;
    }
    gsl_vector *x = gsl_vector_alloc((size_t)f->np);
    gsl_multifit_nlinear_fdf fdf = {0};
    fdf.f = residuals;
    fdf.n = f->n;
    fdf.p = (size_t)f->np;
    fdf.params = f;
    gsl_multifit_nlinear_parameters par =
        gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w = gsl_multifit_nlinear_alloc(
        gsl_multifit_nlinear_trust, &par, f->n, (size_t)f->np);
    if (!x || !w) {
        gsl_vector_free(x);
        gsl_multifit_nlinear_free(w);
        return imc_fail(NULL, 0, "out of memory");
    }
    for (int k = 0; k < f->np; k++)
        gsl_vector_set(x, (size_t)k, log(f->c.v[f->params[k]]));
    int info = 0;
    int st = gsl_multifit_nlinear_init(x, &fdf, w);
    if (st == GSL_SUCCESS)
        st = gsl_multifit_nlinear_driver(CALIB_MAX_ITER, CALIB_XTOL,
                                         CALIB_GTOL, CALIB_FTOL, NULL, NULL,
                                         &info, w);
    /* running out of iterations still leaves the best point found */
    if (st == GSL_EMAXITER || st == GSL_ENOPROG)
        st = GSL_SUCCESS;
    if (st == GSL_SUCCESS) {
        apply(f, w->x);
        gsl_vector *res = gsl_multifit_nlinear_residual(w);
        double ss = 0;
        for (size_t j = 0; j < f->n; j++)
            ss += gsl_vector_get(res, j) * gsl_vector_get(res, j);
        *rms = sqrt(ss / (double)f->n);
        *iters = gsl_multifit_nlinear_niter(w);
    }
    gsl_vector_free(x);
    gsl_multifit_nlinear_free(w);
    if (st != GSL_SUCCESS)
        return imc_fail_status(IMC_ENUMERIC, NULL, 0, "fit failed: %s",
                               gsl_strerror(st));
    return IMC_OK;
}

int
calib_fit(const calib_data *d, const unsigned char *use, const consts *start,
          consts *out, calib_fit_info *info)
{
    size_t *idx = malloc(d->n * sizeof *idx);
    cost_model *m = cost_model_from(NULL, NULL);
    if (!idx || !m) {
        free(idx);
        cost_model_free(m);
        return imc_fail(NULL, 0, "out of memory");
    }
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++)
        if (!use || use[i])
            idx[n++] = i;
    fit_ctx f = {.d = d, .idx = idx, .n = n, .m = m, .c = *start};
    /* Every fit starts from the published figures (column `start`), not
     * from an earlier fit's values, so refitting is reproducible. */
    for (int k = 0; k < CONSTS_N; k++)
        if (start->fit[k])
            f.c.v[k] = start->start[k];
    memset(info, 0, sizeof *info);
    info->rows = n;
    f.which = FIT_AREA;
    int st = fit_one(&f, start, &info->iter_area, &info->rms_log_area);
    info->n_area = f.np;
    if (st == IMC_OK) {
        f.which = FIT_ENERGY;
        st = fit_one(&f, start, &info->iter_energy, &info->rms_log_energy);
        info->n_energy = f.np;
    }
    /* a fit that leaves a constant outside its band (consts.h) has run off
     * to where no physics is: a numerical failure, not a result */
    for (int k = 0; st == IMC_OK && k < CONSTS_N; k++)
        if (!consts_in_band_p(k, f.c.v[k]))
            st = imc_fail_status(IMC_ENUMERIC, NULL, 0, "fit left constant "
                                 "'%s' at %g, outside its band",
                                 consts_names[k], f.c.v[k]);
    /* the fitted values become the new starting point's values; `start`
     * keeps the published figures */
    if (st == IMC_OK) {
        *out = f.c;
        memcpy(out->start, start->start, sizeof out->start);
    }
    free(idx);
    cost_model_free(m);
    return st;
}

void
calib_predict(const calib_data *d, const cost_model *m, size_t i,
              double *energy_j, double *latency_s, double *area_mm2)
{
    const calib_row *row = &d->rows[i];
    *energy_j = cost_energy(m, &row->d, &row->counts, NULL);
    *latency_s = cost_latency(m, &row->d, &row->counts,
                              COST_LATENCY_REFERENCE);
    *area_mm2 = cost_area(m, &row->d, NULL);
}

int
calib_crossval(calib_data *d, const consts *start, int folds,
               double *pred, calib_fit_info *info)
{
    unsigned char *use = malloc(d->n);
    cost_model *m = cost_model_from(NULL, NULL);
    int st = (use && m) ? IMC_OK : imc_fail(NULL, 0, "out of memory");
    d->folds = folds;
    for (int k = 0; st == IMC_OK && k < folds; k++) {
        for (size_t i = 0; i < d->n; i++)
            use[i] = d->rows[i].group % folds != k;
        consts fitted;
        st = calib_fit(d, use, start, &fitted, info);
        if (st != IMC_OK)
            break;
        cost_model_set_consts(m, d->memory, &fitted);
        for (size_t i = 0; i < d->n; i++)
            if (!use[i])
                calib_predict(d, m, i, &pred[3 * i], &pred[3 * i + 1],
                              &pred[3 * i + 2]);
    }
    free(use);
    cost_model_free(m);
    return st;
}

/* ------------------------------------------------------------ reports */

int
calib_write_predictions(FILE *fp, const calib_data *d, const double *pred)
{
    design_write_header(fp);
    fputs(",workload,fold,ref_energy_j,model_energy_j,ref_latency_s,"
          "model_latency_s,ref_area_mm2,model_area_mm2\n", fp);
    for (size_t i = 0; i < d->n; i++) {
        const calib_row *r = &d->rows[i];
        design_write(fp, &r->d);
        fprintf(fp, ",%s,%d", d->nets[r->workload]->name,
                d->folds > 0 ? r->group % d->folds : 0);
        double v[6] = {r->energy_j, pred[3 * i], r->latency_s,
                       pred[3 * i + 1], r->area_mm2, pred[3 * i + 2]};
        for (int k = 0; k < 6; k++) {
            fputc(',', fp);
            csvio_put_double(fp, v[k]);
        }
        fputc('\n', fp);
    }
    return IMC_OK;
}

/* A fixed-point field of the summaries, empty when the value is undefined
 * (NaN: a correlation of a constant metric, an rms without a fit). */
static void
put_fixed_or_empty(FILE *fp, double v, int decimals)
{
    fputc(',', fp);
    if (!isnan(v))
        csvio_put_f(fp, v, decimals);
}

/* Decimals of the summaries' fixed-point columns: 1e-6 resolves well below
 * the 0.01 % steps the validation report quotes
 * (tools/make-validation-md.sh). */
#define CALIB_SUMMARY_DECIMALS 6

int
calib_write_fit_info(FILE *fp, const calib_data *d, const calib_fit_info *i)
{
    fprintf(fp, "memory,rows,designs,free_area,free_energy,rms_log_area,"
                "rms_log_energy,iter_area,iter_energy\n%s,%zu,%zu,%d,%d",
            design_memory_name(d->memory), i->rows, d->ngroups, i->n_area,
            i->n_energy);
    put_fixed_or_empty(fp, i->rms_log_area, CALIB_SUMMARY_DECIMALS);
    put_fixed_or_empty(fp, i->rms_log_energy, CALIB_SUMMARY_DECIMALS);
    fprintf(fp, ",%zu,%zu\n", i->iter_area, i->iter_energy);
    return IMC_OK;
}

enum { MET_ENERGY, MET_LATENCY, MET_AREA, MET_EDAP, MET_N };
static const char *const metric_names[MET_N] = {"energy", "latency", "area",
                                                "edap"};

static double
metric_ref(const calib_row *r, int m)
{
    switch (m) {
    case MET_ENERGY: return r->energy_j;
    case MET_LATENCY: return r->latency_s;
    case MET_AREA: return r->area_mm2;
    default: return r->energy_j * r->latency_s * r->area_mm2;
    }
}

static double
metric_model(const double *p, int m)
{
    return m == MET_EDAP ? p[0] * p[1] * p[2] : p[m];
}

/* One summary line over the rows matching (workload w or -1, node or -1). */
static void
summary_line(FILE *fp, const calib_data *d, const double *pred, int m, int w,
             long node, double *a, double *b, double *err, double *work)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        const calib_row *r = &d->rows[i];
        if ((w >= 0 && r->workload != w) || (node >= 0 && r->d.tech_nm != node))
            continue;
        a[n] = metric_ref(r, m);
        b[n] = metric_model(&pred[3 * i], m);
        err[n] = fabs(b[n] / a[n] - 1);
        n++;
    }
    if (n == 0)
        return;
    fprintf(fp, "%s,%s,%s,", design_memory_name(d->memory), metric_names[m],
            w >= 0 ? d->nets[w]->name : "all");
    if (node >= 0)
        fprintf(fp, "%ld", node);
    else
        fputs("all", fp);
    fprintf(fp, ",%zu", n);
    const double q[3] = {0.5, 0.9, 1.0};
    for (int k = 0; k < 3; k++)
        put_fixed_or_empty(fp, stats_quantile(err, n, q[k], work),
                           CALIB_SUMMARY_DECIMALS);
    /* undefined (empty) when either side is constant or n < 2 */
    put_fixed_or_empty(fp, stats_spearman(a, b, n, work),
                       CALIB_SUMMARY_DECIMALS);
    fputc('\n', fp);
}

/* Most technology nodes the per-node summary lines cover: the reference
 * has 6 (7-45 nm, docs/framework.md section 2.4). */
#define CALIB_MAX_NODES 16

int
calib_write_summary(FILE *fp, const calib_data *d, const double *pred)
{
    double *buf = malloc(5 * d->n * sizeof *buf);
    if (!buf)
        return imc_fail(NULL, 0, "out of memory");
    double *a = buf, *b = buf + d->n, *err = buf + 2 * d->n,
           *work = buf + 3 * d->n;
    fputs("memory,metric,workload,tech_nm,rows,median_abs_rel_err,"
          "p90_abs_rel_err,max_abs_rel_err,spearman_rho\n", fp);
    long nodes[CALIB_MAX_NODES];
    int nn = 0;
    for (size_t i = 0; i < d->n; i++) {
        int seen = 0;
        for (int k = 0; k < nn; k++)
            seen |= nodes[k] == d->rows[i].d.tech_nm;
        if (!seen && nn < CALIB_MAX_NODES)
            nodes[nn++] = d->rows[i].d.tech_nm;
    }
    for (int m = 0; m < MET_N; m++) {
        summary_line(fp, d, pred, m, -1, -1, a, b, err, work);
        for (size_t w = 0; w < d->nw; w++)
            summary_line(fp, d, pred, m, (int)w, -1, a, b, err, work);
        if (nn > 1)
            for (int k = 0; k < nn; k++)
                summary_line(fp, d, pred, m, -1, nodes[k], a, b, err, work);
    }
    free(buf);
    return IMC_OK;
}

/* ------------------------------------------------------------ top 10 */

/* The four workloads of P1's joint search (docs/framework.md section 4): the
 * top-10 check ranks designs by their joint score over these. */
static const char *const p1_workloads[] = {"alexnet", "vgg16", "resnet18",
                                           "mobilenet_v3"};
#define CALIB_P1_NW (sizeof p1_workloads / sizeof p1_workloads[0])
/* A design's mask of P1 workloads seen when it has all of them. */
#define CALIB_P1_ALL ((1u << CALIB_P1_NW) - 1)
/* How many of the reference's best designs the check follows. */
#define CALIB_TOP_N 10

/* Per design j: max E, max L and A under the reference (v[6j..6j+2]) and
 * the model (v[6j+3..6j+5]) over the P1 workloads at the reference node,
 * and the mask of those workloads seen. */
static void
top_scores(const calib_data *d, const double *pred, double *v,
           unsigned *mask)
{
    int wi[CALIB_P1_NW];
    for (size_t k = 0; k < CALIB_P1_NW; k++) {
        wi[k] = -1;
        for (size_t w = 0; w < d->nw; w++)
            if (strcmp(d->nets[w]->name, p1_workloads[k]) == 0)
                wi[k] = (int)w;
    }
    for (size_t i = 0; i < d->n; i++) {
        const calib_row *r = &d->rows[i];
        size_t k = 0;
        while (k < CALIB_P1_NW && r->workload != wi[k])
            k++;
        if (k == CALIB_P1_NW || r->d.tech_nm != CALIB_REF_NODE_NM)
            continue;
        size_t j = (size_t)r->group;
        mask[j] |= 1u << k;
        double *x = &v[6 * j];
        x[0] = fmax(x[0], r->energy_j);
        x[1] = fmax(x[1], r->latency_s);
        x[2] = r->area_mm2;
        x[3] = fmax(x[3], pred[3 * i]);
        x[4] = fmax(x[4], pred[3 * i + 1]);
        x[5] = pred[3 * i + 2];
    }
}

int
calib_write_top10(FILE *fp, const calib_data *d, const double *pred)
{
    size_t g = d->ngroups ? d->ngroups : 1, n = 0;
    double *v = calloc(6 * g, sizeof *v);
    unsigned *mask = calloc(g, sizeof *mask);
    double *ref = malloc(g * sizeof *ref), *mod = malloc(g * sizeof *mod);
    size_t *by_ref = malloc(g * sizeof *by_ref);
    size_t *by_mod = malloc(g * sizeof *by_mod);
    size_t *mrank = malloc(g * sizeof *mrank);
    int st = v && mask && ref && mod && by_ref && by_mod && mrank
                 ? IMC_OK : imc_fail(NULL, 0, "out of memory");
    if (st == IMC_OK) {
        top_scores(d, pred, v, mask);
        for (size_t j = 0; j < d->ngroups; j++)
            if (mask[j] == CALIB_P1_ALL) {
                ref[n] = v[6 * j] * v[6 * j + 1] * v[6 * j + 2];
                mod[n] = v[6 * j + 3] * v[6 * j + 4] * v[6 * j + 5];
                n++;
            }
        fputs("memory,designs,ref_rank,model_rank,model_rank_pct\n", fp);
    }
    /* GSL's index sort gives the order under each score.  It is a heapsort:
     * deterministic (the same scores in the same order always give the
     * same permutation, so the ranks are reproducible) but not stable, so
     * designs with equal scores need not keep their order in the file */
    if (st == IMC_OK && n > 0) {
        gsl_sort_index(by_ref, ref, 1, n);
        gsl_sort_index(by_mod, mod, 1, n);
        for (size_t k = 0; k < n; k++)
            mrank[by_mod[k]] = k + 1;
        for (size_t t = 0; t < CALIB_TOP_N && t < n; t++) {
            size_t m = mrank[by_ref[t]];
            fprintf(fp, "%s,%zu,%zu,%zu,", design_memory_name(d->memory), n,
                    t + 1, m);
            csvio_put_f(fp, 100.0 * (double)m / (double)n, 3);
            fputc('\n', fp);
        }
    }
    free(by_ref);
    free(by_mod);
    free(mrank);
    free(v);
    free(mask);
    free(ref);
    free(mod);
    return st;
}

/* ------------------------------------------------------------ run */

int
calib_run(const char *reference, design_memory mem, const char *layers_dir,
          const char *start_path, int folds, calib_result *out)
{
    memset(out, 0, sizeof *out);
    consts start;
    int st = consts_read(start_path, &start);
    if (st == IMC_OK)
        st = calib_load(reference, mem, layers_dir, &out->data);
    if (st == IMC_OK && folds >= 2 && (size_t)folds > out->data->ngroups)
        st = imc_fail(reference, 1, "--folds %d, but the %s rows hold %zu "
                      "design%s", folds, design_memory_name(mem),
                      out->data->ngroups,
                      out->data->ngroups == 1 ? "" : "s");
    if (st == IMC_OK)
        st = calib_fit(out->data, NULL, &start, &out->fitted, &out->info);
    if (st == IMC_OK && folds >= 2) {
        out->pred = calloc(3 * out->data->n, sizeof *out->pred);
        calib_fit_info cv;
        st = out->pred ? calib_crossval(out->data, &start, folds, out->pred,
                                        &cv)
                       : imc_fail(NULL, 0, "out of memory");
    }
    if (st != IMC_OK)
        calib_result_free(out);
    return st;
}

void
calib_result_free(calib_result *r)
{
    calib_free(r->data);
    free(r->pred);
    memset(r, 0, sizeof *r);
}
