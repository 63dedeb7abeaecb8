/* cost-eval: energy, latency and area of designs on workloads. */
#include "cli.h"
#include "cost.h"
#include "costio.h"
#include "csvio.h"
#include "err.h"

#include <stdlib.h>

static const char usage[] =
    "cost-eval: energy, latency and area of IMC designs on workloads.\n"
    "\n"
    "Reads designs (CSV with the columns of the reference results: memory,\n"
    "voltage_v, bits_per_cell, cycle_ns, rows, cols, router_groups,\n"
    "tiles_per_group, macros_per_tile, glb_mb, tech_nm; other columns are\n"
    "ignored) and one layer table per workload (from parse-net), and writes\n"
    "one row per design and workload: the design, workload (the layer file's\n"
    "base name), energy_j, latency_s, area_mm2, fits (0 when an RRAM design\n"
    "cannot hold the workload's weights), the energy and area of each\n"
    "component and, last, extrapolated: the parameters outside the range\n"
    "the model was calibrated on and, for RRAM on a workload with dynamic\n"
    "(matmul) operands, dynamic_writes (their writes are published\n"
    "figures, not fitted), joined by ';' (empty when neither).\n"
    "--per-layer writes one row per layer instead.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net | cost-eval \\\n"
    "      --designs t/data/cost-eval/designs.csv -\n"
    "  $ cost-eval --latency physical \\\n"
    "      --designs t/data/cost-eval/designs.csv t/data/cost/tiny.csv\n"
    "  $ cost-eval --per-layer --designs t/data/cost-eval/designs.csv \\\n"
    "      t/data/cost/tiny.csv -o layers.csv\n"
    "\n"
    "Usage: cost-eval [options] --designs DESIGNS.csv LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "  -d, --designs FILE       designs to evaluate (required)\n"
    "      --per-layer          one row per layer with the mapping\n"
    "      --calibrated-range F the calibrated range (default\n"
    "                           experiments/constants/calibrated-range.csv)\n"
    CLI_MODEL_HELP
    "\n" CLI_COMMON_HELP;

/* Long-option code of --calibrated-range (no short form). */
enum { OPT_RANGE = 0x300 };

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"designs", required_argument, 0, 'd'},
        {"per-layer", no_argument, 0, 'P'},
        {"calibrated-range", required_argument, 0, OPT_RANGE},
        CLI_MODEL_LONGOPTS,
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *designs_path = NULL, *range_path = NULL;
    cli_model mo;
    int per_layer = 0, opt;

    cli_init(argv[0]);
    cli_model_init(&mo);
    while ((opt = getopt_long(argc, argv, "d:l:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        if (cli_model_option_p(opt)) {
            if (cli_model_set(opt, optarg, &mo) != IMC_OK)
                return IMC_EINPUT;
            continue;
        }
        if (opt == 'd')
            designs_path = optarg;
        if (opt == 'P')
            per_layer = 1;
        if (opt == OPT_RANGE)
            range_path = optarg;
    }
    if (!designs_path)
        return cli_usage_error("missing --designs DESIGNS.csv");
    if (optind >= argc)
        return cli_usage_error("missing layer table (LAYERS.csv)");
    if (!range_path)
        range_path = cli_data_path("experiments/constants/"
                                   "calibrated-range.csv");

    size_t nd = 0, nn = (size_t)(argc - optind), maxl = 0;
    design *designs = NULL;
    net **nets = NULL;
    cost_model *model = NULL;
    cost_layer *scratch = NULL;
    design_range range;
    int st = design_read_all(designs_path, &designs, &nd);
    if (st == IMC_OK)
        st = net_read_tables(argv + optind, nn, &nets);
    for (size_t i = 0; st == IMC_OK && i < nn; i++)
        maxl = nets[i]->n > maxl ? nets[i]->n : maxl;
    if (st == IMC_OK && !(model = cli_model_load(&mo)))
        st = IMC_EINPUT;
    if (st == IMC_OK)
        st = design_range_read(range_path, &range);
    if (st == IMC_OK && per_layer && !(scratch = calloc(maxl, sizeof *scratch)))
        st = imc_fail(NULL, 0, "out of memory");
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        st = per_layer
                 ? costio_write_layers(out.fp, model, &range, designs_path,
                                       designs, nd, nets, nn, mo.latency,
                                       scratch)
                 : costio_write_batch(out.fp, model, &range, designs_path,
                                      designs, nd, nets, nn, mo.latency);
        if (st == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    net_free_all(nets, nn);
    free(designs);
    free(scratch);
    cost_model_free(model);
    return st;
}
