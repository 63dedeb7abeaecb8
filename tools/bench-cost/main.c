/* bench-cost: how many designs per second the cost model evaluates. */
#include "bench.h"
#include "cli.h"
#include "costio.h"
#include "csvio.h"
#include "err.h"

#include <stdlib.h>

static const char usage[] =
    "bench-cost: measure the cost model's throughput (designs per second).\n"
    "\n"
    "Draws N uniformly random designs from a design space (seeded GSL\n"
    "mt19937), evaluates each on every layer table as a search's inner loop\n"
    "does, and writes one CSV row: designs, workloads, seconds, designs per\n"
    "second, layer evaluations per second and a checksum of the scores (the\n"
    "same for the same inputs and seed).  Used by `make bench`.\n"
    "\n"
    "Examples:\n"
    "  $ bench-cost --space experiments/space-rram-p2.csv \\\n"
    "      results/parse_net/net/*.csv\n"
    "  $ bench-cost -n 100000 --seed 7 --space S.csv vgg16.csv\n"
    "\n"
    "Usage: bench-cost --space SPACE.csv [options] LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "  -n, --designs N          designs to evaluate (default 20000)\n"
    CLI_MODEL_HELP
    CLI_SEED_HELP
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"space", required_argument, 0, 'p'},
        {"designs", required_argument, 0, 'n'},
        {"seed", required_argument, 0, 's'},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *space_path = NULL;
    cli_model mo;
    unsigned long ndesigns = 20000, seed = 1;
    int opt;
    cli_init(argv[0]);
    cli_model_init(&mo);
    while ((opt = getopt_long(argc, argv, "n:l:s:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt)) {
            if (cli_model_set(opt, optarg, &mo) != IMC_OK)
                return IMC_EINPUT;
            continue;
        }
        if ((opt == 'n' && cli_parse_ulong("--designs", optarg, &ndesigns)) ||
            (opt == 's' && cli_parse_seed("--seed", optarg, &seed)))
            return IMC_EINPUT;
        if (opt == 'p')
            space_path = optarg;
    }
    if (!space_path || optind >= argc)
        return cli_usage_error("need --space SPACE.csv and a layer table");
    size_t nn = (size_t)(argc - optind);
    net **nets = NULL;
    space s;
    cost_model *m = NULL;
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    int st = rng ? space_read(space_path, &s) : IMC_EINPUT;
    if (st == IMC_OK)
        st = net_read_tables(argv + optind, nn, &nets);
    if (st == IMC_OK && !(m = cli_model_load(&mo)))
        st = IMC_EINPUT;
    bench_result r;
    if (st == IMC_OK) {
        gsl_rng_set(rng, seed);
        st = bench_cost(m, &s, nets, nn, ndesigns, mo.latency, rng, &r);
    }
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        fprintf(out.fp, "designs,workloads,seconds,designs_per_s,"
                        "layer_evals_per_s,checksum\n%.0f,%zu,%.4f,%.1f,%.1f,"
                        "%.10g\n", r.designs, nn, r.seconds,
                r.designs / r.seconds, r.layer_evals / r.seconds, r.checksum);
        st = csvio_out_commit(&out);
    }
    net_free_all(nets, nn);
    cost_model_free(m);
    gsl_rng_free(rng);
    return st;
}
