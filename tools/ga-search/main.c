/* ga-search: search a design space for the chip that minimises an
 * energy-latency-area objective over one or more workloads. */
#include "cli.h"
#include "err.h"
#include "ga.h"
#include "searchio.h"

static const char usage[] =
    "ga-search: evolutionary search for the best IMC chip for workloads.\n"
    "\n"
    "Reads a design space (CSV, one row per parameter with its values, e.g.\n"
    "experiments/space-rram-p2.csv) and one layer table per workload (from\n"
    "parse-net), evaluates designs in-process with the analytic cost model\n"
    "and runs a genetic algorithm (P1: SBX crossover, polynomial mutation,\n"
    "binary tournament, elitist survival; or P2's four phases with\n"
    "restarts).  Each design is scored by the objective (single: E*L*A;\n"
    "joint: max E * max L * A; mean: mean E * mean L * A; all: A * prod E *\n"
    "prod L) under the area limit and, for RRAM, the rule that all weights\n"
    "are on chip.  Writes the best design (one row per workload: the design,\n"
    "workload, energy_j, latency_s, area_mm2, edap = E*L*A, score,\n"
    "violation), and optionally one history row per generation and every\n"
    "design evaluated.  The same seed gives byte-identical files.\n"
    "\n"
    "Examples:\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --seed 3 \\\n"
    "      vgg16.csv resnet18.csv alexnet.csv mobilenet_v3.csv -o best.csv\n"
    "  $ ga-search --space s.csv --objective single vgg16.csv \\\n"
    "      --history hist.csv --evaluated all.csv --best best.csv\n"
    "  $ ga-search --schedule p2-phases --objective mean --space s.csv a.csv"
    " b.csv\n"
    "\n"
    "Usage: ga-search [options] --space SPACE.csv LAYERS.csv...\n"
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "  -w, --workload-layers F  a workload's layer table (repeatable; layer\n"
    "                           tables may also follow as arguments)\n"
    "      --objective NAME     joint (default), single, mean or all\n"
    "      --schedule NAME      p1 (default) or p2-phases\n"
    "      --pop N              population (default 70)\n"
    "  -g, --generations N      generations, the first being the random\n"
    "                           population (p1, default 20), or offspring\n"
    "                           generations per phase (p2-phases, default 10)\n"
    "      --init-candidates N  p2-phases: random feasible designs drawn\n"
    "                           (default 1000)\n"
    "      --init-keep N        p2-phases: kept by max-min Hamming distance\n"
    "                           and evaluated (default 500)\n"
    "      --area-max MM2       area limit in mm2 (default 800)\n"
    COSTIO_HELP
    "  -b, --best FILE          the best design (same as -o)\n"
    "      --history FILE       one row per generation: generation, phase,\n"
    "                           evaluations, cache_hits, best_score,\n"
    "                           best_violation, n_feasible, mean_score\n"
    "      --evaluated FILE     every design evaluated, in order\n"
    CLI_SEED_HELP
    "\n"
    "Every output starts with a '# ga-search seed=N rng=mt19937 ...' line.\n"
    "On a terminal, progress is shown on stderr.\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    searchio_opts o;
    searchio_run r;
    cli_init(argv[0]);
    int st = searchio_parse(argc, argv, usage, &o);
    if (st != IMC_OK)
        return st;
    st = searchio_open(&r, &o);
    for (size_t ph = 0; st == IMC_OK && ph < r.nphases; ph++) {
        st = searchio_phase(&r, ph);
        while (st == IMC_OK && ga_test(r.ga, r.gen_end) == GA_CONTINUE) {
            ga_iterate(r.ga);
            st = searchio_step(&r);
        }
    }
    return searchio_finish(&r, st);
}
