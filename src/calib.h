/* calib.h: fitting the cost model's free constants to reference results.
 *
 * A calib_data holds the reference rows of one memory type (from a file in
 * the format of ../shared/reference/cimloop/calibration.csv), the layer
 * tables of their workloads, and for every row the action counts of
 * cost.h, computed once: counts do not depend on any constant, so a fit
 * only re-evaluates cost_energy / cost_area, which is cheap.  calib_free()
 * releases rows and nets.
 *
 * The fit is nonlinear least squares on log quantities (GSL
 * gsl_multifit_nlinear, trust region, finite-difference Jacobian) over the
 * logarithms of the constants marked fit = 1, so constants stay positive:
 * first the area constants on log area, then the energy constants on log
 * energy.  Latency has no free constant (the reference mode is exact).
 */
#ifndef IMC_CALIB_H
#define IMC_CALIB_H

#include <stdio.h>

#include "consts.h"
#include "cost.h"

#define CALIB_MAXW 32

typedef struct calib_row {
    design d;
    int workload;          /* index into calib_data.nets */
    int group;             /* design id: rows of one design share it */
    long line;             /* line in the reference file */
    double energy_j, latency_s, area_mm2;  /* reference values */
    cost_counts counts;
} calib_row;

typedef struct calib_data {
    design_memory memory;
    size_t n;
    calib_row *rows;
    size_t nw;
    net *nets[CALIB_MAXW];
    size_t ngroups;
    int folds;             /* set by calib_crossval: fold = group % folds */
} calib_data;

/* Load the rows of memory type `mem` from `reference` and the layer tables
 * `<layers_dir>/<workload>.csv`.  Rows whose workload has no layer table are
 * an error (named), so a fit never silently drops data. */
int calib_load(const char *reference, design_memory mem,
               const char *layers_dir, calib_data **out);
void calib_free(calib_data *d);

typedef struct calib_fit_info {
    size_t rows;           /* rows fitted */
    int n_area, n_energy;  /* free constants in each fit */
    double rms_log_area, rms_log_energy;  /* after the fit */
    size_t iter_area, iter_energy;
} calib_fit_info;

/* Fit on the rows with use[i] != 0 (NULL: all rows), starting from *start;
 * the fitted constants go to *out.  IMC_ENUMERIC when GSL fails. */
int calib_fit(const calib_data *d, const unsigned char *use,
              const consts *start, consts *out, calib_fit_info *info);

/* Model predictions for row i under constants c (reference latency). */
void calib_predict(const calib_data *d, const cost_model *m, size_t i,
                   double *energy_j, double *latency_s, double *area_mm2);

/* k-fold cross-validation by design: rows of a design stay in one fold
 * (fold = design id mod k).  pred holds 3*n doubles (energy, latency, area
 * per row), each predicted by the fit that did not see its fold. */
int calib_crossval(calib_data *d, const consts *start, int folds,
                   double *pred, calib_fit_info *info);

/* Per-row predictions as CSV (design, workload, reference and model values,
 * fold). */
int calib_write_predictions(FILE *fp, const calib_data *d,
                            const double *pred);
/* The validation summary: per metric (energy, latency, area, edap) and
 * workload (and tech node), median and 90th-percentile |relative error| and
 * Spearman rho; and the top-10 check (where the reference's 10 best designs
 * by joint score rank under the model). */
int calib_write_summary(FILE *fp, const calib_data *d, const double *pred);
/* Where the reference's 10 best designs by joint score (max E * max L * A
 * over the four P1 workloads, 32 nm) rank under the model's predictions. */
int calib_write_top10(FILE *fp, const calib_data *d, const double *pred);

#endif
