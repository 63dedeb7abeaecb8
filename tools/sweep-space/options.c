/* options.c: sweep-space's command line (see options.h). */
#include "options.h"
#include "csvio.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

enum {
    OPT_SPACE = 256, OPT_AREA, OPT_BY, OPT_NODES, OPT_PER_WORKLOAD, OPT_TOP,
    OPT_PARETO, OPT_PARETO_OBJ, OPT_PARETO_MAX, OPT_THREADS, OPT_SHARD,
    OPT_NO_PRUNE, OPT_FORCE
};

/* --area-max LIST: distinct numbers > 0, comma-separated. */
static int
parse_limits(const char *arg, ss_options *o)
{
    char buf[4096];
    if (strlen(arg) >= sizeof buf)
        return cli_usage_error("option '--area-max': the list is too long");
    snprintf(buf, sizeof buf, "%s", arg);
    o->nlimits = 0;
    char *save = NULL;
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        double v;
        if (o->nlimits == SWEEP_MAX_LIMITS)
            return cli_usage_error("option '--area-max': more than %d "
                                   "limits", SWEEP_MAX_LIMITS);
        if (csvio_to_double(t, &v) != IMC_OK || !(v > 0))
            return cli_usage_error("option '--area-max': got '%s', expected "
                                   "a number > 0", t);
        for (size_t i = 0; i < o->nlimits; i++)
            if (!(v < o->limits[i] || v > o->limits[i]))
                return cli_usage_error("option '--area-max': %s is listed "
                                       "twice", t);
        o->limits[o->nlimits++] = v;
    }
    return o->nlimits ? IMC_OK
                      : cli_usage_error("option '--area-max': got '%s', "
                                        "expected numbers > 0", arg);
}

/* --shard I/N with 1 <= I <= N. */
static int
parse_shard(const char *arg, ss_options *o)
{
    char *end;
    long i = strtol(arg, &end, 10), n = 0;
    if (*end == '/')
        n = strtol(end + 1, &end, 10);
    if (*end || i < 1 || n < i)
        return cli_usage_error("option '--shard': got '%s', expected I/N "
                               "with 1 <= I <= N", arg);
    o->shard = (unsigned long)i - 1;
    o->nshards = (unsigned long)n;
    return IMC_OK;
}

/* --top K FILE: K here, FILE the next argument. */
static int
parse_top(const char *arg, int argc, char **argv, ss_options *o)
{
    unsigned long k;
    if (cli_parse_positive("--top", arg, &k) != IMC_OK)
        return IMC_EINPUT;
    if (k > SWEEP_MAX_TOP)
        return cli_usage_error("option '--top': got '%s', expected 1 to %d",
                               arg, SWEEP_MAX_TOP);
    /* FILE is the next argument: "-" (stdout) but no option */
    if (optind >= argc ||
        (argv[optind][0] == '-' && strcmp(argv[optind], "-") != 0))
        return cli_usage_error("option '--top': expected K and a FILE");
    o->top_k = (size_t)k;
    o->out.top = argv[optind++];
    return IMC_OK;
}

/* --threads N, 1 .. SWEEP_MAX_THREADS. */
static int
parse_threads(const char *arg, ss_options *o)
{
    if (cli_parse_positive("--threads", arg, &o->threads) != IMC_OK)
        return IMC_EINPUT;
    return o->threads <= SWEEP_MAX_THREADS
               ? IMC_OK
               : cli_usage_error("option '--threads': got '%s', expected 1 "
                                 "to %d", arg, SWEEP_MAX_THREADS);
}

/* --by PARAM: a design parameter's name. */
static int
parse_by(const char *arg, ss_options *o)
{
    for (int k = 0; k < DESIGN_NPARAM; k++)
        if (strcmp(arg, design_param_names[k]) == 0) {
            o->by = k;
            return IMC_OK;
        }
    return cli_usage_error("option '--by': got '%s', expected a design "
                           "parameter (voltage_v, ..., tech_nm)", arg);
}

