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
    "not see, summarised per metric and workload.\n"
    "\n"
    "Examples:\n"
    "  $ calibrate --memory RRAM --reference calibration.csv \\\n"
    "      --layers results/layers-cimloop -o rram.csv\n"
    "  $ calibrate --memory SRAM --reference calibration.csv --layers L \\\n"
    "      --folds 5 --summary cv.csv --predictions pred.csv -o sram.csv\n"
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
    "  -k, --folds K          cross-validate with K folds by design\n"
    "      --predictions FILE per-row cross-validated predictions\n"
    "      --summary FILE     median / p90 |rel. error|, Spearman rho\n"
    "      --top10 FILE       model ranks of the reference's 10 best designs\n"
    "      --fit-info FILE    rows, constants and rms log error of the fit\n"
    "\n" CLI_COMMON_HELP;

typedef int writer(FILE *, const calib_data *, const double *);

static int
write_file(const char *path, writer *fn, const calib_data *d,
           const double *pred)
{
    csvio_out out;
    int st = csvio_out_open(&out, path);
    if (st != IMC_OK)
        return st;
    if ((st = fn(out.fp, d, pred)) != IMC_OK) {
        csvio_out_abort(&out);
        return st;
    }
    return csvio_out_commit(&out);
}

static int
write_info(FILE *fp, const calib_data *d, const double *info_p)
{
    const calib_fit_info *i = (const calib_fit_info *)(const void *)info_p;
    fprintf(fp, "memory,rows,designs,free_area,free_energy,rms_log_area,"
                "rms_log_energy,iter_area,iter_energy\n%s,%zu,%zu,%d,%d,"
                "%.6f,%.6f,%zu,%zu\n",
            design_memory_name(d->memory), i->rows, d->ngroups, i->n_area,
            i->n_energy, i->rms_log_area, i->rms_log_energy, i->iter_area,
            i->iter_energy);
    return ferror(fp) ? IMC_EINPUT : IMC_OK;
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"memory", required_argument, 0, 'm'},
        {"reference", required_argument, 0, 'r'},
        {"layers", required_argument, 0, 'L'},
        {"start", required_argument, 0, 'S'},
        {"folds", required_argument, 0, 'k'},
        {"predictions", required_argument, 0, 'P'},
        {"summary", required_argument, 0, 'Y'},
        {"top10", required_argument, 0, 'T'},
        {"fit-info", required_argument, 0, 'I'},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *mem = NULL, *ref = NULL, *layers = NULL, *start = NULL;
    const char *pred_path = NULL, *sum_path = NULL, *top_path = NULL,
               *info_path = NULL;
    unsigned long folds = 0;
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
            if (cli_parse_ulong("--folds", optarg, &folds) != IMC_OK)
                return IMC_EINPUT;
            break;
        case 'P': pred_path = optarg; break;
        case 'Y': sum_path = optarg; break;
        case 'T': top_path = optarg; break;
        case 'I': info_path = optarg; break;
        }
    }
    if (!mem || (strcmp(mem, "RRAM") != 0 && strcmp(mem, "SRAM") != 0))
        return cli_usage_error("--memory must be RRAM or SRAM");
    if (!ref || !layers)
        return cli_usage_error("missing --reference FILE or --layers DIR");
    if (folds == 1 || ((pred_path || sum_path || top_path) && folds < 2))
        return cli_usage_error("--predictions, --summary and --top10 need "
                               "--folds K with K >= 2");
    design_memory m = mem[0] == 'R' ? DESIGN_RRAM : DESIGN_SRAM;
    if (!start)
        start = cli_data_path(m == DESIGN_RRAM
                                           ? "experiments/constants/rram.csv"
                                           : "experiments/constants/sram.csv");
    consts c0, fitted;
    calib_data *d = NULL;
    calib_fit_info info;
    double *pred = NULL;
    int st = consts_read(start, &c0);
    if (st == IMC_OK)
        st = calib_load(ref, m, layers, &d);
    if (st == IMC_OK)
        st = calib_fit(d, NULL, &c0, &fitted, &info);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        if ((st = consts_write(out.fp, &fitted)) == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    if (st == IMC_OK && info_path)
        st = write_file(info_path, write_info, d, (const double *)&info);
    if (st == IMC_OK && folds >= 2) {
        pred = calloc(3 * d->n, sizeof *pred);
        st = pred ? calib_crossval(d, &c0, (int)folds, pred, &info)
                  : imc_fail(NULL, 0, "out of memory");
    }
    if (st == IMC_OK && pred_path)
        st = write_file(pred_path, calib_write_predictions, d, pred);
    if (st == IMC_OK && sum_path)
        st = write_file(sum_path, calib_write_summary, d, pred);
    if (st == IMC_OK && top_path)
        st = write_file(top_path, calib_write_top10, d, pred);
    free(pred);
    calib_free(d);
    return st;
}
