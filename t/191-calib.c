/* t/191-calib.c: calibrate recovers known constants from synthetic
 * reference rows made by the model itself, cross-validation predicts
 * held-out rows, and bad reference input is refused with file:line. */
#include "calib.h"
#include "consts.h"
#include "err.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char msg[1024];
static void capture(const char *m) { snprintf(msg, sizeof msg, "%s", m); }

static const int free_consts[] = {CONSTS_e_row_fj, CONSTS_e_adc_fj,
                                  CONSTS_a_col_um2, CONSTS_a_row_um2};

int
main(void)
{
    plan(12);
    imc_err_set_handler(capture);
    char path[1024], dir[512];
    snprintf(dir, sizeof dir, "%s/cost", tap_data());
    snprintf(path, sizeof path, "%s/consts-test.csv", dir);
    consts truth, start, fitted;
    if (consts_read(path, &truth) != IMC_OK)
        bail("%s", msg);
    snprintf(path, sizeof path, "%s/tiny.csv", dir);
    net *n;
    if (net_read_table(path, &n) != IMC_OK)
        bail("%s", msg);
    cost_model *m = cost_model_from(&truth, NULL);

    /* Synthetic reference: 12 designs whose rows (2, 4, 8) and columns
     * (2, 4) change how many rows and columns the layer uses, at two
     * voltages, so row-driver and ADC energies are separable. */
    char ref[] = "/tmp/imc-calib-XXXXXX";
    FILE *fp = fdopen(mkstemp(ref), "w");
    design_write_header(fp);
    fputs(",workload,energy_j,latency_s,area_mm2\n", fp);
    long rows[] = {2, 4, 8}, cols[] = {2, 4};
    double volts[] = {0.5, 0.8};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) {
                /* 1024 macros, so periphery area outweighs the GLB */
                design d = {DESIGN_RRAM, volts[k], 8, 2.0, rows[i], cols[j],
                            4, 16, 16, 0.5, 32};
                cost_result r;
                cost_eval_net(m, &d, n, COST_LATENCY_REFERENCE, &r);
                design_write(fp, &d);
                fprintf(fp, ",tiny,%.17g,%.17g,%.17g\n", r.energy_j,
                        r.latency_s, r.area_mm2);
            }
    fclose(fp);

    /* Start the four free constants at twice their true value. */
    start = truth;
    memset(start.fit, 0, sizeof start.fit);
    for (size_t i = 0; i < sizeof free_consts / sizeof *free_consts; i++) {
        start.fit[free_consts[i]] = 1;
        start.start[free_consts[i]] = 2 * truth.v[free_consts[i]];
    }
    calib_data *d;
    is_int(IMC_OK, calib_load(ref, DESIGN_RRAM, dir, &d), "load rows");
    is_int(12, (long)d->n, "12 rows, one workload");
    is_int(12, (long)d->ngroups, "12 distinct designs");
    calib_fit_info info;
    is_int(IMC_OK, calib_fit(d, NULL, &start, &fitted, &info), "fit");
    for (size_t i = 0; i < sizeof free_consts / sizeof *free_consts; i++)
        is_rel(truth.v[free_consts[i]], fitted.v[free_consts[i]], 1e-5,
               "recovers %s", consts_names[free_consts[i]]);
    is_double(start.start[CONSTS_e_row_fj], fitted.start[CONSTS_e_row_fj],
              0, "the start column keeps the published figure");

    double *pred = calloc(3 * d->n, sizeof *pred);
    calib_crossval(d, &start, 3, pred, &info);
    double worst = 0;
    for (size_t i = 0; i < d->n; i++)
        worst = fmax(worst, fabs(pred[3 * i] / d->rows[i].energy_j - 1));
    ok(worst < 1e-4, "3-fold CV predicts held-out energy (worst %.2g)", worst);
    free(pred);
    calib_free(d);

    /* a row with a negative energy is refused at its line */
    fp = fopen(ref, "a");
    fputs("RRAM,0.5,8,2,8,8,1,1,4,0.5,32,tiny,-1,1e-9,1\n", fp);
    fclose(fp);
    is_int(IMC_EINPUT, calib_load(ref, DESIGN_RRAM, dir, &d),
           "negative energy refused");
    const char *tail = strstr(msg, ":14:");
    is_string(":14: column 'energy_j': got '-1', expected a number > 0",
              tail ? tail : msg, "message names line and column");
    unlink(ref);
    cost_model_free(m);
    net_free(n);
    return 0;
}
