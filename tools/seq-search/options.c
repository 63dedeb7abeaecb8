/* options.c: seq-search's help text and command line (see options.h). */
#include "options.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The help text in two parts (ISO C guarantees string literals of only
 * 4095 characters), joined in ss_options_parse. */
static const char usage_head[] =
    "seq-search: P2's sequential search, one parameter group at a time.\n"
    "\n"
    "Reads a design space (e.g. experiments/space-rram-p2.csv), the steps of\n"
    "a sequential search (STEPS.csv: per start and step, its order, the\n"
    "design parameters it searches, its population and generations), the\n"
    "start points (STARTS.csv: per memory type and start, a value, max or\n"
    "min for each parameter) and one layer table per workload (from\n"
    "parse-net).  From the chosen start, each step runs a single-phase GA\n"
    "(P1's operators) over its own parameters with every other parameter\n"
    "fixed at the previous step's best, scored by the objective under the\n"
    "area limit and, for RRAM, the rule that all weights are on chip; the\n"
    "step's best design (the best feasible one, else the least infeasible)\n"
    "is where the next step starts.  Writes the end point of each seed in\n"
    "ga-search's best-file columns (seed, the design, workload, energy_j,\n"
    "latency_s, area_mm2, edap, score, violation, feasible, in_objective;\n"
    "one row per workload) and optionally one row per seed and step (seed,\n"
    "start, order, step, parameters, population, generations, evaluations,\n"
    "the step's best design, score, violation, feasible).  When an end\n"
    "point misses the constraints its rows say feasible=0 and one warning\n"
    "line says so.  Every step is seeded with the run's seed; the same\n"
    "seeds give byte-identical files.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ parse-net workloads/resnet18.net -o resnet18.csv\n"
    "  $ seq-search --space experiments/space-rram-p2.csv \\\n"
    "      --steps experiments/sequential-rram.csv \\\n"
    "      --starts experiments/sequential-starts.csv --start middle \\\n"
    "      vgg16.csv resnet18.csv -o final.csv --steps-out steps.csv\n"
    "  $ seq-search --space experiments/space-sram-4.csv \\\n"
    "      --steps experiments/sequential-sram.csv \\\n"
    "      --starts experiments/sequential-starts.csv --start max \\\n"
    "      --seeds 1-5 vgg16.csv resnet18.csv -o final-sram.csv\n"
    "\n"
    "Usage: seq-search --space SPACE.csv --steps STEPS.csv --starts "
    "STARTS.csv\n"
    "         --start NAME [options] LAYERS.csv... [-o FINAL.csv]\n"
    "         [--steps-out STEPS-OUT.csv]\n";

static const char usage_options[] =
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "      --steps FILE         the steps of each start (required; e.g.\n"
    "                           experiments/sequential-rram.csv)\n"
    "      --starts FILE        the start points (required; e.g.\n"
    "                           experiments/sequential-starts.csv)\n"
    "      --start NAME         the start point and its steps (required;\n"
    "                           the toolkit's files name max and middle)\n"
    "  -w, --workload-layers F  a workload's layer table (repeatable; layer\n"
    "                           tables may also follow as arguments)\n"
    "      --objective NAME     joint (default), single, mean or all\n"
    "      --area-max MM2       area limit in mm2 (default 800)\n"
    CLI_MODEL_HELP
    "      --seeds LIST         run once per seed of LIST (e.g. 1-20 or\n"
    "                           1,4,9; default 1, the reference's), each\n"
    "                           from 1 to 4294967295; rows carry their seed\n"
    "      --steps-out FILE     one row per seed and step\n"
    "\n"
    "Every output starts with a '# seq-search seeds=... start=... steps=...\n"
    "space=...' line.\n"
    "\n" CLI_COMMON_HELP;

enum {
    OPT_SPACE = 256, OPT_STEPS, OPT_STARTS, OPT_START, OPT_OBJECTIVE,
    OPT_AREA, OPT_SEEDS, OPT_STEPS_OUT
};

