/* options.h: sweep-space's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_SWEEP_SPACE_OPTIONS_H
#define IMC_SWEEP_SPACE_OPTIONS_H

#include "cli.h"
#include "sweep.h"

typedef struct ss_options {
    const char *space_path;
    const char *nodes_path;        /* NULL: no node table */
    char **layers;                 /* the layer tables (into argv) */
    size_t nlayers;
    cli_model model;               /* --latency, --constants-rram/-sram */
    sweep_paths out;               /* -o, --per-workload, --top, --pareto */
    size_t nlimits;
    double limits[SWEEP_MAX_LIMITS];
    int by;                        /* DESIGN_* or -1 */
    size_t top_k;
    const char *pareto_objectives; /* names, resolved by ss_options_apply */
    unsigned long pareto_max, threads, shard, nshards;
    int prune, force;
} ss_options;

/* Parse argv into *o (defaults in the usage text).  --help and --version
 * print and exit 0.  Returns IMC_OK, or prints a usage error and returns
 * IMC_EINPUT. */
int ss_options_parse(int argc, char **argv, const char *usage,
                     ss_options *o);

/* Fill config c (from sweep_config_init) with the options, resolving the
 * Pareto objectives against the workloads read.  IMC_OK, or a usage
 * error. */
int ss_options_apply(const ss_options *o, sweep_config *c);

#endif
