/* bench-summary: tools/bench.sh's figure lines from its raw runs. */
#include "benchsum.h"
#include "cli.h"
#include "csvio.h"
#include "err.h"

static const char usage[] =
    "bench-summary: the speed figures of `make bench` from their raw runs.\n"
    "\n"
    "tools/bench.sh measures each figure N times and records every run as\n"
    "a row of a runs table; bench-summary turns the table into one line per\n"
    "figure, which bench.sh writes to results/bench/ (docs/performance.md).\n"
    "\n"
    "Input columns, read by name: figure, unit, side (this, or base for the\n"
    "other revision of make bench-compare), and either value (a measured\n"
    "number >= 0, e.g. bench-cost's designs/s) or start_s and end_s (the\n"
    "wall-clock stamps around a timed run, whose duration is end_s -\n"
    "start_s in milliseconds).\n"
    "\n"
    "Output, per figure in order of first appearance: `name value unit`,\n"
    "the median of its runs (the mean of the two middle ones for an even\n"
    "count); with base runs, which every figure must then have, `name value\n"
    "base_value unit speedup`, the speedup this/base for a *_per_s figure\n"
    "(a rate) and base/this for a time, printed as 1.23x.\n"
    "\n"
    "Examples:\n"
    "  $ bench-summary t/data/bench-summary/runs.csv\n"
    "  $ bench-summary t/data/bench-summary/runs.csv -o figures.txt\n"
    "\n"
    "Usage: bench-summary RUNS.csv [-o FILE]\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {0, 0, 0, 0}};
    cli_common common = {0};
    int opt;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1)
        cli_common_option_p(opt, optarg, usage, &common);
    if (argc - optind != 1)
        return cli_usage_error("expected one RUNS.csv, got %d files",
                               argc - optind);
    benchsum *b;
    int st = benchsum_read(argv[optind], &b);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        if ((st = benchsum_write(out.fp, b)) == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    benchsum_free(b);
    return st;
}
