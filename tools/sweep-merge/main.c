/* sweep-merge: combine the outputs of sweep-space --shard runs. */
#include "cli.h"
#include "err.h"
#include "sweep.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "sweep-merge: combine the shards of a sweep into the whole sweep's "
    "outputs.\n"
    "\n"
    "Reads the outputs of the N runs of sweep-space --shard I/N (main,\n"
    "--per-workload, --top and --pareto files, in any order; each says on\n"
    "its first line which shard and which output it is) and writes exactly\n"
    "what one sweep-space run over the whole space writes: the best design\n"
    "per (limit, target), the K best, the Pareto front, and the optima\n"
    "evaluated per workload.  It evaluates every design it keeps again, so\n"
    "give it the space, workloads and model options of the sweep; the\n"
    "limits, --by, --top and Pareto objectives come from the parts.\n"
    "\n"
    "Examples:\n"
    "  $ sweep-space --space t/data/ga-search/space.csv --shard 1/2 \\\n"
    "      --top 3 top1.csv -o part1.csv t/data/ga-search/small.csv\n"
    "  $ sweep-space --space t/data/ga-search/space.csv --shard 2/2 \\\n"
    "      --top 3 top2.csv -o part2.csv t/data/ga-search/small.csv\n"
    "  $ sweep-merge --space t/data/ga-search/space.csv \\\n"
    "      --parts part1.csv,part2.csv,top1.csv,top2.csv --top top.csv \\\n"
    "      -o best.csv t/data/ga-search/small.csv\n"
    "\n"
    "Usage: sweep-merge --space SPACE.csv --parts LIST [options] "
    "LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "      --space FILE         the design space swept (required)\n"
    "      --parts LIST         the shards' output files, comma-separated\n"
    "                           (required; every shard's main output)\n"
    "      --nodes FILE         the node table, when the sweep had one\n"
    "      --per-workload FILE  write the optima evaluated per workload\n"
    "      --top FILE           write the merged top-K lists\n"
    "      --pareto FILE        write the merged Pareto front\n"
    CLI_MODEL_HELP
    "\n" CLI_COMMON_HELP;

enum { OPT_SPACE = 256, OPT_PARTS, OPT_NODES, OPT_PER_WORKLOAD, OPT_TOP,
       OPT_PARETO };

/* Split the comma-separated --parts list (in place) into parts[]. */
static int
split_parts(char *list, const char **parts, size_t *n, size_t max)
{
    char *save = NULL;
    *n = 0;
    for (char *t = strtok_r(list, ",", &save); t;
         t = strtok_r(NULL, ",", &save)) {
        if (*n == max)
            return cli_usage_error("option '--parts': more than %zu files",
                                   max);
        parts[(*n)++] = t;
    }
    return *n ? IMC_OK : cli_usage_error("option '--parts': no files");
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, OPT_SPACE},
        {"parts", required_argument, 0, OPT_PARTS},
        {"nodes", required_argument, 0, OPT_NODES},
        {"per-workload", required_argument, 0, OPT_PER_WORKLOAD},
        {"top", required_argument, 0, OPT_TOP},
        {"pareto", required_argument, 0, OPT_PARETO},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    cli_model mo;
    const char *space_path = NULL, *nodes_path = NULL;
    char *parts_arg = NULL;
    sweep_paths out = {0};
    cli_init(argv[0]);
    cli_model_init(&mo);
    int opt;
    while ((opt = getopt_long(argc, argv, "l:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt) && cli_model_set(opt, optarg, &mo))
            return IMC_EINPUT;
        switch (opt) {
        case OPT_SPACE: space_path = optarg; break;
        case OPT_PARTS: parts_arg = optarg; break;
        case OPT_NODES: nodes_path = optarg; break;
        case OPT_PER_WORKLOAD: out.per_workload = optarg; break;
        case OPT_TOP: out.top = optarg; break;
        case OPT_PARETO: out.pareto = optarg; break;
        default: break;
        }
    }
    if (!space_path || !parts_arg || optind >= argc)
        return cli_usage_error("need --space SPACE.csv, --parts LIST and a "
                               "layer table");
    const char *parts[4 * 1024];
    size_t nparts;
    if (split_parts(parts_arg, parts, &nparts, 4 * 1024) != IMC_OK)
        return IMC_EINPUT;
    out.main = common.output;
    sweep_inputs in;
    sweep_result *r = NULL;
    int st = sweep_inputs_read(&in, space_path, nodes_path, argv + optind,
                               (size_t)(argc - optind));
    if (st == IMC_OK && !(in.model = cli_model_load(&mo)))
        st = IMC_EINPUT;
    if (st == IMC_OK) {
        sweep_config c;
        sweep_config_init(&c, in.model, &in.space, in.nets, in.nnets);
        c.mode = mo.latency;
        c.nodes = in.has_nodes ? &in.nodes : NULL;
        st = sweep_merge(&c, parts, nparts, &r);
    }
    const sweep_config *rc = r ? sweep_result_config(r) : NULL;
    if (st == IMC_OK && ((out.top && !rc->top_k) ||
                         (out.pareto && !rc->npareto)))
        st = cli_usage_error("--%s needs the shards' %s outputs in --parts",
                             out.top && !rc->top_k ? "top" : "pareto",
                             out.top && !rc->top_k ? "top-K" : "Pareto");
    if (st == IMC_OK)
        st = sweep_write_files(r, &out, stderr);
    sweep_result_free(r);
    sweep_inputs_free(&in);
    return st;
}
