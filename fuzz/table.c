/* Harness: the layer-table CSV (net_read_table). */
#include "fuzz.h"
#include "net.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_quiet();
    net *n = NULL;
    net_read_table(fuzz_file(data, size, ".csv"), &n);
    net_free(n);
    return 0;
}
