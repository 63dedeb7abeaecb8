/* options.h: seq-search's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_SEQ_SEARCH_OPTIONS_H
#define IMC_SEQ_SEARCH_OPTIONS_H

#include "cli.h"
#include "search.h"

typedef struct ss_options {
    const char *space_path;
    const char *steps_path;      /* --steps: the steps of every start */
    const char *starts_path;     /* --starts: the start points */
    const char *start;           /* --start NAME, e.g. max or middle */
    const char *layers[SEARCH_MAX_WORKLOADS]; /* layer tables, in order */
    size_t nlayers;
    search_objective objective;
    unsigned long *seeds;        /* malloc'd; free with ss_options_free */
    size_t nseeds;
    double area_max_mm2;
    cli_model model;             /* --latency, --constants-rram/-sram */
    const char *final;           /* -o; NULL or "-": stdout */
    const char *steps_out;       /* --steps-out; NULL: not written */
} ss_options;

/* Parse argv into *o (defaults in the usage text).  --help and --version
 * print and exit 0.  Returns IMC_OK, or prints a usage error and returns
 * IMC_EINPUT. */
int ss_options_parse(int argc, char **argv, ss_options *o);
/* Release the seed list; the struct may be parsed into again. */
void ss_options_free(ss_options *o);

#endif
