/* check-targets: the cost model's accuracy targets against its measured
 * held-out errors. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "targets.h"

#include <stdio.h>

static const char USAGE[] =
    "check-targets: check the cost model's accuracy targets on its\n"
    "held-out validation errors.\n"
    "\n"
    "Reads the targets (experiments/validation-targets.csv: memory, metric,\n"
    "workload, statistic, op, threshold, unit, label, source), a validation\n"
    "summary and the top-10 ranks that calibrate writes for one memory\n"
    "(--summary, --top10), and for every target of that memory takes the\n"
    "worst value over the rows it covers (e.g. the worst per-workload\n"
    "median error; the largest for op < and <=, the smallest for > and >=),\n"
    "in the target's unit.  Writes memory, label, statistic, measured, op,\n"
    "threshold, unit, met (yes or no), one row per target in file order.\n"
    "A target not met is an answer, not an error: met=no, one warning line\n"
    "and exit 0.\n"
    "\n"
    "Examples:\n"
    "  $ check-targets --targets experiments/validation-targets.csv \\\n"
    "      --summary t/data/check-targets/summary.csv \\\n"
    "      --top10 t/data/check-targets/top10.csv -o targets.csv\n"
    "  $ check-targets --targets t/data/check-targets/targets.csv \\\n"
    "      --summary t/data/check-targets/summary-sram.csv\n"
    "\n"
    "Usage: check-targets --targets FILE --summary FILE [--top10 FILE]\n"
    "                     [-o OUT]\n"
    "\n"
    "Options:\n"
    "      --targets FILE  the accuracy targets (required)\n"
    "      --summary FILE  calibrate --summary output of one memory\n"
    "                      (required)\n"
    "      --top10 FILE    calibrate --top10 output of the same memory\n"
    "                      (needed by rank_pct targets)\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_TARGETS = 256, OPT_SUMMARY, OPT_TOP10 };

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"targets", required_argument, 0, OPT_TARGETS},
        {"summary", required_argument, 0, OPT_SUMMARY},
        {"top10", required_argument, 0, OPT_TOP10},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *files[3] = {NULL, NULL, NULL};
    static const char *const names[3] = {"--targets", "--summary",
                                         "--top10"};
    int opt;

    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, USAGE, &common))
            continue;
        if (opt < OPT_TARGETS || opt > OPT_TOP10)
            return cli_usage_error("unknown option");
        if (files[opt - OPT_TARGETS])
            return cli_usage_error("%s given twice", names[opt - OPT_TARGETS]);
        files[opt - OPT_TARGETS] = optarg;
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!files[0] || !files[1])
        return cli_usage_error("need --targets and --summary");

    targets_result *r = NULL;
    int st = targets_check(files[0], files[1], files[2], &r);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        fprintf(out.fp, "# check-targets targets=%s summary=%s top10=%s\n",
                files[0], files[1], files[2] ? files[2] : "none");
        targets_write(out.fp, r);
        st = csvio_out_commit(&out);
    }
    if (st == IMC_OK && targets_unmet(r) > 0)
        fprintf(stderr, "%s: warning: %zu of %zu targets not met (first: "
                "%s); their rows have met=no\n", imc_err_program(),
                targets_unmet(r), targets_count(r), targets_first_unmet(r));
    targets_free(r);
    return st;
}
