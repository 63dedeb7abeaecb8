/* options.c: summarise's help text and command line (see options.h). */
#include "options.h"
#include "csvio.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "summarise: per group and metric, the median with its bootstrap\n"
    "interval, the mean and quantiles over replicate rows.\n"
    "\n"
    "Reads long CSVs (e.g. compare-specific outputs; each FILE or\n"
    "FILE:COL=VALUE... to keep only matching rows; rows of all files\n"
    "concatenated), groups the rows by the --group columns (in order of\n"
    "first appearance) and takes as replicates the rows whose --replicates\n"
    "column matches PATTERN (exact text, or a prefix followed by '*').\n"
    "Writes per group and metric: the group columns, metric, n, n_missing\n"
    "(empty fields, skipped), median, ci_lo and ci_hi (percentile bootstrap\n"
    "of the median), mean, min, p5, p25, p75, p95, max (quantiles by linear\n"
    "interpolation, Hyndman-Fan type 7), then one column per other value of\n"
    "the replicate column (e.g. best) holding the metric in that row.  The\n"
    "generator is set afresh with the seed for each row, so the output is\n"
    "byte-identical for one seed.\n"
    "\n"
    "Examples:\n"
    "  $ summarise --group workload --metrics loss_joint_pct,gain_rel_pct \\\n"
    "      --replicates 'selection=seed*' t/data/summarise/compare.csv\n"
    "  $ summarise --seed 7 --resamples 2000 --level 0.9 --group workload \\\n"
    "      --metrics n_joint --replicates 'selection=seed*' \\\n"
    "      t/data/summarise/compare.csv:workload=vgg16 -o vgg16.csv\n"
    "\n"
    "Usage: summarise [--seed S] [--resamples B] [--level L]\n"
    "           [--group COL[,COL...]] --metrics COL[,COL...]\n"
    "           --replicates COL=PATTERN FILE...\n"
    "\n"
    "Options:\n"
    "      --group COLS         columns that define a group (default: one\n"
    "                           group)\n"
    "      --metrics COLS       columns to summarise (numbers or empty)\n"
    "      --replicates C=P     the replicate rows: column C matches P\n"
    "      --resamples B        bootstrap resamples, 1 to 10000000 (default\n"
    "                           10000)\n"
    "      --level L            interval level, between 0 and 1 (default\n"
    "                           0.95)\n"
    CLI_SEED_HELP
    "\n" CLI_COMMON_HELP;

enum { OPT_GROUP = 256, OPT_METRICS, OPT_REPLICATES, OPT_RESAMPLES,
       OPT_LEVEL };

/* Split a comma-separated list of column names in place into names[]. */
static int
split_list(const char *opt, char *arg, const char **names, size_t *n)
{
    *n = 0;
    for (char *p = arg;; p++) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        if (!*p || *n == MAX_COLS)
            return cli_usage_error("option '%s': expected 1 to %d column "
                                   "names separated by commas", opt,
                                   MAX_COLS);
        names[(*n)++] = p;
        if (!comma)
            return IMC_OK;
        p = comma;
    }
}

static int
parse_option(int opt, char *arg, sm_options *o)
{
    switch (opt) {
    case OPT_GROUP: return split_list("--group", arg, o->group, &o->ngroup);
    case OPT_METRICS:
        return split_list("--metrics", arg, o->metric, &o->nmetric);
    case OPT_REPLICATES:
        o->rep = arg;
        o->pattern = strchr(arg, '=');
        if (!o->pattern || o->pattern == arg || !o->pattern[1])
            return cli_usage_error("option '--replicates': got '%s', "
                                   "expected COLUMN=PATTERN", arg);
        *o->pattern++ = '\0';
        return IMC_OK;
    case OPT_RESAMPLES:
        if (cli_parse_positive("--resamples", arg, &o->resamples))
            return IMC_EINPUT;
        if (o->resamples > SUMMARY_MAX_RESAMPLES)
            return cli_usage_error("option '--resamples': got '%s', expected "
                                   "at most %lu", arg, SUMMARY_MAX_RESAMPLES);
        return IMC_OK;
    case OPT_LEVEL:
        if (csvio_to_double(arg, &o->level) || !(o->level > 0 &&
                                                 o->level < 1))
            return cli_usage_error("option '--level': got '%s', expected a "
                                   "number between 0 and 1", arg);
        return IMC_OK;
    case 's': return cli_parse_seed("--seed", arg, &o->seed);
    default: return cli_usage_error("unknown option");
    }
}

int
sm_options_parse(int argc, char **argv, sm_options *o)
{
    static const struct option longopts[] = {
        {"group", required_argument, 0, OPT_GROUP},
        {"metrics", required_argument, 0, OPT_METRICS},
        {"replicates", required_argument, 0, OPT_REPLICATES},
        {"resamples", required_argument, 0, OPT_RESAMPLES},
        {"level", required_argument, 0, OPT_LEVEL},
        {"seed", required_argument, 0, 's'},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    int opt;
    memset(o, 0, sizeof *o);
    o->seed = 1;
    o->resamples = SUMMARY_RESAMPLES_DEFAULT;
    o->level = SUMMARY_LEVEL_DEFAULT;
    while ((opt = getopt_long(argc, argv, "s:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1)
        if (!cli_common_option_p(opt, optarg, usage, &o->common) &&
            parse_option(opt, optarg, o))
            return IMC_EINPUT;
    if (o->nmetric == 0 || !o->rep)
        return cli_usage_error("need --metrics and --replicates");
    if (optind == argc)
        return cli_usage_error("missing FILE (a long CSV)");
    o->files = argv + optind;
    o->nfiles = (size_t)(argc - optind);
    return IMC_OK;
}
