/* calib.h: fitting the cost model's free constants to reference results.
 *
 * A calib_data holds the reference rows of one memory type (from a file in
 * the format of the calibration set, docs/reference-data.md), the layer
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

/* Most workloads one reference file may name (the reference has 11,
 * docs/reference-data.md). */
#define CALIB_MAXW 32
/* Most cross-validation folds: more than any design count would need and
 * small enough for an int. */
#define CALIB_MAX_FOLDS 1000

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
 * `<layers_dir>/<workload>.csv`.  Every row's design is checked
 * (design_check), whatever its memory type.  Rows whose workload has no
 * layer table are an error (named), so a fit never silently drops data; a
 * workload name must be a plain name ([A-Za-z0-9_.-]+, not starting with
 * '.') so it cannot reach outside layers_dir.  IMC_OK with a new
 * calib_data in *out, or IMC_EINPUT (reported at file:line; *out NULL). */
int calib_load(const char *reference, design_memory mem,
               const char *layers_dir, calib_data **out);
/* Free a calib_data and its nets; NULL is a no-op. */
void calib_free(calib_data *d);

typedef struct calib_fit_info {
    size_t rows;           /* rows fitted */
    int n_area, n_energy;  /* free constants in each fit */
    double rms_log_area, rms_log_energy;  /* after the fit */
    size_t iter_area, iter_energy;
} calib_fit_info;

/* Fit on the rows with use[i] != 0 (NULL: all rows), starting from *start;
 * the fitted constants go to *out.  IMC_ENUMERIC (reported) when GSL fails
 * or a fitted constant leaves its band (consts.h); rms values are NaN when
 * a fit had no free constant or too few rows. */
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

/* The writers below return IMC_OK, or IMC_EINPUT after reporting when out
 * of memory; a write error shows in ferror(fp), for the commit
 * (csvio_out_commit_all) to report. */

/* Per-row predictions as CSV (design, workload, reference and model values,
 * fold). */
int calib_write_predictions(FILE *fp, const calib_data *d,
                            const double *pred);
/* The validation summary: per metric (energy, latency, area, edap) and
 * workload (and tech node), median, 90th-percentile and largest |relative
 * error| and Spearman rho; a field is empty when its value is undefined
 * (spearman_rho of a metric that is constant on either side). */
int calib_write_summary(FILE *fp, const calib_data *d, const double *pred);
/* Where the reference's 10 best designs by joint score (max E * max L * A
 * over the four P1 workloads, 32 nm) rank under the model's predictions. */
int calib_write_top10(FILE *fp, const calib_data *d, const double *pred);
/* The fit's statistics: memory, rows, designs, free_area, free_energy,
 * rms_log_area, rms_log_energy (empty without a fit), iter_area,
 * iter_energy. */
int calib_write_fit_info(FILE *fp, const calib_data *d,
                         const calib_fit_info *info);

/* What calibrate computes: the loaded rows, the constants fitted on all of
 * them and the fit's statistics, and with folds the cross-validated
 * predictions (3 per row, NULL without folds). */
typedef struct calib_result {
    calib_data *data;
    consts fitted;
    calib_fit_info info;
    double *pred;
} calib_result;

/* Read the starting constants at start_path and the reference's rows of
 * memory type mem (calib_load), fit (calib_fit) and, when folds >= 2,
 * cross-validate with that many folds (at most the number of designs).
 * IMC_OK with *out filled (release with calib_result_free), or the first
 * error's status (reported) with *out empty. */
int calib_run(const char *reference, design_memory mem,
              const char *layers_dir, const char *start_path, int folds,
              calib_result *out);
/* Free what a calib_result holds and empty it. */
void calib_result_free(calib_result *r);

#endif
