/* ga-search: search a design space for the chip that minimises an
 * energy-latency-area objective over one or more workloads. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "gabatch.h"
#include "options.h"

#include <stdlib.h>
#include <unistd.h>

/* The help text in two parts (ISO C guarantees string literals of only
 * 4095 characters), joined in main. */
static const char usage_head[] =
    "ga-search: evolutionary search for the best IMC chip for workloads.\n"
    "\n"
    "Reads a design space (CSV, one row per parameter with its values, e.g.\n"
    "experiments/space-rram-p2.csv) and one layer table per workload (from\n"
    "parse-net), evaluates designs in-process with the analytic cost model\n"
    "and runs a genetic algorithm (P1: SBX crossover, polynomial mutation,\n"
    "binary tournament, elitist survival; or P2's four phases with\n"
    "restarts), once per seed.  Each design is scored by the objective\n"
    "(single: E*L*A; joint: max E * max L * A; mean: mean E * mean L * A;\n"
    "all: A * prod E * prod L) under the area limit and, for RRAM, the rule\n"
    "that all weights are on chip.  Writes the best design of each seed (one\n"
    "row per workload: seed, the design, workload, energy_j, latency_s,\n"
    "area_mm2, edap = E*L*A, score, violation, feasible, in_objective),\n"
    "and optionally one history row per generation and every design\n"
    "evaluated.  When no design\n"
    "found meets the constraints, its rows say feasible=0 and one warning\n"
    "line says so.  The same seeds give byte-identical files, for any\n"
    "--threads.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ parse-net workloads/resnet18.net -o resnet18.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --seed 3 \\\n"
    "      vgg16.csv resnet18.csv -o best.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --objective single\\\n"
    "      --seeds 1-20 --threads 2 --history hist.csv --best best.csv \\\n"
    "      vgg16.csv\n"
    "  $ ga-search --schedule p2-phases --objective mean \\\n"
    "      --space experiments/space-rram-p2.csv vgg16.csv resnet18.csv\n"
    "\n"
    "Usage: ga-search [options] --space SPACE.csv LAYERS.csv...\n";

static const char usage_options[] =
    "\n"
    "Options:\n"
    "      --space FILE         design space (required)\n"
    "  -w, --workload-layers F  a workload's layer table (repeatable; layer\n"
    "                           tables may also follow as arguments)\n"
    "      --report-on F        a further workload's layer table on which\n"
    "                           each best design is evaluated for the\n"
    "                           record only (rows with in_objective=0;\n"
    "                           repeatable)\n"
    "      --objective NAME     joint (default), single, mean, all, el_cost\n"
    "                           (max E * max L * cost) or ela_cost (max E *\n"
    "                           max L * A * cost), cost = A * node factor\n"
    "      --schedule NAME      p1 (default) or p2-phases\n"
    "      --pop N              population, 2 to 100000 (default 70)\n"
    "  -g, --generations N      generations, the first being the random\n"
    "                           population (p1, default 20), or offspring\n"
    "                           generations per phase (p2-phases, default 10)\n"
    "      --init-candidates N  p2-phases: random feasible designs drawn\n"
    "                           (default 1000)\n"
    "      --init-keep N        p2-phases: kept by max-min Hamming distance\n"
    "                           and evaluated (default 500)\n"
    "      --max-evaluations N  a budget of distinct designs evaluated: stop\n"
    "                           before a generation could exceed it\n"
    "      --max-requests N     a budget of designs asked for (cache hits\n"
    "                           included), never exceeded\n"
    "      --area-max MM2       area limit in mm2 (default 800)\n"
    "      --nodes FILE         node table (experiments/nodes.csv): a design\n"
    "                           outside its node's voltage range is\n"
    "                           infeasible; needed by el_cost and ela_cost\n"
    CLI_MODEL_HELP
    "  -b, --best FILE          the best design of each seed (same as -o)\n"
    "      --history FILE       one row per seed and generation: seed,\n"
    "                           generation, phase, requests, evaluations,\n"
    "                           cache_hits, best_score, best_violation,\n"
    "                           n_feasible, mean_score\n"
    "      --evaluated FILE     every design evaluated, in order, with each\n"
    "                           workload's energy and latency\n"
    CLI_SEED_HELP
    "      --seeds LIST         run once per seed of LIST (e.g. 1-20 or\n"
    "                           1,4,9); rows carry their seed\n"
    "      --threads N          worker threads (default 1)\n"
    "\n"
    "Every output starts with a '# ga-search seeds=... rng=mt19937 ...'\n"
    "line.  On a terminal, progress is shown on stderr.\n"
    "\n" CLI_COMMON_HELP;

