/* sweep-space: the exact optimum of a design space, by exhaustive search. */
#include "cli.h"
#include "costio.h"
#include "csvio.h"
#include "err.h"
#include "sweep.h"

#include <stdlib.h>

static const char usage[] =
    "sweep-space: find the best design of a whole design space exactly.\n"
    "\n"
    "Evaluates every design of the space (experiments/space-*.csv) on every\n"
    "layer table and writes, for each workload alone (E*L*A) and, with two\n"
    "or more workloads, for the joint (max E * max L * A), mean and all\n"
    "objectives, the best design that meets the area limit and holds the\n"
    "weights: the optimum the evolutionary search (ga-search) approximates.\n"
    "Action counts are computed once per crossbar geometry and reused over\n"
    "voltage, cycle time, buffer size and node, so the P2 RRAM space (12.1\n"
    "million designs) takes seconds.  Output columns: target, objective,\n"
    "found, score, area_mm2 and the design; a '#' line gives the counts.\n"
    "\n"
    "Examples:\n"
    "  $ sweep-space --space experiments/space-rram-p2.csv \\\n"
    "      results/parse_net/net/{vgg16,resnet18,alexnet,mobilenet_v3}.csv\n"
    "  $ sweep-space --latency physical --space S.csv a.csv -o best.csv\n"
    "\n"
    "Usage: sweep-space --space SPACE.csv [options] LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "      --area-max MM2       area limit in mm2 (default 800)\n"
    CLI_MODEL_HELP
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, 'p'},
        {"area-max", required_argument, 0, 'a'},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *space_path = NULL;
    cli_model mo;
    double area_max = 800;
    int opt;
    cli_init(argv[0]);
    cli_model_init(&mo);
    while ((opt = getopt_long(argc, argv, "l:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt)) {
            if (cli_model_set(opt, optarg, &mo) != IMC_OK)
                return IMC_EINPUT;
            continue;
        }
        if (opt == 'a' && (csvio_to_double(optarg, &area_max) ||
                           !(area_max > 0)))
            return cli_usage_error("option '--area-max': got '%s', expected "
                                   "a number > 0", optarg);
        if (opt == 'p')
            space_path = optarg;
    }
    if (!space_path || optind >= argc)
        return cli_usage_error("need --space SPACE.csv and a layer table");
    size_t nn = (size_t)(argc - optind);
    net **nets = NULL;
    space s;
    cost_model *m = NULL;
    sweep_result *r = malloc(sizeof *r);
    int st = r ? space_read(space_path, &s) : IMC_EINPUT;
    if (st == IMC_OK)
        st = net_read_tables(argv + optind, nn, &nets);
    if (st == IMC_OK && !(m = cli_model_load(&mo)))
        st = IMC_EINPUT;
    if (st == IMC_OK)
        st = sweep_run(m, &s, nets, nn, mo.latency, area_max, r);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        if ((st = sweep_write(out.fp, r)) == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    net_free_all(nets, nn);
    free(r);
    cost_model_free(m);
    return st;
}
