/* Harness: a directory of problem files (cimloop_read_dir): the input is
 * split at form feeds ('\f') into up to 8 files 0.yaml, 1.yaml, ... of a
 * directory made once per process. */
#include "cimloop.h"
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILES 8

static char dir[4096];

static void
remove_dir(void)
{
    char p[4200];
    for (int i = 0; i < MAX_FILES; i++) {
        snprintf(p, sizeof p, "%s/%d.yaml", dir, i);
        unlink(p);
    }
    rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    if (!dir[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/imc-fuzz-dir-XXXXXX", t ? t : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(remove_dir);
    }
    char p[4200];
    size_t start = 0;
    int nfiles = 0;
    for (size_t i = 0; i <= size && nfiles < MAX_FILES; i++) {
        if (i < size && data[i] != '\f')
            continue;
        snprintf(p, sizeof p, "%s/%d.yaml", dir, nfiles++);
        FILE *fp = fopen(p, "wb");
        if (!fp)
            abort();
        fwrite(data + start, 1, i - start, fp);
        fclose(fp);
        start = i + 1;
    }
    for (int i = nfiles; i < MAX_FILES; i++) {
        snprintf(p, sizeof p, "%s/%d.yaml", dir, i);
        unlink(p);
    }
    net *n = NULL;
    cimloop_read_dir(dir, &n);
    net_free(n);
    return 0;
}
