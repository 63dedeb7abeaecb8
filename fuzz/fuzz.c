/* fuzz.c: helpers shared by the harnesses (see fuzz.h). */
#include "fuzz.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[4096];

static void
remove_file(void)
{
    if (path[0])
        unlink(path);
}

static void
drop(const char *message)
{
    (void)message;
}

void
fuzz_quiet(void)
{
    imc_err_set_handler(drop);
}

const char *
fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    if (!path[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/imc-fuzz-%ld%s", dir ? dir : "/tmp",
                 (long)getpid(), suffix);
        atexit(remove_file);
    }
    FILE *fp = fopen(path, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp))
        abort();
    return path;
}
