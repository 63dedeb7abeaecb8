/* stack-tables: CSV tables of one shape into one, rows labelled. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "stack.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "stack-tables: stack CSV tables of the same columns into one table.\n"
    "\n"
    "Reads each LABEL=FILE in order and writes one table: a first column\n"
    "named by --column holding each row's LABEL, then the columns of the\n"
    "inputs, which must all have the same header (same names, same order).\n"
    "Comment lines are dropped.  Used to gather per-case results (one file\n"
    "per area limit, target or start point) for a figure or a report table.\n"
    "\n"
    "Examples:\n"
    "  $ stack-tables --column source a=experiments/space-rram-p1.csv \\\n"
    "      b=experiments/space-rram-p2.csv -o spaces.csv\n"
    "\n"
    "Usage: stack-tables --column NAME LABEL=FILE... [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --column NAME        name of the label column (required)\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"column", required_argument, 0, 'c'}, CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *col = NULL;
    int opt;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (opt == 'c')
            col = optarg;
    }
    if (!col || !*col)
        return cli_usage_error("missing --column NAME");
    if (optind >= argc)
        return cli_usage_error("missing LABEL=FILE");
    size_t n = (size_t)(argc - optind);
    const char **labels = calloc(n, sizeof *labels);
    const char **paths = calloc(n, sizeof *paths);
    if (!labels || !paths)
        return cli_usage_error("out of memory");
    int st = IMC_OK;
    for (size_t i = 0; st == IMC_OK && i < n; i++) {
        char *arg = argv[optind + (int)i], *eq = strchr(arg, '=');
        if (!eq || eq == arg || !eq[1])
            st = cli_usage_error("got '%s', expected LABEL=FILE", arg);
        else {
            *eq = '\0';
            labels[i] = arg;
            paths[i] = eq + 1;
        }
    }
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        if ((st = stack_write(out.fp, col, labels, paths, n)) == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    free(labels);
    free(paths);
    return st;
}
