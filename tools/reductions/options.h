/* options.h: reductions' command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_REDUCTIONS_OPTIONS_H
#define IMC_REDUCTIONS_OPTIONS_H

#include "cli.h"
#include "reduce.h"

typedef struct rd_options {
    reduce_request q;           /* strings point into argv */
    const char *aggregate;      /* the --aggregate name */
    cli_common common;
} rd_options;

/* Parse argv into *o (default --select best).  --help and --version print
 * and exit 0.  Returns IMC_OK, or prints a usage error and returns
 * IMC_EINPUT. */
int rd_options_parse(int argc, char **argv, rd_options *o);

#endif