/* Handle one of seq-search's own options. */
static int
own_option(int opt, const char *arg, ss_options *o, const char **seeds_arg)
{
    switch (opt) {
    case OPT_SPACE: o->space_path = arg; return IMC_OK;
    case OPT_STEPS: o->steps_path = arg; return IMC_OK;
    case OPT_STARTS: o->starts_path = arg; return IMC_OK;
    case OPT_START: o->start = arg; return IMC_OK;
    case OPT_STEPS_OUT: o->steps_out = arg; return IMC_OK;
    case OPT_SEEDS: *seeds_arg = arg; return IMC_OK;
    case 'w': return cli_add_layers(o->layers, &o->nlayers, arg);
    case OPT_OBJECTIVE:
        /* no node table here: the cost objectives are refused */
        return cli_parse_objective("--objective", arg, CLI_OBJ_NO_COST,
                                   &o->objective);
    case OPT_AREA:
        return cli_parse_double_positive("--area-max", arg,
                                         &o->area_max_mm2);
    default:
        return cli_usage_error("unexpected option");
    }
}

/* The required options, in the order the synopsis names them. */
static int
check_required(const ss_options *o)
{
    const char *const have[] = {o->space_path, o->steps_path, o->starts_path,
                                o->start};
    const char *const what[] = {"--space SPACE.csv", "--steps STEPS.csv",
                                "--starts STARTS.csv", "--start NAME"};
    for (size_t i = 0; i < sizeof have / sizeof have[0]; i++)
        if (!have[i])
            return cli_usage_error("missing %s", what[i]);
    if (o->nlayers == 0)
        return cli_usage_error("missing layer table (LAYERS.csv)");
    if (o->objective == SEARCH_SINGLE && o->nlayers != 1)
        return cli_usage_error("objective 'single' takes one layer table, "
                               "got %zu", o->nlayers);
    return IMC_OK;
}

int
ss_options_parse(int argc, char **argv, ss_options *o)
{
    static char usage[sizeof usage_head + sizeof usage_options];
    snprintf(usage, sizeof usage, "%s%s", usage_head, usage_options);
    static const struct option longopts[] = {
        {"space", required_argument, 0, OPT_SPACE},
        {"steps", required_argument, 0, OPT_STEPS},
        {"starts", required_argument, 0, OPT_STARTS},
        {"start", required_argument, 0, OPT_START},
        {"workload-layers", required_argument, 0, 'w'},
        {"objective", required_argument, 0, OPT_OBJECTIVE},
        {"area-max", required_argument, 0, OPT_AREA},
        {"seeds", required_argument, 0, OPT_SEEDS},
        {"steps-out", required_argument, 0, OPT_STEPS_OUT},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *seeds_arg = "1";
    int opt;
    memset(o, 0, sizeof *o);
    /* Defaults: P2's joint objective and A_constr = 800 mm2
     * (docs/framework.md section 1). */
    o->objective = SEARCH_JOINT;
    o->area_max_mm2 = 800;
    cli_model_init(&o->model);
    while ((opt = getopt_long(argc, argv, "w:l:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt)) {
            if (cli_model_set(opt, optarg, &o->model) != IMC_OK)
                return IMC_EINPUT;
            continue;
        }
        if (own_option(opt, optarg, o, &seeds_arg) != IMC_OK)
            return IMC_EINPUT;
    }
    for (int i = optind; i < argc; i++)
        if (cli_add_layers(o->layers, &o->nlayers, argv[i]) != IMC_OK)
            return IMC_EINPUT;
    o->final = common.output;
    if (check_required(o) != IMC_OK)
        return IMC_EINPUT;
    return cli_parse_seed_list("--seeds", seeds_arg, &o->seeds, &o->nseeds);
}

void
ss_options_free(ss_options *o)
{
    free(o->seeds);
    o->seeds = NULL;
    o->nseeds = 0;
}
