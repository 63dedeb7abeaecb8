/* options.c: compare-specific's help text and command line (see
 * options.h). */
#include "options.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "compare-specific: compare a joint design with workload-specific and\n"
    "largest-workload designs (P1's generalisation loss and gain).\n"
    "\n"
    "Reads evaluation files (ga-search --best, sweep-space --per-workload:\n"
    "one row per run and workload with energy_j, latency_s, area_mm2,\n"
    "score, feasible, in_objective and, for searches, seed), each given as\n"
    "FILE or FILE:COL=VALUE... to keep only matching rows.  Scores each\n"
    "design on each workload as E*L*A, normalises by the workload's own\n"
    "specific design and writes per replicate and workload: the scores,\n"
    "n_largest, n_joint, the losses 100(n - 1), the gain as the reference\n"
    "computes it, 100(n_largest - n_joint), and as a relative cut,\n"
    "100(1 - n_joint/n_largest), and which designs were feasible (a design\n"
    "without a feasible row leaves its metrics empty).  A replicate is\n"
    "seed s of every file (--replicates), one seed, each file's best run,\n"
    "or, by default, the one run of each file.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ parse-net workloads/alexnet.net -o alexnet.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --pop 20 -g 8 \\\n"
    "      --seeds 1-3 --objective single vgg16.csv --report-on alexnet.csv\\\n"
    "      -o spec-vgg16.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --pop 20 -g 8 \\\n"
    "      --seeds 1-3 --objective single alexnet.csv --report-on vgg16.csv\\\n"
    "      -o spec-alexnet.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --pop 20 -g 8 \\\n"
    "      --seeds 1-3 vgg16.csv alexnet.csv -o joint.csv\n"
    "  $ compare-specific --replicates --aggregate joint \\\n"
    "      --specific vgg16=spec-vgg16.csv --specific alexnet=spec-alexnet.csv\\\n"
    "      --largest spec-vgg16.csv --joint joint.csv -o compare.csv\n"
    "\n"
    "Usage: compare-specific --specific W=SPEC... --largest SPEC --joint SPEC\n"
    "           [--replicates | --seed N | --best | --label NAME]\n"
    "           [--aggregate OBJ] [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --specific W=SPEC    the searches for workload W alone (repeat\n"
    "                           once per workload, in report order)\n"
    "      --largest SPEC       the largest workload's searches, evaluated\n"
    "                           on every workload\n"
    "      --joint SPEC         the joint searches, on every workload\n"
    "      --replicates         one replicate per seed: seed s of every file\n"
    "                           (every file must hold the same seeds)\n"
    "      --seed N             the runs of seed N\n"
    "      --best               each file's best run: feasible first, then\n"
    "                           the lowest score, then the lowest seed\n"
    "      --label NAME         the selection column of the default (one\n"
    "                           run per file; default 'single')\n"
    "      --aggregate OBJ      add a row 'aggregate' per replicate: the\n"
    "                           objective joint, mean or all of the largest\n"
    "                           and joint designs over the workloads\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_SPECIFIC = 256, OPT_LARGEST, OPT_JOINT, OPT_REPLICATES, OPT_SEED,
       OPT_BEST, OPT_LABEL, OPT_AGGREGATE };

/* Set *slot to arg, refusing a second value for one option. */
static int
once(const char **slot, const char *arg, const char *name)
{
    if (*slot)
        return cli_usage_error("%s given twice", name);
    *slot = arg;
    return IMC_OK;
}

/* One of --replicates, --seed, --best. */
static int
set_select(compare_request *q, compare_select s)
{
    if (q->select != COMPARE_SELECT_ONLY)
        return cli_usage_error("--replicates, --seed and --best exclude each "
                               "other");
    q->select = s;
    return IMC_OK;
}

static int
parse_option(int opt, char *arg, compare_request *q, const char **agg)
{
    char *eq;
    switch (opt) {
    case OPT_SPECIFIC:
        eq = strchr(arg, '=');
        if (!eq || eq == arg || strcspn(arg, "/:") < (size_t)(eq - arg))
            return cli_usage_error("option '--specific': got '%s', expected "
                                   "WORKLOAD=SPEC", arg);
        if (q->nwork == SEARCH_MAX_WORKLOADS)
            return cli_usage_error("more than %d --specific workloads",
                                   SEARCH_MAX_WORKLOADS);
        *eq = '\0';
        q->workload[q->nwork] = arg;
        q->specific[q->nwork++] = eq + 1;
        return IMC_OK;
    case OPT_LARGEST: return once(&q->largest, arg, "--largest");
    case OPT_JOINT: return once(&q->joint, arg, "--joint");
    case OPT_REPLICATES: return set_select(q, COMPARE_SELECT_REPLICATES);
    case OPT_BEST: return set_select(q, COMPARE_SELECT_BEST);
    case OPT_SEED:
        return set_select(q, COMPARE_SELECT_SEED) ||
               cli_parse_seed("--seed", arg, &q->seed);
    case OPT_LABEL: return once(&q->label, arg, "--label");
    case OPT_AGGREGATE:
        if (cli_parse_objective("--aggregate", arg, CLI_OBJ_AGGREGATE,
                                &q->objective) != IMC_OK)
            return IMC_EINPUT;
        q->aggregate = 1;
        return once(agg, arg, "--aggregate");
    default: return cli_usage_error("unknown option");
    }
}

int
cs_options_parse(int argc, char **argv, cs_options *o)
{
    static const struct option longopts[] = {
        {"specific", required_argument, 0, OPT_SPECIFIC},
        {"largest", required_argument, 0, OPT_LARGEST},
        {"joint", required_argument, 0, OPT_JOINT},
        {"replicates", no_argument, 0, OPT_REPLICATES},
        {"seed", required_argument, 0, OPT_SEED},
        {"best", no_argument, 0, OPT_BEST},
        {"label", required_argument, 0, OPT_LABEL},
        {"aggregate", required_argument, 0, OPT_AGGREGATE},
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
    if (o->q.nwork == 0 || !o->q.largest || !o->q.joint)
        return cli_usage_error("need --specific, --largest and --joint");
    if (o->q.label && o->q.select != COMPARE_SELECT_ONLY)
        return cli_usage_error("--label names the one-run comparison; the "
                               "other selections name their rows");
    return IMC_OK;
}
