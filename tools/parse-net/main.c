/* parse-net: a network description to the layer table. */
#include "cli.h"
#include "csvio.h"
#include "err.h"
#include "formats.h"
#include "net.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "parse-net: turn a network description into the layer table (CSV)\n"
    "that the other tools read.\n"
    "\n"
    "PATH is one of: a file in the project's own format (workloads/*.net,\n"
    "see workloads/README.md), whose shapes are propagated from its\n"
    "'input' line; a CiMLoop / Timeloop v0.4 problem file (*.yaml, one\n"
    "layer) or a directory of them (one *.yaml per layer, read in name\n"
    "order); an ONNX model (*.onnx: Conv, Gemm and MatMul nodes become\n"
    "layers, shapes propagated from the graph inputs); or a NeuroSim\n"
    "NetWork.csv (eight integers a row, no header).  The format is found\n"
    "from the path and the first line, or named with --format.  The table\n"
    "has one row per weight layer: name, op, C, M, R, S, P, Q, stride,\n"
    "groups, weights, macs, the data statistics x_mean and w_mean_1..8\n"
    "(from YAML histograms, else the defaults) and dynamic (1 for a matmul\n"
    "between activations).  docs/importers.md describes every format.\n"
    "\n"
    "Examples:\n"
    "  $ parse-net workloads/vgg16.net -o vgg16.csv\n"
    "  $ parse-net t/data/cimloop/tiny\n"
    "  $ parse-net --format neurosim t/data/parse-net/neurosim/NetWork_VGG8.csv\n"
    "\n"
    "Synopsis: parse-net [-o FILE] [-f FORMAT] (FILE | DIRECTORY | -)\n"
    "\n"
    "Options:\n"
    "  -f, --format FORMAT  " FORMAT_NAMES " (default auto;\n"
    "                       stdin is read as net unless named)\n"
    "      --any-batch      ONNX: read a graph input's fixed batch size as\n"
    "                       1 (default: only 1 or symbolic is accepted)\n"
    "\n" CLI_COMMON_HELP;

int
main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, 0, 'f'},
        {"any-batch", no_argument, 0, 'B'}, CLI_COMMON_LONGOPTS,
        {0, 0, 0, 0}};
    cli_common common = {0};
    const char *format = "auto";
    int opt, any_batch = 0;
    cli_init(argv[0]);
    while ((opt = getopt_long(argc, argv, "f:" CLI_COMMON_SHORTOPTS,
                              longopts, NULL)) != -1) {
        if (opt == 'f') {
            if (!format_known_p(optarg))
                return cli_usage_error("option '--format': got '%s', "
                                       "expected " FORMAT_NAMES, optarg);
            format = optarg;
        } else if (opt == 'B') {
            any_batch = 1;
        } else if (!cli_common_option_p(opt, optarg, usage, &common)) {
            return cli_usage_error("unexpected option");
        }
    }
    if (optind == argc)
        return cli_usage_error("missing PATH (a .net, .yaml, .onnx or "
                               "NeuroSim file, or a CiMLoop directory)");
    if (argc - optind > 1)
        return cli_usage_error("unexpected argument '%s' (one PATH only)",
                               argv[optind + 1]);

    net *n = NULL;
    int st = format_read(argv[optind], format, any_batch, &n);
    if (st != IMC_OK)
        return st;

    /* A failed write shows as ferror(), which the commit reports. */
    csvio_out out;
    csvio_out *outs[] = {&out};
    st = csvio_out_open(&out, common.output);
    if (st == IMC_OK) {
        net_write_table(out.fp, n);
        st = csvio_out_commit_all(outs, 1);
    }
    net_free(n);
    return st;
}
