/* calibrate: fit the cost model's constants to reference results. */
#include "calib.h"
#include "cli.h"
#include "csvio.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "calibrate: fit the cost model's free constants to CiMLoop results.\n"
    "\n"
    "Reads reference results (the format of calibration.csv: design columns,\n"
    "workload, energy_j, latency_s, area_mm2), keeps the rows of one memory\n"
    "type, loads each workload's layer table from DIR/<workload>.csv (made\n"
    "by parse-net from the CiMLoop layer files), and fits the constants\n"
    "marked fit = 1 in the starting constants file by nonlinear least\n"
    "squares on log area, then log energy (GSL gsl_multifit_nlinear), each\n"
    "fit starting from the published figure in the file's `start` column.\n"
    "Writes the fitted constants file (what cost-eval reads).  With --folds K\n"
    "it also cross-validates: K fits, each predicting the designs it did\n"
    "not see, summarised per metric and workload (spearman_rho is empty\n"
    "where a metric is constant).  All outputs are written together, or\n"
    "none.\n"
    "\n"
    "Examples:\n"
    "  $ calibrate --memory RRAM --reference t/data/calibrate/reference.csv \\\n"
    "      --layers t/data/cost --start t/data/calibrate/start.csv\n"
    "  $ calibrate -m RRAM -r t/data/calibrate/reference.csv -L t/data/cost \\\n"
    "      --start t/data/calibrate/start.csv --folds 3 --summary cv.csv \\\n"
    "      -o rram-fit.csv\n"
    "\n"
    "Usage: calibrate --memory RRAM|SRAM --reference FILE --layers DIR\n"
    "                 [options]\n"
    "\n"
    "Options:\n"
    "  -m, --memory TYPE      RRAM or SRAM (required)\n"
    "  -r, --reference FILE   reference results (required)\n"
    "  -L, --layers DIR       layer tables, one <workload>.csv each\n"
    "      --start FILE       starting constants (default\n"
    "                         experiments/constants/<memory>.csv)\n"
    "  -k, --folds K          cross-validate with K folds by design, K from 2\n"
    "                         to 1000 and at most the number of designs\n"
    "      --predictions FILE per-row cross-validated predictions\n"
    "      --summary FILE     median / p90 |rel. error|, Spearman rho\n"
    "      --top10 FILE       model ranks of the reference's 10 best designs\n"
    "      --fit-info FILE    rows, constants and rms log error of the fit\n"
    "\n" CLI_COMMON_HELP;

enum { OUT_CONSTS, OUT_INFO, OUT_PRED, OUT_SUMMARY, OUT_TOP10, NOUT };

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"memory", required_argument, 0, 'm'},
        {"reference", required_argument, 0, 'r'},
        {"layers", required_argument, 0, 'L'},
        {"start", required_argument, 0, 'S'},
        {"folds", required_argument, 0, 'k'},
        {"predictions", required_argument, 0, OUT_PRED},
        {"summary", required_argument, 0, OUT_SUMMARY},
        {"top10", required_argument, 0, OUT_TOP10},
        {"fit-info", required_argument, 0, OUT_INFO},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *mem = NULL, *ref = NULL, *layers = NULL, *start = NULL;
    const char *path[NOUT] = {0};
    long folds = 0;
    int opt;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, "m:r:L:k:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        switch (opt) {
        case 'm': mem = optarg; break;
        case 'r': ref = optarg; break;
        case 'L': layers = optarg; break;
        case 'S': start = optarg; break;
        case 'k':
            if (csvio_to_long(optarg, &folds) != IMC_OK || folds < 2 ||
                folds > CALIB_MAX_FOLDS)
                return cli_usage_error("option '--folds': got '%s', expected "
                                       "an integer from 2 to %d", optarg,
                                       CALIB_MAX_FOLDS);
            break;
        default: path[opt] = optarg; break;
        }
    }
    path[OUT_CONSTS] = common.output;
    if (!mem || (strcmp(mem, "RRAM") != 0 && strcmp(mem, "SRAM") != 0))
        return cli_usage_error("--memory must be RRAM or SRAM");
    if (!ref || !layers)
        return cli_usage_error("missing --reference FILE or --layers DIR");
    if ((path[OUT_PRED] || path[OUT_SUMMARY] || path[OUT_TOP10]) && !folds)
        return cli_usage_error("--predictions, --summary and --top10 need "
                               "--folds K with K >= 2");
    design_memory m = mem[0] == 'R' ? DESIGN_RRAM : DESIGN_SRAM;
    if (!start)
        start = cli_data_path(m == DESIGN_RRAM
                                  ? "experiments/constants/rram.csv"
                                  : "experiments/constants/sram.csv");
    calib_result res;
    int st = calib_run(ref, m, layers, start, (int)folds, &res);
    csvio_out out[NOUT], *open[NOUT];
    size_t nopen = 0;
    for (int k = 0; st == IMC_OK && k < NOUT; k++) {
        if (k != OUT_CONSTS && !path[k])
            continue;
        if ((st = csvio_out_open(&out[k], path[k])) != IMC_OK)
            break;
        open[nopen++] = &out[k];
        st = k == OUT_CONSTS ? consts_write(out[k].fp, &res.fitted)
             : k == OUT_INFO ? calib_write_fit_info(out[k].fp, res.data,
                                                    &res.info)
             : k == OUT_PRED ? calib_write_predictions(out[k].fp, res.data,
                                                       res.pred)
             : k == OUT_SUMMARY ? calib_write_summary(out[k].fp, res.data,
                                                      res.pred)
                                : calib_write_top10(out[k].fp, res.data,
                                                    res.pred);
    }
    /* a failed write shows as ferror(), which the commit reports */
    if (st == IMC_OK)
        st = csvio_out_commit_all(open, nopen);
    else
        for (size_t i = 0; i < nopen; i++)
            csvio_out_abort(open[i]);
    calib_result_free(&res);
    return st;
}
