/* options.h: summarise's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_SUMMARISE_OPTIONS_H
#define IMC_SUMMARISE_OPTIONS_H

#include "cli.h"
#include "summary.h"

/* Most columns one list may name. */
#define MAX_COLS 64

typedef struct sm_options {
    const char *group[MAX_COLS], *metric[MAX_COLS];
    size_t ngroup, nmetric;
    char *rep, *pattern;        /* --replicates COL=PATTERN, split */
    unsigned long seed, resamples;
    double level;
    char **files;               /* the inputs (argv's tail) */
    size_t nfiles;
    cli_common common;
} sm_options;

/* Parse argv into *o (defaults: seed 1, 10000 resamples, level 0.95).
 * --help and --version print and exit 0.  Returns IMC_OK, or prints a
 * usage error and returns IMC_EINPUT. */
int sm_options_parse(int argc, char **argv, sm_options *o);

#endif
