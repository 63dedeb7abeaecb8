/* pick-design: one run (a seed's best design on every workload) from an
 * evaluation file. */
#include "cli.h"
#include "csvio.h"
#include "csvtab.h"
#include "err.h"
#include "pick.h"

#include <stdio.h>
#include <stdlib.h>

static const char USAGE[] =
    "pick-design: choose one run from an evaluation file.\n"
    "\n"
    "Reads an evaluation file (ga-search --best: seed, the design columns,\n"
    "workload, energy_j, latency_s, area_mm2, edap, score, violation,\n"
    "feasible, in_objective; one row per seed and workload), optionally only\n"
    "its rows matching :COL=VAL terms, and chooses one run (a seed's rows;\n"
    "without a seed column the rows are one run): --best the feasible runs\n"
    "first, then the lowest violation, the lowest score, the lowest seed;\n"
    "--median the run with the median score of the feasible runs (the lower\n"
    "median for an even count; of all runs when none is feasible); --seed N\n"
    "that seed's run.  Writes the run's rows with every column, or with\n"
    "--designs-only one row: the design columns, seed, score, violation,\n"
    "feasible (a designs file for cost-eval and map-workload).  An\n"
    "infeasible pick is an answer: feasible=0 and one warning line.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/alexnet.net -o alexnet.csv\n"
    "  $ ga-search --space experiments/space-rram-p2.csv --seeds 1-5 \\\n"
    "      --pop 10 --generations 3 alexnet.csv -o runs.csv\n"
    "  $ pick-design runs.csv --median --designs-only -o design.csv\n"
    "\n"
    "Usage: pick-design FILE[:COL=VAL...] (--best | --median | --seed N)\n"
    "                   [--designs-only] [-o OUT]\n"
    "\n"
    "Options:\n"
    "      --best          the best run (the default)\n"
    "      --median        the median run of the feasible runs\n"
    "      --seed N        the run of seed N (1 to 4294967295)\n"
    "      --designs-only  one row: the design, seed, score, violation,\n"
    "                      feasible\n"
    "  FILE:COL=VAL...     only the rows whose COL is VAL (COL!=VAL: is not)\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_BEST = 256, OPT_MEDIAN, OPT_SEED, OPT_DESIGNS };

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"best", no_argument, 0, OPT_BEST},
        {"median", no_argument, 0, OPT_MEDIAN},
        {"seed", required_argument, 0, OPT_SEED},
        {"designs-only", no_argument, 0, OPT_DESIGNS},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    pick_rule rule = PICK_BEST;
    unsigned long seed = 0;
    int opt, nrules = 0, designs_only = 0;

    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, USAGE, &common))
            continue;
        switch (opt) {
        case OPT_BEST: rule = PICK_BEST; nrules++; break;
        case OPT_MEDIAN: rule = PICK_MEDIAN; nrules++; break;
        case OPT_SEED:
            if (cli_parse_seed("--seed", optarg, &seed) != IMC_OK)
                return IMC_EINPUT;
            rule = PICK_SEED;
            nrules++;
            break;
        case OPT_DESIGNS: designs_only = 1; break;
        default: return cli_usage_error("unknown option");
        }
    }
    if (nrules > 1)
        return cli_usage_error("give one of --best, --median and --seed");
    if (optind >= argc)
        return cli_usage_error("missing FILE");
    if (optind + 1 < argc)
        return cli_usage_error("unexpected argument '%s' (one FILE only)",
                               argv[optind + 1]);

    char *path = NULL, why[256];
    csvtab_sel sel;
    csvtab *t = NULL;
    pick_choice c = {0};
    int st = csvtab_spec_parse(argv[optind], &path, &sel, why, sizeof why);
    if (st != IMC_OK)
        st = cli_usage_error("FILE: %s", why);
    if (st == IMC_OK)
        st = csvtab_read(path, sel.n ? &sel : NULL, &t);
    if (st == IMC_OK)
        st = pick_run(t, rule, seed, &c);
    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        fprintf(out.fp, "# pick-design %s --%s", argv[optind],
                pick_rule_name(rule));
        if (rule == PICK_SEED)
            fprintf(out.fp, " %lu", seed);
        fputs(": ", out.fp);
        if (c.has_seed)
            fprintf(out.fp, "seed %lu of ", c.seed);
        fprintf(out.fp, "%zu runs (%zu feasible)\n", c.nruns, c.nfeasible);
        if (designs_only)
            pick_write_design(out.fp, t, &c);
        else
            pick_write_rows(out.fp, t, &c);
        st = csvio_out_commit(&out);
    }
    if (st == IMC_OK && !c.feasible)
        fprintf(stderr, "%s: warning: the picked run is not feasible "
                "(violation %g; %zu of %zu runs feasible); its rows have "
                "feasible=0\n", imc_err_program(), c.violation, c.nfeasible,
                c.nruns);
    pick_choice_clear(&c);
    csvtab_free(t);
    csvtab_sel_free(&sel);
    free(path);
    return st;
}
