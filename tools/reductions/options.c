/* options.c: reductions' help text and command line (see options.h). */
#include "options.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "reductions: how much lower the joint design's EDAP is than each\n"
    "baseline design's, per workload and in aggregate (P2's table).\n"
    "\n"
    "Reads evaluation files (ga-search --best, sweep-space --per-workload;\n"
    "each FILE or FILE:COL=VALUE... to keep only matching rows), takes one\n"
    "run of each (--select), and writes per baseline and workload of the\n"
    "joint run: edap_joint and edap_baseline (E*L*A), reduction_pct =\n"
    "100(1 - joint/baseline) and the feasibility flags; then the same for\n"
    "workload 'aggregate' with the --aggregate objective over all those\n"
    "workloads.  A design without a feasible row leaves its numbers empty.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ parse-net workloads/alexnet.net -o alexnet.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --pop 10 -g 3 \\\n"
    "      --seeds 1-3 --objective single vgg16.csv --report-on alexnet.csv\\\n"
    "      -o spec-vgg16.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --pop 10 -g 3 \\\n"
    "      --seeds 1-3 --objective mean vgg16.csv alexnet.csv -o joint.csv\n"
    "  $ reductions --joint joint.csv --baseline largest=spec-vgg16.csv \\\n"
    "      --aggregate mean --select median -o reductions.csv\n"
    "\n"
    "Usage: reductions --joint SPEC --baseline NAME=SPEC... --aggregate OBJ\n"
    "           [--select best|median|seed:N] [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --joint SPEC         the joint design's runs\n"
    "      --baseline NAME=SPEC a baseline's runs (repeatable)\n"
    "      --aggregate OBJ      joint, mean or all: the aggregate objective\n"
    "      --select RULE        the run taken from each file: best\n"
    "                           (default: feasible first, then the lowest\n"
    "                           score, then the lowest seed), median (the\n"
    "                           feasible run of median aggregate value, the\n"
    "                           lower one of an even count) or seed:N\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_JOINT = 256, OPT_BASELINE, OPT_AGGREGATE, OPT_SELECT };

static int
parse_select(const char *arg, reduce_request *q)
{
    if (strcmp(arg, "best") == 0)
        q->pick = REDUCE_PICK_BEST;
    else if (strcmp(arg, "median") == 0)
        q->pick = REDUCE_PICK_MEDIAN;
    else if (strncmp(arg, "seed:", 5) == 0) {
        q->pick = REDUCE_PICK_SEED;
        return cli_parse_seed("--select seed:N", arg + 5, &q->seed);
    } else
        return cli_usage_error("option '--select': got '%s', expected best, "
                               "median or seed:N", arg);
    return IMC_OK;
}

static int
parse_option(int opt, char *arg, reduce_request *q, const char **agg)
{
    char *eq;
    switch (opt) {
    case OPT_JOINT:
        if (q->joint)
            return cli_usage_error("--joint given twice");
        q->joint = arg;
        return IMC_OK;
    case OPT_BASELINE:
        eq = strchr(arg, '=');
        if (!eq || eq == arg)
            return cli_usage_error("option '--baseline': got '%s', expected "
                                   "NAME=SPEC", arg);
        if (q->nbase == REDUCE_MAX_BASELINES)
            return cli_usage_error("more than %d baselines",
                                   REDUCE_MAX_BASELINES);
        *eq = '\0';
        q->base_name[q->nbase] = arg;
        q->base_spec[q->nbase++] = eq + 1;
        return IMC_OK;
    case OPT_AGGREGATE:
        if (cli_parse_objective("--aggregate", arg, CLI_OBJ_AGGREGATE,
                                &q->objective) != IMC_OK)
            return IMC_EINPUT;
        *agg = arg;
        return IMC_OK;
    case OPT_SELECT: return parse_select(arg, q);
    default: return cli_usage_error("unknown option");
    }
}

int
rd_options_parse(int argc, char **argv, rd_options *o)
{
    static const struct option longopts[] = {
        {"joint", required_argument, 0, OPT_JOINT},
        {"baseline", required_argument, 0, OPT_BASELINE},
        {"aggregate", required_argument, 0, OPT_AGGREGATE},
        {"select", required_argument, 0, OPT_SELECT},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    int opt;
    memset(o, 0, sizeof *o);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1)
        if (!cli_common_option_p(opt, optarg, usage, &o->common) &&
            parse_option(opt, optarg, &o->q, &o->aggregate))
            return IMC_EINPUT;
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!o->q.joint || o->q.nbase == 0 || !o->aggregate)
        return cli_usage_error("need --joint, --baseline and --aggregate");
    return IMC_OK;
}
