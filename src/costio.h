/* costio.h: cost-eval's batch: every design on every workload, as CSV.
 *
 * Owns nothing: the caller keeps the model, designs and nets.  The output
 * contract is fixed because outside checks call it: the design columns
 * (design.h), then workload, energy_j, latency_s, area_mm2, fits, then the
 * per-component breakdown energy_<comp>_j and area_<comp>_mm2 (cost.h).
 */
#ifndef IMC_COSTIO_H
#define IMC_COSTIO_H

#include <getopt.h>
#include <stdio.h>

#include "cost.h"

/* ---- the options shared by every tool that evaluates designs -------- */

/* Long-option codes of --constants-rram / --constants-sram (no short
 * form); --latency is -l. */
enum { COSTIO_OPT_RRAM = 0x200, COSTIO_OPT_SRAM };

#define COSTIO_LONGOPTS                                                      \
    {"latency", required_argument, 0, 'l'},                                  \
    {"constants-rram", required_argument, 0, COSTIO_OPT_RRAM},               \
    {"constants-sram", required_argument, 0, COSTIO_OPT_SRAM}

#define COSTIO_HELP                                                          \
    "  -l, --latency MODE       reference (default: the reference's pinned\n"\
    "                           CiMLoop mapping) or physical (input pulses\n" \
    "                           and array reads charged)\n"                   \
    "      --constants-rram F   RRAM constants (default\n"                    \
    "                           experiments/constants/rram.csv)\n"            \
    "      --constants-sram F   SRAM constants (default\n"                    \
    "                           experiments/constants/sram.csv)\n"

typedef struct costio_opts {
    char constants_rram[4096];  /* path of the RRAM constants file */
    char constants_sram[4096];  /* path of the SRAM constants file */
    cost_latency_mode latency;
} costio_opts;

/* Defaults: reference latency, the constants shipped beside the
 * executable (cli_data_path; call after cli_init). */
void costio_opts_init(costio_opts *o);
/* Handle opt if it is one of COSTIO_LONGOPTS: returns 1 when handled, 0
 * when it is not one of them, IMC_EINPUT after a usage error. */
int costio_option(int opt, const char *arg, costio_opts *o);
/* Load both constants files; NULL after reporting. */
cost_model *costio_load_model(const costio_opts *o);

/* One row per design and workload.  Returns IMC_OK or IMC_EINPUT (reported)
 * when a design's memory type has no constants loaded. */
int costio_write_batch(FILE *fp, const cost_model *m, const design *designs,
                       size_t ndesigns, net *const *nets, size_t nnets,
                       cost_latency_mode mode);

/* One row per design, workload and layer (the per-layer breakdown with the
 * mapping behind it).  `scratch` holds at least the largest net's layer
 * count. */
int costio_write_layers(FILE *fp, const cost_model *m, const design *designs,
                        size_t ndesigns, net *const *nets, size_t nnets,
                        cost_latency_mode mode, cost_layer *scratch);

#endif
