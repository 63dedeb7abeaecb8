/* calib.c: loading reference results, fitting constants, cross-validation
 * and the validation summary. */
#include "calib.h"
#include "csvio.h"
#include "err.h"
#include "stats.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ loading */

static int
find_net(calib_data *d, const char *name, const char *layers_dir,
         const char *file, long line)
{
    for (size_t i = 0; i < d->nw; i++)
        if (strcmp(d->nets[i]->name, name) == 0)
            return (int)i;
    if (d->nw == CALIB_MAXW)
        return imc_fail(file, line, "more than %d workloads", CALIB_MAXW),
               -1;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.csv", layers_dir, name);
    net *n = NULL;
    if (net_read_table(path, &n) != IMC_OK)
        return -1;
    d->nets[d->nw] = n;
    return (int)d->nw++;
}

static int
same_design(const design *a, const design *b)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (fabs(design_get_param(a, k) - design_get_param(b, k)) > 1e-9)
            return 0;
    return a->memory == b->memory;
}

int
calib_load(const char *reference, design_memory mem, const char *layers_dir,
           calib_data **out)
{
    *out = NULL;
    csvio_reader *r = csvio_open(reference);
    if (!r)
        return IMC_EINPUT;
    calib_data *d = calloc(1, sizeof *d);
    design_cols dc;
    int cw = -1, ce = -1, cl = -1, ca = -1;
    int st = d ? design_find_cols(r, &dc) : imc_fail(reference, 0, "no memory");
    if (st == IMC_OK) {
        cw = csvio_require(r, "workload");
        ce = csvio_require(r, "energy_j");
        cl = csvio_require(r, "latency_s");
        ca = csvio_require(r, "area_mm2");
        if (cw < 0 || ce < 0 || cl < 0 || ca < 0)
            st = IMC_EINPUT;
    }
    size_t cap = 0;
    design *groups = NULL;
    size_t gcap = 0;
    while (st == IMC_OK) {
        int got = csvio_read(r);
        if (got != IMC_OK) {
            st = got == IMC_EOF ? IMC_OK : IMC_EINPUT;
            break;
        }
        calib_row row;
        memset(&row, 0, sizeof row);
        if ((st = design_parse(r, &dc, &row.d)) != IMC_OK)
            break;
        if (row.d.memory != mem)
            continue;
        if ((st = csvio_get_positive(r, (size_t)ce, &row.energy_j)) ||
            (st = csvio_get_positive(r, (size_t)cl, &row.latency_s)) ||
            (st = csvio_get_positive(r, (size_t)ca, &row.area_mm2)))
            break;
        row.line = csvio_line(r);
        row.workload = find_net(d, csvio_field(r, (size_t)cw), layers_dir,
                                csvio_path(r), row.line);
        if (row.workload < 0) {
            st = IMC_EINPUT;
            break;
        }
        /* rows of one design are usually adjacent: search from the end */
        size_t g = d->ngroups;
        while (g > 0 && !same_design(&groups[g - 1], &row.d))
            g--;
        if (g == 0) {
            if (d->ngroups == gcap) {
                gcap = gcap ? 2 * gcap : 256;
                design *p = realloc(groups, gcap * sizeof *p);
                if (!p) {
                    st = imc_fail(reference, 0, "out of memory");
                    break;
                }
                groups = p;
            }
            groups[d->ngroups++] = row.d;
            g = d->ngroups;
        }
        row.group = (int)g - 1;
        cost_counts_net(&row.d, d->nets[row.workload], &row.counts);
        if (d->n == cap) {
            cap = cap ? 2 * cap : 1024;
            calib_row *p = realloc(d->rows, cap * sizeof *p);
            if (!p) {
                st = imc_fail(reference, 0, "out of memory");
                break;
            }
            d->rows = p;
        }
        d->rows[d->n++] = row;
    }
    if (st == IMC_OK && d->n == 0)
        st = imc_fail(csvio_path(r), 0, "no %s rows",
                      design_memory_name(mem));
    free(groups);
    csvio_close(r);
    if (st != IMC_OK) {
        calib_free(d);
        return st;
    }
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
        if (tech && x->tech_nm != 32)
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
        /* a non-positive or non-finite model value is a huge miss, not a
         * NaN that would poison the solver */
        double r = (v > 0 && isfinite(v)) ? log(v / ref) : 50.0;
        /* Energy: pseudo-Huber loss of scale CALIB_HUBER_LOG, as a
         * transformed residual whose square is the loss.  A few reference
         * rows sit 10-100x above any count model (the mapper's weight
         * reload order, cimloop-model.md 7); with plain squares they would
         * bias every other row upward. */
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
        st = gsl_multifit_nlinear_driver(500, 1e-10, 1e-10, 1e-12, NULL,
                                         NULL, &info, w);
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
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
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
    fprintf(fp, ",%zu,%.6f,%.6f,%.6f,%.6f\n", n,
            stats_quantile(err, n, 0.5, work),
            stats_quantile(err, n, 0.9, work),
            stats_quantile(err, n, 1.0, work),
            stats_spearman(a, b, n, work));
}

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
    long nodes[16];
    int nn = 0;
    for (size_t i = 0; i < d->n; i++) {
        int seen = 0;
        for (int k = 0; k < nn; k++)
            seen |= nodes[k] == d->rows[i].d.tech_nm;
        if (!seen && nn < 16)
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
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

/* ------------------------------------------------------------ top 10 */

static const char *const p1_workloads[4] = {"alexnet", "vgg16", "resnet18",
                                            "mobilenet_v3"};

int
calib_write_top10(FILE *fp, const calib_data *d, const double *pred)
{
    int wi[4];
    for (int k = 0; k < 4; k++) {
        wi[k] = -1;
        for (size_t w = 0; w < d->nw; w++)
            if (strcmp(d->nets[w]->name, p1_workloads[k]) == 0)
                wi[k] = (int)w;
    }
    /* per design: max E, max L, A under reference and model, and a mask of
     * the P1 workloads seen */
    size_t g = d->ngroups;
    double *v = calloc(6 * g, sizeof *v);
    int *mask = calloc(g, sizeof *mask);
    if (!v || !mask) {
        free(v);
        free(mask);
        return imc_fail(NULL, 0, "out of memory");
    }
    for (size_t i = 0; i < d->n; i++) {
        const calib_row *r = &d->rows[i];
        int k = 0;
        while (k < 4 && r->workload != wi[k])
            k++;
        if (k == 4 || r->d.tech_nm != 32)
            continue;
        size_t j = (size_t)r->group;
        mask[j] |= 1 << k;
        double *x = &v[6 * j];
        x[0] = fmax(x[0], r->energy_j);
        x[1] = fmax(x[1], r->latency_s);
        x[2] = r->area_mm2;
        x[3] = fmax(x[3], pred[3 * i]);
        x[4] = fmax(x[4], pred[3 * i + 1]);
        x[5] = pred[3 * i + 2];
    }
    size_t n = 0;
    double *ref = malloc(g * sizeof *ref), *mod = malloc(g * sizeof *mod);
    if (!ref || !mod) {
        free(v); free(mask); free(ref); free(mod);
        return imc_fail(NULL, 0, "out of memory");
    }
    for (size_t j = 0; j < g; j++)
        if (mask[j] == 15) {
            ref[n] = v[6 * j] * v[6 * j + 1] * v[6 * j + 2];
            mod[n] = v[6 * j + 3] * v[6 * j + 4] * v[6 * j + 5];
            n++;
        }
    fputs("memory,designs,ref_rank,model_rank,model_rank_pct\n", fp);
    /* GSL's stable index sort gives the order under each score; ties keep
     * the designs' order in the file, so the ranks are deterministic */
    size_t *by_ref = malloc((n ? n : 1) * sizeof *by_ref);
    size_t *by_mod = malloc((n ? n : 1) * sizeof *by_mod);
    size_t *mrank = malloc((n ? n : 1) * sizeof *mrank);
    if (by_ref && by_mod && mrank && n > 0) {
        gsl_sort_index(by_ref, ref, 1, n);
        gsl_sort_index(by_mod, mod, 1, n);
        for (size_t k = 0; k < n; k++)
            mrank[by_mod[k]] = k + 1;
        for (size_t t = 0; t < 10 && t < n; t++) {
            size_t m = mrank[by_ref[t]];
            fprintf(fp, "%s,%zu,%zu,%zu,%.3f\n",
                    design_memory_name(d->memory), n, t + 1, m,
                    100.0 * (double)m / (double)n);
        }
    }
    free(by_ref);
    free(by_mod);
    free(mrank);
    free(v); free(mask); free(ref); free(mod);
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}
