/* tap.c: the TAP producer behind tap.h. */
#include "tap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long planned, run, failed;
static int lazy;

static void
finish(void)
{
    if (lazy)
        printf("1..%lu\n", run);
    fflush(stdout);
    if ((!lazy && run != planned) || failed)
        _exit(failed ? (failed > 254 ? 254 : (int)failed) : 255);
}

void
plan(unsigned long count)
{
    planned = count;
    printf("1..%lu\n", count);
    fflush(stdout);
    atexit(finish);
}

void
plan_lazy(void)
{
    lazy = 1;
    atexit(finish);
}

static int
report(int success, const char *fmt, va_list ap)
{
    run++;
    if (!success)
        failed++;
    printf("%sok %lu - ", success ? "" : "not ", run);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    return success;
}

int
ok(int success, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(success, fmt, ap);
    va_end(ap);
    return success;
}

int
is_int(long expected, long seen, const char *fmt, ...)
{
    va_list ap;
    int success = expected == seen;
    va_start(ap, fmt);
    report(success, fmt, ap);
    va_end(ap);
    if (!success)
        diag("wanted: %ld\n    seen: %ld", expected, seen);
    return success;
}

int
is_double(double expected, double seen, double eps, const char *fmt, ...)
{
    va_list ap;
    int success = fabs(expected - seen) <= eps;
    va_start(ap, fmt);
    report(success, fmt, ap);
    va_end(ap);
    if (!success)
        diag("wanted: %.12g +- %g\n    seen: %.12g", expected, eps, seen);
    return success;
}

int
is_rel(double expected, double seen, double rel, const char *fmt, ...)
{
    va_list ap;
    int success = fabs(expected - seen) <= rel * fabs(expected);
    va_start(ap, fmt);
    report(success, fmt, ap);
    va_end(ap);
    if (!success)
        diag("wanted: %.12g (rel %g)\n    seen: %.12g", expected, rel, seen);
    return success;
}

int
is_string(const char *expected, const char *seen, const char *fmt, ...)
{
    va_list ap;
    int success = expected && seen && strcmp(expected, seen) == 0;
    va_start(ap, fmt);
    report(success, fmt, ap);
    va_end(ap);
    if (!success)
        diag("wanted: %s\n    seen: %s", expected ? expected : "(null)",
             seen ? seen : "(null)");
    return success;
}

void
diag(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("# ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void
bail(const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    printf("Bail out! ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
    _exit(255);
}

const char *
tap_data(void)
{
    const char *d = getenv("TAP_DATA");
    return d ? d : "t/data";
}
