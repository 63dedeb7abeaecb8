/* options.h: ga-search's command line, parsed into a plain struct (the
 * library never sees argv). */
#ifndef IMC_GA_SEARCH_OPTIONS_H
#define IMC_GA_SEARCH_OPTIONS_H

#include "cli.h"
#include "schedule.h"
#include "search.h"

typedef struct gs_options {
    const char *space_path;
    const char *layers[SEARCH_MAX_WORKLOADS]; /* layer tables, in order */
    size_t nlayers;
    const char *report[SEARCH_MAX_WORKLOADS]; /* --report-on tables */
    size_t nreport;
    search_objective objective;
    schedule_opts sched;
    unsigned long *seeds;        /* malloc'd; free with gs_options_free */
    size_t nseeds;
    unsigned long threads;
    double area_max_mm2;
    cli_model model;             /* --latency, --constants-rram/-sram */
    const char *best;            /* NULL or "-": stdout */
    const char *history;         /* NULL: not written */
    const char *evaluated;       /* NULL: not written */
    const char *nodes;           /* NULL, or the node table */
} gs_options;

/* Parse argv into *o (defaults in the usage text).  --help and --version
 * print and exit 0.  Returns IMC_OK, or prints a usage error and returns
 * IMC_EINPUT. */
int gs_options_parse(int argc, char **argv, const char *usage,
                     gs_options *o);
void gs_options_free(gs_options *o);

#endif
