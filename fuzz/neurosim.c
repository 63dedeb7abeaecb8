/* Harness: NeuroSim NetWork.csv files (neurosim_read_stream), and the
 * first-line test parse-net detects them with. */
#include "fuzz.h"
#include "neurosim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    char *line = malloc(size + 1);
    if (!line)
        return 0;
    memcpy(line, data, size);
    line[size] = '\0';
    neurosim_row_p(line);
    free(line);
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp)
        return 0;
    net *n = NULL;
    neurosim_read_stream(fp, "fuzz.csv", "fuzz", &n);
    fclose(fp);
    net_free(n);
    return 0;
}