/* Handle one of sweep-space's own options. */
static int
own_option(int opt, const char *arg, int argc, char **argv, ss_options *o)
{
    switch (opt) {
    case OPT_SPACE: o->space_path = arg; return IMC_OK;
    case OPT_NODES: o->nodes_path = arg; return IMC_OK;
    case OPT_AREA: return parse_limits(arg, o);
    case OPT_BY: return parse_by(arg, o);
    case OPT_PER_WORKLOAD: o->out.per_workload = arg; return IMC_OK;
    case OPT_TOP: return parse_top(arg, argc, argv, o);
    case OPT_PARETO: o->out.pareto = arg; return IMC_OK;
    case OPT_PARETO_OBJ: o->pareto_objectives = arg; return IMC_OK;
    case OPT_PARETO_MAX:
        return cli_parse_positive("--pareto-max", arg, &o->pareto_max);
    case OPT_THREADS: return parse_threads(arg, o);
    case OPT_SHARD: return parse_shard(arg, o);
    case OPT_NO_PRUNE: o->prune = 0; return IMC_OK;
    case OPT_FORCE: o->force = 1; return IMC_OK;
    default:
        return cli_usage_error("internal error: unhandled option %d", opt);
    }
}

/* Parse the command line; see options.h. */
int
ss_options_parse(int argc, char **argv, const char *usage, ss_options *o)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, OPT_SPACE},
        {"area-max", required_argument, 0, OPT_AREA},
        {"by", required_argument, 0, OPT_BY},
        {"nodes", required_argument, 0, OPT_NODES},
        {"per-workload", required_argument, 0, OPT_PER_WORKLOAD},
        {"top", required_argument, 0, OPT_TOP},
        {"pareto", required_argument, 0, OPT_PARETO},
        {"pareto-objectives", required_argument, 0, OPT_PARETO_OBJ},
        {"pareto-max", required_argument, 0, OPT_PARETO_MAX},
        {"threads", required_argument, 0, OPT_THREADS},
        {"shard", required_argument, 0, OPT_SHARD},
        {"no-prune", no_argument, 0, OPT_NO_PRUNE},
        {"force", no_argument, 0, OPT_FORCE},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    memset(o, 0, sizeof *o);
    cli_model_init(&o->model);
    o->nlimits = 1;
    /* the reference's constraint, 8 cm^2 (docs/framework.md section 1.2) */
    o->limits[0] = 800;
    o->by = -1;
    o->pareto_objectives = "max_energy_j,max_latency_s,area_mm2";
    o->pareto_max = SWEEP_PARETO_MAX;
    o->threads = 1;
    o->nshards = 1;
    o->prune = 1;
    int opt;
    while ((opt = getopt_long(argc, argv, "l:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        int st = cli_model_option_p(opt)
                     ? cli_model_set(opt, optarg, &o->model)
                     : own_option(opt, optarg, argc, argv, o);
        if (st != IMC_OK)
            return st;
    }
    o->out.main = common.output;
    if (!o->space_path || optind >= argc)
        return cli_usage_error("need --space SPACE.csv and a layer table");
    o->layers = argv + optind;
    o->nlayers = (size_t)(argc - optind);
    if (o->nlayers > SEARCH_MAX_WORKLOADS)
        return cli_usage_error("got %zu layer tables, expected at most %d",
                               o->nlayers, SEARCH_MAX_WORKLOADS);
    return IMC_OK;
}

/* Fill the sweep config; see options.h. */
int
ss_options_apply(const ss_options *o, sweep_config *c)
{
    c->mode = o->model.latency;
    c->nlimits = o->nlimits;
    memcpy(c->area_max_mm2, o->limits, o->nlimits * sizeof *o->limits);
    c->by = o->by;
    c->top_k = o->out.top ? o->top_k : 0;
    c->pareto_max = o->pareto_max;
    c->threads = (unsigned)o->threads;
    c->shard = o->shard;
    c->nshards = o->nshards;
    c->prune = o->prune;
    c->force = o->force;
    if (!o->out.pareto)
        return IMC_OK;
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", o->pareto_objectives);
    char *save = NULL;
    for (char *t = strtok_r(buf, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        sweep_pobj *p = &c->pareto[c->npareto];
        if (c->npareto == SWEEP_MAX_POBJ)
            return cli_usage_error("option '--pareto-objectives': more than "
                                   "%d objectives", SWEEP_MAX_POBJ);
        if (sweep_pobj_from_name(t, c->nets, c->nnets, p) != IMC_OK)
            return cli_usage_error("option '--pareto-objectives': got '%s', "
                                   "expected " SWEEP_POBJ_NAMES, t);
        if (p->kind == SWEEP_P_COST && !c->nodes)
            return cli_usage_error("option '--pareto-objectives': 'cost' "
                                   "needs --nodes");
        c->npareto++;
    }
    return c->npareto ? IMC_OK
                      : cli_usage_error("option '--pareto-objectives': no "
                                        "objectives in '%s'",
                                        o->pareto_objectives);
}
