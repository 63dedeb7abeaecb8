/* options.c: ga-search's command line (see options.h). */
#include "options.h"
#include "csvio.h"
#include "err.h"
#include "gabatch.h"

#include <stdlib.h>
#include <string.h>

enum {
    OPT_SPACE = 256, OPT_OBJECTIVE, OPT_POP, OPT_SCHEDULE, OPT_AREA,
    OPT_HISTORY, OPT_EVALUATED, OPT_INIT_CAND, OPT_INIT_KEEP, OPT_SEEDS,
    OPT_THREADS, OPT_MAX_EVAL, OPT_MAX_REQ, OPT_REPORT, OPT_NODES
};

/* A size_t option within [min, max]. */
static int
size_opt(const char *opt, const char *arg, unsigned long min,
         unsigned long max, size_t *out)
{
    unsigned long v;
    if (cli_parse_ulong(opt, arg, &v) != IMC_OK)
        return IMC_EINPUT;
    if (v < min || v > max)
        return cli_usage_error("option '%s': got '%s', expected an integer "
                               "from %lu to %lu", opt, arg, min, max);
    *out = (size_t)v;
    return IMC_OK;
}

/* Handle one of ga-search's own options. */
static int
own_option(int opt, const char *arg, gs_options *o, int *gens_set,
           const char **seed_arg, const char **seeds_arg)
{
    switch (opt) {
    case OPT_SPACE: o->space_path = arg; return IMC_OK;
    case 'w': return cli_add_layers(o->layers, &o->nlayers, arg);
    case OPT_REPORT:
        if (o->nreport == SEARCH_MAX_WORKLOADS)
            return cli_usage_error("too many --report-on tables (at most "
                                   "%d)", SEARCH_MAX_WORKLOADS);
        o->report[o->nreport++] = arg;
        return IMC_OK;
    case 's': *seed_arg = arg; return IMC_OK;
    case OPT_SEEDS: *seeds_arg = arg; return IMC_OK;
    case OPT_THREADS:
        if (cli_parse_positive("--threads", arg, &o->threads) != IMC_OK)
            return IMC_EINPUT;
        return o->threads <= GABATCH_MAX_THREADS
                   ? IMC_OK
                   : cli_usage_error("option '--threads': got '%s', "
                                     "expected 1 to %d", arg,
                                     GABATCH_MAX_THREADS);
    case OPT_POP:
        return size_opt("--pop", arg, 2, SCHEDULE_MAX_POP, &o->sched.pop);
    case 'g':
        *gens_set = 1;
        return size_opt("--generations", arg, 1, SCHEDULE_MAX_GENERATIONS,
                        &o->sched.generations);
    case OPT_INIT_CAND:
        return size_opt("--init-candidates", arg, 1, 10 * SCHEDULE_MAX_POP,
                        &o->sched.init_candidates);
    case OPT_INIT_KEEP:
        return size_opt("--init-keep", arg, 1, 10 * SCHEDULE_MAX_POP,
                        &o->sched.init_keep);
    case OPT_MAX_EVAL:
        return cli_parse_positive("--max-evaluations", arg,
                                  &o->sched.max_evaluations);
    case OPT_MAX_REQ:
        return cli_parse_positive("--max-requests", arg,
                                  &o->sched.max_requests);
    case 'b': o->best = arg; return IMC_OK;
    case OPT_HISTORY: o->history = arg; return IMC_OK;
    case OPT_EVALUATED: o->evaluated = arg; return IMC_OK;
    case OPT_NODES: o->nodes = arg; return IMC_OK;
    case OPT_OBJECTIVE:
        return cli_parse_objective("--objective", arg, CLI_OBJ_ALL,
                                   &o->objective);
    case OPT_SCHEDULE: {
        schedule_kind k;
        if (schedule_kind_from_name(arg, &k) != IMC_OK)
            return cli_usage_error("option '--schedule': got '%s', expected "
                                   "p1 or p2-phases", arg);
        o->sched.kind = k;
        return IMC_OK;
    }
    case OPT_AREA:
        return cli_parse_double_positive("--area-max", arg,
                                         &o->area_max_mm2);
    default:
        return cli_usage_error("unexpected option");
    }
}

