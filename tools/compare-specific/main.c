/* compare-specific: joint design vs workload-specific and largest-workload
 * designs (P1's generalisation loss and gain). */
#include "cli.h"
#include "compare.h"
#include "csvio.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "compare-specific: compare a joint design with workload-specific and\n"
    "largest-workload designs.\n"
    "\n"
    "Reads cost-eval outputs (columns workload, energy_j, latency_s,\n"
    "area_mm2, optionally fits and the design columns; one design per file)\n"
    "and scores each design on each workload as E*L*A.  Scores are\n"
    "normalised by the workload's own specific design: n_d(w).  Writes one\n"
    "row per workload: scores, n_specific (= 1), n_largest, n_joint, the\n"
    "losses 100(n - 1), the joint-vs-largest gain as the reference computes\n"
    "it, 100(n_largest - n_joint), and as a relative reduction,\n"
    "100(1 - n_joint/n_largest), and the fits flags.  With --long: one row\n"
    "per workload and design instead.  Rows follow the --specific order.\n"
    "\n"
    "Examples:\n"
    "  $ compare-specific --specific vgg16=spec-vgg16.csv \\\n"
    "      --specific alexnet=spec-alexnet.csv \\\n"
    "      --largest spec-vgg16.csv --joint joint.csv -o compare.csv\n"
    "  $ compare-specific --long --specific a.csv --specific b.csv \\\n"
    "      --largest a.csv --joint j.csv\n"
    "\n"
    "Usage: compare-specific [--long] --specific [WORKLOAD=]FILE...\n"
    "                        --largest FILE --joint FILE [-o FILE]\n"
    "\n"
    "Options:\n"
    "      --specific [W=]FILE  the specific design of workload W, evaluated\n"
    "                     at least on W (other rows ignored); without W= the\n"
    "                     file must hold one workload, the target; repeat\n"
    "                     once per workload\n"
    "      --largest FILE the largest workload's design on every workload\n"
    "      --joint FILE   the joint design on every workload\n"
    "      --long         write the long format (workload, design, energy_j,\n"
    "                     latency_s, area_mm2, fits, score, normalised)\n"
    "\n" CLI_COMMON_HELP;

enum { OPT_SPECIFIC = 256, OPT_LARGEST, OPT_JOINT, OPT_LONG };

/* The --specific arguments, in order (static: still reachable on exit). */
static char **spec;

/* Split "W=FILE" (W without '/') into its parts; otherwise *w = NULL. */
static const char *
split_target(char *arg, const char **w)
{
    char *eq = strchr(arg, '=');
    *w = NULL;
    if (!eq || eq == arg || memchr(arg, '/', (size_t)(eq - arg)))
        return arg;
    *eq = '\0';
    *w = arg;
    return eq + 1;
}

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"specific", required_argument, 0, OPT_SPECIFIC},
        {"largest", required_argument, 0, OPT_LARGEST},
        {"joint", required_argument, 0, OPT_JOINT},
        {"long", no_argument, 0, OPT_LONG},
        CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *largest = NULL, *joint = NULL;
    int long_format = 0, nspec = 0, opt;

    spec = calloc((size_t)argc, sizeof *spec);

    cli_init(argv[0]);
    if (!spec)
        return imc_fail(NULL, 0, "out of memory");
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1) {
        if (cli_common_option_p(opt, optarg, USAGE, &common))
            continue;
        switch (opt) {
        case OPT_SPECIFIC: spec[nspec++] = optarg; break;
        case OPT_LARGEST:
            if (largest)
                return cli_usage_error("--largest given twice");
            largest = optarg;
            break;
        case OPT_JOINT:
            if (joint)
                return cli_usage_error("--joint given twice");
            joint = optarg;
            break;
        case OPT_LONG: long_format = 1; break;
        default: return cli_usage_error("unknown option");
        }
    }
    if (optind < argc)
        return cli_usage_error("unexpected argument '%s'", argv[optind]);
    if (nspec == 0 || !largest || !joint)
        return cli_usage_error("need --specific, --largest and --joint");

    compare_table *t = compare_alloc();
    int st = t ? IMC_OK : IMC_EINPUT;
    for (int i = 0; i < nspec && st == IMC_OK; i++) {
        const char *w;
        const char *file = split_target(spec[i], &w);
        st = compare_add_specific(t, file, w);
    }
    if (st == IMC_OK)
        st = compare_add_baseline(t, COMPARE_LARGEST, largest);
    if (st == IMC_OK)
        st = compare_add_baseline(t, COMPARE_JOINT, joint);
    if (st == IMC_OK)
        st = compare_finish(t);

    csvio_out out;
    if (st == IMC_OK && (st = csvio_out_open(&out, common.output)) == IMC_OK) {
        st = long_format ? compare_write_long(out.fp, t)
                         : compare_write(out.fp, t);
        if (st == IMC_OK)
            st = csvio_out_commit(&out);
        else
            csvio_out_abort(&out);
    }
    compare_free(t);
    free(spec);
    return st;
}
