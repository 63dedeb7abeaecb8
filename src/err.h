/* err.h: the one way the library reports bad input.
 *
 * Library code never exits.  When it meets bad input it calls imc_fail(),
 * which formats "file:line: what is wrong", hands it to the installed handler
 * and returns IMC_EINPUT, so a caller can write `return imc_fail(...)`.  The
 * default handler prints "<program>: <message>" on stderr, which is the
 * toolkit's one error format; tests install their own handler to capture
 * the text.  Control bytes in a message (a value quoted from the input) are
 * written as \xNN, once here for every caller.  Status codes double as the
 * tools' exit codes (README, "Exit codes").  The module owns one
 * per-thread message buffer and the program name pointer; nothing to free.
 */
#ifndef IMC_ERR_H
#define IMC_ERR_H

#include <stdarg.h>
#include <stddef.h>

enum {
    IMC_EOF = -1,     /* end of input (csvio_read): not an error, never an
                         exit code */
    IMC_OK = 0,       /* success */
    IMC_EINPUT = 2,   /* bad input data, usage error or I/O failure */
    IMC_ENUMERIC = 3  /* numerical failure (GSL status other than success) */
};

typedef void imc_err_handler(const char *message);

/* Set the program name used as the prefix of every message. */
void imc_err_set_program(const char *name);
const char *imc_err_program(void);

/* Install a handler (NULL restores the default stderr printer); returns the
 * previous one. */
imc_err_handler *imc_err_set_handler(imc_err_handler *handler);

/* Report "file:line: fmt..." (line <= 0 drops the line part, file NULL drops
 * the location) and return IMC_EINPUT. */
int imc_fail(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Report a message with a caller-chosen status (e.g. IMC_ENUMERIC). */
int imc_fail_status(int status, const char *file, long line,
                    const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Copy text into out (cap bytes, always terminated, cut when full) with
 * every control byte (below 0x20, and 0x7f) written as \xNN; bytes from
 * 0x80 up are kept (they may be UTF-8).  imc_fail does this to every
 * message; tools printing their own messages call it on quoted values. */
void imc_escape_controls(const char *text, char *out, size_t cap);

/* The text of the last reported message (for tests). */
const char *imc_err_last(void);

#endif