/* The provenance comment line of every output. */
static void
write_comment(FILE *fp, const gs_options *o)
{
    const schedule_opts *s = &o->sched;
    fprintf(fp, "# ga-search seeds=%lu", o->seeds[0]);
    if (o->nseeds > 1)
        fprintf(fp, "..%lu(%zu)", o->seeds[o->nseeds - 1], o->nseeds);
    fprintf(fp, " rng=%s schedule=%s objective=%s pop=%zu generations=%zu",
            gsl_rng_mt19937->name, schedule_kind_name(s->kind),
            search_objective_name(o->objective), s->pop, s->generations);
    if (s->kind == SCHEDULE_P2_PHASES)
        fprintf(fp, " init=%zu/%zu", s->init_candidates, s->init_keep);
    if (s->max_evaluations)
        fprintf(fp, " max_evaluations=%lu", s->max_evaluations);
    if (s->max_requests)
        fprintf(fp, " max_requests=%lu", s->max_requests);
    if (o->nodes)
        fprintf(fp, " nodes=%s", o->nodes);
    fprintf(fp, " area_max_mm2=%.10g latency=%s space=%s\n", o->area_max_mm2,
            cost_latency_name(o->model.latency), o->space_path);
}

int
main(int argc, char **argv)
{
    static char usage[sizeof usage_head + sizeof usage_options];
    snprintf(usage, sizeof usage, "%s%s", usage_head, usage_options);
    gs_options o;
    cli_init(argv[0]);
    int st = gs_options_parse(argc, argv, usage, &o);
    if (st != IMC_OK)
        return st;
    space sp;
    net **nets = NULL, **extra = NULL;
    cost_model *model = NULL;
    nodes_table nodes;
    if ((st = space_read(o.space_path, &sp)) == IMC_OK)
        st = net_read_tables((char *const *)o.layers, o.nlayers, &nets);
    if (st == IMC_OK && o.nreport)
        st = net_read_tables((char *const *)o.report, o.nreport, &extra);
    if (st == IMC_OK && !(model = cli_model_load(&o.model)))
        st = IMC_EINPUT;
    if (st == IMC_OK && o.nodes)
        st = nodes_read(o.nodes, &nodes);
    /* every output is written to a temporary and committed together */
    csvio_out out[3];
    const char *path[3] = {o.best, o.history, o.evaluated};
    int open[3] = {0, 0, 0};
    for (int k = 0; st == IMC_OK && k < 3; k++)
        if ((k == 0 || path[k]) &&
            (st = csvio_out_open(&out[k], path[k])) == IMC_OK) {
            open[k] = 1;
            write_comment(out[k].fp, &o);
        }
    if (st == IMC_OK) {
        garun_write_best_header(out[0].fp);
        if (open[1])
            garun_write_history_header(out[1].fp);
        if (open[2])
            garun_write_evaluated_header(out[2].fp,
                                         (const net *const *)nets, o.nlayers);
        gabatch_opts b = {&sp, model, (const net *const *)nets, o.nlayers,
                          o.objective, o.area_max_mm2, o.model.latency,
                          o.sched, o.nodes ? &nodes : NULL,
                          (const net *const *)extra, o.nreport,
                          o.seeds, o.nseeds, (unsigned)o.threads};
        gabatch_summary sum;
        st = gabatch_run(&b, out[0].fp, open[1] ? out[1].fp : NULL,
                         open[2] ? out[2].fp : NULL,
                         isatty(STDERR_FILENO) ? stderr : NULL, &sum);
        if (st == IMC_OK && sum.ninfeasible)
            fprintf(stderr, "%s: warning: no design meets the constraints "
                    "for %zu of %zu seeds (seed %lu: best violation %.3g); "
                    "their rows have feasible=0\n", imc_err_program(),
                    sum.ninfeasible, sum.nseeds, sum.infeasible_seed[0],
                    sum.infeasible_violation[0]);
    }
    /* all outputs are committed together, or none is */
    csvio_out *commit[3];
    size_t nc = 0;
    for (int k = 0; k < 3; k++)
        if (open[k])
            commit[nc++] = &out[k];
    if (st == IMC_OK)
        st = csvio_out_commit_all(commit, nc);
    else
        for (size_t i = 0; i < nc; i++)
            csvio_out_abort(commit[i]);
    net_free_all(nets, nets ? o.nlayers : 0);
    net_free_all(extra, extra ? o.nreport : 0);
    cost_model_free(model);
    gs_options_free(&o);
    return st;
}
