/* cli.c: shared option handling, data paths and the GSL handler of the
 * tools (see cli.h). */
#include "cli.h"
#include "csvio.h"
#include "err.h"

#include <gsl/gsl_errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* GSL's default handler calls abort(); a tool must instead report and let
 * the caller turn the returned status into exit code 3. */
static void
gsl_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    (void)gsl_errno;
    fprintf(stderr, "%s: gsl: %s (%s:%d)\n", imc_err_program(), reason, file,
            line);
}

/* argv[0] as the shell gave it (cli_init shortens argv[0] itself), kept to
 * find the toolkit's own data files next to the executable. */
static const char *invoked_as = "";

void
cli_init_program(char **argv0)
{
    invoked_as = *argv0;
    imc_err_set_program(*argv0);
    *argv0 = (char *)imc_err_program();
    gsl_set_error_handler(gsl_handler);
    /* a tool killed by a signal removes its temporary outputs */
    csvio_cleanup_on_signals();
}

int
cli_usage_error(const char *fmt, ...)
{
    char msg[1024], esc[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* option values come from the user: no raw control bytes */
    imc_escape_controls(msg, esc, sizeof esc);
    fprintf(stderr, "%s: %s\nTry '%s --help'.\n", imc_err_program(), esc,
            imc_err_program());
    return IMC_EINPUT;
}

int
cli_common_option_p(int opt, const char *arg, const char *usage,
                    cli_common *common)
{
    switch (opt) {
    case 'o':
        common->output = arg;
        return 1;
    case 'h':
        fputs(usage, stdout);
        exit(fflush(stdout) == 0 ? 0 : IMC_EINPUT);
    case 'V':
        printf("%s (imc-codesign) %s\n", imc_err_program(), IMC_VERSION);
        exit(fflush(stdout) == 0 ? 0 : IMC_EINPUT);
    case '?':
        /* getopt already printed what was wrong. */
        fprintf(stderr, "Try '%s --help'.\n", imc_err_program());
        exit(IMC_EINPUT);
    default:
        return 0;
    }
}

/* An integer in [min, max], or a usage error that says so. */
static int
parse_range(const char *opt, const char *arg, unsigned long min,
            unsigned long max, unsigned long *out)
{
    long v;
    if (csvio_to_long(arg, &v) != IMC_OK || v < 0 ||
        (unsigned long)v < min || (unsigned long)v > max) {
        if (max == (unsigned long)__LONG_MAX__)
            return cli_usage_error("option '%s': got '%s', expected an "
                                   "integer >= %lu", opt, arg, min);
        return cli_usage_error("option '%s': got '%s', expected an integer "
                               "from %lu to %lu", opt, arg, min, max);
    }
    *out = (unsigned long)v;
    return IMC_OK;
}

int
cli_parse_ulong(const char *opt, const char *arg, unsigned long *out)
{
    return parse_range(opt, arg, 0, (unsigned long)__LONG_MAX__, out);
}

int
cli_parse_positive(const char *opt, const char *arg, unsigned long *out)
{
    return parse_range(opt, arg, 1, (unsigned long)__LONG_MAX__, out);
}

int
cli_parse_seed(const char *opt, const char *arg, unsigned long *out)
{
    return parse_range(opt, arg, 1, CLI_SEED_MAX, out);
}

int
cli_parse_double_positive(const char *opt, const char *arg, double *out)
{
    double v;
    if (csvio_to_double(arg, &v) != IMC_OK || !(v > 0))
        return cli_usage_error("option '%s': got '%s', expected a number > 0",
                               opt, arg);
    *out = v;
    return IMC_OK;
}

int
cli_parse_objective(const char *opt, const char *arg, cli_objectives which,
                    search_objective *o)
{
    static const char *const expected[] = {
        "single, joint, mean, all, el_cost or ela_cost",
        "single, joint, mean or all", "joint, mean or all"};
    search_objective v;
    int ok = search_objective_from_name(arg, &v) == IMC_OK;
    if (ok && which != CLI_OBJ_ALL && search_objective_needs_nodes_p(v))
        ok = 0;
    if (ok && which == CLI_OBJ_AGGREGATE && v == SEARCH_SINGLE)
        ok = 0;
    if (!ok)
        return cli_usage_error("option '%s': got '%s', expected %s", opt,
                               arg, expected[which]);
    *o = v;
    return IMC_OK;
}

int
cli_add_layers(const char **list, size_t *n, const char *path)
{
    if (*n == SEARCH_MAX_WORKLOADS)
        return cli_usage_error("too many workloads (at most %d)",
                               SEARCH_MAX_WORKLOADS);
    list[(*n)++] = path;
    return IMC_OK;
}

/* Compare two seeds (qsort). */
static int
cmp_seed(const void *a, const void *b)
{
    unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
    return (x > y) - (x < y);
}

int
cli_parse_seed_list(const char *opt, const char *arg, unsigned long **seeds,
                    size_t *n)
{
    size_t cap = 0, m = 0;
    unsigned long *v = NULL;
    char *copy = strdup(arg), *save = NULL;
    int st = copy ? IMC_OK : cli_usage_error("out of memory");
    for (char *item = copy ? strtok_r(copy, ",", &save) : NULL;
         st == IMC_OK && item; item = strtok_r(NULL, ",", &save)) {
        unsigned long lo = 0, hi = 0;
        char *dash = strchr(item, '-');
        if (dash)
            *dash = '\0';
        if (parse_range(opt, item, 1, CLI_SEED_MAX, &lo) != IMC_OK ||
            (dash && parse_range(opt, dash + 1, 1, CLI_SEED_MAX, &hi) !=
                         IMC_OK)) {
            st = IMC_EINPUT;
            break;
        }
        if (!dash)
            hi = lo;
        if (hi < lo || hi - lo >= CLI_MAX_SEEDS ||
            m + (hi - lo + 1) > CLI_MAX_SEEDS) {
            st = cli_usage_error("option '%s': got '%s', expected at most "
                                 "%d seeds in increasing ranges", opt, arg,
                                 CLI_MAX_SEEDS);
            break;
        }
        for (unsigned long s = lo; s <= hi; s++) {
            if (m == cap) {
                cap = cap ? 2 * cap : 16;
                unsigned long *g = realloc(v, cap * sizeof *v);
                if (!g) {
                    st = cli_usage_error("out of memory");
                    break;
                }
                v = g;
            }
            v[m++] = s;
        }
    }
    if (st == IMC_OK && m == 0)
        st = cli_usage_error("option '%s': got '%s', expected seeds such as "
                             "1-20", opt, arg);
    if (st == IMC_OK) {
        /* no seed twice: two runs with one seed are the same run */
        unsigned long *sorted = malloc(m * sizeof *sorted);
        if (!sorted)
            st = cli_usage_error("out of memory");
        else {
            memcpy(sorted, v, m * sizeof *v);
            qsort(sorted, m, sizeof *sorted, cmp_seed);
            for (size_t i = 1; st == IMC_OK && i < m; i++)
                if (sorted[i] == sorted[i - 1])
                    st = cli_usage_error("option '%s': seed %lu given twice",
                                         opt, sorted[i]);
            free(sorted);
        }
    }
    free(copy);
    if (st != IMC_OK) {
        free(v);
        return st;
    }
    *seeds = v;
    *n = m;
    return IMC_OK;
}

/* Look for relative beside the executable whose path is exe: a checkout's
 * bin/../<relative>, or an install's bin/../share/imc-codesign/. */
static int
beside(const char *exe, const char *relative, char *buf, size_t cap)
{
    const char *slash = strrchr(exe, '/');
    if (!slash)
        return 0;
    int n = (int)(slash - exe);
    snprintf(buf, cap, "%.*s/../%s", n, exe, relative);
    if (access(buf, R_OK) == 0)
        return 1;
    snprintf(buf, cap, "%.*s/../share/imc-codesign/%s", n, exe, relative);
    return access(buf, R_OK) == 0;
}

const char *
cli_data_path(const char *relative)
{
    static char buf[4096];
    char self[4096];
    if (beside(invoked_as, relative, buf, sizeof buf))
        return buf;
    /* started through PATH (no slash in argv[0]): where the executable
     * really is */
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) {
        self[n] = '\0';
        if (beside(self, relative, buf, sizeof buf))
            return buf;
    }
    snprintf(buf, sizeof buf, "%s", relative);
    return buf;
}

