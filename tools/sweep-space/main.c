/* sweep-space: the exact optimum of a design space, by exhaustive search. */
#include "cli.h"
#include "err.h"
#include "options.h"
#include "sweep.h"

#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>

static const char usage[] =
    "sweep-space: find the best designs of a whole design space exactly.\n"
    "\n"
    "Evaluates every design of the space (experiments/space-*.csv) on every\n"
    "layer table and writes, for each area limit and each target (every\n"
    "workload alone, E*L*A; with two or more workloads joint = max E * max\n"
    "L * A, mean and all; with --nodes el_cost and ela_cost), the best\n"
    "design that meets the limit and holds the weights, or feasible=0 and\n"
    "a warning when none does: the optimum ga-search approximates.  Counts\n"
    "are computed once per crossbar geometry and only where they can\n"
    "matter, so the P2 RRAM space (12.1 million designs) takes a fraction\n"
    "of a second.  Optional outputs: each optimum evaluated per workload,\n"
    "the K best designs per target, the Pareto front; --shard sweeps one of\n"
    "N parts for sweep-merge.  Columns: docs/sweep.md.\n"
    "\n"
    "Examples:\n"
    "  $ sweep-space --space t/data/ga-search/space.csv \\\n"
    "      t/data/ga-search/small.csv t/data/ga-search/tiny.csv\n"
    "  $ sweep-space --space t/data/ga-search/space.csv --area-max 10,50 \\\n"
    "      --per-workload per-workload.csv --top 3 top.csv \\\n"
    "      --pareto front.csv -o best.csv \\\n"
    "      t/data/ga-search/small.csv t/data/ga-search/tiny.csv\n"
    "  $ sweep-space --space t/data/sweep/sram.csv \\\n"
    "      --nodes experiments/nodes.csv --by tech_nm \\\n"
    "      t/data/ga-search/small.csv t/data/ga-search/tiny.csv\n"
    "\n"
    "Usage: sweep-space --space SPACE.csv [options] LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "      --area-max LIST      area limits in mm2, comma-separated\n"
    "                           (default 800), all found in one pass\n"
    "      --by PARAM           also the optimum per value of a design\n"
    "                           parameter (e.g. tech_nm): column by_value\n"
    "      --nodes FILE         node table (experiments/nodes.csv): designs\n"
    "                           outside their node's voltage range are\n"
    "                           skipped; adds targets el_cost, ela_cost\n"
    "      --per-workload FILE  each optimum evaluated on every workload\n"
    "      --top K FILE         the K best designs per target and limit\n"
    "      --pareto FILE        the Pareto front of the designs feasible for\n"
    "                           every workload under the largest limit\n"
    "      --pareto-objectives LIST  minimised (default max_energy_j,\n"
    "                           max_latency_s,area_mm2; also edap, cost,\n"
    "                           energy_j:WORKLOAD, latency_s:WORKLOAD)\n"
    "      --pareto-max N       fail when a thread's front exceeds N designs\n"
    "                           (default 100000)\n"
    "      --threads N          sweeping threads (default 1; the outputs\n"
    "                           are the same for any N)\n"
    "      --shard I/N          sweep part I of N (for sweep-merge)\n"
    "      --no-prune           evaluate every design (same outputs, slower)\n"
    "      --force              sweep more than 1e9 designs\n"
    CLI_MODEL_HELP
    "\n" CLI_COMMON_HELP;

/* Progress on a terminal: the share of the designs swept so far. */
static void
show_progress(void *arg, uint64_t done, uint64_t total)
{
    (void)arg;
    fprintf(stderr, "\r%s: %5.1f %% of %" PRIu64 " designs swept%s",
            imc_err_program(), 100.0 * (double)done / (double)total, total,
            done == total ? "\n" : "");
}

int
main(int argc, char **argv)
{
    cli_init(argv[0]);
    ss_options o;
    if (ss_options_parse(argc, argv, usage, &o) != IMC_OK)
        return IMC_EINPUT;
    sweep_inputs in;
    sweep_config c;
    sweep_result *r = NULL;
    int st = sweep_inputs_read(&in, o.space_path, o.nodes_path, o.layers,
                               o.nlayers);
    if (st == IMC_OK && !(in.model = cli_model_load(&o.model)))
        st = IMC_EINPUT;
    if (st == IMC_OK) {
        sweep_config_init(&c, in.model, &in.space, in.nets, in.nnets);
        c.nodes = in.has_nodes ? &in.nodes : NULL;
        st = ss_options_apply(&o, &c);
    }
    if (st == IMC_OK && isatty(STDERR_FILENO)) {
        fprintf(stderr, "%s: %" PRIu64 " designs to sweep (%.0f in the "
                "space)\n", imc_err_program(), sweep_part_designs(&c),
                space_size(&in.space));
        c.progress = show_progress;
    }
    if (st == IMC_OK)
        st = sweep_run(&c, &r);
    if (st == IMC_OK)
        st = sweep_write_files(r, &o.out, stderr);
    sweep_result_free(r);
    sweep_inputs_free(&in);
    return st;
}
