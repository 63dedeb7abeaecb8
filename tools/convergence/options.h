/* options.h: convergence's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_CONVERGENCE_OPTIONS_H
#define IMC_CONVERGENCE_OPTIONS_H

#include "cli.h"
#include "converge.h"

typedef struct cv_options {
    converge_request q;             /* strings point into argv */
    double grid[CONVERGE_MAX_GRID]; /* --grid, q.grid points here */
    const char *summary;            /* --summary FILE, NULL: not written */
    cli_common common;
} cv_options;

/* Parse argv into *o (default --within 1).  --help and --version print
 * and exit 0.  Returns IMC_OK, or prints a usage error and returns
 * IMC_EINPUT. */
int cv_options_parse(int argc, char **argv, cv_options *o);

#endif
