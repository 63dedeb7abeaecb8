/* cli.c: shared option handling and the GSL handler. */
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
static const char *invoked_as;

void
cli_init_program(char **argv0)
{
    invoked_as = *argv0;
    imc_err_set_program(*argv0);
    *argv0 = (char *)imc_err_program();
    gsl_set_error_handler(gsl_handler);
}

int
cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", imc_err_program());
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", imc_err_program());
    return IMC_EINPUT;
}

int
cli_common_option(int opt, const char *arg, const char *usage,
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

int
cli_parse_ulong(const char *opt, const char *arg, unsigned long *out)
{
    long v;
    if (!csvio_parse_long(arg, &v) || v < 0)
        return cli_usage_error("option '%s': got '%s', expected an integer >= 0",
                               opt, arg);
    *out = (unsigned long)v;
    return IMC_OK;
}

const char *
cli_data_path(const char *argv0, const char *relative)
{
    static char buf[4096];
    if (invoked_as)
        argv0 = invoked_as;
    const char *slash = strrchr(argv0, '/');
    if (slash) {
        int n = (int)(slash - argv0);
        snprintf(buf, sizeof buf, "%.*s/../%s", n, argv0, relative);
        if (access(buf, R_OK) == 0)
            return buf;
    }
    snprintf(buf, sizeof buf, "%s", relative);
    return buf;
}
