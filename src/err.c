/* err.c: message formatting and the replaceable error handler. */
#include "err.h"

#include <stdio.h>
#include <string.h>

static const char *program_name = "imc";
static imc_err_handler *handler;
/* per thread: runs in several threads may report at once */
static _Thread_local char last_message[1024];

void
imc_err_set_program(const char *name)
{
    const char *slash = strrchr(name, '/');
    program_name = slash ? slash + 1 : name;
}

const char *
imc_err_program(void)
{
    return program_name;
}

imc_err_handler *
imc_err_set_handler(imc_err_handler *h)
{
    imc_err_handler *old = handler;
    handler = h;
    return old;
}

static int
vfail(int status, const char *file, long line, const char *fmt, va_list ap)
{
    size_t n = 0;
    if (file && line > 0)
        n = (size_t)snprintf(last_message, sizeof last_message, "%s:%ld: ",
                             file, line);
    else if (file)
        n = (size_t)snprintf(last_message, sizeof last_message, "%s: ", file);
    if (n < sizeof last_message)
        vsnprintf(last_message + n, sizeof last_message - n, fmt, ap);
    if (handler)
        handler(last_message);
    else
        fprintf(stderr, "%s: %s\n", program_name, last_message);
    return status;
}

int
imc_fail(const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int status = vfail(IMC_EINPUT, file, line, fmt, ap);
    va_end(ap);
    return status;
}

int
imc_fail_status(int status, const char *file, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(status, file, line, fmt, ap);
    va_end(ap);
    return status;
}

const char *
imc_err_last(void)
{
    return last_message;
}