int
gs_options_parse(int argc, char **argv, const char *usage, gs_options *o)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, OPT_SPACE},
        {"objective", required_argument, 0, OPT_OBJECTIVE},
        {"workload-layers", required_argument, 0, 'w'},
        {"report-on", required_argument, 0, OPT_REPORT},
        {"seed", required_argument, 0, 's'},
        {"seeds", required_argument, 0, OPT_SEEDS},
        {"threads", required_argument, 0, OPT_THREADS},
        {"pop", required_argument, 0, OPT_POP},
        {"generations", required_argument, 0, 'g'},
        {"schedule", required_argument, 0, OPT_SCHEDULE},
        {"init-candidates", required_argument, 0, OPT_INIT_CAND},
        {"init-keep", required_argument, 0, OPT_INIT_KEEP},
        {"max-evaluations", required_argument, 0, OPT_MAX_EVAL},
        {"max-requests", required_argument, 0, OPT_MAX_REQ},
        {"area-max", required_argument, 0, OPT_AREA},
        CLI_MODEL_LONGOPTS,
        {"best", required_argument, 0, 'b'},
        {"history", required_argument, 0, OPT_HISTORY},
        {"evaluated", required_argument, 0, OPT_EVALUATED},
        {"nodes", required_argument, 0, OPT_NODES},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *seed_arg = NULL, *seeds_arg = NULL;
    int opt, gens_set = 0;
    memset(o, 0, sizeof *o);
    /* Defaults: docs/framework.md sections 1.2 and 5.1-5.2 (P1 70 x 20,
     * P2 70 x 10 per phase from 1000 designs thinned to 500, A_constr =
     * 800 mm2). */
    o->objective = SEARCH_JOINT;
    schedule_defaults(&o->sched, SCHEDULE_P1);
    o->threads = 1;
    o->area_max_mm2 = 800;
    cli_model_init(&o->model);
    while ((opt = getopt_long(argc, argv, "w:s:g:l:b:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt)) {
            if (cli_model_set(opt, optarg, &o->model) != IMC_OK)
                return IMC_EINPUT;
            continue;
        }
        if (own_option(opt, optarg, o, &gens_set, &seed_arg, &seeds_arg) !=
            IMC_OK)
            return IMC_EINPUT;
    }
    for (int i = optind; i < argc; i++)
        if (cli_add_layers(o->layers, &o->nlayers, argv[i]) != IMC_OK)
            return IMC_EINPUT;
    if (!gens_set)
        o->sched.generations = o->sched.kind == SCHEDULE_P1 ? 20 : 10;
    if (!o->best)
        o->best = common.output;
    if (!o->space_path)
        return cli_usage_error("missing --space SPACE.csv");
    if (o->nlayers == 0)
        return cli_usage_error("missing layer table (LAYERS.csv)");
    if (search_objective_needs_nodes_p(o->objective) && !o->nodes)
        return cli_usage_error("objective '%s' needs --nodes FILE (the node "
                               "table with each node's cost factor)",
                               search_objective_name(o->objective));
    if (o->objective == SEARCH_SINGLE && o->nlayers != 1)
        return cli_usage_error("objective 'single' takes one layer table, "
                               "got %zu", o->nlayers);
    if (o->sched.kind == SCHEDULE_P2_PHASES &&
        o->sched.init_keep > o->sched.init_candidates)
        return cli_usage_error("--init-keep %zu exceeds --init-candidates "
                               "%zu", o->sched.init_keep,
                               o->sched.init_candidates);
    if (seed_arg && seeds_arg)
        return cli_usage_error("give --seed or --seeds, not both");
    if (seeds_arg)
        return cli_parse_seed_list("--seeds", seeds_arg, &o->seeds,
                                   &o->nseeds);
    unsigned long one = 1;
    if (seed_arg && cli_parse_seed("--seed", seed_arg, &one) != IMC_OK)
        return IMC_EINPUT;
    if (!(o->seeds = malloc(sizeof *o->seeds)))
        return cli_usage_error("out of memory");
    o->seeds[0] = one;
    o->nseeds = 1;
    return IMC_OK;
}

void
gs_options_free(gs_options *o)
{
    free(o->seeds);
    o->seeds = NULL;
    o->nseeds = 0;
}