/* ---- cost-model options ------------------------------------------- */

void
cli_model_init(cli_model *o)
{
    o->latency = COST_LATENCY_REFERENCE;
    snprintf(o->constants_rram, sizeof o->constants_rram, "%s",
             cli_data_path("experiments/constants/rram.csv"));
    snprintf(o->constants_sram, sizeof o->constants_sram, "%s",
             cli_data_path("experiments/constants/sram.csv"));
}

int
cli_model_option_p(int opt)
{
    return opt == 'l' || opt == CLI_OPT_RRAM || opt == CLI_OPT_SRAM;
}

int
cli_model_set(int opt, const char *arg, cli_model *o)
{
    switch (opt) {
    case 'l':
        if (cost_latency_from_name(arg, &o->latency) != IMC_OK)
            return cli_usage_error("option '--latency': got '%s', expected "
                                   "reference or physical", arg);
        return IMC_OK;
    case CLI_OPT_RRAM:
        snprintf(o->constants_rram, sizeof o->constants_rram, "%s", arg);
        return IMC_OK;
    case CLI_OPT_SRAM:
        snprintf(o->constants_sram, sizeof o->constants_sram, "%s", arg);
        return IMC_OK;
    default:
        return cli_usage_error("internal error: option %d is not a model "
                               "option", opt);
    }
}

cost_model *
cli_model_load(const cli_model *o)
{
    return cost_model_load(o->constants_rram, o->constants_sram);
}
