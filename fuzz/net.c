/* Harness: the own .net format (netfmt_read_stream). */
#include "fuzz.h"
#include "netfmt.h"

#include <stdio.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp)
        return 0;
    net *n = NULL;
    netfmt_read_stream(fp, "fuzz.net", "fuzz", &n);
    fclose(fp);
    net_free(n);
    return 0;
}
