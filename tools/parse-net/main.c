/* parse-net: a network description to the layer table. */
#include "cimloop.h"
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "net.h"
#include "netfmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static const char usage[] =
    "parse-net: turn a network description into the layer table (CSV)\n"
    "that the other tools read.\n"
    "\n"
    "PATH is either a file in the project's own format (workloads/*.net;\n"
    "see workloads/README.md), whose layer shapes are propagated from the\n"
    "'input' line, or a directory of CiMLoop / Timeloop v0.4 problem files\n"
    "(one *.yaml per layer, read in name order, as in the reference's\n"
    "workloads/).  The table has one row per weight layer: name, op, C, M,\n"
    "R, S, P, Q, stride, groups, weights, macs and the data statistics\n"
    "x_mean and w_mean_1..8 (from the YAML histograms, or the defaults for\n"
    "the own format).\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o results/vgg16.csv\n"
    "  $ parse-net ../shared/reference/cimloop/workloads/resnet18\n"
    "  $ parse-net - < my.net\n"
    "\n"
    "Synopsis: parse-net [-o FILE] (FILE.net | DIRECTORY | -)\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
                                             {0, 0, 0, 0}};
    cli_common common = {0};
    int opt;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, CLI_COMMON_SHORTOPTS, longopts,
                              NULL)) != -1)
        if (!cli_common_option_p(opt, optarg, usage, &common))
            return cli_usage_error("unexpected option");
    if (optind == argc)
        return cli_usage_error("missing PATH (a .net file or a CiMLoop "
                               "directory)");
    if (argc - optind > 1)
        return cli_usage_error("unexpected argument '%s' (one PATH only)",
                               argv[optind + 1]);
    const char *path = argv[optind];

    net *n = NULL;
    struct stat sb;
    int st;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        st = cimloop_read_dir(path, &n);
    else
        st = netfmt_read(path, &n);
    if (st != IMC_OK)
        return st;

    /* A failed write shows as ferror(), which the commit reports. */
    csvio_out out;
    st = csvio_out_open(&out, common.output);
    if (st == IMC_OK) {
        net_write_table(out.fp, n);
        st = csvio_out_commit(&out);
    }
    net_free(n);
    return st;
}
