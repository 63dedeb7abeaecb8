/* map-workload: how one design maps each layer of a workload. */
#include "cli.h"
#include "csvio.h"
#include "design.h"
#include "err.h"
#include "map.h"
#include "net.h"

#include <stdlib.h>

static const char usage[] =
    "map-workload: how one IMC design maps each layer of a workload.\n"
    "\n"
    "Reads a designs CSV (the columns of the reference results: memory,\n"
    "voltage_v, bits_per_cell, cycle_ns, rows, cols, router_groups,\n"
    "tiles_per_group, macros_per_tile, glb_mb, tech_nm; other columns are\n"
    "ignored) and a layer table (from parse-net), takes one design (the\n"
    "first, or --row N) and writes one row per layer: the physical mapping\n"
    "(cells_per_weight, row_tiles, col_tiles, groups_per_xbar, xbars for one\n"
    "copy of the weights, utilization, array_reads), the reference's CiMLoop\n"
    "mapping (rows_used, cols_used, macros_used, p_spatial, cycles, valid =\n"
    "0 when an RRAM design leaves a weight loop temporal) and latency_s.\n"
    "--summary writes one row instead: the design, workload, layers, xbars\n"
    "needed, chip_xbars, fits (0/1), utilization, cycles, latency_s, valid.\n"
    "\n"
    "Examples:\n"
    "  $ map-workload --design t/data/map-workload/designs.csv \\\n"
    "      t/data/map-workload/tiny.csv\n"
    "  $ map-workload --summary --row 2 -d t/data/map-workload/designs.csv \\\n"
    "      t/data/map-workload/tiny.csv\n"
    "  $ parse-net workloads/vgg16.net | map-workload \\\n"
    "      -d t/data/cost-eval/designs.csv -\n"
    "\n"
    "Usage: map-workload [options] --design DESIGNS.csv LAYERS.csv\n"
    "\n"
    "Options:\n"
    "  -d, --design FILE  designs CSV (required)\n"
    "  -r, --row N        use the N-th design of FILE (default 1, the\n"
    "                     first data row)\n"
    "  -s, --summary      one summary row instead of one row per layer\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"design", required_argument, 0, 'd'},
        {"row", required_argument, 0, 'r'},
        {"summary", no_argument, 0, 's'},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *design_path = NULL;
    long row = 1;
    int summary = 0, opt;

    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, "d:r:s" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, usage, &common))
            continue;
        switch (opt) {
        case 'd': design_path = optarg; break;
        case 'r':
            if (csvio_to_long(optarg, &row) || row < 1)
                return cli_usage_error("option '--row': got '%s', expected "
                                       "an integer >= 1", optarg);
            break;
        case 's': summary = 1; break;
        }
    }
    if (!design_path)
        return cli_usage_error("missing --design DESIGNS.csv");
    if (optind >= argc)
        return cli_usage_error("missing layer table (LAYERS.csv)");
    if (argc - optind > 1)
        return cli_usage_error("unexpected argument '%s' (one LAYERS.csv "
                               "only)", argv[optind + 1]);

    design *designs = NULL;
    size_t nd = 0;
    net *n = NULL;
    int st = design_read_all(design_path, &designs, &nd);
    if (st == IMC_OK && (size_t)row > nd)
        st = imc_fail(design_path, 1, "--row %ld, but the file holds %zu "
                      "design%s", row, nd, nd == 1 ? "" : "s");
    if (st == IMC_OK)
        st = net_read_table(argv[optind], &n);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        const design *d = &designs[row - 1];
        /* A failed write shows as ferror(), which the commit reports. */
        if (summary)
            map_write_summary(out.fp, d, n);
        else
            map_write_layers(out.fp, d, n);
        st = csvio_out_commit(&out);
    }
    net_free(n);
    free(designs);
    return st;
}
