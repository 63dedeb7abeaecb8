/* cli.h: what every tool's main() shares: the common options (-o, -h,
 * --version, --seed), the usage-error format, and a GSL error handler that
 * reports instead of aborting.  Owns no heap data.
 *
 * Exit codes (README "Exit codes", every tool's --help):
 *   0 success; 2 bad input, usage error or I/O failure; 3 numerical failure.
 */
#ifndef IMC_CLI_H
#define IMC_CLI_H

#include <getopt.h>

#define IMC_VERSION "0.1.0"

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

#define CLI_SEED_HELP                                                        \
    "  -s, --seed N             seed of the GSL random generator\n"          \
    "                           (mt19937), an integer >= 0 (default 1);\n"   \
    "                           recorded in the output\n"

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
 * "./bin/tool: ...") and switch GSL's abort handler off.  Call it as
 * cli_init(argv[0]). */
#define cli_init(argv0) cli_init_program(&(argv0))
void cli_init_program(char **argv0);

/* Handle one of the common options.  Returns 1 when opt was one of them
 * (help and version print and exit 0), 0 when it is the tool's own; on '?'
 * (getopt's unknown option) prints the "Try" line and exits 2. */
int cli_common_option(int opt, const char *arg, const char *usage,
                      cli_common *common);

/* Print "tool: message" and "Try 'tool --help'." on stderr; return 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse a non-negative integer option value or report a usage error. */
int cli_parse_ulong(const char *opt, const char *arg, unsigned long *out);



/* Path of a file shipped with the toolkit (e.g. "experiments/constants/
 * rram.csv"), found relative to the executable (bin/../) so tools work from
 * any directory; falls back to the relative path itself.  After
 * cli_init() it uses argv[0] as invoked, whatever argv0 says.  Returns a static
 * buffer valid until the next call. */
const char *cli_data_path(const char *argv0, const char *relative);
#endif
