/* scratch.c: the scratch file and message capture of the C tests
 * (scratch.h). */
#include "scratch.h"
#include "err.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[] = "/tmp/imc-test-XXXXXX";
static char msg[1024];

static void
capture(const char *m)
{
    snprintf(msg, sizeof msg, "%s", m);
}

void
scratch_init(void)
{
    int fd = mkstemp(path);
    if (fd < 0)
        bail("cannot make a scratch file");
    close(fd);
    imc_err_set_handler(capture);
}

void
scratch_done(void)
{
    unlink(path);
}

const char *
scratch_path(void)
{
    return path;
}

const char *
scratch_put(const char *text)
{
    FILE *fp = fopen(path, "w");
    if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0)
        bail("cannot write %s", path);
    return path;
}

const char *
scratch_msg(void)
{
    return msg;
}

void
scratch_clear(void)
{
    msg[0] = '\0';
}

const char *
scratch_tail(void)
{
    size_t n = strlen(path);
    return strncmp(msg, path, n) == 0 ? msg + n : msg;
}
