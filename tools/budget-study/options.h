/* options.h: budget-study's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_BUDGET_STUDY_OPTIONS_H
#define IMC_BUDGET_STUDY_OPTIONS_H

#include "budget.h"
#include "cli.h"

typedef struct bs_options {
    budget_request q;           /* strings point into argv */
    const char *path[3];        /* -o (NULL: stdout), --fractions,
                                   --runs-summary (NULL: not written) */
    cli_common common;
} bs_options;

/* Parse argv into *o (defaults: seed 1, 100000 draws).  --help and
 * --version print and exit 0.  Returns IMC_OK, or prints a usage error
 * and returns IMC_EINPUT. */
int bs_options_parse(int argc, char **argv, bs_options *o);

#endif
