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
    "mt19937), evaluates each on every layer table through the GA's own\n"
    "evaluator (memoised mappings, per-design factors, counts cached per\n"
    "crossbar geometry; no design cache), and writes one CSV row: designs,\n"
    "workloads, seconds, designs per second, layer evaluations per second\n"
    "and a checksum of the scores (the same for the same inputs and seed,\n"
    "and the same as plain per-design evaluation gives), after a '#\n"
    "bench-cost seed=...' line.  At most 16 layer tables.  Used by\n"
    "`make bench`.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ bench-cost --space experiments/space-rram-p2.csv -n 5000 vgg16.csv\n"
    "  $ bench-cost -n 2000 --seed 7 --latency physical \\\n"
    "      --space experiments/space-sram-4.csv vgg16.csv -o bench.csv\n"
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
        /* rates of 0 for a run too short to time, never NaN or inf */
        double per_s = r.seconds > 0 ? 1 / r.seconds : 0;
        fprintf(out.fp, "# bench-cost seed=%lu rng=%s designs=%lu latency=%s "
                        "space=%s\n", seed, gsl_rng_mt19937->name, ndesigns,
                cost_latency_name(mo.latency), space_path);
        fprintf(out.fp, "designs,workloads,seconds,designs_per_s,"
                        "layer_evals_per_s,checksum\n%.0f,%zu,%.4f,%.1f,%.1f,"
                        "%.10g\n", r.designs, nn, r.seconds,
                r.designs * per_s, r.layer_evals * per_s, r.checksum);
        st = csvio_out_commit(&out);
    }
    net_free_all(nets, nn);
    cost_model_free(m);
    gsl_rng_free(rng);
    return st;
}
