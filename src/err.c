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

/* Control bytes escaped; see err.h.  A value quoted from the input can then
 * neither break the one-line message nor send escape sequences to a
 * terminal. */
void
imc_escape_controls(const char *text, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text;
         *p && n + 1 < cap; p++) {
        if (*p >= 0x20 && *p != 0x7f) {
            out[n++] = (char)*p;
            continue;
        }
        if (n + 5 > cap)
            break;
        out[n++] = '\\';
        out[n++] = 'x';
        out[n++] = hex[*p >> 4];
        out[n++] = hex[*p & 15];
    }
    out[n] = '\0';
}

static int
vfail(int status, const char *file, long line, const char *fmt, va_list ap)
{
    char raw[sizeof last_message];
    size_t n = 0;
    if (file && line > 0)
        n = (size_t)snprintf(raw, sizeof raw, "%s:%ld: ", file, line);
    else if (file)
        n = (size_t)snprintf(raw, sizeof raw, "%s: ", file);
    if (n < sizeof raw)
        vsnprintf(raw + n, sizeof raw - n, fmt, ap);
    imc_escape_controls(raw, last_message, sizeof last_message);
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
