/* options.h: compare-specific's command line, parsed into a plain struct
 * (the library never sees argv). */
#ifndef IMC_COMPARE_SPECIFIC_OPTIONS_H
#define IMC_COMPARE_SPECIFIC_OPTIONS_H

#include "cli.h"
#include "compare.h"

typedef struct cs_options {
    compare_request q;          /* strings point into argv */
    const char *aggregate;      /* the --aggregate name, NULL when none */
    cli_common common;
} cs_options;

/* Parse argv into *o.  --help and --version print and exit 0.  Returns
 * IMC_OK, or prints a usage error and returns IMC_EINPUT. */
int cs_options_parse(int argc, char **argv, cs_options *o);

#endif
