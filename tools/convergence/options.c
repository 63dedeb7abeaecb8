/* options.c: convergence's help text and command line (see options.h). */
#include "options.h"
#include "csvio.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "convergence: how close and how fast searches get to the exact optimum.\n"
    "\n"
    "Reads the exact optimum (one row with a score column, e.g. of\n"
    "sweep-space, selected as FILE:COL=VALUE...) and, per algorithm, a\n"
    "ga-search --history file (seed, requests, evaluations, best_score,\n"
    "best_violation; many seeds).  Only feasible bests count.  The summary\n"
    "(--summary) has per algorithm: seeds, seeds with a feasible final\n"
    "best, seeds that reached the optimum (gap <= 1e-7 %), the median and\n"
    "worst gap 100(best/optimum - 1), seeds that came within --within %\n"
    "and the evaluations and requests that took, and the final evaluation\n"
    "and request counts.  The curves (-o) have per algorithm and grid value\n"
    "of evaluations the median, quartiles, min and max over seeds of\n"
    "best/optimum at that many evaluations, and how many seeds had a\n"
    "feasible best by then.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/alexnet.net -o alexnet.csv\n"
    "  $ sweep-space --space experiments/space-rram-p2.csv alexnet.csv \\\n"
    "      -o optimum.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --objective single\\\n"
    "      --seeds 1-5 --pop 20 -g 10 --history ga.csv alexnet.csv \\\n"
    "      -o ga-best.csv\n"
    "  $ convergence --optimum optimum.csv:target=alexnet \\\n"
    "      --algorithm p1-ga=ga.csv --summary summary.csv -o curves.csv\n"
    "\n"
    "Usage: convergence --optimum SPEC --algorithm NAME=SPEC...\n"
    "           [--grid LIST] [--within PCT] [--summary FILE] [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --optimum SPEC       the one row holding the exact optimum's score\n"
    "      --algorithm N=SPEC   an algorithm's history file (repeatable)\n"
    "      --grid LIST          evaluations at which the curves are read,\n"
    "                           increasing, comma-separated (default: 25\n"
    "                           log-spaced points from 10 to the largest\n"
    "                           final evaluation count, rounded)\n"
    "      --within PCT         the gap, in percent, counted as close\n"
    "                           (default 1)\n"
    "      --summary FILE       write the per-algorithm summary to FILE\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_OPTIMUM = 256, OPT_ALGORITHM, OPT_GRID, OPT_WITHIN, OPT_SUMMARY };

/* Parse "--grid" into grid[] (increasing numbers > 0). */
static int
parse_grid(char *arg, double *grid, size_t *n)
{
    *n = 0;
    for (char *save = NULL, *item = strtok_r(arg, ",", &save); item;
         item = strtok_r(NULL, ",", &save)) {
        double v;
        if (*n == CONVERGE_MAX_GRID || csvio_to_double(item, &v) ||
            !(v > 0) || (*n && !(v > grid[*n - 1])))
            return cli_usage_error("option '--grid': got '%s', expected up "
                                   "to %d increasing numbers > 0",
                                   item, CONVERGE_MAX_GRID);
        grid[(*n)++] = v;
    }
    return *n ? IMC_OK : cli_usage_error("option '--grid': expected "
                                         "numbers");
}

static int
parse_option(int opt, char *arg, converge_request *q, double *grid,
             const char **summary)
{
    char *eq;
    switch (opt) {
    case OPT_OPTIMUM:
        if (q->optimum)
            return cli_usage_error("--optimum given twice");
        q->optimum = arg;
        return IMC_OK;
    case OPT_ALGORITHM:
        eq = strchr(arg, '=');
        if (!eq || eq == arg)
            return cli_usage_error("option '--algorithm': got '%s', expected "
                                   "NAME=SPEC", arg);
        if (q->nalg == CONVERGE_MAX_ALGORITHMS)
            return cli_usage_error("more than %d algorithms",
                                   CONVERGE_MAX_ALGORITHMS);
        *eq = '\0';
        q->name[q->nalg] = arg;
        q->history[q->nalg++] = eq + 1;
        return IMC_OK;
    case OPT_GRID: return parse_grid(arg, grid, &q->ngrid);
    case OPT_WITHIN:
        if (csvio_to_double(arg, &q->within_pct) || q->within_pct < 0)
            return cli_usage_error("option '--within': got '%s', expected a "
                                   "number >= 0", arg);
        return IMC_OK;
    case OPT_SUMMARY: *summary = arg; return IMC_OK;
    default: return cli_usage_error("unknown option");
    }
}

int
cv_options_parse(int argc, char **argv, cv_options *o)
{
    static const struct option longopts[] = {
        {"optimum", required_argument, 0, OPT_OPTIMUM},
        {"algorithm", required_argument, 0, OPT_ALGORITHM},
        {"grid", required_argument, 0, OPT_GRID},
        {"within", required_argument, 0, OPT_WITHIN},
        {"summary", required_argument, 0, OPT_SUMMARY},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    int opt;
    memset(o, 0, sizeof *o);
    o->q.within_pct = 1.0;
    o->q.grid = o->grid;
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1)
        if (!cli_common_option_p(opt, optarg, usage, &o->common) &&
            parse_option(opt, optarg, &o->q, o->grid, &o->summary))
            return IMC_EINPUT;
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!o->q.optimum || o->q.nalg == 0)
        return cli_usage_error("need --optimum and --algorithm");
    return IMC_OK;
}
