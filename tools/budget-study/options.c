/* options.c: budget-study's help text and command line (see options.h). */
#include "options.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "budget-study: the joint-vs-largest gains a paper with one run per\n"
    "search would report, drawn from many independent runs per budget.\n"
    "\n"
    "Reads, per search budget and role (each workload: its specific\n"
    "searches; joint: the joint searches), an evaluation file of many runs\n"
    "(ga-search --best with --report-on, seeds 1-100 say; FILE or\n"
    "FILE:COL=VALUE...).  Runs whose search found no feasible design are\n"
    "left out.  A draw takes independent runs: one of the largest\n"
    "workload's runs as the baseline, one joint run, and one specific run\n"
    "per workload to normalise by, for the largest workload a run other\n"
    "than the baseline's.  Writes per budget, case, workload and metric\n"
    "(n_largest, n_joint, loss_joint_pct, gain_diff_pct, gain_rel_pct) the\n"
    "draws' median, p5, p25, p75, p95 and mean (-o); how often each gain\n"
    "reaches P1's, per workload and for all at once (--fractions); and per\n"
    "budget and role the runs and their scores (--runs-summary).  Case\n"
    "symmetric draws all from one budget; asym:BASE:TOP the baseline from\n"
    "BASE and the rest from TOP (TOP may be 'optimum': the exact optima,\n"
    "one run per role).\n"
    "\n"
    "Examples:\n"
    "  $ budget-study --largest vgg16 --draws 0 \\\n"
    "      --runs small:vgg16=t/data/budget-study/vgg16.csv \\\n"
    "      --runs small:alexnet=t/data/budget-study/alexnet.csv \\\n"
    "      --runs small:joint=t/data/budget-study/joint.csv \\\n"
    "      --p1 t/data/budget-study/p1-gains.csv \\\n"
    "      --fractions fractions.csv --runs-summary runs.csv -o gains.csv\n"
    "  $ budget-study --largest vgg16 --seed 3 --draws 1000 \\\n"
    "      --runs small:vgg16=t/data/budget-study/vgg16.csv \\\n"
    "      --runs small:alexnet=t/data/budget-study/alexnet.csv \\\n"
    "      --runs small:joint=t/data/budget-study/joint.csv \\\n"
    "      --runs optimum:vgg16=t/data/budget-study/optimum.csv:target=vgg16\\\n"
    "      --runs optimum:alexnet=t/data/budget-study/optimum.csv:target=alexnet\\\n"
    "      --runs optimum:joint=t/data/budget-study/optimum.csv:target=joint\\\n"
    "      --asymmetric small:optimum\n"
    "\n"
    "Usage: budget-study --largest W --runs BUDGET:ROLE=SPEC...\n"
    "           [--asymmetric BASE:TOP...] [--draws N] [--seed S]\n"
    "           [--p1 SPEC] [--fractions FILE] [--runs-summary FILE]\n"
    "           [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --runs B:ROLE=SPEC   the runs of ROLE (a workload or joint) at\n"
    "                           budget B (repeat for every budget and role)\n"
    "      --largest W          the largest workload: its specific runs are\n"
    "                           also the baseline\n"
    "      --asymmetric B:T     add the case baseline from B, the rest from T\n"
    "      --draws N            Monte-Carlo draws per case (default 100000,\n"
    "                           at most 2000000); 0: every combination once\n"
    "      --p1 SPEC            the papers' numbers (paper-reported.csv):\n"
    "                           rows source=P1, quantity=joint_vs_largest_gain\n"
    "      --fractions FILE     write how often the gains reach P1's\n"
    "      --runs-summary FILE  write the runs per budget and role\n"
    CLI_SEED_HELP
    "\n" CLI_COMMON_HELP;

enum { OPT_RUNS = 256, OPT_LARGEST, OPT_ASYM, OPT_DRAWS, OPT_P1, OPT_FRAC,
       OPT_SUMMARY };

/* Split "B:ROLE=SPEC" in place. */
static int
parse_runs(char *arg, budget_request *q)
{
    char *colon = strchr(arg, ':');
    char *eq = colon ? strchr(colon, '=') : NULL;
    if (!colon || colon == arg || !eq || eq == colon + 1 || !eq[1])
        return cli_usage_error("option '--runs': got '%s', expected "
                               "BUDGET:ROLE=SPEC", arg);
    if (q->ninput == BUDGET_MAX_INPUTS)
        return cli_usage_error("more than %d --runs", BUDGET_MAX_INPUTS);
    *colon = *eq = '\0';
    q->input[q->ninput++] = (budget_input){arg, colon + 1, eq + 1};
    return IMC_OK;
}

static int
parse_option(int opt, char *arg, budget_request *q, const char **path)
{
    char *colon;
    switch (opt) {
    case OPT_RUNS: return parse_runs(arg, q);
    case OPT_LARGEST: q->largest = arg; return IMC_OK;
    case OPT_ASYM:
        colon = strchr(arg, ':');
        if (!colon || colon == arg || !colon[1])
            return cli_usage_error("option '--asymmetric': got '%s', "
                                   "expected BASE:TOP", arg);
        if (q->npair == BUDGET_MAX_PAIRS)
            return cli_usage_error("more than %d --asymmetric",
                                   BUDGET_MAX_PAIRS);
        *colon = '\0';
        q->pair[q->npair++] = (budget_pair){arg, colon + 1};
        return IMC_OK;
    case OPT_DRAWS:
        if (cli_parse_ulong("--draws", arg, &q->draws))
            return IMC_EINPUT;
        if (q->draws > BUDGET_MAX_DRAWS)
            return cli_usage_error("option '--draws': got '%s', expected at "
                                   "most %lu", arg, BUDGET_MAX_DRAWS);
        return IMC_OK;
    case 's': return cli_parse_seed("--seed", arg, &q->seed);
    case OPT_P1: q->p1 = arg; return IMC_OK;
    case OPT_FRAC: path[1] = arg; return IMC_OK;
    case OPT_SUMMARY: path[2] = arg; return IMC_OK;
    default: return cli_usage_error("unknown option");
    }
}

int
bs_options_parse(int argc, char **argv, bs_options *o)
{
    static const struct option longopts[] = {
        {"runs", required_argument, 0, OPT_RUNS},
        {"largest", required_argument, 0, OPT_LARGEST},
        {"asymmetric", required_argument, 0, OPT_ASYM},
        {"draws", required_argument, 0, OPT_DRAWS},
        {"seed", required_argument, 0, 's'},
        {"p1", required_argument, 0, OPT_P1},
        {"fractions", required_argument, 0, OPT_FRAC},
        {"runs-summary", required_argument, 0, OPT_SUMMARY},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    int opt;
    memset(o, 0, sizeof *o);
    o->q.seed = 1;
    o->q.draws = BUDGET_DRAWS_DEFAULT;
    while ((opt = getopt_long(argc, argv, "s:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1)
        if (!cli_common_option_p(opt, optarg, usage, &o->common) &&
            parse_option(opt, optarg, &o->q, o->path))
            return IMC_EINPUT;
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (!o->q.largest || o->q.ninput == 0)
        return cli_usage_error("need --largest and --runs");
    if (o->path[1] && !o->q.p1)
        return cli_usage_error("--fractions needs --p1");
    o->path[0] = o->common.output;
    return IMC_OK;
}
