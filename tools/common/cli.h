/* cli.h: what every tool's main() shares, compiled into libtools.a beside
 * the tools (never into libimc, which knows nothing of argv): the common
 * options (-o, -h, --version), the cost-model options (--latency,
 * --constants-rram, --constants-sram), the seed option, the usage-error
 * format, where the toolkit's own data files are, and a GSL error handler
 * that reports instead of aborting.
 *
 * State: the program name lives in err.c (imc_err_set_program); the path
 * the executable was invoked as is kept here, for cli_data_path.  Both are
 * set once by cli_init() at the top of main().
 *
 * Exit codes (README "Exit codes", every tool's --help):
 *   0 success; 2 bad input, usage error or I/O failure; 3 numerical failure.
 */
#ifndef IMC_TOOLS_CLI_H
#define IMC_TOOLS_CLI_H

#include <getopt.h>

#include "cost.h"
#include "search.h"

#define IMC_VERSION "0.2.0"

/* The block every tool's --help ends with, so the shared options read the
 * same everywhere. */
#define CLI_COMMON_HELP                                                      \
    "Common options:\n"                                                      \
    "  -o, --output FILE  write the CSV to FILE (atomically) instead of\n"   \
    "                     stdout\n"                                          \
    "  -h, --help         show this help and exit\n"                         \
    "      --version      show the version and exit\n"                       \
    "  An input named '-' is read from stdin.\n"                             \
    "\n"                                                                     \
    "Exit status: 0 success; 2 bad input, usage or I/O error (one line\n"    \
    "'tool: file:line: what is wrong' on stderr); 3 numerical failure.\n"

/* Seeds of GSL's mt19937 are 32-bit, and it maps seed 0 to its default
 * 4357: only 1 .. 2^32 - 1 give distinct runs, so only those are taken. */
#define CLI_SEED_MAX 4294967295UL

#define CLI_SEED_HELP                                                        \
    "  -s, --seed N             seed of the GSL random generator\n"          \
    "                           (mt19937), an integer from 1 to 4294967295\n" \
    "                           (default 1); recorded in the output\n"

/* Long options shared by all tools; append to a tool's table. */
#define CLI_COMMON_LONGOPTS                                                  \
    {"output", required_argument, 0, 'o'},                                   \
    {"help", no_argument, 0, 'h'},                                           \
    {"version", no_argument, 0, 'V'}
#define CLI_COMMON_SHORTOPTS "o:h"

typedef struct cli_common {
    const char *output;  /* -o FILE, NULL for stdout */
} cli_common;

/* Set the program name for messages (the base name of argv[0], which it
 * also rewrites so getopt's own messages say "tool: ..." rather than
 * "./bin/tool: ..."), remember the path as invoked (cli_data_path) and
 * switch GSL's abort handler off.  Call it as cli_init(argv[0]). */
#define cli_init(argv0) cli_init_program(&(argv0))
void cli_init_program(char **argv0);

/* Predicate: 1 when opt is one of the common options, which it then
 * handles (help and version print and exit 0; -o sets common->output); 0
 * when opt is the tool's own.  On '?' (getopt's unknown option) prints the
 * "Try" line and exits 2. */
int cli_common_option_p(int opt, const char *arg, const char *usage,
                        cli_common *common);

/* Print "tool: message" and "Try 'tool --help'." on stderr; return
 * IMC_EINPUT (2). */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse an option value: a non-negative integer, an integer >= 1, a seed
 * (1 .. CLI_SEED_MAX), a number > 0.  IMC_OK, or a usage error naming the
 * option and the value. */
int cli_parse_ulong(const char *opt, const char *arg, unsigned long *out);
int cli_parse_positive(const char *opt, const char *arg, unsigned long *out);
int cli_parse_seed(const char *opt, const char *arg, unsigned long *out);
int cli_parse_double_positive(const char *opt, const char *arg, double *out);

/* Which objectives an option takes: every one (with the node table's cost
 * objectives), every one but those, or only the aggregations over several
 * workloads (joint, mean, all). */
typedef enum { CLI_OBJ_ALL, CLI_OBJ_NO_COST, CLI_OBJ_AGGREGATE } cli_objectives;
/* Parse an objective name for option opt: IMC_OK, or a usage error that
 * lists the names allowed. */
int cli_parse_objective(const char *opt, const char *arg, cli_objectives which,
                        search_objective *o);
/* Append path to a list of at most SEARCH_MAX_WORKLOADS layer tables:
 * IMC_OK, or a usage error when the list is full. */
int cli_add_layers(const char **list, size_t *n, const char *path);

/* Parse a seed list "A", "A-B" or comma-separated items of those (e.g.
 * "1-20,50"), each seed 1 .. CLI_SEED_MAX, at most CLI_MAX_SEEDS in all,
 * no seed twice, into a new array *seeds (the caller frees) of *n seeds in
 * the order given.  IMC_OK, or a usage error naming the option. */
#define CLI_MAX_SEEDS 100000
int cli_parse_seed_list(const char *opt, const char *arg,
                        unsigned long **seeds, size_t *n);

/* Path of a file shipped with the toolkit (e.g. "experiments/constants/
 * rram.csv"), found relative to the executable (bin/../, or the install
 * prefix's share/imc-codesign/) so tools work from any directory; falls
 * back to the relative path itself.  Returns a static buffer valid until
 * the next call. */
const char *cli_data_path(const char *relative);

/* ---- the cost-model options of every tool that evaluates designs ---- */

/* Long-option codes of --constants-rram / --constants-sram (no short
 * form); --latency is -l. */
enum { CLI_OPT_RRAM = 0x200, CLI_OPT_SRAM };

#define CLI_MODEL_LONGOPTS                                                   \
    {"latency", required_argument, 0, 'l'},                                  \
    {"constants-rram", required_argument, 0, CLI_OPT_RRAM},                  \
    {"constants-sram", required_argument, 0, CLI_OPT_SRAM}

#define CLI_MODEL_HELP                                                       \
    "  -l, --latency MODE       reference (default: the reference's pinned\n"\
    "                           CiMLoop mapping) or physical (input pulses\n" \
    "                           and array reads charged)\n"                   \
    "      --constants-rram F   RRAM constants (default\n"                    \
    "                           experiments/constants/rram.csv)\n"            \
    "      --constants-sram F   SRAM constants (default\n"                    \
    "                           experiments/constants/sram.csv)\n"

typedef struct cli_model {
    char constants_rram[4096];  /* path of the RRAM constants file */
    char constants_sram[4096];  /* path of the SRAM constants file */
    cost_latency_mode latency;
} cli_model;

/* Defaults: reference latency, the constants shipped with the toolkit
 * (cli_data_path; call after cli_init). */
void cli_model_init(cli_model *o);
/* Predicate: 1 when opt is one of CLI_MODEL_LONGOPTS. */
int cli_model_option_p(int opt);
/* Handle one of them: IMC_OK, or a usage error (IMC_EINPUT). */
int cli_model_set(int opt, const char *arg, cli_model *o);
/* Load both constants files; NULL after reporting. */
cost_model *cli_model_load(const cli_model *o);

#endif
