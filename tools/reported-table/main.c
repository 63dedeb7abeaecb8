/* reported-table: the papers' numbers beside the reproduced ones. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "reported.h"

#include <string.h>

static const char usage[] =
    "reported-table: set the papers' reported numbers beside the\n"
    "reproduced ones, for one experiment's tags.\n"
    "\n"
    "Reads the papers' numbers (experiments/paper-reported.csv: each row\n"
    "names the experiment it belongs to), a map saying which column of\n"
    "which result table reproduces each quantity (experiments/reported-\n"
    "map.csv), and the result tables as ALIAS=FILE.  Writes one row per\n"
    "reported number and reproduced value: experiment, source, quantity,\n"
    "workload, paper_value, unit, label, reproduced, lo, hi (an interval\n"
    "when the map names one), at (the row a min or max came from),\n"
    "citation.  A\n"
    "value the tables do not hold is left empty.\n"
    "\n"
    "Examples:\n"
    "  $ reported-table --experiment p2-edap-4 --csv \\\n"
    "      reductions=t/data/reported-table/reductions.csv -o rep.csv\n"
    "\n"
    "Usage: reported-table --experiment TAG [--reported FILE] [--map FILE]\n"
    "                      --csv ALIAS=FILE... [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --experiment TAG     an experiment tag of the rows to set\n"
    "                           (repeatable)\n"
    "      --reported FILE      the papers' numbers (default\n"
    "                           experiments/paper-reported.csv)\n"
    "      --map FILE           what reproduces each quantity (default\n"
    "                           experiments/reported-map.csv)\n"
    "      --csv ALIAS=FILE     a result table the map refers to as ALIAS\n"
    "      --kind KIND          use only the map rows of this kind of\n"
    "                           experiment (and those without a kind)\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"experiment", required_argument, 0, 'e'},
        {"reported", required_argument, 0, 'r'},
        {"map", required_argument, 0, 'm'},
        {"csv", required_argument, 0, 'c'},
        {"kind", required_argument, 0, 'k'}, CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *rep = NULL, *map = NULL, *kind = NULL, *tags[64];
    char *csv[64];
    int ncsv = 0, ntags = 0, opt;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (opt == 'e') {
            if (ntags == 64)
                return cli_usage_error("too many --experiment tags (at most "
                                       "64)");
            tags[ntags++] = optarg;
        }
        else if (opt == 'r')
            rep = optarg;
        else if (opt == 'm')
            map = optarg;
        else if (opt == 'k')
            kind = optarg;
        else if (opt == 'c') {
            if (ncsv == 64)
                return cli_usage_error("too many --csv tables (at most 64)");
            csv[ncsv++] = optarg;
        }
    }
    if (!ntags)
        return cli_usage_error("missing --experiment TAG");
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    char reppath[4096], mappath[4096];
    snprintf(reppath, sizeof reppath, "%s",
             rep ? rep : cli_data_path("experiments/paper-reported.csv"));
    snprintf(mappath, sizeof mappath, "%s",
             map ? map : cli_data_path("experiments/reported-map.csv"));
    reported *r = reported_alloc(reppath, mappath, tags, (size_t)ntags,
                                 kind);
    int st = r ? IMC_OK : IMC_EINPUT;
    for (int i = 0; st == IMC_OK && i < ncsv; i++) {
        char *eq = strchr(csv[i], '=');
        if (!eq || eq == csv[i] || !eq[1]) {
            st = cli_usage_error("option '--csv': got '%s', expected "
                                 "ALIAS=FILE", csv[i]);
            break;
        }
        *eq = '\0';
        st = reported_add_table(r, csv[i], eq + 1);
    }
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        if ((st = reported_write(out.fp, r)) == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    reported_free(r);
    return st;
}
